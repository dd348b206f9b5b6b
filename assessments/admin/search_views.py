"""The review site's search: every assessment (drafts too) by id, words or business unit.

The queue's own box filters the queue's entries within a read budget (its ordering and its
other filters stay as they are); this page answers from the search index instead
(assessments/selectors/search.py), a bounded number of Queries a page whatever the table holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path

from assessments.errors import DomainError, ValidationFailed
from assessments.selectors.search import search

if TYPE_CHECKING:
    from assessments.admin.site import TRAAdminSite

MAX_QUERY = 200
PAGE_SIZE = 25


def search_admin_urls(site: TRAAdminSite) -> list[Any]:
    """Before ``review/<assessment_id>/`` in the site's URLs, or "search" is taken for an id."""

    async def page(request: HttpRequest) -> HttpResponse:
        return await review_search(site, request)

    return [path("review/search/", site.async_admin_view(page), name="review_search")]


async def review_search(site: TRAAdminSite, request: HttpRequest) -> HttpResponse:
    actor = await site.reviewer(request)
    q = request.GET.get("q", "")[:MAX_QUERY].strip()
    business_unit = request.GET.get("business_unit", "")[:MAX_QUERY].strip()
    context = await site.context(request, title="Search", q=q, business_unit=business_unit, page=None)
    if not (q or business_unit):
        return TemplateResponse(request, "admin/review_search.html", context)
    try:
        context["page"] = await search(
            actor=actor, q=q, business_unit=business_unit, cursor=request.GET.get("cursor"), limit=PAGE_SIZE
        )
    except ValidationFailed as exc:  # a page link from another search, or forged
        context["cursor_error"] = exc.message
        return TemplateResponse(request, "admin/review_search.html", context, status=400)
    except DomainError as exc:
        return site.error(request, exc, context, retry=request.get_full_path())
    return TemplateResponse(request, "admin/review_search.html", context)
