"""The requestor's pages: list, create, overview, sections of questions, save an answer, submit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from assessments.domain.records import Actor
from assessments.domain.workflow import Action
from assessments.errors import ConflictError, DomainError, ValidationFailed
from assessments.forms import AssessmentCreateForm
from assessments.http import signed_in_actor
from assessments.presenters.dom import dom_id
from assessments.presenters.overview import (
    QUALIFYING,
    Overview,
    assessment_overview,
    build_overview,
    section_questions,
)
from assessments.presenters.questions import question_context
from assessments.presenters.requestor_review import RequestorReview, requestor_review, with_threads
from assessments.selectors.assessments import assessments_of_user
from assessments.selectors.questionnaire_catalog import questionnaires_active
from assessments.services.answers import AnswerSaved, answer_save
from assessments.services.assessments import AssessmentDetails, assessment_create, assessment_transition
from assessments.services.suggestion_actions import suggestion_apply
from assessments.views.errors import error_response


@login_required
async def assessment_list(request: HttpRequest) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        page = await assessments_of_user(user_id=actor.user_id, cursor=request.GET.get("cursor"), limit=20)
    except DomainError as exc:
        return error_response(request, exc)
    return render(request, "assessments/list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
async def assessment_new(request: HttpRequest) -> HttpResponse:
    form = AssessmentCreateForm(request.POST or None, questionnaires=await questionnaires_active())
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            record = await assessment_create(
                actor=await signed_in_actor(request),
                details=AssessmentDetails(**form.details()),
                questionnaire=form.questionnaire_key(),
            )
        except ValidationFailed as exc:
            for field, message in exc.extra.get("fields", {}).items():
                # No questionnaire field when there was nothing to choose: say it on the form.
                form.add_error(field if field in form.fields else None, message)
        except DomainError as exc:
            # Kept on the form so nothing typed is lost; the status says what happened (503: retry).
            form.add_error(None, exc.message)
            status = exc.status
        else:
            messages.success(request, f"Assessment {record.id} created. Start with the qualifying questions.")
            return redirect("assessments:section", assessment_id=record.id, section=QUALIFYING)
    if form.errors and status == 200:
        status = 422
    return render(request, "assessments/new.html", {"form": form}, status=status)


@login_required
async def assessment_detail(request: HttpRequest, assessment_id: str) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        overview = await assessment_overview(actor=actor, assessment_id=assessment_id)
        review = await requestor_review(overview, actor=actor)
    except DomainError as exc:
        return error_response(request, exc)
    ctx = {"o": overview, "a": overview.collection.assessment, "review": review}
    return render(request, "assessments/detail.html", ctx)


@login_required
async def assessment_section(request: HttpRequest, assessment_id: str, section: str) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        overview = await assessment_overview(actor=actor, assessment_id=assessment_id)
    except DomainError as exc:
        return error_response(request, exc)
    if section not in {s.key for s in overview.sections}:
        raise Http404("That risk area is not part of this assessment (yet).")
    return render(request, "assessments/section.html", section_context(overview, section, actor=actor))


def section_context(
    overview: Overview,
    section: str,
    *,
    actor: Actor | None = None,
    thread_errors: dict[str, tuple[str, str]] | None = None,
    **overrides: object,
) -> dict:
    """The section page's context: its questions, each with its comment thread beside it
    (``actor`` None: threads read-only; ``thread_errors``: question -> (message, text typed))."""
    answers = overview.collection.answer_values()
    questions = section_questions(overview.questionnaire, section, answers, evaluation=overview.rules)
    views = [question_context(overview, q, **overrides.get(q.id, {})) for q in questions]  # type: ignore[attr-defined]
    return {
        "o": overview,
        "a": overview.collection.assessment,
        "section": next(s for s in overview.sections if s.key == section),
        "questions": with_threads(overview, views, actor=actor, errors=thread_errors or {}),
        # The question partial draws the thread after its form only in a whole section: a swap
        # of one question's form leaves the thread beside it alone.
        "with_threads": True,
    }


def posted_value(request: HttpRequest) -> str | list[str]:
    return request.POST.getlist("value") if request.POST.get("multi") else request.POST.get("value", "")


def posted_version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("expected_version", ""))
    except ValueError:
        return None


@login_required
@require_POST
async def answer_submit(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    """Save one answer. htmx gets the question back (or the whole section when others appeared).

    ``from_suggestion`` marks a value the requestor started from a suggestion (Edit): it is
    saved as an accepted or edited suggestion rather than as a manual answer.
    """
    raw = posted_value(request)
    expected = posted_version(request)
    if request.POST.get("from_suggestion"):
        save = partial(
            suggestion_apply,
            question_id=question_id,
            expected_version=expected,
            edited_value=raw,
        )
    else:
        save = partial(answer_save, question_id=question_id, raw_value=raw, expected_version=expected)
    return await save_and_render(request, assessment_id, question_id, save, typed=raw)


async def save_and_render(
    request: HttpRequest,
    assessment_id: str,
    question_id: str,
    save: Callable[..., Awaitable[AnswerSaved]],
    *,
    typed: object = None,
) -> HttpResponse:
    """Run a save of one question's answer and render the outcome the way the page needs it."""
    actor = await signed_in_actor(request)
    section = request.POST.get("section", QUALIFYING)
    override: dict[str, object] = {}
    overview: Overview | None = None
    try:
        saved = await save(actor=actor, assessment_id=assessment_id)
        changed, status = saved.applicability_changed, 200
        override = {"just_saved": True}
        # The save already holds the assessment as it now is: no second read.
        overview = build_overview(actor=actor, collection=saved.collection, questionnaire=saved.questionnaire)
    except ConflictError as exc:
        changed, status = False, exc.status
        override = {"conflict": exc.message, "theirs": exc.extra}
    except ValidationFailed as exc:
        changed, status = False, exc.status
        # Keep what the user typed: a failed save never loses their input.
        override = {"error": exc.message, "typed": typed}
    except DomainError as exc:
        if not request.htmx or exc.status in (403, 404):  # type: ignore[attr-defined]
            return error_response(request, exc)
        changed, status = False, exc.status
        override = {"error": exc.message, "typed": typed}
    if overview is None:
        try:
            overview = await assessment_overview(actor=actor, assessment_id=assessment_id)
        except DomainError as exc:
            return error_response(request, exc)
    return render_question_outcome(
        request, overview, section, question_id, override, status=status, whole_section=changed, actor=actor
    )


