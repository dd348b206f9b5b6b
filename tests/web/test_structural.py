"""Structural facts about the data access of request paths (counted, not timed)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from integrations import instrumentation
from tests.web.helpers import answer, create_assessment


def test_it_renders_the_assessment_page_with_exactly_one_query_and_no_scan(cast):
    assessment_id = create_assessment(cast)
    for qid, value in (("Q-04", "Yes"), ("Q-06", "Yes"), ("Q-10", "No")):
        answer(cast, assessment_id, qid, value)
    client = cast.client("requestor")
    with instrumentation.recording() as calls:
        response = client.get(reverse("assessments:detail", args=[assessment_id]))
    assert response.status_code == 200
    assert calls.count("dynamodb", "Query") == 1
    assert calls.count("dynamodb") == 1  # no GetItem, no Scan, nothing else


@pytest.mark.parametrize(
    "name", ["assessments:list", "assessments:detail", "assessments:section", "api-detail", "review_queue"]
)
def test_it_serves_each_read_path_from_queries_only(cast, name):
    assessment_id = create_assessment(cast)
    client = cast.client("assessor" if name == "review_queue" else "requestor")
    urls = {
        "assessments:list": reverse("assessments:list"),
        "assessments:detail": reverse("assessments:detail", args=[assessment_id]),
        "assessments:section": reverse("assessments:section", args=[assessment_id, "qualifying"]),
        "api-detail": f"/api/assessments/{assessment_id}",
        "review_queue": reverse("admin:review_queue"),
    }
    with instrumentation.recording() as calls:
        assert client.get(urls[name]).status_code == 200
    operations = {op for _service, op in calls.calls}
    assert operations == {"Query"}


def test_it_saves_an_answer_with_one_query_and_one_transaction(cast):
    assessment_id = create_assessment(cast)
    with instrumentation.recording() as calls:
        response = cast.client("requestor").post(
            reverse("assessments:answer", args=[assessment_id, "Q-10"]),
            {"value": "No", "expected_version": "0"},
            HTTP_HX_REQUEST="true",
        )
    assert response.status_code == 200
    assert calls.by_operation() == {("dynamodb", "Query"): 1, ("dynamodb", "TransactWriteItems"): 1}
