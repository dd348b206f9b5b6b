"""Exports of an assessment: start one, list them, download a ready one."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse
from ninja import Router, Schema, Status

from assessments.api.auth import actor
from assessments.api.errors import READ_ONE, WRITE, errors
from assessments.download_response import download_response
from assessments.exports.record import ExportRecord
from assessments.exports.render import FORMATS
from assessments.services.exports import export_download, export_request, exports_list

router = Router(tags=["exports"])


class ExportIn(Schema):
    format: Literal["pdf", "docx", "xlsx", "json"]


class ExportOut(Schema):
    id: str
    format: str
    status: Literal["pending", "running", "ready", "failed"]
    created: str
    updated: str
    requested_by: str
    draft: bool
    size: int
    error: str
    download_url: str | None  # only when ready

    @staticmethod
    def of(record: ExportRecord) -> dict[str, Any]:
        ready = record.status.value == "ready"
        return {
            "id": record.id,
            "format": record.format,
            "status": record.status.value,
            "created": record.created_at,
            "updated": record.updated_at,
            "requested_by": record.requested_by,
            "draft": record.draft,
            "size": record.size if ready else 0,
            "error": record.error,
            "download_url": reverse("api:download_export", args=[record.assessment_id, record.id])
            if ready
            else None,
        }


@router.post(
    "/assessments/{assessment_id}/exports",
    response={202: ExportOut, **errors(WRITE)},
    summary="Start an export (pdf, docx, xlsx or json); it renders in the background",
)
async def start_export(request: HttpRequest, assessment_id: str, payload: ExportIn) -> Status:
    record = await export_request(
        actor=actor(request), assessment_id=assessment_id, export_format=payload.format
    )
    return Status(202, ExportOut.of(record))


@router.get(
    "/assessments/{assessment_id}/exports",
    response={200: list[ExportOut], **errors(READ_ONE)},
    summary="The assessment's exports, newest first, each with its status (download_url when ready)",
)
async def list_exports(request: HttpRequest, assessment_id: str) -> list[dict[str, Any]]:
    return [ExportOut.of(r) for r in await exports_list(actor=actor(request), assessment_id=assessment_id)]


DOWNLOAD_RESPONSE = {
    "responses": {
        200: {
            "description": "The exported file, as an attachment",
            "content": {
                f.content_type: {"schema": {"type": "string", "format": "binary"}} for f in FORMATS.values()
            },
        }
    }
}


@router.get(
    "/assessments/{assessment_id}/exports/{export_id}/download",
    response={200: None, **errors(READ_ONE | {409})},
    openapi_extra=DOWNLOAD_RESPONSE,
    url_name="download_export",
    summary="Download a ready export's file (the owner and reviewers; 409 while it is not ready)",
)
async def download_export(request: HttpRequest, assessment_id: str, export_id: str) -> StreamingHttpResponse:
    download = await export_download(actor=actor(request), assessment_id=assessment_id, export_id=export_id)
    return download_response(download)
