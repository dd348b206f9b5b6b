"""The search page: the signed-in user's visible assessments that match the words typed."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from assessments.errors import DomainError
from assessments.http import signed_in_actor
from assessments.selectors.search import search
from assessments.views.errors import error_response

# What a search box may hold: a longer one is cut (the index's tokens are short anyway).
MAX_QUERY = 200


@login_required
async def search_page(request: HttpRequest) -> HttpResponse:
    actor = await signed_in_actor(request)
    q = request.GET.get("q", "")[:MAX_QUERY].strip()
    business_unit = request.GET.get("business_unit", "")[:MAX_QUERY].strip()
    page = None
    if q or business_unit:
        try:
            page = await search(
                actor=actor, q=q, business_unit=business_unit, cursor=request.GET.get("cursor"), limit=20
            )
        except DomainError as exc:
            return error_response(request, exc)
    context = {"q": q, "business_unit": business_unit, "page": page, "everyone": actor.is_reviewer}
    return render(request, "assessments/search.html", context)
