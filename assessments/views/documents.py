"""An assessment's documents: upload (drag and drop or a file input), retry, remove, list, download."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from assessments.download_response import download_response
from assessments.errors import DomainError
from assessments.http import posted_uploads, signed_in_actor
from assessments.presenters.overview import assessment_overview
from assessments.services.document_download import document_download
from assessments.services.documents import (
    UploadOutcome,
    document_remove,
    document_retry,
    documents_upload,
)
from assessments.views.errors import error_response


async def _documents_partial(
    request: HttpRequest, assessment_id: str, outcomes: list[UploadOutcome] = (), status: int = 200
) -> HttpResponse:  # type: ignore[assignment]
    try:
        overview = await assessment_overview(
            actor=await signed_in_actor(request), assessment_id=assessment_id
        )
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
async def documents_list(request: HttpRequest, assessment_id: str) -> HttpResponse:
    return await _documents_partial(request, assessment_id)


@login_required
@require_POST
async def documents_upload_view(request: HttpRequest, assessment_id: str) -> HttpResponse:
    # An oversized body was refused unread by oversized_body_middleware.
    files = await posted_uploads(request)
    try:
        outcomes = await documents_upload(
            actor=await signed_in_actor(request), assessment_id=assessment_id, files=files
        )
    except DomainError as exc:
        if request.htmx and exc.status == 422:  # type: ignore[attr-defined]
            return await _documents_partial(
                request, assessment_id, [UploadOutcome(name="", error=exc.message)], status=422
            )
        return error_response(request, exc)
    if not request.htmx:  # type: ignore[attr-defined]
        return _back(request, assessment_id, outcomes)
    if any(o.unavailable for o in outcomes):
        status = 503
    elif any(o.error for o in outcomes) and not any(o.stored for o in outcomes):
        status = 422
    else:
        status = 200
    return await _documents_partial(request, assessment_id, outcomes, status=status)


async def _document_action(
    request: HttpRequest,
    assessment_id: str,
    document_id: str,
    action: Callable[..., Awaitable[object]],
    done: str,
) -> HttpResponse:
    try:
        await action(
            actor=await signed_in_actor(request), assessment_id=assessment_id, document_id=document_id
        )
    except DomainError as exc:
        return error_response(request, exc)
    if not request.htmx:  # type: ignore[attr-defined]
        messages.success(request, done)
        return redirect("assessments:detail", assessment_id=assessment_id)
    return await _documents_partial(request, assessment_id)


@login_required
@require_POST
async def document_retry_view(request: HttpRequest, assessment_id: str, document_id: str) -> HttpResponse:
    return await _document_action(
        request, assessment_id, document_id, document_retry, "Processing the document again."
    )


@login_required
@require_POST
async def document_remove_view(request: HttpRequest, assessment_id: str, document_id: str) -> HttpResponse:
    return await _document_action(
        request,
        assessment_id,
        document_id,
        document_remove,
        "Document removed; suggestions will be refreshed without it.",
    )


@login_required
@require_GET
async def document_download_view(request: HttpRequest, assessment_id: str, document_id: str) -> HttpResponse:
    """The document's file, for its owner and every reviewer (a 404 for anyone else)."""
    try:
        download = await document_download(
            actor=await signed_in_actor(request), assessment_id=assessment_id, document_id=document_id
        )
    except DomainError as exc:
        return error_response(request, exc)
    return download_response(download)
