"""The requestor's documents: upload (drag and drop or a file input), retry, remove, list."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.documents.sniff import human_size
from assessments.errors import DomainError
from assessments.selectors.overview import assessment_overview
from assessments.services.documents import (
    UploadFile,
    UploadOutcome,
    document_remove,
    document_retry,
    documents_upload,
)
from assessments.views.common import actor_of, error_response, is_htmx
from integrations.runtime import run_sync

# Multipart framing around the files; anything beyond the limits plus this is refused unread.
_FRAMING_ALLOWANCE = 1024 * 1024


def upload_too_large(request: HttpRequest) -> str | None:
    """Why a request is refused before its body is read, or None: more than the limits allow."""
    files = settings.TRA_UPLOAD_MAX_FILES
    if (
        int(request.META.get("CONTENT_LENGTH") or 0)
        <= files * settings.TRA_UPLOAD_MAX_BYTES + _FRAMING_ALLOWANCE
    ):
        return None
    return (
        f"That upload is too large: at most {files} file{'s' if files != 1 else ''} "
        f"of {human_size(settings.TRA_UPLOAD_MAX_BYTES)} each."
    )


def _documents_partial(
    request: HttpRequest, assessment_id: str, outcomes: list[UploadOutcome] = (), status: int = 200
) -> HttpResponse:  # type: ignore[assignment]
    try:
        overview = run_sync(assessment_overview, actor=actor_of(request), assessment_id=assessment_id)
    except DomainError as exc:
        return error_response(request, exc)
    ctx = {"o": overview, "a": overview.collection.assessment, "outcomes": outcomes}
    return render(request, "assessments/partials/documents.html", ctx, status=status)


def _back(request: HttpRequest, assessment_id: str, outcomes: list[UploadOutcome] = ()) -> HttpResponse:  # type: ignore[assignment]
    for outcome in outcomes:
        if outcome.error:
            messages.error(request, outcome.error)
        elif outcome.duplicate and outcome.document:
            messages.info(request, f"{outcome.name} is already uploaded as {outcome.document.name}.")
        else:
            messages.success(request, f"{outcome.name} uploaded; processing has started.")
    return redirect("assessments:detail", assessment_id=assessment_id)


@login_required
@require_GET
def documents_list(request: HttpRequest, assessment_id: str) -> HttpResponse:
    return _documents_partial(request, assessment_id)


@login_required
@require_POST
def documents_upload_view(request: HttpRequest, assessment_id: str) -> HttpResponse:
    too_large = upload_too_large(request)
    if too_large:
        return HttpResponse(too_large, status=413, content_type="text/plain")
    files = [UploadFile(name=f.name or "document", data=f.read()) for f in request.FILES.getlist("files")]
    try:
        outcomes = run_sync(
            documents_upload, actor=actor_of(request), assessment_id=assessment_id, files=files
        )
    except DomainError as exc:
        if is_htmx(request) and exc.status == 422:
            return _documents_partial(
                request, assessment_id, [UploadOutcome(name="", error=exc.message)], status=422
            )
        return error_response(request, exc)
    if not is_htmx(request):
        return _back(request, assessment_id, outcomes)
    if any(o.unavailable for o in outcomes):
        status = 503
    elif any(o.error for o in outcomes) and not any(o.stored for o in outcomes):
        status = 422
    else:
        status = 200
    return _documents_partial(request, assessment_id, outcomes, status=status)


def _document_action(
    request: HttpRequest,
    assessment_id: str,
    document_id: str,
    action: Callable[..., Awaitable[object]],
    done: str,
) -> HttpResponse:
    try:
        run_sync(action, actor=actor_of(request), assessment_id=assessment_id, document_id=document_id)
    except DomainError as exc:
        return error_response(request, exc)
    if not is_htmx(request):
        messages.success(request, done)
        return redirect("assessments:detail", assessment_id=assessment_id)
    return _documents_partial(request, assessment_id)


@login_required
@require_POST
def document_retry_view(request: HttpRequest, assessment_id: str, document_id: str) -> HttpResponse:
    return _document_action(
        request, assessment_id, document_id, document_retry, "Processing the document again."
    )


@login_required
@require_POST
def document_remove_view(request: HttpRequest, assessment_id: str, document_id: str) -> HttpResponse:
    return _document_action(
        request,
        assessment_id,
        document_id,
        document_remove,
        "Document removed; suggestions will be refreshed without it.",
    )
