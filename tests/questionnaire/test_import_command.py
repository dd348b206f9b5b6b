"""manage.py import_questionnaire, and reading imported versions back."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from assessments.models import QuestionnaireVersion
from assessments.questionnaire.errors import QuestionnaireError
from assessments.selectors.questionnaires import (
    QuestionnaireUnavailable,
    default_questionnaire_path,
    questionnaire_get,
    questionnaire_get_active,
)
from assessments.services.questionnaires import questionnaire_import
from tests.questionnaire.test_engine import FORMAT_PAGE_EXAMPLE

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_questionnaire", *args, stdout=out)
    return out.getvalue()


def write(tmp_path: Path, text: str, name: str = "q.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_it_prints_a_summary_of_the_default_questionnaire() -> None:
    output = run(str(default_questionnaire_path()), "--activate")
    lines = output.splitlines()
    assert lines[0] == (
        "Imported: General Technology Change TRA (file version 1.0) as default version 1, active."
    )
    assert lines[1:6] == [
        "  Third Party Risk [third_party]: 17 questions",
        "  Data Privacy Risk [data_privacy]: 17 questions",
        "  Artificial Intelligence Risk [artificial_intelligence]: 15 questions",
        "  Intellectual Property Risk [intellectual_property]: 11 questions",
        "  Cyber Security & Resilience [cyber_security]: 21 questions",
    ]
    assert lines[-1] == "Qualifying questions: 10"


def test_it_numbers_versions_per_key_and_activates_only_when_asked(tmp_path: Path) -> None:
    first = write(tmp_path, FORMAT_PAGE_EXAMPLE, "a.yaml")
    second = write(tmp_path, FORMAT_PAGE_EXAMPLE.replace("Small sample", "Revised"), "b.yaml")
    assert "as example version 1, active." in run(first, "--key", "example", "--activate")
    assert "as example version 2, not active." in run(second, "--key", "example")
    assert questionnaire_get_active(key="example")[0] == 1

    run(second, "--key", "example", "--activate")
    version, questionnaire = questionnaire_get_active(key="example")
    assert (version, questionnaire.description) == (2, "Revised")
    assert list(QuestionnaireVersion.objects.filter(key="example").values_list("version", "is_active")) == [
        (2, True),
        (1, False),
    ]
    # Other keys number independently.
    assert "as default version 1" in run(first)


def test_it_returns_the_existing_version_for_an_identical_file(tmp_path: Path) -> None:
    path = write(tmp_path, FORMAT_PAGE_EXAMPLE)
    run(path)
    output = run(path, "--activate")
    assert output.startswith(
        "Already imported, unchanged: Example TRA (file version 1) as default version 1, active."
    )
    assert QuestionnaireVersion.objects.count() == 1
    again = questionnaire_import(text=FORMAT_PAGE_EXAMPLE, activate=False)
    assert (again.version, again.is_active) == (1, True)


def test_it_fails_on_a_broken_file_naming_the_question_and_key_and_saves_nothing(tmp_path: Path) -> None:
    broken = FORMAT_PAGE_EXAMPLE.replace("question_id: DP-1", "question_id: DP-9")
    with pytest.raises(CommandError) as caught:
        run(write(tmp_path, broken), "--activate")
    assert "Question 'DP-2', key 'depends_on': refers to unknown question 'DP-9'." in str(caught.value)
    assert QuestionnaireVersion.objects.count() == 0


def test_it_fails_on_a_yaml_syntax_error_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"YAML syntax error at line 3, column 3"):
        run(write(tmp_path, "assessment: {name: x}\nqualifying_questions: [\n  - {id: Q1\n"))


def test_it_fails_on_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "nope.yaml"))


def test_it_rebuilds_the_same_questionnaire_from_the_database() -> None:
    from assessments.questionnaire.parser import load_questionnaire_yaml

    text = default_questionnaire_path().read_text(encoding="utf-8")
    record = questionnaire_import(text=text, activate=True)
    assert questionnaire_get(key="default", version=record.version) == load_questionnaire_yaml(text)
    assert record.source_version == "1.0"
    assert len(record.sha256) == 64


def test_it_says_clearly_when_no_version_is_active() -> None:
    with pytest.raises(QuestionnaireUnavailable, match="No active questionnaire 'default'. Import one with"):
        questionnaire_get_active()
    with pytest.raises(QuestionnaireUnavailable, match="has no version 7"):
        questionnaire_get(key="default", version=7)


def test_it_rejects_a_key_that_is_not_a_slug() -> None:
    with pytest.raises(QuestionnaireError, match="not a valid questionnaire key"):
        questionnaire_import(text=FORMAT_PAGE_EXAMPLE, key="two words", activate=False)
