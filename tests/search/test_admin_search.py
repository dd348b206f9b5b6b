"""The review site's search page: every assessment, drafts included, from the search index."""

from __future__ import annotations

from typing import Any

from integrations import instrumentation
from tests.web.helpers import create_assessment


def test_an_assessor_finds_any_requestors_draft_by_word_and_by_id(cast: Any) -> None:
    mine = create_assessment(cast, "requestor", title="Payroll cloud move")
    theirs = create_assessment(cast, "requestor2", title="Payroll vendor", business_unit="Retail")
    client = cast.client("assessor")
    html = client.get("/admin/review/search/", {"q": "payroll"}).content.decode()
    assert f'href="/admin/review/{mine}/"' in html and f'href="/admin/review/{theirs}/"' in html
    by_id = client.get("/admin/review/search/", {"q": theirs.lower()}).content.decode()
    assert theirs in by_id and mine not in by_id
    by_unit = client.get(
        "/admin/review/search/", {"q": "payroll", "business_unit": "retail"}
    ).content.decode()
    assert theirs in by_unit and mine not in by_unit


def test_a_word_search_is_one_query_of_the_index(cast: Any) -> None:
    for n in range(3):
        create_assessment(cast, title=f"Payroll {n}")
    client = cast.client("assessor")
    with instrumentation.recording() as calls:
        response = client.get("/admin/review/search/", {"q": "payroll"})
    assert response.status_code == 200 and len(response.context["page"].items) == 3
    assert calls.count("dynamodb", "Query") == 1 and calls.count("dynamodb", "Scan") == 0


def test_the_page_says_when_nothing_matches_and_refuses_a_forged_cursor(cast: Any) -> None:
    client = cast.client("assessor")
    assert (
        'data-testid="search-empty"' in client.get("/admin/review/search/", {"q": "nothing"}).content.decode()
    )
    forged = client.get("/admin/review/search/", {"q": "payroll", "cursor": "forged"})
    assert forged.status_code == 400 and "not valid" in forged.content.decode()


def test_a_requestor_is_sent_to_the_review_sites_sign_in(cast: Any) -> None:
    response = cast.client("requestor").get("/admin/review/search/", {"q": "payroll"})
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
