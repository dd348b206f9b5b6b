"""The section page's "Accept all high-confidence suggestions in this section" button."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from assessments.errors import DomainError
from assessments.http import signed_in_actor
from assessments.presenters.bulk_accept import bulk_summary
from assessments.presenters.overview import assessment_overview
from assessments.services.bulk_accept import suggestions_accept_all
from assessments.views.errors import error_response
from assessments.views.requestor import section_context


@login_required
@require_POST
async def section_accept_high(request: HttpRequest, assessment_id: str, section: str) -> HttpResponse:
    """Accept them all, then show the section again with a message naming what was not saved."""
    actor = await signed_in_actor(request)
    try:
        outcome = await suggestions_accept_all(actor=actor, assessment_id=assessment_id, section=section)
        overview = await assessment_overview(actor=actor, assessment_id=assessment_id)
    except DomainError as exc:
        return error_response(request, exc)
    if section not in {s.key for s in overview.sections}:
        raise Http404("That risk area is not part of this assessment (yet).")
    summary = bulk_summary(outcome, overview)
    if not request.htmx:  # type: ignore[attr-defined]
        (messages.warning if outcome.conflicts else messages.success)(request, summary.plain)
        return redirect("assessments:section", assessment_id=assessment_id, section=section)
    ctx = {**section_context(overview, section, actor=actor), "oob": True, "bulk_summary": summary}
    response = render(request, "assessments/partials/bulk_accept_response.html", ctx)
    return reswap(retarget(response, "#section-body"), "outerHTML")
