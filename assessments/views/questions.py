"""Moved to `assessments.presenters.questions`; this shim keeps old imports working for now."""

from __future__ import annotations

from assessments.presenters.questions import SOURCE_LABELS, QuestionView, dom_id, question_context

__all__ = ["SOURCE_LABELS", "QuestionView", "dom_id", "question_context"]
