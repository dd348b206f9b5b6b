"""Reading scalars and lists out of a questionnaire file, with errors that say what was found."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assessments.questionnaire.errors import QuestionnaireError


def as_list(value: Any, *, key: str, question_id: str | None = None, where: str | None = None) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise QuestionnaireError(
            f"must be a list, not {_kind(value)}.", question_id=question_id, key=key, where=where
        )
    return value


def scalar_text(value: Any) -> str:
    """A scalar as the text a person wrote: YAML turns an unquoted Yes into True, undo that."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if value is None:
        return ""
    if isinstance(value, str | int | float):
        return str(value).strip()
    return ""


def id_text(value: Any) -> str:
    """A reference to a question id: kept verbatim, like the ids themselves."""
    if isinstance(value, str):
        return value
    return scalar_text(value)


def optional_text(
    value: Any, *, key: str, question_id: str | None = None, where: str | None = None
) -> str | None:
    if value is None:
        return None
    if isinstance(value, Mapping | Sequence) and not isinstance(value, str):
        raise QuestionnaireError(
            f"must be text, not {_kind(value)}.", question_id=question_id, key=key, where=where
        )
    return scalar_text(value) or None


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, list | tuple):
        return "a list"
    return f"{value!r}"
