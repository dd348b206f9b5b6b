"""The review page and its forms: assign, comment, resolve/reopen, send back, decide an area.

Every POST is a use case of assessments/services/review/. Success redirects back to the page
(to the part that changed); a refusal of what was typed re-renders the page with the form,
its message and the user's input (422); a store outage is the error page (503).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from assessments.accounts.reviewers import reviewer_choices
from assessments.admin.forms import AssignForm, CommentForm, DecisionForm, SendBackForm
from assessments.domain.records import Actor
from assessments.errors import ConflictError, DomainError, NotFoundError, ValidationFailed
from assessments.presenters.review import ReviewPage, level_label, record_answers, review_page
from assessments.services.review.assign import assessment_assign
from assessments.services.review.comments import comment_add, thread_reopen, thread_resolve
from assessments.services.review.decision_input import ConditionInput
from assessments.services.review.decisions import area_decide
from assessments.services.review.send_back import assessment_send_back

if TYPE_CHECKING:
    from assessments.admin.site import TRAAdminSite

# A use case's field names -> the send back form's.
_SEND_BACK_FIELDS = {"feedback": "feedback", "questions": "questions", "flagged_areas": "areas"}


def _detail_url(assessment_id: str, anchor: str = "") -> str:
    url = reverse("admin:review_detail", args=[assessment_id])
    return f"{url}#{anchor}" if anchor else url


def _send_back_form(page: ReviewPage, data: Any = None) -> SendBackForm:
    questions = [(q.question.id, f"{q.question.id} · {q.question.text}") for q in page.questions]
    areas = [(a.key, a.name) for a in page.areas[1:]]
    # Pre-ticked: the questions whose threads are still open are the ones that need work.
    initial = {"questions": sorted(page.open_thread_ids)}
    return SendBackForm(data, questions=questions, areas=areas, initial=initial)


def _refreshed(form: DecisionForm, version: int) -> DecisionForm:
    """A stale decision form again, with what was typed, its messages and the version now read,
    so the assessor can check the page and record it again."""
    data = form.data.copy()
    data[form.add_prefix("expected_version")] = str(version)
    fresh = DecisionForm(data, area_key=form.area_key)
    fresh.is_valid()
    for field, errors in form.errors.items():
        for error in errors:
            if error not in fresh.errors.get(field, []):
                fresh.add_error(None if field == "__all__" else field, error)
    return fresh


def _decision_forms(page: ReviewPage, posted: DecisionForm | None = None) -> dict[str, DecisionForm]:
    forms = {}
    for area in page.open_areas:
        if posted is not None and posted.area_key == area.decision_key:
            forms[area.decision_key] = _refreshed(posted, page.assessment.version)
            continue
        initial = {"residual_rating": area.inherent_level or "", "expected_version": page.assessment.version}
        forms[area.decision_key] = DecisionForm(area_key=area.decision_key, initial=initial)
    return forms


def _fields_into(form: Form, exc: DomainError, names: dict[str, str] | None = None) -> None:
    """The use case's per-field messages onto the form's fields; the rest above the form."""
    fields = (getattr(exc, "extra", None) or {}).get("fields") or {}
    for name, message in fields.items():
        target = (names or {}).get(name, name)
        if name.startswith("conditions.") and name.count(".") == 2:
            _conditions, n, part = name.split(".")
            target = f"condition_{n}_{'due' if part == 'due_on' else part}"
        form.add_error(target if target in form.fields else None, message)
    if not fields:
        form.add_error(None, exc.message)


async def review_detail(
    site: TRAAdminSite,
    request: HttpRequest,
    actor: Actor,
    assessment_id: str,
    *,
    posted: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    try:
        page = await review_page(actor=actor, assessment_id=assessment_id)
    except NotFoundError:
        raise Http404("No such assessment.") from None
    except DomainError as exc:
        return site.error(request, exc, await site.context(request), retry=_detail_url(assessment_id))
    posted = posted or {}
    reviewers = [(r.user_id, r.display_name) for r in await reviewer_choices()]
    a = page.assessment
    shown = {q.question.id for q in page.questions}
    context = await site.context(
        request,
        title=f"{a.id} · {a.title}",
        # A refused comment on a question the page does not show (not applicable): said at the top.
        comment_elsewhere=bool(posted.get("comment_question"))
        and posted.get("comment_question") not in shown,
        p=page,
        a=a,
        assign_form=posted.get("assign") or AssignForm(reviewers=reviewers),
        # A refused comment: which question's form, and the form with what was typed.
        comment_question=posted.get("comment_question", ""),
        comment_form=posted.get("comment") or CommentForm(),
        send_back_form=posted.get("send_back") or _send_back_form(page),
        decision_forms=_decision_forms(page, posted.get("decision")),
    )
    return TemplateResponse(request, "admin/review_detail.html", context, status=status)


async def decision_record(
    site: TRAAdminSite, request: HttpRequest, actor: Actor, assessment_id: str
) -> HttpResponse:
    try:
        page = await review_page(actor=actor, assessment_id=assessment_id)
    except NotFoundError:
        raise Http404("No such assessment.") from None
    except DomainError as exc:
        return site.error(request, exc, await site.context(request), retry=request.get_full_path())
    if page.decision_record is None:
        raise Http404("This assessment has no decision record yet.")
    a = page.assessment
    context = await site.context(
        request,
        title=f"Decision record · {a.id} · {a.title}",
        p=page,
        a=a,
        record=page.decision_record,
        record_answers=record_answers(page.decision_record, page.questionnaire),
        record_levels=(
            level_label(page.decision_record.inherent_overall),
            level_label(page.decision_record.residual_overall),
        ),
    )
    return TemplateResponse(request, "admin/review_record.html", context)


async def _run(
    site: TRAAdminSite,
    request: HttpRequest,
    actor: Actor,
    assessment_id: str,
    action: Any,
    *,
    done: str,
    anchor: str = "",
    on_invalid: Any = None,
) -> HttpResponse:
    """Run one use case; the outcomes every review POST shares."""
    try:
        await action()
    except NotFoundError:
        raise Http404("No such assessment.") from None
    except (ValidationFailed, ConflictError) as exc:
        if on_invalid is None:
            messages.error(request, exc.message)
            return redirect(_detail_url(assessment_id, anchor))
        # What was typed comes back with the message: a refusal or a stale form loses nothing.
        posted = on_invalid(exc)
        return await review_detail(site, request, actor, assessment_id, posted=posted, status=exc.status)
    except DomainError as exc:
        if exc.status >= 500:
            # Nothing was written: say so on a page rather than in a message on a redirect.
            return site.error(request, exc, await site.context(request), retry=_detail_url(assessment_id))
        messages.error(request, exc.message)
        return redirect(_detail_url(assessment_id, anchor))
    messages.success(request, done)
    return redirect(_detail_url(assessment_id, anchor))


async def review_assign(
    site: TRAAdminSite, request: HttpRequest, actor: Actor, assessment_id: str
) -> HttpResponse:
    reviewers = [(r.user_id, r.display_name) for r in await reviewer_choices()]
    form = AssignForm(request.POST, reviewers=reviewers)
    if not form.is_valid():
        return await review_detail(site, request, actor, assessment_id, posted={"assign": form}, status=422)
    assignee = form.cleaned_data.get("assignee")
    name = next((n for i, n in reviewers if i == assignee), "you")

    def invalid(exc: DomainError) -> dict[str, Any]:
        _fields_into(form, exc)
        return {"assign": form}

    return await _run(
        site,
        request,
        actor,
        assessment_id,
        lambda: assessment_assign(actor=actor, assessment_id=assessment_id, assignee_id=assignee),
        done=f"{assessment_id} is assigned to {name}.",
        on_invalid=invalid,
    )


async def review_comment(
    site: TRAAdminSite, request: HttpRequest, actor: Actor, assessment_id: str, question_id: str
) -> HttpResponse:
    form = CommentForm(request.POST)
    anchor = f"q-{question_id}"

    def invalid(exc: DomainError | None = None) -> dict[str, Any]:
        if exc is not None:
            _fields_into(form, exc, {"question_id": "text"})
        return {"comment_question": question_id, "comment": form}

    if not form.is_valid():
        return await review_detail(site, request, actor, assessment_id, posted=invalid(), status=422)
    return await _run(
        site,
        request,
        actor,
        assessment_id,
        lambda: comment_add(
            actor=actor, assessment_id=assessment_id, question_id=question_id, text=form.cleaned_data["text"]
        ),
        done=f"Comment added on {question_id}.",
        anchor=anchor,
        on_invalid=invalid,
    )


async def review_thread(
    site: TRAAdminSite,
    request: HttpRequest,
    actor: Actor,
    assessment_id: str,
    question_id: str,
    *,
    resolve: bool,
) -> HttpResponse:
    use_case = thread_resolve if resolve else thread_reopen
    return await _run(
        site,
        request,
        actor,
        assessment_id,
        lambda: use_case(actor=actor, assessment_id=assessment_id, question_id=question_id),
        done=f"Thread on {question_id} {'resolved' if resolve else 'reopened'}.",
        anchor=f"q-{question_id}",
    )


async def review_send_back(
    site: TRAAdminSite, request: HttpRequest, actor: Actor, assessment_id: str
) -> HttpResponse:
    # The form's choices are the page's questions: build it from the page, then check it.
    try:
        page = await review_page(actor=actor, assessment_id=assessment_id)
    except NotFoundError:
        raise Http404("No such assessment.") from None
    except DomainError as exc:
        return site.error(request, exc, await site.context(request), retry=_detail_url(assessment_id))
    form = _send_back_form(page, request.POST)
    if not form.is_valid():
        return await review_detail(
            site, request, actor, assessment_id, posted={"send_back": form}, status=422
        )
    data = form.cleaned_data

    def invalid(exc: DomainError) -> dict[str, Any]:
        _fields_into(form, exc, _SEND_BACK_FIELDS)
        return {"send_back": form}

    return await _run(
        site,
        request,
        actor,
        assessment_id,
        lambda: assessment_send_back(
            actor=actor,
            assessment_id=assessment_id,
            feedback=data["feedback"],
            question_ids=data["questions"],
            flagged_areas=data["areas"],
        ),
        done=f"{assessment_id} was sent back to the requestor.",
        on_invalid=invalid,
    )


async def review_decide(
    site: TRAAdminSite, request: HttpRequest, actor: Actor, assessment_id: str
) -> HttpResponse:
    area_key = request.POST.get("area", "")
    form = DecisionForm(request.POST, area_key=area_key)

    def invalid(exc: DomainError | None = None) -> dict[str, Any]:
        if exc is not None:
            _fields_into(form, exc)
        return {"decision": form}

    if not area_key or not form.is_valid():
        if not area_key:
            form.add_error(None, "Choose the risk area this decision is for.")
        return await review_detail(site, request, actor, assessment_id, posted=invalid(), status=422)
    data = form.cleaned_data
    outcome: dict[str, Any] = {}

    async def decide() -> None:
        outcome["result"] = await area_decide(
            actor=actor,
            assessment_id=assessment_id,
            area_key=area_key,
            outcome=data["outcome"],
            rationale=data["rationale"],
            conditions=[ConditionInput(text=t, owner=o, due_on=d) for t, o, d in form.conditions()],
            residual_rating=data.get("residual_rating") or None,
            residual_rationale=data.get("residual_rationale", ""),
            expected_version=data.get("expected_version"),
        )

    response = await _run(
        site,
        request,
        actor,
        assessment_id,
        decide,
        done="Decision recorded.",
        anchor=f"area-{area_key}",
        on_invalid=invalid,
    )
    result = outcome.get("result")
    if result is not None and result.finalized:
        messages.info(request, f"Every area is decided: {assessment_id} is {result.record.state.value}.")
        return redirect("admin:review_record", assessment_id=assessment_id)
    return response
