"""What the API takes and gives, and how records become those shapes.

Choices are built from the same values the server validates with (``DATA_CLASSIFICATIONS``,
the workflow's states and actions, the response types, the document kinds), so the OpenAPI
schema lists exactly what is accepted and cannot drift from it.
"""

from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from assessments.documents.sniff import DocumentKind
from assessments.domain.documents import DocumentRecord, DocumentStatus, SuggestionRecord
from assessments.domain.records import AnswerRecord, AssessmentRecord
from assessments.domain.workflow import Action, State
from assessments.presenters.overview import Overview
from assessments.questionnaire.model import Question, ResponseType
from assessments.selectors.questionnaire_catalog import ActiveQuestionnaire
from assessments.services.assessments import DATA_CLASSIFICATIONS, DEFAULT_QUESTIONNAIRE, FIELD_LIMITS
from assessments.services.documents import UploadOutcome

# Literal[tuple] is Literal of its members: the enum in the schema is the tuple the service checks.
DataClassification = Literal[DATA_CLASSIFICATIONS]  # type: ignore[valid-type]
StateName = Literal[tuple(s.value for s in State)]  # type: ignore[valid-type]
ActionName = Literal[tuple(a.value for a in Action)]  # type: ignore[valid-type]
ResponseTypeName = Literal[tuple(t.spelling for t in ResponseType)]  # type: ignore[valid-type]
DocumentStatusName = Literal[tuple(s.value for s in DocumentStatus)]  # type: ignore[valid-type]
DocumentKindName = Literal[tuple(k.value for k in DocumentKind)]  # type: ignore[valid-type]
AnswerValue = str | list[str]


def _text(name: str, *, required: bool) -> Any:
    return Field(min_length=1 if required else 0, max_length=FIELD_LIMITS[name])


class AssessmentIn(Schema):
    title: str = _text("title", required=True)
    project: str = _text("project", required=True)
    description: str = Field("", max_length=FIELD_LIMITS["description"])
    system_id: str = Field("", max_length=FIELD_LIMITS["system_id"])
    data_classification: DataClassification
    business_unit: str = _text("business_unit", required=True)
    # A key GET /api/questionnaires lists; the assessment is opened on its active version.
    questionnaire: str = Field(DEFAULT_QUESTIONNAIRE, min_length=1, max_length=64)


class AssessmentOut(Schema):
    id: str
    title: str
    project: str
    description: str
    system_id: str
    data_classification: str  # as stored; new ones are always one of DataClassification
    business_unit: str
    state: StateName
    owner: str
    questionnaire: str
    questionnaire_version: int
    active_areas: list[str]
    created_at: str
    updated_at: str
    feedback: str

    @staticmethod
    def of(a: AssessmentRecord) -> dict[str, Any]:
        return {
            "id": a.id,
            "title": a.title,
            "project": a.project,
            "description": a.description,
            "system_id": a.system_id,
            "data_classification": a.data_classification,
            "business_unit": a.business_unit,
            "state": a.state.value,
            "owner": a.owner_name,
            "questionnaire": a.questionnaire_key,
            "questionnaire_version": a.questionnaire_version,
            "active_areas": list(a.active_areas),
            "created_at": a.created_at,
            "updated_at": a.updated_at,
            "feedback": a.feedback,
        }


class QuestionnaireOut(Schema):
    key: str
    name: str
    version: int

    @staticmethod
    def of(q: ActiveQuestionnaire) -> dict[str, Any]:
        return {"key": q.key, "name": q.name, "version": q.version}


class QuestionnaireListOut(Schema):
    items: list[QuestionnaireOut]


class AssessmentListOut(Schema):
    items: list[AssessmentOut]
    next_cursor: str | None


class ProgressOut(Schema):
    key: str
    name: str
    answered: int
    total: int
    percent: int

    @staticmethod
    def of(p: Any) -> dict[str, Any]:
        return {"key": p.key, "name": p.name, "answered": p.answered, "total": p.total, "percent": p.percent}


class QuestionOut(Schema):
    id: str
    text: str
    response_type: ResponseTypeName
    required: bool
    area: str
    options: list[str]

    @staticmethod
    def of(q: Question | None) -> dict[str, Any] | None:
        if q is None:
            return None
        return {
            "id": q.id,
            "text": q.text,
            "response_type": q.response_type.spelling,
            "required": q.required,
            "area": q.section,
            "options": list(q.options),
        }


