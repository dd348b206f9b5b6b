"""import_questionnaire --key KEY --activate makes KEY available without replacing the others."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from assessments.models import QuestionnaireVersion
from assessments.selectors.questionnaires import default_questionnaire_path, questionnaire_get_active
from tests.questionnaire.choice import EXAMPLE_KEY, EXAMPLE_NAME, EXAMPLE_TEXT

pytestmark = pytest.mark.django_db


def _import(*args: str) -> str:
    out = StringIO()
    call_command("import_questionnaire", *args, stdout=out)
    return out.getvalue()


def test_it_activates_a_second_key_and_leaves_default_active(tmp_path: Path) -> None:
    _import(str(default_questionnaire_path()), "--activate")
    path = tmp_path / "example.yaml"
    path.write_text(EXAMPLE_TEXT, encoding="utf-8")

    output = _import(str(path), "--key", EXAMPLE_KEY, "--activate")

    assert f"as {EXAMPLE_KEY} version 1, active." in output
    active = set(QuestionnaireVersion.objects.filter(is_active=True).values_list("key", "version"))
    assert active == {("default", 1), (EXAMPLE_KEY, 1)}
    assert questionnaire_get_active(key="default")[0] == 1
    assert questionnaire_get_active(key=EXAMPLE_KEY)[1].name == EXAMPLE_NAME


def test_it_replaces_only_the_same_keys_active_version(tmp_path: Path) -> None:
    _import(str(default_questionnaire_path()), "--activate")
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(EXAMPLE_TEXT, encoding="utf-8")
    second.write_text(EXAMPLE_TEXT.replace("Small sample", "Revised"), encoding="utf-8")
    _import(str(first), "--key", EXAMPLE_KEY, "--activate")

    _import(str(second), "--key", EXAMPLE_KEY, "--activate")

    active = set(QuestionnaireVersion.objects.filter(is_active=True).values_list("key", "version"))
    assert active == {("default", 1), (EXAMPLE_KEY, 2)}
