"""The guest's pages: /guest/<token>/ (read) and its comment form (POST).

Nothing but the token in the path grants access: no session, no cookie of ours (Django's CSRF
cookie grants nothing; the comment form's CSRF check still applies). Every request is counted
against the client address before the token is even looked at, then against the link. A
refused link is a page that says why (404 never valid, 410 expired or withdrawn) with no data.
The pages are never cached and send no Referer, so the token does not leak to another site.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_POST

from assessments.accounts.throttle import client_address
from assessments.domain.review import COMMENT_MAX_LENGTH
from assessments.download_response import download_response
from assessments.errors import ConflictError, DomainError, NotAllowed, ValidationFailed
from assessments.guests.domain import GuestSession
from assessments.guests.downloads import guest_document_download, guest_documents
from assessments.guests.errors import GuestRateLimited
from assessments.guests.presenter import guest_page
from assessments.guests.service import guest_comment, guest_resolve, guest_view
from assessments.guests.throttle import guest_address_allowed
from assessments.selectors.questionnaires import aquestionnaire_get

View = Callable[..., Awaitable[HttpResponse]]
log = logging.getLogger(__name__)


class GuestCommentForm(forms.Form):
    text = forms.CharField(
        max_length=COMMENT_MAX_LENGTH, strip=True, error_messages={"required": "Write a comment."}
    )


def _private(view: View) -> View:
    @wraps(view)
    async def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = await view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        if response.status_code >= 400:
            # Django's request logger would write the path (the token) for a 4xx: log the
            # refusal here without it, and mark the response as logged (Django's own flag).
            log.warning("guest %s %s refused: %s", request.method, view.__name__, response.status_code)
            response._has_been_logged = True  # type: ignore[attr-defined]
        return response

    return never_cache(inner)


def _refused(request: HttpRequest, error: DomainError) -> HttpResponse:
    return TemplateResponse(request, "guests/refused.html", {"message": error.message}, status=error.status)


async def _render(
    request: HttpRequest,
    token: str,
    session: GuestSession,
    *,
    posted: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    collection = await guest_view(session=session)
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    documents = await guest_documents(session, collection)
    page = guest_page(
        session=session, collection=collection, questionnaire=questionnaire, documents=documents
    )
    posted = posted or {}
    context = {
        "p": page,
        "a": a,
        "token": token,
        "comment_question": posted.get("question", ""),
        # A refused comment on a question this page does not show: said at the top.
        "comment_elsewhere": bool(posted.get("question")) and posted.get("question") not in page.question_ids,
        "comment_form": posted.get("form") or GuestCommentForm(),
    }
    return TemplateResponse(request, "guests/page.html", context, status=status)


async def _session(request: HttpRequest, token: str) -> GuestSession:
    if not await guest_address_allowed(address=client_address(request)):
        raise GuestRateLimited()
    return await guest_resolve(token=token)


@_private
@require_GET
async def guest_page_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        session = await _session(request, token)
        return await _render(request, token, session)
    except DomainError as exc:  # refused, rate-limited, or the store unavailable: never a 500
        return _refused(request, exc)


@_private
@csrf_protect
@require_POST
async def guest_comment_view(request: HttpRequest, token: str, question_id: str) -> HttpResponse:
    try:
        session = await _session(request, token)
    except DomainError as exc:
        return _refused(request, exc)
    form = GuestCommentForm(request.POST)
    try:
        if not form.is_valid():
            return await _render(
                request, token, session, posted={"question": question_id, "form": form}, status=422
            )
        try:
            await guest_comment(session=session, question_id=question_id, text=form.cleaned_data["text"])
        except (ValidationFailed, NotAllowed) as exc:
            # Not this question, or the assessment takes no comments now: the page, with why.
            form.add_error(None, exc.message)
            return await _render(
                request, token, session, posted={"question": question_id, "form": form}, status=exc.status
            )
        except ConflictError:
            # The invite may have been withdrawn meanwhile: look again (GuestRefused if it was).
            await guest_resolve(token=token)
            raise
        return redirect(f"{reverse('guests:page', args=[token])}#q-{question_id}")
    except DomainError as exc:
        return _refused(request, exc)


@_private
@require_GET
async def guest_document_view(request: HttpRequest, token: str, document_id: str) -> HttpResponse:
    try:
        session = await _session(request, token)
        download = await guest_document_download(session=session, document_id=document_id)
    except DomainError as exc:
        return _refused(request, exc)
    return download_response(download)
