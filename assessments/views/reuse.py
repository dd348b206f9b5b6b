"""Reassessment and the answer library on the requestor's pages: the overview's Reassess button,
a carried answer's Confirm, a question's library offers and their Use, the due list."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from assessments.errors import DomainError
from assessments.http import signed_in_actor
from assessments.selectors.answer_library import library_offers, reassessments_due
from assessments.services.library_use import library_answer_use
from assessments.services.reassessment import assessment_clone, carried_answer_confirm
from assessments.views.errors import error_response


def _back_to(request: HttpRequest, assessment_id: str) -> HttpResponse:
    """The section the question is in (posted by the question's form), else the overview."""
    section = (request.POST.get("section") or request.GET.get("section") or "").strip()
    if section and section.replace("_", "").replace("-", "").isalnum():
        return redirect("assessments:section", assessment_id=assessment_id, section=section)
    return redirect("assessments:detail", assessment_id=assessment_id)


@login_required
@require_POST
async def reassess(request: HttpRequest, assessment_id: str) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        done = await assessment_clone(
            actor=actor,
            assessment_id=assessment_id,
            questionnaire_version=request.POST.get("questionnaire_version", "latest"),
            carry_documents=request.POST.get("carry_documents") == "1",
        )
    except DomainError as exc:
        return error_response(request, exc)
    text = f"Reassessment {done.record.id} opened from {done.source_id}: {len(done.carried)} answers carried over to confirm."
    if done.dropped:
        text += (
            " Not carried (the questionnaire changed): "
            + ", ".join(d.question_id for d in done.dropped)
            + "."
        )
    if done.documents_not_carried:
        text += " Documents not copied: " + ", ".join(done.documents_not_carried) + "."
    messages.success(request, text)
    return redirect("assessments:detail", assessment_id=done.record.id)


@login_required
@require_POST
async def carried_confirm(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        await carried_answer_confirm(actor=actor, assessment_id=assessment_id, question_id=question_id)
    except DomainError as exc:
        return error_response(request, exc)
    messages.success(request, f"{question_id}: confirmed as your answer.")
    return _back_to(request, assessment_id)


@login_required
@require_GET
async def library_page(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        offers = await library_offers(actor=actor, assessment_id=assessment_id, question_id=question_id)
    except DomainError as exc:
        return error_response(request, exc)
    ctx = {
        "assessment_id": assessment_id,
        "question_id": question_id,
        "offers": offers,
        "section": request.GET.get("section", ""),
        "use_url": reverse("assessments:library_use", args=[assessment_id, question_id]),
    }
    if getattr(request, "htmx", False):  # into the question's card
        return render(request, "assessments/partials/library_offers_fragment.html", ctx)
    return render(request, "assessments/reuse/library_offers.html", ctx)


@login_required
@require_POST
async def library_use(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        await library_answer_use(
            actor=actor,
            assessment_id=assessment_id,
            question_id=question_id,
            from_assessment=request.POST.get("from_assessment") or None,
        )
    except DomainError as exc:
        return error_response(request, exc)
    messages.success(request, f"{question_id}: answered from the library; check it still holds.")
    return _back_to(request, assessment_id)


@login_required
@require_GET
async def due_list(request: HttpRequest) -> HttpResponse:
    actor = await signed_in_actor(request)
    by_text = request.GET.get("by", "")
    try:
        by = date.fromisoformat(by_text) if by_text else date.today()
    except ValueError:
        by = date.today()
    try:
        entries = await reassessments_due(actor=actor, by=by)
    except DomainError as exc:
        return error_response(request, exc)
    ctx = {"entries": entries, "by": by, "everyone": actor.is_reviewer}
    return render(request, "assessments/reuse/due.html", ctx)
