"""What a suggestion is, whichever engine (extractive or LLM) produced it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SuggestionStatus = Literal["suggested", "not_stated", "unavailable"]
ConfidenceLabel = Literal["high", "medium", "low"]

NOT_STATED_TEXT = "Not stated in the documents."


@dataclass(frozen=True)
class Citation:
    document_id: str
    document_name: str
    passage: str  # verbatim text of the document
    page: int | None = None
    section: str | None = None


@dataclass(frozen=True)
class QuestionForSuggestion:
    id: str
    text: str
    response_type: str  # "Yes/No", "free-text", "single-choice", "multi-choice", "date", "number"
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    question_id: str
    status: SuggestionStatus
    answer: str | list[str] | None  # None unless status == "suggested"
    confidence: ConfidenceLabel
    score: float  # 0..1
    rationale: str
    citations: tuple[Citation, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
