"""Acting on a suggestion: accept, dismiss, retry, and regenerate with the text streamed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from functools import partial

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_POST

from assessments.errors import DomainError
from assessments.http import aactor_of, signed_in_actor
from assessments.presenters.overview import QUALIFYING, assessment_overview
from assessments.services.suggestion_actions import (
    suggestion_apply,
    suggestion_dismiss,
    suggestion_regenerate,
    suggestion_regenerate_stream,
)
from assessments.views.errors import error_response
from assessments.views.requestor import posted_version, render_question_outcome, save_and_render


@login_required
@require_POST
async def suggestion_accept(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    save = partial(
        suggestion_apply, question_id=question_id, expected_version=posted_version(request), edited_value=None
    )
    return await save_and_render(request, assessment_id, question_id, save)


async def _act_then_render(
    request: HttpRequest, assessment_id: str, question_id: str, action: Callable[..., Awaitable[object]]
) -> HttpResponse:
    """Run one action on a suggestion, then show the question as it now is."""
    actor = await signed_in_actor(request)
    try:
        await action(actor=actor, assessment_id=assessment_id, question_id=question_id)
        overview = await assessment_overview(actor=actor, assessment_id=assessment_id)
    except DomainError as exc:
        return error_response(request, exc)
    section = request.POST.get("section", QUALIFYING)
    return render_question_outcome(request, overview, section, question_id, {})


@login_required
@require_POST
async def suggestion_dismiss_view(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    return await _act_then_render(request, assessment_id, question_id, suggestion_dismiss)


@login_required
@require_POST
async def suggestion_retry(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    return await _act_then_render(request, assessment_id, question_id, suggestion_regenerate)


@require_POST
async def suggestion_stream(request: HttpRequest, assessment_id: str, question_id: str) -> HttpResponse:
    """Regenerate one suggestion, its text streamed as it is written (plain text chunks).

    The page shows the chunks as they arrive and then fetches the question back, which now
    holds the validated, stored suggestion. Refusals come before the first byte.
    """
    actor = await aactor_of(request)
    if actor is None:
        return HttpResponse("Sign in first.", status=401, content_type="text/plain")
    try:
        stream = await suggestion_regenerate_stream(
            actor=actor, assessment_id=assessment_id, question_id=question_id
        )
    except DomainError as exc:
        return HttpResponse(exc.message, status=exc.status, content_type="text/plain")

    async def body() -> AsyncIterator[bytes]:
        async for text in stream.deltas:
            yield text.encode()

    response = StreamingHttpResponse(body(), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # let a proxy pass chunks through as they come
    return response
