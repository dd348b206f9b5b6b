"""Bounds on numbers and dates (an optional format extension) and control characters in any text."""

from __future__ import annotations

import datetime as dt

import pytest

from assessments.questionnaire.engine import AnswerInvalid, validate_answer
from assessments.questionnaire.errors import QuestionnaireError
from assessments.questionnaire.model import Question, ResponseType
from assessments.questionnaire.parser import load_questionnaire_yaml
from assessments.questionnaire.yaml_io import questionnaire_to_yaml
from assessments.selectors.questionnaires import default_questionnaire_path

TODAY = dt.date(2026, 12, 2)


def _file(extra: str, response_type: str = "number") -> str:
    return f"""
assessment: {{name: Bounds, version: "1", description: x}}
qualifying_questions:
  - id: Q-1
    question: How much?
    response_type: {response_type}
{extra}
"""


def _question(extra: str, response_type: str = "number") -> Question:
    return load_questionnaire_yaml(_file(extra, response_type)).question("Q-1")


def test_it_refuses_a_number_below_min_with_a_clear_message():
    q = _question("    min: 0")

    with pytest.raises(AnswerInvalid, match="0 or more: it cannot be negative"):
        validate_answer(q, "-1")
    assert validate_answer(q, "0") == "0"
    assert validate_answer(q, "1,250,000") == "1250000"


def test_it_refuses_a_number_outside_min_and_max():
    q = _question("    min: 1.5\n    max: 10")

    with pytest.raises(AnswerInvalid, match="1.5 or more"):
        validate_answer(q, "1.4")
    with pytest.raises(AnswerInvalid, match="10 or less"):
        validate_answer(q, "10.01")
    assert validate_answer(q, "10") == "10"


def test_it_refuses_a_date_in_the_past_when_not_before_is_today():
    q = _question("    not_before: today", "date")

    with pytest.raises(AnswerInvalid, match=r"cannot be in the past: enter today \(2026-12-02\)"):
        validate_answer(q, "2026-12-01", today=TODAY)
    assert validate_answer(q, "2026-12-02", today=TODAY) == "2026-12-02"
    assert validate_answer(q, "2030-01-31", today=TODAY) == "2030-01-31"


def test_it_bounds_dates_by_fixed_days_too():
    q = _question("    not_before: 2026-01-01\n    not_after: '2026-12-31'", "date")

    with pytest.raises(AnswerInvalid, match="on or after 2026-01-01"):
        validate_answer(q, "2025-12-31", today=TODAY)
    with pytest.raises(AnswerInvalid, match="on or before 2026-12-31"):
        validate_answer(q, "2027-01-01", today=TODAY)


def test_it_leaves_questions_without_bounds_unbounded():
    assert validate_answer(_question(""), "-5") == "-5"
    assert validate_answer(_question("", "date"), "1999-01-01") == "1999-01-01"


def test_it_keeps_bounds_through_a_round_trip_of_the_file():
    questionnaire = load_questionnaire_yaml(_file("    min: 0\n    max: 100.50"))

    assert load_questionnaire_yaml(questionnaire_to_yaml(questionnaire)) == questionnaire
    assert questionnaire.question("Q-1").maximum == "100.5"


@pytest.mark.parametrize(
    ("extra", "response_type", "message"),
    [
        ("    min: lots", "number", "must be a number"),
        ("    min: 5\n    max: 1", "number", "above max"),
        ("    min: 0", "date", "applies only to number questions"),
        ("    not_before: today", "number", "applies only to date questions"),
        ("    not_before: next week", "date", "'today' or a date as YYYY-MM-DD"),
        ("    not_before: '2026-02-30'", "date", "'today' or a date as YYYY-MM-DD"),
        ("    not_before: 2026-06-01\n    not_after: 2026-01-01", "date", "is after not_after"),
    ],
)
def test_it_rejects_a_file_whose_bounds_make_no_sense(extra, response_type, message):
    with pytest.raises(QuestionnaireError, match=message) as raised:
        load_questionnaire_yaml(_file(extra, response_type))

    assert "Q-1" in str(raised.value)


def test_the_default_questionnaire_refuses_a_negative_contract_value():
    questionnaire = load_questionnaire_yaml(default_questionnaire_path().read_text())

    with pytest.raises(AnswerInvalid, match="cannot be negative"):
        validate_answer(questionnaire.question("TP-11"), "-250000")


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f"])
def test_it_refuses_a_control_character_in_text(character):
    text = Question(id="T", text="t?", response_type=ResponseType.FREE_TEXT)

    with pytest.raises(AnswerInvalid, match=f"U\\+{ord(character):04X}"):
        validate_answer(text, f"Hosted{character} in London")


def test_it_keeps_tabs_and_line_breaks_in_text():
    text = Question(id="T", text="t?", response_type=ResponseType.FREE_TEXT)

    assert validate_answer(text, "Line one\r\nLine\ttwo") == "Line one\r\nLine\ttwo"


def test_it_refuses_a_control_character_in_any_type_of_answer():
    choice = Question(id="C", text="c?", response_type=ResponseType.MULTI_CHOICE, options=("Email", "Post"))

    with pytest.raises(AnswerInvalid, match="control character"):
        validate_answer(choice, ["Email", "Post\x00"])
    with pytest.raises(AnswerInvalid, match="control character"):
        validate_answer(Question(id="N", text="n?", response_type=ResponseType.NUMBER), "1\x002")
