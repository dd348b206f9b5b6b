"""Exports on the requestor's overview and the admin review page: the panel, start one, download.

The panel is loaded by its own request (htmx ``load``), so the pages keep their fixed reads;
it reloads itself when the assessment's socket says an export moved (static/tra-exports.js)
and, while one is unfinished, every few seconds as well (a page without a socket still sees
it finish). Who may see, start and download: whoever may read the assessment.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from assessments.download_response import download_response
from assessments.errors import DomainError, ValidationFailed
from assessments.exports.render import FORMATS
from assessments.http import signed_in_actor
from assessments.services.exports import export_download, export_request, exports_list
from assessments.views.errors import error_response


async def _panel(
    request: HttpRequest, assessment_id: str, *, error: str = "", status: int = 200
) -> HttpResponse:
    try:
        exports = await exports_list(actor=await signed_in_actor(request), assessment_id=assessment_id)
    except DomainError as exc:
        return error_response(request, exc)
    ctx = {
        "assessment_id": assessment_id,
        "exports": exports,
        "formats": list(FORMATS.values()),
        "busy": any(not e.status.finished for e in exports),
        "error": error,
        "next": _safe_next(request, request.GET.get("next") or request.POST.get("next", "")),
    }
    return render(request, "assessments/partials/exports.html", ctx, status=status)


def _safe_next(request: HttpRequest, url: str) -> str:
    allowed = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False)
    return url if url.startswith("/") and allowed else ""


@login_required
@require_GET
async def exports_panel(request: HttpRequest, assessment_id: str) -> HttpResponse:
    return await _panel(request, assessment_id)


@login_required
@require_POST
async def export_request_view(request: HttpRequest, assessment_id: str) -> HttpResponse:
    try:
        await export_request(
            actor=await signed_in_actor(request),
            assessment_id=assessment_id,
            export_format=request.POST.get("format", ""),
        )
    except ValidationFailed as exc:
        return await _panel(request, assessment_id, error=exc.message, status=exc.status)
    except DomainError as exc:
        return error_response(request, exc)
    messages.success(request, "The export has started; it is listed under Exports with its progress.")
    # Back to the page the form was on (the overview or the review page), never off the site.
    back = _safe_next(request, request.POST.get("next", ""))
    return redirect(back) if back else redirect("assessments:detail", assessment_id=assessment_id)


@login_required
@require_GET
async def export_download_view(request: HttpRequest, assessment_id: str, export_id: str) -> HttpResponse:
    """A ready export's file, for the owner and every reviewer (a 404 for anyone else)."""
    try:
        download = await export_download(
            actor=await signed_in_actor(request), assessment_id=assessment_id, export_id=export_id
        )
    except DomainError as exc:
        return error_response(request, exc)
    return download_response(download)
