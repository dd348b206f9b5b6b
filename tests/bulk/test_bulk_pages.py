"""The section page's bulk-accept button, its htmx refresh and the API operation."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
from django.urls import reverse

from assessments.domain.bulk_plan import CONFLICT
from tests.bulk.helpers import (
    AREA,
    another_tab_saves_after_the_read,
    long_assessment,
    question_ids,
    store_suggestions,
    suggestion,
)
from tests.review.helpers import collection, submitted


def section_page(cast: Any, assessment_id: str, who: str = "requestor") -> Any:
    response = cast.client(who).get(reverse("assessments:section", args=[assessment_id, AREA]))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def by_testid(page: Any, name: str) -> Any:
    """The one element with this data-testid, or None."""
    found = page.xpath(f'//*[@data-testid="{name}"]')
    assert len(found) <= 1
    return found[0] if found else None


def text(element: Any) -> str:
    return " ".join(element.text_content().split())


def accept_high_url(assessment_id: str) -> str:
    return reverse("assessments:section_accept_high", args=[assessment_id, AREA])


def test_the_section_offers_the_button_with_the_count_of_high_confidence_suggestions(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(
        assessment_id, [suggestion(q) for q in question_ids(3)] + [suggestion("OP-04", confidence="medium")]
    )

    button = by_testid(section_page(cast, assessment_id), "bulk-accept-button")

    assert button is not None
    assert text(button) == "Accept all high-confidence suggestions in this section (3)"


def test_there_is_no_button_without_high_confidence_suggestions_or_for_a_reviewer(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion("OP-01", confidence="medium")])
    assert by_testid(section_page(cast, assessment_id), "bulk-accept-button") is None

    store_suggestions(assessment_id, [suggestion("OP-02")])
    assert by_testid(section_page(cast, assessment_id, "assessor"), "bulk-accept-button") is None


def test_the_htmx_post_refreshes_the_section_and_names_the_conflict(cast: Any, monkeypatch: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(5)])
    another_tab_saves_after_the_read(monkeypatch, cast, assessment_id, {"OP-03": "Typed in the other tab."})

    response = cast.client("requestor").post(accept_high_url(assessment_id), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response["HX-Retarget"] == "#section-body"
    page = lxml.html.fragment_fromstring(response.content.decode(), create_parent="div")
    assert page.xpath('//*[@id="section-body"]')
    result = by_testid(page, "bulk-accept-result")
    assert result is not None
    assert "Accepted 4 suggestions. 1 was not saved:" in text(result)
    conflict = text(by_testid(page, "bulk-accept-conflicts").xpath("./li")[0])
    assert "OP-03" in conflict and "Describe operational control 3." in conflict and CONFLICT in conflict
    # Nothing left to accept: the refreshed panel has no button.
    assert by_testid(page, "bulk-accept-button") is None
    assert set(question_ids(5)) <= set(collection(assessment_id).answers)


def test_without_htmx_it_redirects_back_to_the_section_with_a_message(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(2)])

    response = cast.client("requestor").post(accept_high_url(assessment_id), follow=True)

    assert response.redirect_chain[-1][0] == reverse("assessments:section", args=[assessment_id, AREA])
    assert "Accepted 2 suggestions." in response.content.decode()


def test_the_api_accepts_them_and_reports_each_outcome(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(
        assessment_id, [suggestion(q) for q in question_ids(30)] + [suggestion("OP-00", answer="No")]
    )

    response = cast.client("requestor").post(
        f"/api/assessments/{assessment_id}/sections/{AREA}/accept-high", content_type="application/json"
    )

    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["saved"] == question_ids(30)
    assert body["conflicts"] == {}
    assert list(body["skipped"]) == ["OP-00"]
    assert body["write_calls"] == 1


def test_the_api_refuses_another_requestor_and_a_submitted_assessment(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion("OP-01")])
    url = f"/api/assessments/{assessment_id}/sections/{AREA}/accept-high"

    assert cast.client("requestor2").post(url, content_type="application/json").status_code == 404
    assert cast.client("assessor").post(url, content_type="application/json").status_code == 403

    other = submitted(cast)
    response = cast.client("requestor").post(
        f"/api/assessments/{other}/sections/qualifying/accept-high", content_type="application/json"
    )
    assert response.status_code == 403
    assert "OP-01" not in collection(assessment_id).answers
