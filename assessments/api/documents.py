"""Documents of an assessment: list them, upload some, retry one that failed, download one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Router, Status

from assessments.api.auth import actor
from assessments.api.errors import READ_ONE, WRITE, error_body, errors
from assessments.api.schemas import DocumentOut, UploadOutcomeOut
from assessments.documents.sniff import ACCEPTED_FORMATS, human_size
from assessments.download_response import download_response
from assessments.http import posted_uploads
from assessments.selectors.assessments import assessment_for_actor
from assessments.services.document_download import document_download
from assessments.services.documents import CONTENT_TYPES, document_retry, documents_upload

router = Router(tags=["documents"])

# Declared by hand rather than as a File(...) parameter: Ninja would parse the whole body
# before the operation runs, and the size guard must refuse an oversized upload unread.
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            # The limits documents_upload and upload_too_large enforce.
                            "minItems": 1,
                            "maxItems": settings.TRA_UPLOAD_MAX_FILES,
                            "description": f"One or more documents ({ACCEPTED_FORMATS}), "
                            f"each at most {human_size(settings.TRA_UPLOAD_MAX_BYTES)}.",
                        }
                    },
                    "required": ["files"],
                }
            }
        },
    }
}
STORE_DOWN = "Some files could not be stored because a service is not answering; please try them again."


@router.get(
    "/assessments/{assessment_id}/documents",
    response={200: list[DocumentOut], **errors(READ_ONE)},
    summary="The assessment's documents with their processing progress",
)
async def list_documents(request: HttpRequest, assessment_id: str) -> list[dict[str, Any]]:
    collection = await assessment_for_actor(actor=actor(request), assessment_id=assessment_id)
    return [DocumentOut.of(d) for d in collection.documents]


@router.post(
    "/assessments/{assessment_id}/documents",
    response={201: list[UploadOutcomeOut], 200: list[UploadOutcomeOut], **errors(WRITE)},
    openapi_extra=UPLOAD_BODY,
    summary="Upload documents (multipart field 'files'); one outcome per file "
    "(201 when any was stored; 503 lists the outcomes in extra.outcomes)",
)
async def upload_documents(request: HttpRequest, assessment_id: str) -> Status:
    # An oversized body was refused unread by oversized_body_middleware, before the CSRF check.
    files = await posted_uploads(request)
    outcomes = await documents_upload(actor=actor(request), assessment_id=assessment_id, files=files)
    body = [UploadOutcomeOut.of(o) for o in outcomes]
    if any(o.unavailable for o in outcomes):
        return Status(503, error_body(STORE_DOWN, {"outcomes": body}))
    return Status(201 if any(o.stored for o in outcomes) else 200, body)


@router.post(
    "/assessments/{assessment_id}/documents/{document_id}/retry",
    response={200: DocumentOut, **errors(WRITE)},
    summary="Process a failed document again",
)
async def retry_document(request: HttpRequest, assessment_id: str, document_id: str) -> dict[str, Any]:
    record = await document_retry(actor=actor(request), assessment_id=assessment_id, document_id=document_id)
    return DocumentOut.of(record)


# The file itself, not JSON: declared by hand so the schema says what a client receives.
DOWNLOAD_RESPONSE = {
    "responses": {
        200: {
            "description": "The document's bytes, as an attachment (Content-Disposition names the file)",
            "content": {
                content_type: {"schema": {"type": "string", "format": "binary"}}
                for content_type in sorted({*CONTENT_TYPES.values(), "application/octet-stream"})
            },
        }
    }
}


@router.get(
    "/assessments/{assessment_id}/documents/{document_id}/download",
    response={200: None, **errors(READ_ONE)},
    openapi_extra=DOWNLOAD_RESPONSE,
    summary="Download a document's file (its owner and reviewers; any status but removed)",
)
async def download_document(
    request: HttpRequest, assessment_id: str, document_id: str
) -> StreamingHttpResponse:
    download = await document_download(
        actor=actor(request), assessment_id=assessment_id, document_id=document_id
    )
    return download_response(download)
