"""The OpenAPI schema states the choices a field accepts, from the values the server checks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assessments.documents.sniff import DocumentKind
from assessments.domain.documents import DocumentStatus
from assessments.domain.workflow import Action, State
from assessments.questionnaire.model import ResponseType
from assessments.services.assessments import DATA_CLASSIFICATIONS, FIELD_LIMITS
from tests.api.helpers import schema

BODY = {"title": "T", "project": "P", "business_unit": "B"}


def _component(cast: Any, name: str) -> dict[str, Any]:
    return schema(cast.client("requestor"))["components"]["schemas"][name]


def _enum(prop: dict[str, Any]) -> list[str]:
    return prop["enum"] if "enum" in prop else prop["items"]["enum"]


def test_it_lists_the_data_classifications_the_server_accepts(cast: Any) -> None:
    prop = _component(cast, "AssessmentIn")["properties"]["data_classification"]
    assert _enum(prop) == list(DATA_CLASSIFICATIONS)


@pytest.mark.parametrize("classification", DATA_CLASSIFICATIONS)
def test_it_accepts_each_listed_classification(cast: Any, classification: str) -> None:
    response = cast.client("requestor").post(
        "/api/assessments",
        json.dumps({**BODY, "data_classification": classification}),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["data_classification"] == classification


def test_it_refuses_a_classification_the_schema_does_not_list(cast: Any) -> None:
    response = cast.client("requestor").post(
        "/api/assessments",
        json.dumps({**BODY, "data_classification": "internal"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {"data_classification"}


def test_it_states_the_text_limits_the_server_checks(cast: Any) -> None:
    props = _component(cast, "AssessmentIn")["properties"]
    for name, limit in FIELD_LIMITS.items():
        assert props[name]["maxLength"] == limit, name
    assert {n for n, p in props.items() if p.get("minLength") == 1} == {
        "title",
        "project",
        "business_unit",
        "questionnaire",  # optional, but an empty key is not a questionnaire
    }
    assert set(_component(cast, "AssessmentIn")["required"]) == {
        "title",
        "project",
        "data_classification",
        "business_unit",
    }


@pytest.mark.parametrize(
    ("component", "field", "values"),
    [
        ("QuestionOut", "response_type", [t.spelling for t in ResponseType]),
        ("AssessmentOut", "state", [s.value for s in State]),
        ("AssessmentDetailOut", "allowed_actions", [a.value for a in Action]),
        ("DocumentOut", "status", [s.value for s in DocumentStatus]),
        ("DocumentOut", "kind", [k.value for k in DocumentKind]),
    ],
)
def test_it_lists_the_values_a_response_field_takes(
    cast: Any, component: str, field: str, values: list[str]
) -> None:
    assert _enum(_component(cast, component)["properties"][field]) == values


def test_it_states_the_page_size_bounds(cast: Any) -> None:
    [limit] = [
        p
        for p in schema(cast.client("requestor"))["paths"]["/api/assessments"]["get"]["parameters"]
        if p["name"] == "limit"
    ]
    assert (limit["schema"]["minimum"], limit["schema"]["maximum"]) == (1, 100)


def test_it_states_how_many_files_an_upload_takes(cast: Any, settings: Any) -> None:
    upload = schema(cast.client("requestor"))["paths"]["/api/assessments/{assessment_id}/documents"]["post"]
    files = upload["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]["files"]
    assert (files["minItems"], files["maxItems"]) == (1, settings.TRA_UPLOAD_MAX_FILES)
    assert files["items"] == {"type": "string", "format": "binary"}
