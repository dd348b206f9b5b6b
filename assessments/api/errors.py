"""The API's one error shape, ``{"message": str, "extra": {...}}``, for every error it returns.

Ninja answers its own errors as ``{"detail": ...}`` and lets anything unexpected become
Django's HTML 500; the handlers here replace all of them, so a client reads one shape
whatever went wrong (our domain errors, Ninja's validation and auth, malformed requests).
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from django.core.exceptions import BadRequest, PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from assessments.errors import DomainError

log = logging.getLogger(__name__)

SIGN_IN = "Sign in first: the API uses your browser session."
FIX_FIELDS = "Please correct the highlighted fields."
UNREADABLE = "The request could not be read: {reason}"
TOO_LARGE = "That request is too large."
NO_SUCH_PATH = "There is no such API path; /api/docs lists them."
METHOD_NOT_ALLOWED = "{method} is not allowed here; use {allowed}."
UNEXPECTED = "Something went wrong on our side. Nothing you sent was lost; please try again."


# Ninja's own wording for the errors it raises itself, in ours.
_NINJA_MESSAGES = {
    "Cannot parse request body": UNREADABLE.format(reason="the body is not valid JSON."),
}


class ErrorOut(Schema):
    """Every error body. ``extra`` carries details: ``fields`` (name -> problem), ``missing``..."""

    message: str
    extra: dict[str, Any] = {}


# What any operation can answer: a request that cannot be parsed, nobody signed in,
# bad parameters, the data store not answering.
ANY = frozenset({400, 401, 422, 503})
# Reads of one assessment add "no such assessment" (also another requestor's).
READ_ONE = ANY | {404}
# Writes add refused CSRF or role (403), a stale write (409) and an oversized body (413).
WRITE = READ_ONE | {403, 409, 413}


def errors(codes: Iterable[int]) -> dict[frozenset[int], type[ErrorOut]]:
    """The ``response=`` entry declaring ``ErrorOut`` for these statuses."""
    return {frozenset(codes): ErrorOut}


def error_body(message: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"message": message, "extra": extra or {}}


def not_found_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Any /api/ path no operation matches: the API's 404, not the site's HTML page."""
    return JsonResponse(error_body(NO_SUCH_PATH), status=404)


def with_json_405(view: Callable[..., Awaitable[HttpResponse]]) -> Callable[..., Awaitable[HttpResponse]]:
    """Ninja answers a method a path does not take with a bare text 405: give it our shape."""

    @functools.wraps(view)
    async def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = await view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        allowed = response.get("Allow", "")
        message = METHOD_NOT_ALLOWED.format(method=request.method, allowed=allowed or "another method")
        refused = JsonResponse(
            error_body(message, {"allowed": allowed.split(", ") if allowed else []}), status=405
        )
        refused["Allow"] = allowed
        return refused

    wrapper.csrf_exempt = True  # type: ignore[attr-defined]  # as Ninja's own views: auth checks CSRF
    return wrapper


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    """The top-level field an error is about: ``("body", "payload", "value", "str")`` -> ``"value"``.

    Deeper parts are pydantic's (union members, list indexes), not names a client sent; our
    bodies are flat, so the top-level field is what a form or client highlights.
    """
    source, *rest = [str(part) for part in loc] or ["body"]
    if source == "body":
        # The first part is the operation's own parameter name ("payload"), not a field.
        rest = rest[1:]
    return rest[0] if rest else source


def validation_extra(exc: ValidationError) -> dict[str, Any]:
    fields: dict[str, str] = {}
    for error in exc.errors:
        fields.setdefault(_field_name(error.get("loc", ())), str(error.get("msg", "Not valid.")))
    return {"fields": fields}


def install(api: NinjaAPI) -> None:
    """Register a handler for every kind of error an operation (or its parsing) can raise."""

    def respond(request: HttpRequest, status: int, message: str, extra: dict[str, Any] | None = None) -> Any:
        return api.create_response(request, error_body(message, extra), status=status)

    def on(
        exc_class: type[Exception],
    ) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
        return api.exception_handler(exc_class)

    @on(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return respond(request, exc.status, exc.message, exc.extra)

    @on(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return respond(request, 422, FIX_FIELDS, validation_extra(exc))

    @on(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return respond(request, 401, SIGN_IN)

    @on(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        message = _NINJA_MESSAGES.get(exc.message.split(" (", 1)[0], exc.message)
        return respond(request, exc.status_code, message)

    @on(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, "Not found.")

    @on(PermissionDenied)
    def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, 403, str(exc) or "You may not do that.")

    @on(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return respond(request, 413, TOO_LARGE)

    # Malformed multipart (no boundary, an oversized part header), too many fields or files,
    # a body the client stopped sending: the client's fault, never a 500.
    @on(MultiPartParserError)
    @on(SuspiciousOperation)
    @on(BadRequest)
    @on(UnreadablePostError)
    def unreadable(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 400, UNREADABLE.format(reason=str(exc) or type(exc).__name__))

    @on(json.JSONDecodeError)
    def bad_json(request: HttpRequest, exc: json.JSONDecodeError) -> HttpResponse:
        return respond(request, 400, UNREADABLE.format(reason="the body is not valid JSON."))

    @on(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        # The last resort: the traceback goes to the log, never to the client.
        log.error("Unhandled API error on %s %s", request.method, request.path, exc_info=exc)
        return respond(request, 500, UNEXPECTED)
