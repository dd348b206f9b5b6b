"""How one question is presented: its input, current answer, suggestion and state (no rules here)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from assessments.domain.documents import SuggestionRecord
from assessments.presenters.overview import Overview, areas_switched_on_by_yes
from assessments.questionnaire.model import Question

SOURCE_LABELS = {
    "manual": "",
    "suggestion_accepted": "Accepted suggestion",
    "suggestion_edited": "Edited suggestion",
}


def dom_id(question_id: str) -> str:
    # Ids may hold spaces and dots ("Q 2.10"); DOM ids need a safe, stable form.
    return "q-" + hashlib.sha1(question_id.encode()).hexdigest()[:10]


@dataclass
class QuestionView:
    q: Question
    dom_id: str
    value: Any
    values: list[str]
    version: int
    editable: bool
    source_label: str
    answered_by: str
    error: str = ""
    conflict: str = ""
    theirs: dict[str, Any] = field(default_factory=dict)
    just_saved: bool = False
    suggestion: SuggestionRecord | None = None  # shown to the owner while answers are editable
    suggestion_matches: bool = False  # the current answer already is the suggested one
    switches_on: list[str] = field(default_factory=list)  # risk areas a suggested Yes would add


def question_context(
    overview: Overview,
    question: Question,
    *,
    error: str = "",
    typed: Any = None,
    conflict: str = "",
    theirs: dict[str, Any] | None = None,
    just_saved: bool = False,
) -> QuestionView:
    answer = overview.collection.answers.get(question.id)
    value = typed if typed is not None else (answer.value if answer else "")
    suggestion = overview.collection.suggestions.get(question.id) if overview.editable else None
    if suggestion is not None and suggestion.dismissed:
        suggestion = None
    matches = bool(suggestion and answer and suggestion.offerable and answer.value == suggestion.answer)
    switches_on: list[str] = []
    if suggestion is not None and suggestion.offerable and suggestion.answer == "Yes":
        answers = overview.collection.answer_values()
        switches_on = areas_switched_on_by_yes(overview.questionnaire, answers, question)
    return QuestionView(
        q=question,
        dom_id=dom_id(question.id),
        value=value,
        values=list(value) if isinstance(value, list) else ([value] if value else []),
        version=answer.version if answer else 0,
        editable=overview.editable,
        source_label=SOURCE_LABELS.get(answer.source, "") if answer else "",
        answered_by=answer.answered_by if answer else "",
        error=error,
        conflict=conflict,
        theirs=theirs or {},
        just_saved=just_saved,
        suggestion=suggestion,
        suggestion_matches=matches,
        switches_on=switches_on,
    )
