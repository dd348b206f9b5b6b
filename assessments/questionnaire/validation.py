"""Turning what a person typed into the normalised answer value a question accepts.

Every text is refused when it holds a control character (NUL and the other C0 characters but
tab, line feed and carriage return), whatever the question's type.

Bounds, an optional extension of the questionnaire format (a file without them is unbounded):

- a ``number`` question may carry ``min`` and/or ``max`` (inclusive), e.g. ``min: 0`` for an
  amount that cannot be negative;
- a ``date`` question may carry ``not_before`` and/or ``not_after`` (inclusive): a date
  ``YYYY-MM-DD`` or ``today`` (the server's current UTC date when the answer is saved), e.g.
  ``not_before: today`` for a planned date that cannot be in the past.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Context, Decimal, InvalidOperation

from assessments.domain.text import control_character_problem
from assessments.questionnaire.errors import AnswerInvalid
from assessments.questionnaire.model import Question, ResponseType

MAX_TEXT_LENGTH = 5000
REQUIRED_MESSAGE = "This question is required."

AnswerValue = str | list[str]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
# Bounds that keep a canonical number short enough to show and store.
_MAX_INTEGER_DIGITS = 18
_MAX_DECIMAL_PLACES = 10
_EXACT = Context(prec=200)  # normalise without rounding what was typed


def is_answered(value: object) -> bool:
    """An answer counts when it is non-empty text or a non-empty list."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple):
        return any(isinstance(v, str) and v.strip() for v in value)
    return False


def validate_answer(question: Question, raw: object, *, today: dt.date | None = None) -> AnswerValue:
    """The normalised value for ``raw``, or AnswerInvalid with a message for the person answering.

    An empty value clears a non-required answer (returns ""); on a required question it is
    invalid. Applying this to its own output returns the same value (on the same ``today``,
    which bounds ``today`` in a date question's limits; default: the current UTC date).
    """
    for text in [raw] if isinstance(raw, str) else raw if isinstance(raw, list | tuple) else []:
        problem = control_character_problem(text) if isinstance(text, str) else None
        if problem:
            raise AnswerInvalid(problem)
    if not is_answered(raw) and not isinstance(raw, bool | int | float | Decimal):
        if question.required:
            raise AnswerInvalid(REQUIRED_MESSAGE)
        return ""
    kind = question.response_type
    if kind is ResponseType.MULTI_CHOICE:
        return _multi_choice(question, raw)
    if isinstance(raw, list | tuple):
        if len(raw) != 1:
            raise AnswerInvalid("Give a single answer.")
        raw = raw[0]
    if kind is ResponseType.YES_NO:
        return _yes_no(raw)
    if kind is ResponseType.NUMBER:
        return _within_number_bounds(question, _number(raw))
    if not isinstance(raw, str):
        raise AnswerInvalid("Give the answer as text.")
    text = raw.strip()
    if kind is ResponseType.FREE_TEXT:
        if len(text) > MAX_TEXT_LENGTH:
            raise AnswerInvalid(
                f"Keep the answer to {MAX_TEXT_LENGTH:,} characters or fewer (it has {len(text):,})."
            )
        return text
    if kind is ResponseType.SINGLE_CHOICE:
        return _option(question, text)
    return _within_date_bounds(question, _date(text), today or today_utc())


def _within_number_bounds(question: Question, value: str) -> str:
    number = Decimal(value)
    if question.minimum is not None and number < Decimal(question.minimum):
        if Decimal(question.minimum) == 0:
            raise AnswerInvalid("Enter a number that is 0 or more: it cannot be negative.")
        raise AnswerInvalid(f"Enter a number that is {question.minimum} or more.")
    if question.maximum is not None and number > Decimal(question.maximum):
        raise AnswerInvalid(f"Enter a number that is {question.maximum} or less.")
    return value


def today_utc() -> dt.date:
    """The day that ``today`` in a date bound means: the server's current UTC date."""
    return dt.datetime.now(dt.UTC).date()


def resolve_date_bound(bound: str, today: dt.date) -> dt.date:
    """A date bound as written in the file ("today" or YYYY-MM-DD) on a given day."""
    return today if bound == "today" else dt.date.fromisoformat(bound)


def _within_date_bounds(question: Question, value: str, today: dt.date) -> str:
    day = dt.date.fromisoformat(value)
    if question.not_before is not None:
        earliest = resolve_date_bound(question.not_before, today)
        if day < earliest:
            if question.not_before == "today":
                raise AnswerInvalid(
                    f"The date cannot be in the past: enter today ({earliest.isoformat()}) or a later date."
                )
            raise AnswerInvalid(f"Enter a date on or after {earliest.isoformat()}.")
    if question.not_after is not None:
        latest = resolve_date_bound(question.not_after, today)
        if day > latest:
            if question.not_after == "today":
                raise AnswerInvalid(
                    f"The date cannot be in the future: enter today ({latest.isoformat()}) or an earlier date."
                )
            raise AnswerInvalid(f"Enter a date on or before {latest.isoformat()}.")
    return value


def _yes_no(raw: object) -> str:
    if isinstance(raw, bool):
        return "Yes" if raw else "No"
    if isinstance(raw, str):
        word = raw.strip().casefold()
        if word in ("yes", "no"):
            return word.capitalize()
    raise AnswerInvalid("Answer Yes or No.")


def _option(question: Question, text: str) -> str:
    for option in question.options:
        if option.casefold() == text.casefold():
            return option
    raise AnswerInvalid(f"Choose one of: {', '.join(question.options)}.")


def _multi_choice(question: Question, raw: object) -> AnswerValue:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise AnswerInvalid("Choose one or more of the options.")
    chosen: set[str] = set()
    for item in items:
        if not item.strip():
            continue
        chosen.add(_option_or_unknown(question, item.strip()))
    if not chosen:
        if question.required:
            raise AnswerInvalid(REQUIRED_MESSAGE)
        return ""
    # Stored in the questionnaire's order, so equal choices always compare equal.
    return [option for option in question.options if option in chosen]


def _option_or_unknown(question: Question, text: str) -> str:
    for option in question.options:
        if option.casefold() == text.casefold():
            return option
    raise AnswerInvalid(f"'{text}' is not one of the options. Choose from: {', '.join(question.options)}.")


def _date(text: str) -> str:
    message = "Enter a date as YYYY-MM-DD, for example 2025-03-31."
    if not _DATE.fullmatch(text):
        raise AnswerInvalid(message)
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise AnswerInvalid(f"{text} is not a real date. {message}") from None


def canonical_number(raw: object) -> str:
    """``raw`` as the canonical number text answers are stored in; AnswerInvalid if it is none."""
    return _number(raw)


def _number(raw: object) -> str:
    message = "Enter a number, for example 42 or 3.5."
    if isinstance(raw, bool):
        raise AnswerInvalid(message)
    text = str(raw).strip() if isinstance(raw, int | float | Decimal | str) else ""
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")  # thousands separators, as in 1,250,000
    if not _NUMBER.fullmatch(text):
        raise AnswerInvalid(message)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise AnswerInvalid(message) from None
    if number == 0:
        return "0"
    if number.adjusted() >= _MAX_INTEGER_DIGITS:
        raise AnswerInvalid("That number is too large.")
    number = number.normalize(_EXACT)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -_MAX_DECIMAL_PLACES:
        raise AnswerInvalid(f"Use at most {_MAX_DECIMAL_PLACES} decimal places.")
    return format(number, "f")
