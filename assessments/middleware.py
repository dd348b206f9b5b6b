"""Request middleware: support for async views, and escaped errors shown as product pages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.decorators import sync_and_async_middleware

from assessments.errors import ConflictError, DomainError, ServiceUnavailable
from assessments.http import upload_too_large
from assessments.services.boundary import UNAVAILABLE_MESSAGE
from integrations import clients
from integrations.errors import Conflict, IntegrationError
from integrations.runtime import close_loop_resources

log = logging.getLogger(__name__)

CONFLICT_MESSAGE = (
    "Someone else changed this assessment at the same moment. Reload the page to see the latest, "
    "then try again."
)


def _oversized(request: HttpRequest) -> HttpResponse | None:
    message = upload_too_large(request)
    if message is None:
        return None
    if request.path.startswith("/api/"):
        return JsonResponse({"message": message, "extra": {}}, status=413)
    return HttpResponse(message, status=413, content_type="text/plain")


@sync_and_async_middleware
def oversized_body_middleware(get_response: Callable[[HttpRequest], Any]) -> Callable[[HttpRequest], Any]:
    """Refuse a body larger than any upload may be, from its declared length, before anything
    reads it: CSRF's check reads a POST's form fields, which parses (and spools) a whole
    multipart body, so a guard in the view would come too late."""
    if iscoroutinefunction(get_response):

        async def middleware(request: HttpRequest) -> Any:
            return _oversized(request) or await get_response(request)

    else:

        def middleware(request: HttpRequest) -> Any:  # type: ignore[misc]
            return _oversized(request) or get_response(request)

    return middleware


class RequestUserMiddleware:
    """The request as async views need it: the user loaded before, loop resources closed after.

    Templates read ``request.user``, the session and messages synchronously. In an async view
    a lazy first read would be a database query inside the event loop (SynchronousOnlyOperation),
    so the user (and with it the session) is loaded here, the async way on the async stack.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.async_mode = iscoroutinefunction(get_response)
        if self.async_mode:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        if self.async_mode:
            return self.__acall__(request)
        request.user.is_authenticated  # noqa: B018 - evaluates the lazy user now, off the loop
        return self.get_response(request)

    async def __acall__(self, request: HttpRequest) -> HttpResponse:
        request.user = await request.auser()  # type: ignore[attr-defined]
        if clients.is_long_lived():
            return await self.get_response(request)
        # Under the ASGI server the loop lives on and keeps its AWS clients; any other loop (an
        # async test client) closes what this request opened, once its body has been sent.
        try:
            response = await self.get_response(request)
        except BaseException:
            await close_loop_resources()
            raise
        if response.streaming and getattr(response, "is_async", False):
            response.streaming_content = _closing_after(response.streaming_content)  # type: ignore[attr-defined]
        else:
            await close_loop_resources()
        return response


async def _closing_after(content: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    try:
        async for chunk in content:
            yield chunk
    finally:
        await close_loop_resources()


def as_domain_error(exc: BaseException) -> DomainError | None:
    """The domain error a view should have shown for an exception that escaped it, or None."""
    if isinstance(exc, DomainError):
        return exc
    if isinstance(exc, Conflict):
        return ConflictError(CONFLICT_MESSAGE)
    if isinstance(exc, IntegrationError):
        return ServiceUnavailable(UNAVAILABLE_MESSAGE)
    return None


class DomainErrorMiddleware:
    """A project or integration error that escapes a page view is shown as the product shows errors.

    Views catch the errors they expect; this is the net under them, so a lost race (409) or a
    store outage (503) is never a 500. The API has its own handlers and is left alone.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        # Passes through in either mode; Django calls process_exception for the view's errors.
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.path.startswith("/api/"):
            return None
        error = as_domain_error(exception)
        if error is None:
            return None
        if not isinstance(exception, DomainError):
            log.warning("%s escaped %s: %s", type(exception).__name__, request.path, exception)
        from assessments.views.errors import error_response

        return error_response(request, error)
