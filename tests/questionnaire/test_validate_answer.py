"""What a person may type for each response type, and what gets stored."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.questionnaire.engine import AnswerInvalid, validate_answer
from assessments.questionnaire.model import Question, ResponseType


def question(kind: ResponseType, *, required: bool = True, options: tuple[str, ...] = ()) -> Question:
    return Question(id="X", text="x?", response_type=kind, required=required, options=options)


YES_NO = question(ResponseType.YES_NO)
TEXT = question(ResponseType.FREE_TEXT)
SINGLE = question(ResponseType.SINGLE_CHOICE, options=("Low", "Medium", "High"))
MULTI = question(ResponseType.MULTI_CHOICE, options=("Email", "Phone", "Post"))
DATE = question(ResponseType.DATE)
NUMBER = question(ResponseType.NUMBER)


@pytest.mark.parametrize(
    ("q", "raw", "stored"),
    [
        (YES_NO, "yes", "Yes"),
        (YES_NO, " NO ", "No"),
        (YES_NO, True, "Yes"),
        (TEXT, "  Hosted in London.  ", "Hosted in London."),
        (SINGLE, "medium", "Medium"),
        (SINGLE, ["HIGH"], "High"),
        (MULTI, ["post", "Email", "email"], ["Email", "Post"]),
        (MULTI, "phone", ["Phone"]),
        (DATE, "2024-02-29", "2024-02-29"),
        (NUMBER, "1,250,000", "1250000"),
        (NUMBER, "3.50", "3.5"),
        (NUMBER, "1e3", "1000"),
        (NUMBER, "-0", "0"),
        (NUMBER, 42, "42"),
    ],
)
def test_it_stores_answers_in_their_canonical_form(q: Question, raw: Any, stored: Any) -> None:
    assert validate_answer(q, raw) == stored


@pytest.mark.parametrize(
    ("q", "raw", "message"),
    [
        (YES_NO, "maybe", "Answer Yes or No."),
        (TEXT, "x" * 5001, "Keep the answer to 5,000 characters or fewer (it has 5,001)."),
        (SINGLE, "Extreme", "Choose one of: Low, Medium, High."),
        (SINGLE, ["Low", "High"], "Give a single answer."),
        (MULTI, ["Email", "Fax"], "'Fax' is not one of the options. Choose from: Email, Phone, Post."),
        (DATE, "31/03/2025", "Enter a date as YYYY-MM-DD, for example 2025-03-31."),
        (
            DATE,
            "2023-02-29",
            "2023-02-29 is not a real date. Enter a date as YYYY-MM-DD, for example 2025-03-31.",
        ),
        (NUMBER, "twelve", "Enter a number, for example 42 or 3.5."),
        (NUMBER, "NaN", "Enter a number, for example 42 or 3.5."),
        (NUMBER, "1e40", "That number is too large."),
    ],
)
def test_it_rejects_answers_with_a_message_for_the_person_answering(
    q: Question, raw: Any, message: str
) -> None:
    with pytest.raises(AnswerInvalid) as caught:
        validate_answer(q, raw)
    assert str(caught.value) == message


@pytest.mark.parametrize("empty", [None, "", "   ", [], [""]])
@pytest.mark.parametrize(
    "q", [YES_NO, TEXT, SINGLE, MULTI, DATE, NUMBER], ids=lambda q: q.response_type.value
)
def test_it_requires_an_answer_to_a_required_question(q: Question, empty: Any) -> None:
    with pytest.raises(AnswerInvalid, match=r"^This question is required\.$"):
        validate_answer(q, empty)


@pytest.mark.parametrize("empty", [None, "", "   ", []])
def test_it_clears_an_optional_answer_given_an_empty_value(empty: Any) -> None:
    for kind in ResponseType:
        optional = question(kind, required=False, options=("A", "B"))
        assert validate_answer(optional, empty) == ""
