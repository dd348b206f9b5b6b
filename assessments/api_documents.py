"""The API for documents and suggestions: upload, list, accept, dismiss."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Router, Schema, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from assessments.domain.documents import DocumentRecord, SuggestionRecord
from assessments.selectors.overview import assessment_overview
from assessments.services.documents import UploadFile, UploadOutcome, document_retry, documents_upload
from assessments.services.suggestion_actions import suggestion_apply, suggestion_dismiss
from assessments.views.common import actor_of
from assessments.views.documents import upload_too_large
from integrations.runtime import run_sync

router = Router(tags=["documents and suggestions"])


class DocumentOut(Schema):
    id: str
    name: str
    kind: str
    size: int
    sha256: str
    status: str
    percent: int
    error: str
    summary: str
    pages: int | None
    uploaded_by: str
    uploaded_at: str

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


class CitationOut(Schema):
    document_id: str
    document_name: str
    passage: str
    page: int | None
    section: str | None


class SuggestionOut(Schema):
    question_id: str
    status: str
    answer: str | list[str] | None
    confidence: str
    score: float
    rationale: str
    citations: list[CitationOut]
    dismissed: bool
    error: str
    model: str
    prompt_version: str

    @staticmethod
    def of(s: SuggestionRecord) -> dict[str, Any]:
        return {
            "question_id": s.question_id,
            "status": s.status,
            "answer": s.answer,
            "confidence": s.confidence,
            "score": s.score,
            "rationale": s.rationale,
            "citations": [c.__dict__ for c in s.citations],
            "dismissed": s.dismissed,
            "error": s.error,
            "model": s.model,
            "prompt_version": s.prompt_version,
        }


class AcceptIn(Schema):
    expected_version: int | None = None
    # Given: the requestor's edit of the suggested answer (recorded as "suggestion_edited").
    value: str | list[str] | None = None


class AcceptedOut(Schema):
    question_id: str
    value: str | list[str] | None
    version: int
    source: str


@router.get("/assessments/{assessment_id}/documents", response=list[DocumentOut])
def list_documents(request: HttpRequest, assessment_id: str) -> list[dict[str, Any]]:
    o = run_sync(assessment_overview, actor=actor_of(request), assessment_id=assessment_id)
    return [DocumentOut.of(d) for d in o.collection.documents]


@router.post(
    "/assessments/{assessment_id}/documents",
    response={201: list[UploadOutcomeOut], 200: list[UploadOutcomeOut], 503: list[UploadOutcomeOut]},
    summary="Upload documents (multipart field 'files'); one outcome per file",
)
def upload_documents(
    request: HttpRequest,
    assessment_id: str,
    files: list[UploadedFile] = File(...),  # noqa: B008 - django-ninja declares parameters this way
) -> Status:
    too_large = upload_too_large(request)
    if too_large:
        raise HttpError(413, too_large)
    uploads = [UploadFile(name=f.name or "document", data=f.read()) for f in files]
    outcomes = run_sync(documents_upload, actor=actor_of(request), assessment_id=assessment_id, files=uploads)
    body = [UploadOutcomeOut.of(o) for o in outcomes]
    if any(o.unavailable for o in outcomes):
        return Status(503, body)
    return Status(201 if any(o.stored for o in outcomes) else 200, body)


@router.post("/assessments/{assessment_id}/documents/{document_id}/retry", response=DocumentOut)
def retry_document(request: HttpRequest, assessment_id: str, document_id: str) -> dict[str, Any]:
    record = run_sync(
        document_retry, actor=actor_of(request), assessment_id=assessment_id, document_id=document_id
    )
    return DocumentOut.of(record)


@router.get("/assessments/{assessment_id}/suggestions", response=list[SuggestionOut])
def list_suggestions(request: HttpRequest, assessment_id: str) -> list[dict[str, Any]]:
    o = run_sync(assessment_overview, actor=actor_of(request), assessment_id=assessment_id)
    return [SuggestionOut.of(s) for s in o.collection.suggestions.values()]


@router.post("/assessments/{assessment_id}/suggestions/{question_id}/accept", response=AcceptedOut)
def accept_suggestion(
    request: HttpRequest, assessment_id: str, question_id: str, payload: AcceptIn
) -> dict[str, Any]:
    saved = run_sync(
        suggestion_apply,
        actor=actor_of(request),
        assessment_id=assessment_id,
        question_id=question_id,
        expected_version=payload.expected_version,
        edited_value=payload.value,
    )
    answer = saved.answer
    return {
        "question_id": question_id,
        "value": answer.value if answer else None,
        "version": answer.version if answer else 0,
        "source": answer.source if answer else "",
    }


@router.post("/assessments/{assessment_id}/suggestions/{question_id}/dismiss", response=SuggestionOut)
def dismiss_suggestion(request: HttpRequest, assessment_id: str, question_id: str) -> dict[str, Any]:
    record = run_sync(
        suggestion_dismiss, actor=actor_of(request), assessment_id=assessment_id, question_id=question_id
    )
    return SuggestionOut.of(record)
