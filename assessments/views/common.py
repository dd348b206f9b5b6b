"""Helpers every view uses: who is acting, and how a domain error is shown."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from assessments.domain.records import Actor
from assessments.domain.roles import roles_of
from assessments.errors import DomainError, NotFoundError


def actor_of(request: HttpRequest) -> Actor:
    user: Any = request.user
    return Actor(user_id=user.pk, username=user.get_username(), roles=roles_of(user))


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def error_response(request: HttpRequest, error: DomainError) -> HttpResponse:
    """A domain error as a page, or as an htmx error partial swapped into #flash."""
    if isinstance(error, NotFoundError):
        raise Http404(error.message)
    if is_htmx(request):
        response = render(request, "assessments/partials/error.html", {"error": error}, status=error.status)
        response["HX-Retarget"] = "#flash"
        response["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "assessments/error.html", {"error": error}, status=error.status)