class CitationOut(Schema):
    document_id: str
    document_name: str
    passage: str
    page: int | None
    section: str | None


class AnswerOut(Schema):
    question_id: str
    value: AnswerValue
    version: int
    source: str
    # An answer taken from a suggestion: the passages it was drawn from (frozen when it was
    # saved) and what the suggestion said (an edited answer differs from it).
    citations: list[CitationOut]
    suggested_value: AnswerValue | None

    @staticmethod
    def of(a: AnswerRecord) -> dict[str, Any]:
        return {
            "question_id": a.question_id,
            "value": a.value,
            "version": a.version,
            "source": a.source,
            "citations": [c.to_item() for c in a.citations],
            "suggested_value": a.suggested_value,
        }


class AssessmentDetailOut(Schema):
    assessment: AssessmentOut
    overall: ProgressOut
    sections: list[ProgressOut]
    answers: list[AnswerOut]
    missing_required: list[str]
    next_question: QuestionOut | None
    allowed_actions: list[ActionName]

    @staticmethod
    def of(o: Overview) -> dict[str, Any]:
        return {
            "assessment": AssessmentOut.of(o.collection.assessment),
            "overall": ProgressOut.of(o.overall),
            "sections": [ProgressOut.of(s) for s in o.sections],
            "answers": [AnswerOut.of(a) for a in o.collection.answers.values()],
            "missing_required": [q.id for q in o.missing_required],
            "next_question": QuestionOut.of(o.next_question),
            "allowed_actions": [a.value for a in o.actions],
        }


class NextQuestionOut(Schema):
    question: QuestionOut | None


class AnswerIn(Schema):
    value: AnswerValue
    expected_version: int | None = Field(None, ge=0)


class SavedAnswerOut(Schema):
    question_id: str
    value: AnswerValue | None
    version: int
    overall: ProgressOut


class DocumentOut(Schema):
    id: str
    name: str
    kind: DocumentKindName
    size: int
    sha256: str
    status: DocumentStatusName
    percent: int
    error: str
    summary: str
    pages: int | None
    uploaded_by: str
    uploaded_at: str
    download_url: str  # GET it for the file itself (its owner and reviewers)

    @staticmethod
    def of(d: DocumentRecord) -> dict[str, Any]:
        return {
            "id": d.id,
            "name": d.name,
            "kind": d.kind,
            "size": d.size,
            "sha256": d.sha256,
            "status": d.status.value,
            "percent": d.status.percent,
            "error": d.error,
            "summary": d.summary,
            "pages": d.pages,
            "uploaded_by": d.uploaded_by,
            "uploaded_at": d.uploaded_at,
            "download_url": f"/api/assessments/{d.assessment_id}/documents/{d.id}/download",
        }


class UploadOutcomeOut(Schema):
    name: str
    stored: bool
    duplicate: bool
    error: str
    document: DocumentOut | None

    @staticmethod
    def of(o: UploadOutcome) -> dict[str, Any]:
        return {
            "name": o.name,
            "stored": o.stored,
            "duplicate": o.duplicate,
            "error": o.error,
            "document": DocumentOut.of(o.document) if o.document else None,
        }


class SuggestionOut(Schema):
    question_id: str
    status: str
    answer: AnswerValue | None
    confidence: str
    score: float
    rationale: str
    citations: list[CitationOut]
    dismissed: bool
    # An offered suggestion that says something other than the saved answer.
    contradicts_answer: bool
    error: str
    model: str
    prompt_version: str

    @staticmethod
    def of(s: SuggestionRecord, saved: Any = None) -> dict[str, Any]:
        return {
            "question_id": s.question_id,
            "status": s.status,
            "answer": s.answer,
            "confidence": s.confidence,
            "score": s.score,
            "rationale": s.rationale,
            "citations": [c.to_item() for c in s.citations],
            "dismissed": s.dismissed,
            "contradicts_answer": s.contradicts(saved),
            "error": s.error,
            "model": s.model,
            "prompt_version": s.prompt_version,
        }


class AcceptIn(Schema):
    expected_version: int | None = Field(None, ge=0)
    # Given: the requestor's edit of the suggested answer (recorded as "suggestion_edited").
    value: AnswerValue | None = None


class AcceptedOut(Schema):
    question_id: str
    value: AnswerValue | None
    version: int
    source: str
