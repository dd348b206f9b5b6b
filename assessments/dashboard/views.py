"""The dashboard page, for assessors and admins, inside the admin site (its sign-in, its style)."""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from assessments.dashboard.figures import dashboard_figures
from assessments.dashboard.presenter import charts, counted_at, headline
from assessments.errors import DomainError
from assessments.http import aactor_of


async def dashboard(request: HttpRequest) -> HttpResponse:
    actor = await aactor_of(request)
    if actor is None or not actor.is_reviewer:
        raise PermissionDenied("Only assessors and admins see the dashboard.")
    site = admin.site
    context = await site.context(request, title="Dashboard")  # type: ignore[attr-defined]
    try:
        figures = await dashboard_figures(today=datetime.now(UTC).date())
    except DomainError as error:
        return site.error(request, error, context, retry=request.get_full_path())  # type: ignore[attr-defined]
    context |= {
        "figures": figures,
        "charts": charts(figures),
        "headline": headline(figures),
        "counted_at": counted_at(figures.folded_at),
    }
    return TemplateResponse(request, "admin/dashboard.html", context)
