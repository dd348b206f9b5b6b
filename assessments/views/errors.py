"""How errors reach the user: a domain error as a page or an htmx partial, and the 403/404/500 pages."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader
from django_htmx.http import reswap, retarget

from assessments.errors import DomainError, NotFoundError


def error_response(request: HttpRequest, error: DomainError) -> HttpResponse:
    """A domain error as a page, or as an htmx error partial swapped into #flash."""
    if isinstance(error, NotFoundError):
        raise Http404(error.message)
    if getattr(request, "htmx", False):
        response = render(request, "assessments/partials/error.html", {"error": error}, status=error.status)
        return reswap(retarget(response, "#flash"), "innerHTML")
    return render(request, "assessments/error.html", {"error": error}, status=error.status)


def _message_of(exception: Exception | None, default: str) -> str:
    # Our Http404/PermissionDenied messages are written for users; the URL resolver's are not
    # (a dict of tried patterns), so only a plain string message is shown.
    message = exception.args[0] if exception is not None and exception.args else None
    return message if isinstance(message, str) and message else default


def _error_page(request: HttpRequest, template: str, status: int, message: str) -> HttpResponse:
    if getattr(request, "htmx", False):
        partial = loader.render_to_string("assessments/partials/error.html", {"error": {"message": message}})
        return reswap(retarget(HttpResponse(partial, status=status), "#flash"), "innerHTML")
    return HttpResponse(loader.render_to_string(template, {"message": message}, request), status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    # The parser's reason (a boundary, a header length) means nothing to a user: say what to do.
    message = "The request could not be read. If you were uploading files, choose them again and retry."
    return _error_page(request, "400.html", 400, message)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "404.html", 404, _message_of(exception, "There is nothing at this address."))


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(
        request, "403.html", 403, _message_of(exception, "You don't have access to this page.")
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A refused form post (missing or stale security token): our 403, with what to do about it."""
    message = "This page was open too long or its security token is missing. Reload the page and try again."
    return _error_page(request, "403.html", 403, message)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without the request: whatever failed may fail again on a second look."""
    message = "Something went wrong on our side. It has been logged; please try again in a moment."
    if getattr(request, "htmx", False):
        partial = loader.render_to_string("assessments/partials/error.html", {"error": {"message": message}})
        return reswap(retarget(HttpResponse(partial, status=500), "#flash"), "innerHTML")
    return HttpResponse(loader.render_to_string("500.html", {"message": message}), status=500)
