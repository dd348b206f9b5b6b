"""The Ninja API covers the requestor's use cases."""

from __future__ import annotations

import json

from tests.web.helpers import answer_everything


def _json(client, method, url, body=None):
    return getattr(client, method)(
        url, json.dumps(body) if body is not None else None, content_type="application/json"
    )


def test_it_walks_an_assessment_from_creation_to_submission(cast):
    client = cast.client("requestor")
    created = _json(
        client,
        "post",
        "/api/assessments",
        {"title": "API change", "project": "P", "data_classification": "Internal", "business_unit": "IT"},
    )
    assert created.status_code == 201
    assessment_id = created.json()["id"]
    assert created.json()["state"] == "draft"

    nxt = client.get(f"/api/assessments/{assessment_id}/next-question").json()["question"]
    assert nxt["id"] == "Q-01" and nxt["response_type"] == "free-text"

    saved = _json(
        client, "put", f"/api/assessments/{assessment_id}/answers/Q-01", {"value": "A new helpdesk."}
    )
    assert saved.status_code == 200 and saved.json()["version"] == 1
    assert saved.json()["overall"]["answered"] == 1

    detail = client.get(f"/api/assessments/{assessment_id}").json()
    assert detail["answers"][0]["value"] == "A new helpdesk."
    assert "submit" in detail["allowed_actions"] and "Q-04" in detail["missing_required"]

    answer_everything(cast, assessment_id)
    submitted = client.post(f"/api/assessments/{assessment_id}/submit")
    assert submitted.status_code == 200 and submitted.json()["state"] == "submitted"

    listed = client.get("/api/assessments").json()
    assert [a["id"] for a in listed["items"]] == [assessment_id]


def test_it_explains_a_bad_answer_with_a_422(cast):
    client = cast.client("requestor")
    created = _json(
        client,
        "post",
        "/api/assessments",
        {"title": "T", "project": "P", "data_classification": "Internal", "business_unit": "B"},
    ).json()
    response = _json(client, "put", f"/api/assessments/{created['id']}/answers/Q-04", {"value": "Maybe"})
    assert response.status_code == 422
    assert "Yes or No" in response.json()["message"] or "Yes" in response.json()["message"]


def test_it_names_the_fields_at_fault_when_creating(cast):
    response = _json(
        cast.client("requestor"),
        "post",
        "/api/assessments",
        {"title": "", "project": "P", "data_classification": "Top secret", "business_unit": "B"},
    )
    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {"title", "data_classification"}


def test_it_publishes_the_openapi_schema_and_docs(cast):
    client = cast.client("requestor")
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/assessments" in paths and "/api/assessments/{assessment_id}/answers/{question_id}" in paths
    assert client.get("/api/docs").status_code == 200
