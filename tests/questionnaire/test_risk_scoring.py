"""The `risk:` scoring extension of the questionnaire format: what it accepts and what it refuses."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.questionnaire.errors import QuestionnaireError
from assessments.questionnaire.model import RiskRule
from assessments.questionnaire.parser import load_questionnaire_yaml, parse_questionnaire
from assessments.questionnaire.risk_scale import RiskLevel
from assessments.questionnaire.yaml_io import questionnaire_to_mapping, questionnaire_to_yaml
from assessments.selectors.questionnaires import (
    default_questionnaire_path,
    questionnaire_get,
    questionnaire_get_active,
)
from assessments.services.questionnaires import questionnaire_import
from tests.questionnaire.test_engine import FORMAT_PAGE_EXAMPLE
from tests.questionnaire.test_parser import with_changes

SCORED = """
assessment: {name: Scored, version: "1", description: d}
qualifying_questions:
  - {id: Q-1, question: Vendor involved?, response_type: Yes/No,
     on_yes: {action: show_all_questions, risk_area: Third Party}, risk: {Yes: medium}}
risk_areas:
  third_party:
    name: Third Party Risk
    questions:
      - {id: TP-1, question: How critical?, response_type: single-choice,
         options: [Critical, High, Low], risk: {critical: Very High, "HIGH": high}}
      - {id: TP-2, question: Which reports?, response_type: multi-choice,
         options: [SOC 2, None yet], risk: {None yet: very-high}}
      - {id: TP-3, question: Annual value?, response_type: number,
         risk: {">= 1,000,000": very_high, "> 100000": high, "< 0.5": low, "7": medium}}
"""


def rules(question_id: str, text: str = SCORED) -> tuple[RiskRule, ...]:
    return load_questionnaire_yaml(text).question(question_id).risk


def refusal(path: str, risk: Any) -> str:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(with_changes(f"{path}.risk", risk))
    return str(caught.value)


TP_1 = "risk_areas.third_party.questions.0"  # Yes/No
TP_2 = "risk_areas.third_party.questions.1"  # single-choice Gold/Silver


def test_it_reads_levels_spelt_loosely_and_answers_as_the_question_spells_them() -> None:
    assert rules("Q-1") == (RiskRule("Yes", RiskLevel.MEDIUM),)  # an unquoted Yes is YAML's true
    assert rules("TP-1") == (RiskRule("Critical", RiskLevel.VERY_HIGH), RiskRule("High", RiskLevel.HIGH))
    assert rules("TP-2") == (RiskRule("None yet", RiskLevel.VERY_HIGH),)


def test_it_reads_number_comparisons_into_canonical_text() -> None:
    assert [(r.answer, r.level) for r in rules("TP-3")] == [
        (">= 1000000", RiskLevel.VERY_HIGH),
        ("> 100000", RiskLevel.HIGH),
        ("< 0.5", RiskLevel.LOW),
        ("= 7", RiskLevel.MEDIUM),
    ]


def test_a_file_without_risk_keys_has_no_scoring() -> None:
    questionnaire = load_questionnaire_yaml(FORMAT_PAGE_EXAMPLE)
    assert not questionnaire.is_scored
    assert all(q.risk == () for q in questionnaire.all_questions())
    assert "risk:" not in questionnaire_to_yaml(questionnaire)


def test_the_stored_form_keeps_the_scoring() -> None:
    questionnaire = load_questionnaire_yaml(SCORED)
    stored = questionnaire_to_mapping(questionnaire)
    assert stored["risk_areas"]["third_party"]["questions"][0]["risk"] == {
        "Critical": "very_high",
        "High": "high",
    }
    assert parse_questionnaire(stored) == questionnaire


def test_it_refuses_an_unknown_level_naming_the_question() -> None:
    message = refusal(TP_1, {"Yes": "severe"})
    assert message.startswith("Question 'TP-1', key 'risk': answer 'Yes': 'severe' is not a risk level")
    assert "very_low, low, medium, high, very_high" in message


def test_it_refuses_an_answer_a_yes_no_question_cannot_have() -> None:
    assert refusal(TP_1, {"Maybe": "high"}) == (
        "Question 'TP-1', key 'risk': 'Maybe' is not an answer to a Yes/No question: score Yes or No."
    )


def test_it_refuses_a_key_that_is_not_one_of_the_options() -> None:
    assert refusal(TP_2, {"Bronze": "low"}) == (
        "Question 'TP-2', key 'risk': 'Bronze' is not one of the options (Gold, Silver)."
    )


def test_it_refuses_scoring_on_a_free_text_question() -> None:
    data = with_changes(f"{TP_1}.response_type", "free-text")
    data["risk_areas"]["third_party"]["questions"][0]["risk"] = {"Yes": "high"}
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(data)
    assert str(caught.value).startswith("Question 'TP-1', key 'risk': 'risk' cannot score a free-text answer")


@pytest.mark.parametrize(
    ("risk", "problem"),
    [
        ("high", 'must be a mapping of answer to risk level, for example {"Yes": high}.'),
        ({}, "scores no answers."),
        ({"Gold": "low", "gold": "high"}, "answer 'Gold' is scored twice."),
    ],
)
def test_it_refuses_a_malformed_risk_mapping(risk: Any, problem: str) -> None:
    assert refusal(TP_2, risk) == f"Question 'TP-2', key 'risk': {problem}"


def test_it_refuses_a_number_key_that_is_not_a_comparison() -> None:
    text = SCORED.replace('"7": medium', '"about 7": medium')
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire_yaml(text)
    assert str(caught.value).startswith(
        "Question 'TP-3', key 'risk': 'about 7' is not a comparison with a number, such as '>= 100000'"
    )


def test_the_default_questionnaire_is_scored_in_every_area() -> None:
    questionnaire = load_questionnaire_yaml(default_questionnaire_path().read_text())
    assert questionnaire.is_scored
    for area in questionnaire.areas:
        assert any(q.risk for q in area.questions), area.key
    assert questionnaire.question("TP-02").risk[0] == RiskRule("Critical", RiskLevel.VERY_HIGH)
    assert RiskRule("No", RiskLevel.HIGH) in questionnaire.question("TP-04").risk
    assert RiskRule("Yes", RiskLevel.VERY_HIGH) in questionnaire.question("DP-03").risk


@pytest.mark.django_db
def test_importing_the_scored_default_over_an_unscored_one_makes_a_new_version_and_keeps_the_old() -> None:
    # What bootstrap_local does on an installation that holds the default from before scoring.
    scored_text = default_questionnaire_path().read_text(encoding="utf-8")
    unscored_text = _without_risk_blocks(scored_text)
    assert not load_questionnaire_yaml(unscored_text).is_scored

    old = questionnaire_import(text=unscored_text, activate=True)
    new = questionnaire_import(text=scored_text, activate=True)
    again = questionnaire_import(text=scored_text, activate=True)

    assert (old.version, new.version, again.version) == (1, 2, 2)
    assert questionnaire_get_active()[0] == 2
    assert questionnaire_get_active()[1].is_scored
    assert not questionnaire_get(key="default", version=1).is_scored  # assessments on it: not rated


def _without_risk_blocks(text: str) -> str:
    """The file with every `risk:` entry removed (one-line mappings and the indented blocks)."""
    kept: list[str] = []
    block_indent: int | None = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and line.strip() and indent > block_indent:
            continue
        block_indent = None
        if line.strip().startswith("risk:"):
            block_indent = indent
            continue
        kept.append(line)
    return "\n".join(kept) + "\n"
