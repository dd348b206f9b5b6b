"""GET /api/questionnaires and opening an assessment on a chosen questionnaire."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import questionnaire_get_active
from integrations.runtime import run_sync
from tests.api.helpers import JSON_BODIES, error_keys
from tests.questionnaire.choice import (
    EXAMPLE_FIRST_QUESTION,
    EXAMPLE_KEY,
    EXAMPLE_NAME,
    import_example,
)

BODY = JSON_BODIES["POST /api/assessments"]


def _create(client: Any, **extra: Any) -> Any:
    return client.post("/api/assessments", json.dumps({**BODY, **extra}), content_type="application/json")


def test_it_tells_an_anonymous_caller_to_sign_in(cast: Any) -> None:
    response = cast.client(None).get("/api/questionnaires")

    assert response.status_code == 401
    assert error_keys(response) == {"message", "extra"}


@pytest.mark.parametrize("role", ["requestor", "assessor", "admin"])
def test_it_lists_the_active_questionnaires_to_every_signed_in_role(cast: Any, role: str) -> None:
    import_example()
    default_version, default = questionnaire_get_active(key="default")

    response = cast.client(role).get("/api/questionnaires")

    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {"key": "default", "name": default.name, "version": default_version},
            {"key": EXAMPLE_KEY, "name": EXAMPLE_NAME, "version": 1},
        ]
    }


def test_it_lists_only_the_active_version_and_no_inactive_key(cast: Any) -> None:
    import_example(activate=False)

    items = cast.client("requestor").get("/api/questionnaires").json()["items"]

    assert [q["key"] for q in items] == ["default"]


def test_it_opens_an_assessment_on_the_chosen_questionnaire(cast: Any) -> None:
    import_example()
    client = cast.client("requestor")

    response = _create(client, questionnaire=EXAMPLE_KEY)

    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["questionnaire"], created["questionnaire_version"]) == (EXAMPLE_KEY, 1)
    stored = run_sync(assessment_collection, assessment_id=created["id"]).assessment
    assert (stored.questionnaire_key, stored.questionnaire_version) == (EXAMPLE_KEY, 1)
    # Its questions are the ones served, by the API and by the pages.
    following = client.get(f"/api/assessments/{created['id']}/next-question").json()
    assert following["question"]["id"] == EXAMPLE_FIRST_QUESTION
    page = client.get(reverse("assessments:section", args=[created["id"], "qualifying"])).content.decode()
    assert "Does the change process personal information?" in page
    assert "Q-04" not in page  # the default questionnaire's


def test_it_opens_on_the_default_questionnaire_when_none_is_named(cast: Any) -> None:
    import_example()

    created = _create(cast.client("requestor")).json()

    assert (created["questionnaire"], created["questionnaire_version"]) == (
        "default",
        questionnaire_get_active(key="default")[0],
    )


@pytest.mark.parametrize("key", ["no-such-questionnaire", EXAMPLE_KEY])
def test_it_refuses_an_unknown_or_inactive_questionnaire_naming_the_field(cast: Any, key: str) -> None:
    import_example(activate=False)
    client = cast.client("requestor")

    response = _create(client, questionnaire=key)

    assert response.status_code == 422
    assert error_keys(response) == {"message", "extra"}
    assert set(response.json()["extra"]["fields"]) == {"questionnaire"}
    assert client.get("/api/assessments").json()["items"] == []


def test_it_names_the_questionnaire_with_the_other_fields_at_fault(cast: Any) -> None:
    response = _create(cast.client("requestor"), questionnaire="nope", title=" ")

    assert response.status_code == 422
    assert set(response.json()["extra"]["fields"]) == {"questionnaire", "title"}
