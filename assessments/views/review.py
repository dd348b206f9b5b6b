"""The requestor's side of the review: reply on a question's thread, resolve or reopen it,
withdraw the assessment. htmx gets the thread (or a redirect) back; a plain form post is
redirected to the question in its section, or shown the section with the error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from assessments.domain.records import Actor
from assessments.errors import DomainError, ValidationFailed
from assessments.http import signed_in_actor
from assessments.presenters.dom import dom_id
from assessments.presenters.overview import assessment_overview
from assessments.presenters.requestor_review import thread_view
from assessments.services.review import assessment_withdraw, comment_add, thread_reopen, thread_resolve
from assessments.views.errors import error_response
from assessments.views.requestor import section_context

# What a change of the thread runs: the use case, with actor, assessment and question bound.
ThreadChange = Callable[[Actor], Awaitable[object]]


async def _thread_changed(
    request: HttpRequest, assessment_id: str, question_id: str, change: ThreadChange, *, typed: str = ""
) -> HttpResponse:
    actor = await signed_in_actor(request)
    error = ""
    status = 200
    try:
        await change(actor)
    except ValidationFailed as exc:
        # Kept in the box so nothing typed is lost.
        error, status = exc.message, exc.status
    except DomainError as exc:
        # Not theirs (404), not allowed now (403), an outage (503): the page's error handling.
        return error_response(request, exc)
    try:
        overview = await assessment_overview(actor=actor, assessment_id=assessment_id)
    except DomainError as exc:
        return error_response(request, exc)
    questionnaire = overview.questionnaire
    if not questionnaire.has_question(question_id):
        raise Http404("No such question.")
    section = questionnaire.question(question_id).section
    if request.htmx:  # type: ignore[attr-defined]
        thread = thread_view(overview, question_id, actor=actor, error=error, typed=typed if error else "")
        ctx = {"t": thread, "a": overview.collection.assessment}
        return render(request, "assessments/partials/thread.html", ctx, status=status)
    if not error:
        return redirect(
            reverse("assessments:section", args=[assessment_id, section]) + "#" + dom_id(question_id)
        )
    if section not in {s.key for s in overview.sections}:
        raise Http404("That risk area is not part of this assessment (yet).")
    ctx = section_context(overview, section, actor=actor, thread_errors={question_id: (error, typed)})
    return render(request, "assessments/section.html", ctx, status=status)


@login_required
@require_POST
async def comment_add_view(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    text = request.POST.get("text", "")

    async def change(actor: Actor) -> object:
        return await comment_add(actor=actor, assessment_id=assessment_id, question_id=question_id, text=text)

    return await _thread_changed(request, assessment_id, question_id, change, typed=text)


@login_required
@require_POST
async def thread_resolve_view(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    async def change(actor: Actor) -> object:
        return await thread_resolve(actor=actor, assessment_id=assessment_id, question_id=question_id)

    return await _thread_changed(request, assessment_id, question_id, change)


@login_required
@require_POST
async def thread_reopen_view(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    async def change(actor: Actor) -> object:
        return await thread_reopen(actor=actor, assessment_id=assessment_id, question_id=question_id)

    return await _thread_changed(request, assessment_id, question_id, change)


@login_required
@require_POST
async def assessment_withdraw_view(request: HttpRequest, assessment_id: str) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        await assessment_withdraw(
            actor=actor, assessment_id=assessment_id, reason=request.POST.get("reason", "")
        )
    except DomainError as exc:
        return error_response(request, exc)
    messages.success(request, "Withdrawn. It is no longer waiting for review.")
    url = reverse("assessments:detail", args=[assessment_id])
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponseClientRedirect(url)
    return redirect(url)
