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
    # (answer, risk area name) for each risk area this answer switches on: a qualifying
    # question. Accepting another answer may switch that area off.
    gates: tuple[tuple[str, str], ...] = ()

    def areas_removed_by(self, answer: str | list[str] | None) -> tuple[str, ...]:
        """The risk areas accepting ``answer`` would switch off (by this question's rule)."""
        if not isinstance(answer, str):
            return ()
        keeping: dict[str, set[str]] = {}
        for on_answer, area in self.gates:
            keeping.setdefault(area, set()).add(on_answer.casefold())
        return tuple(area for area, answers in keeping.items() if answer.casefold() not in answers)


@dataclass(frozen=True)
class Suggestion:
    question_id: str
    status: SuggestionStatus
    answer: str | list[str] | None  # None unless status == "suggested"
    confidence: ConfidenceLabel
    score: float  # 0..1
    rationale: str
    citations: tuple[Citation, ...] = field(default_factory=tuple)
    # The risk areas accepting this answer switches off; the card says so.
    removes_areas: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
