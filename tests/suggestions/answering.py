"""One call from a question and some sentences to the local engine's suggestion, for tests."""

from __future__ import annotations

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.types import QuestionForSuggestion, Suggestion
from integrations.kb.contract import Passage


def suggest_from(question: str, *texts: str, kind: str = "Yes/No", section: str | None = None) -> Suggestion:
    """The suggestion for ``question`` from one passage per text (all under ``section``)."""
    passages = [
        Passage(document_id=f"d{i}", document_name=f"d{i}.txt", text=t, score=1.0, page=None, section=section)
        for i, t in enumerate(texts)
    ]
    return suggest_extractive(QuestionForSuggestion(id="Q-1", text=question, response_type=kind), passages)
