"""Search: the caller's visible assessments that have every word of ``q``, newest first, paged."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from assessments.api.auth import actor
from assessments.api.errors import ANY, errors
from assessments.domain.search import SearchHit
from assessments.selectors.search import MAX_LIMIT, search

router = Router(tags=["search"])


class SearchHitOut(Schema):
    id: str
    title: str
    project: str
    business_unit: str
    system_id: str
    owner: str
    created_at: str
    url: str

    @classmethod
    def of(cls, hit: SearchHit) -> SearchHitOut:
        return cls(
            id=hit.assessment_id,
            title=hit.title,
            project=hit.project,
            business_unit=hit.business_unit,
            system_id=hit.system_id,
            owner=hit.owner_name,
            created_at=hit.created_at,
            url=reverse("assessments:detail", args=[hit.assessment_id]),
        )


class SearchOut(Schema):
    items: list[SearchHitOut]
    # Present while there may be more: a page of several words can hold fewer than ``limit``
    # matches (it examines a bounded number of entries) and still have a next page.
    next_cursor: str | None


@router.get(
    "/search",
    response={200: SearchOut, **errors(ANY)},
    summary="Search my visible assessments by id, words of the title, project or system id, business unit",
    description=(
        "Requestors find their own assessments, assessors and admins all of them. Words match whole "
        "(no prefixes), accents and case ignored; every word must match. `business_unit` filters by "
        "the whole business unit name. Each page costs a bounded number of table reads."
    ),
)
async def search_assessments(
    request: HttpRequest,
    q: str = "",
    business_unit: str = "",
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=MAX_LIMIT),  # noqa: B008 - django-ninja declares parameters this way
) -> dict[str, Any]:
    page = await search(actor=actor(request), q=q, business_unit=business_unit, cursor=cursor, limit=limit)
    return {"items": [SearchHitOut.of(h) for h in page.items], "next_cursor": page.next_cursor}
