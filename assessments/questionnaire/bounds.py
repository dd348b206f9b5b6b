"""Reading a question's optional bounds: ``min``/``max`` (numbers), ``not_before``/``not_after`` (dates).

An extension of the questionnaire format (validation.py says what they do); a file without
them is unbounded, and a bound on a question of another type is a mistake worth reporting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from assessments.questionnaire.errors import AnswerInvalid, QuestionnaireError
from assessments.questionnaire.model import ResponseType
from assessments.questionnaire.scalars import scalar_text
from assessments.questionnaire.validation import canonical_number

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def number_bounds(raw: Mapping[str, Any], qid: str, kind: ResponseType) -> tuple[str | None, str | None]:
    """(min, max) as canonical number text, or None where the file sets none."""
    bounds: list[str | None] = []
    for key in ("min", "max"):
        value = raw.get(key)
        if value is None:
            bounds.append(None)
            continue
        if kind is not ResponseType.NUMBER:
            raise QuestionnaireError(f"'{key}' applies only to number questions.", question_id=qid, key=key)
        try:
            bounds.append(canonical_number(value))
        except AnswerInvalid:
            raise QuestionnaireError(f"must be a number, not {value!r}.", question_id=qid, key=key) from None
    low, high = bounds
    if low is not None and high is not None and Decimal(low) > Decimal(high):
        raise QuestionnaireError(f"min ({low}) is above max ({high}).", question_id=qid, key="min")
    return low, high


def date_bounds(raw: Mapping[str, Any], qid: str, kind: ResponseType) -> tuple[str | None, str | None]:
    """(not_before, not_after): "today" or YYYY-MM-DD, or None where the file sets none."""
    bounds: list[str | None] = []
    for key in ("not_before", "not_after"):
        value = raw.get(key)
        if value is None:
            bounds.append(None)
            continue
        if kind is not ResponseType.DATE:
            raise QuestionnaireError(f"'{key}' applies only to date questions.", question_id=qid, key=key)
        bounds.append(_date_bound(value, qid, key))
    low, high = bounds
    if low and high and "today" not in (low, high) and low > high:
        raise QuestionnaireError(
            f"not_before ({low}) is after not_after ({high}).", question_id=qid, key="not_before"
        )
    return low, high


def _date_bound(value: Any, qid: str, key: str) -> str:
    # YAML reads an unquoted 2026-01-31 as a date already.
    text = value.isoformat() if isinstance(value, dt.date) else scalar_text(value)
    if text.casefold() == "today":
        return "today"
    problem = QuestionnaireError(
        f"must be 'today' or a date as YYYY-MM-DD, not {value!r}.", question_id=qid, key=key
    )
    if not _ISO_DATE.fullmatch(text):
        raise problem
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise problem from None
