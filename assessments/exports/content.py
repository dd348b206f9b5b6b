"""The report's content, built once from the assessment and shared by every format (pure data).

Plain frozen dataclasses of strings so the model pickles into the child process that renders
it (which loads no Django: this module imports only pure ones), and so every format says
exactly the same thing. ``build.build_content`` fills it from the review page model.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.questionnaire.model import QUALIFYING


@dataclass(frozen=True)
class CitationContent:
    document: str
    page: int | None
    section: str
    passage: str

    @property
    def where(self) -> str:
        parts = [self.document or "A document"]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.section:
            parts.append(self.section)
        return ", ".join(parts)


@dataclass(frozen=True)
class CommentContent:
    author: str
    role: str
    at: str
    text: str
    round: int


@dataclass(frozen=True)
class AnswerContent:
    question_id: str
    question: str
    answer: str  # "" when unanswered
    provenance: str  # "manual" | "suggestion_accepted" | "suggestion_edited" | ""
    provenance_label: str  # "Manual", "Accepted suggestion", "Edited suggestion", "Not answered"
    suggested: str  # what the suggestion said (differs from the answer when edited)
    citations: tuple[CitationContent, ...]
    comments: tuple[CommentContent, ...]


@dataclass(frozen=True)
class ConditionContent:
    text: str
    owner: str
    due_on: str


@dataclass(frozen=True)
class DecisionContent:
    area_key: str
    area: str
    outcome: str  # approve | approve_with_conditions | reject
    outcome_label: str
    rationale: str
    conditions: tuple[ConditionContent, ...]
    assessor: str
    at: str
    inherent_rating: str
    residual_rating: str
    residual_rationale: str


@dataclass(frozen=True)
class AreaContent:
    key: str
    name: str
    inherent_rating: str  # "High", "not rated"
    answers: tuple[AnswerContent, ...]

    @property
    def comment_count(self) -> int:
        return sum(len(a.comments) for a in self.answers)


@dataclass(frozen=True)
class DocumentContent:
    name: str
    kind: str
    size: int
    sha256: str
    status: str
    uploaded_by: str
    uploaded_at: str


@dataclass(frozen=True)
class ExportContent:
    assessment_id: str
    title: str
    project: str
    system_id: str
    business_unit: str
    classification: str
    requestor: str
    state: str
    state_label: str
    created_at: str
    submitted_at: str
    decided_at: str
    round: int
    questionnaire: str  # "<key> v<version>"
    overall_inherent: str
    overall_residual: str
    draft: bool  # not finalized or rejected: every page says DRAFT
    decisions_final: bool  # the decisions come from the frozen decision record
    decisions: tuple[DecisionContent, ...]
    areas: tuple[AreaContent, ...]
    documents: tuple[DocumentContent, ...]
    exported_at: str
    exported_by: str

    @property
    def area_ratings(self) -> list[tuple[str, str]]:
        """(area, inherent rating) of each risk area in the report (not the qualifying section)."""
        return [(a.name, a.inherent_rating) for a in self.areas if a.key != QUALIFYING]
