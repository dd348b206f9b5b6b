"""Session authentication for async operations, with CSRF on unsafe methods.

Ninja's ``django_auth`` is sync: on an async operation Ninja runs it through
``sync_to_async``, one hop to the single sync thread per request, the very queue the
async operations exist to avoid. This one awaits the session and the user's groups instead,
and hands the operation its ``Actor`` as ``request.auth``.

Who it is comes first, CSRF second: an anonymous caller is told to sign in (401), and a
signed-in caller without the token is refused (403) before anything is read or changed.
The token is taken from the X-CSRFToken header only: Django's check would otherwise parse a
multipart body looking for a form field, reading a whole (maybe oversized) upload before the
operation's size guard could refuse it.
"""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie
from ninja.utils import check_csrf

from assessments.domain.records import Actor
from assessments.http import aactor_of

CSRF_FAILED = (
    "CSRF check failed: send the csrftoken cookie's value in the X-CSRFToken header "
    "(the API docs page does this for you)."
)


class SessionActorAuth(APIKeyCookie):
    """The Django session cookie, as the OpenAPI schema names it."""

    param_name: str = settings.SESSION_COOKIE_NAME

    async def __call__(self, request: HttpRequest) -> Actor | None:  # type: ignore[override]
        actor = await aactor_of(request)
        if actor is None:
            return None
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False) and _csrf_refused(request):
            raise HttpError(403, CSRF_FAILED)
        return actor

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        # Ninja requires it; only __call__ above is ever used (every operation is async).
        raise NotImplementedError("SessionActorAuth is async-only")


def _csrf_refused(request: HttpRequest) -> bool:
    unsafe = request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
    enforced = not getattr(request, "_dont_enforce_csrf_checks", False)  # Django's test client
    if unsafe and enforced and settings.CSRF_HEADER_NAME not in request.META:
        return True
    return check_csrf(request) is not None


def actor(request: HttpRequest) -> Actor:
    """The signed-in actor that ``SessionActorAuth`` put on the request."""
    return cast(Actor, request.auth)  # type: ignore[attr-defined]


session_auth = SessionActorAuth()