def render_question_outcome(
    request: HttpRequest,
    overview: Overview,
    section: str,
    question_id: str,
    override: dict[str, object],
    *,
    status: int = 200,
    whole_section: bool = False,
    actor: Actor | None = None,
) -> HttpResponse:
    assessment_id = overview.collection.assessment.id
    if not request.htmx:  # type: ignore[attr-defined]
        if status < 400:
            return redirect(
                reverse("assessments:section", args=[assessment_id, section]) + "#" + dom_id(question_id)
            )
        ctx = section_context(overview, section, actor=actor, **{question_id: override})
        return render(request, "assessments/section.html", ctx, status=status)
    if whole_section or section not in {s.key for s in overview.sections}:
        response = render(
            request,
            "assessments/partials/section_body.html",
            {**section_context(overview, section, actor=actor, **{question_id: override}), "oob": True},
        )
        return reswap(retarget(response, "#section-body"), "outerHTML")
    question = overview.questionnaire.question(question_id)
    ctx = {
        "q": question_context(overview, question, **override),
        "o": overview,
        "a": overview.collection.assessment,
    }
    return render(request, "assessments/partials/question_response.html", ctx, status=status)


@login_required
async def question_fragment(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    """One question as the section shows it (the page refreshes it after a streamed suggestion)."""
    try:
        overview = await assessment_overview(
            actor=await signed_in_actor(request), assessment_id=assessment_id
        )
    except DomainError as exc:
        return error_response(request, exc)
    if not overview.questionnaire.has_question(question_id):
        raise Http404("No such question.")
    question = overview.questionnaire.question(question_id)
    ctx = {"q": question_context(overview, question), "o": overview, "a": overview.collection.assessment}
    return render(request, "assessments/partials/question.html", ctx)


@login_required
@require_POST
async def assessment_submit(request: HttpRequest, assessment_id: str) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        await assessment_transition(actor=actor, assessment_id=assessment_id, action=Action.SUBMIT)
    except ValidationFailed as exc:
        # Show what is missing on the assessment page; that re-read can fail on its own (outage).
        try:
            overview = await assessment_overview(actor=actor, assessment_id=assessment_id)
        except DomainError as read_error:
            return error_response(request, read_error)
        ctx = {
            "o": overview,
            "a": overview.collection.assessment,
            "review": RequestorReview(overview=overview, actor=actor),
            "submit_error": exc.message,
        }
        return render(request, "assessments/detail.html", ctx, status=422)
    except DomainError as exc:
        return error_response(request, exc)
    messages.success(request, "Submitted for review. An assessor will look at it next.")
    return redirect("assessments:detail", assessment_id=assessment_id)
