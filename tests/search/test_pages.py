"""The search page and GET /api/search, as a user sees them."""

from __future__ import annotations

from typing import Any

from tests.search.helpers import record, seed_index
from tests.web.helpers import create_assessment


def test_the_page_lists_the_requestors_own_matches_with_links(cast: Any) -> None:
    mine = create_assessment(cast, "requestor", title="Payroll cloud move")
    theirs = create_assessment(cast, "requestor2", title="Payroll vendor")
    response = cast.client("requestor").get("/assessments/search/", {"q": "Payroll"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="/assessments/{mine}/"' in html and "Payroll cloud move" in html
    assert theirs not in html and "Payroll vendor" not in html
    assert 'value="Payroll"' in html  # the box keeps what was typed


def test_an_assessor_finds_everyones_on_the_same_page(cast: Any) -> None:
    mine = create_assessment(cast, "requestor", title="Payroll cloud move")
    theirs = create_assessment(cast, "requestor2", title="Payroll vendor")
    html = cast.client("assessor").get("/assessments/search/", {"q": "payroll"}).content.decode()
    assert mine in html and theirs in html and "Search all assessments" in html


def test_the_page_says_when_nothing_matches(cast: Any) -> None:
    create_assessment(cast, title="Payroll cloud move")
    html = cast.client("requestor").get("/assessments/search/", {"q": "pay"}).content.decode()
    assert "No assessment matches “pay”" in html and "Words match whole" in html


def test_the_page_without_a_query_shows_only_the_box(cast: Any) -> None:
    html = cast.client("requestor").get("/assessments/search/").content.decode()
    assert 'role="search"' in html and "No assessment matches" not in html


def test_the_page_pages_on_with_older_matches(cast: Any) -> None:
    owner = cast.actor("requestor")
    seed_index([record(n, owner_id=owner.user_id) for n in range(1, 26)])
    client = cast.client("requestor")
    first = client.get("/assessments/search/", {"q": "payroll"}).context["page"]
    assert len(first.items) == 20 and first.next_cursor
    second = client.get("/assessments/search/", {"q": "payroll", "cursor": first.next_cursor}).context["page"]
    assert [h.assessment_id for h in second.items] == [f"TRA-2026-{n:06X}" for n in range(5, 0, -1)]


def test_the_api_returns_the_callers_matches_paged(cast: Any) -> None:
    mine = create_assessment(cast, "requestor", title="Payroll cloud move", business_unit="Group Finance")
    create_assessment(cast, "requestor2", title="Payroll vendor")
    body = cast.client("requestor").get("/api/search", {"q": "payroll", "limit": 5}).json()
    assert [hit["id"] for hit in body["items"]] == [mine]
    assert body["items"][0]["url"] == f"/assessments/{mine}/"
    assert body["items"][0]["business_unit"] == "Group Finance"
    assert body["next_cursor"] is None
    assert cast.client("requestor").get("/api/search", {"business_unit": "group finance"}).json()["items"]


def test_the_api_refuses_a_forged_cursor_in_the_one_error_shape(cast: Any) -> None:
    response = cast.client("requestor").get("/api/search", {"q": "payroll", "cursor": "forged"})
    assert response.status_code == 422
    assert set(response.json()) == {"message", "extra"}
