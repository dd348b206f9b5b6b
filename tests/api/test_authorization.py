"""Every API operation, for every role, and without the CSRF token.

The operations come from the published schema, so an operation added later without an
expectation here fails ``test_it_has_an_expectation_for_every_operation``.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.api.helpers import (
    OPERATION_NAMES,
    UNSAFE,
    error_keys,
    operations,
    prepare_call,
    quick_scene,
    send,
    valid_call,
)
from tests.pipeline.helpers import collection
from tests.web.helpers import create_assessment

ROLES = ["anonymous", "requestor", "requestor2", "assessor", "admin"]

READ = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200}
WRITE = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 403, "admin": 403}
# Between submission and decision both sides may write (comments, threads).
REVIEW = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200}
# A reviewer's move: the owner may read but not make it (403), anyone else finds nothing.
REVIEWER_MOVE = {"anonymous": 401, "requestor": 403, "requestor2": 404, "assessor": 200, "admin": 200}
# Not about one assessment: every signed-in user has their own list and may open one.
MINE = {"anonymous": 401, "requestor": 200, "requestor2": 200, "assessor": 200, "admin": 200}
# One of "requestor"'s notifications: nobody else's (another user's note is not found).
OWN_NOTE = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 404, "admin": 404}

EXPECTATIONS = {
    "GET /api/assessments": MINE,
    # Everyone searches what they may see (requestors their own, reviewers all).
    "GET /api/search": MINE,
    "POST /api/assessments": {**MINE, "requestor": 201, "requestor2": 201, "assessor": 201, "admin": 201},
    "GET /api/assessments/{assessment_id}": READ,
    "GET /api/assessments/{assessment_id}/next-question": READ,
    "POST /api/assessments/{assessment_id}/submit": WRITE,
    "PUT /api/assessments/{assessment_id}/answers/{question_id}": WRITE,
    "GET /api/assessments/{assessment_id}/documents": READ,
    "POST /api/assessments/{assessment_id}/documents": {**WRITE, "requestor": 201},
    "POST /api/assessments/{assessment_id}/documents/{document_id}/retry": WRITE,
    "GET /api/assessments/{assessment_id}/documents/{document_id}/download": READ,
    "GET /api/assessments/{assessment_id}/suggestions": READ,
    "POST /api/assessments/{assessment_id}/suggestions/{question_id}/accept": WRITE,
    "POST /api/assessments/{assessment_id}/suggestions/{question_id}/dismiss": WRITE,
    "POST /api/assessments/{assessment_id}/sections/{section}/accept-high": WRITE,
    "GET /api/questionnaires": MINE,
    "GET /api/notifications": MINE,
    "POST /api/notifications/read-all": MINE,
    "POST /api/notifications/{note_id}/read": OWN_NOTE,
    # The review: both sides talk; reviewers move it; the owner withdraws; the queue is theirs.
    "GET /api/assessments/{assessment_id}/comments": READ,
    "POST /api/assessments/{assessment_id}/comments": {
        **REVIEW,
        "requestor": 201,
        "assessor": 201,
        "admin": 201,
    },
    "POST /api/assessments/{assessment_id}/comments/{question_id}/resolve": REVIEW,
    "POST /api/assessments/{assessment_id}/comments/{question_id}/reopen": REVIEW,
    "POST /api/assessments/{assessment_id}/assign": REVIEWER_MOVE,
    "POST /api/assessments/{assessment_id}/send-back": REVIEWER_MOVE,
    "POST /api/assessments/{assessment_id}/withdraw": WRITE,
    "GET /api/assessments/{assessment_id}/rounds": READ,
    "GET /api/assessments/{assessment_id}/rounds/{number}": READ,
    "GET /api/assessments/{assessment_id}/decisions": READ,
    "POST /api/assessments/{assessment_id}/decisions": REVIEWER_MOVE,
    "GET /api/assessments/{assessment_id}/timeline": READ,
    "GET /api/review/queue": {
        "anonymous": 401,
        "requestor": 403,
        "requestor2": 403,
        "assessor": 200,
        "admin": 200,
    },
    # Exports: whoever may read the assessment may export it and download its exports.
    "POST /api/assessments/{assessment_id}/exports": {
        **READ,
        "requestor": 202,
        "assessor": 202,
        "admin": 202,
    },
    "GET /api/assessments/{assessment_id}/exports": READ,
    "GET /api/assessments/{assessment_id}/exports/{export_id}/download": READ,
    # Reassessment: only the owner clones (a reviewer may read it, not reassess it: 403).
    "POST /api/assessments/{assessment_id}/clone": {**WRITE, "requestor": 201},
    "POST /api/assessments/{assessment_id}/answers/{question_id}/confirm": WRITE,
    "GET /api/reassessments/due": MINE,
    "GET /api/assessments/{assessment_id}/library/{question_id}": READ,
    "POST /api/assessments/{assessment_id}/library/{question_id}/use": WRITE,
}


def _client(cast: Any, role: str) -> Client:
    return cast.client(None if role == "anonymous" else role)


def _operation(cast: Any, name: str) -> Any:
    [op] = [op for op in operations() if op.name == name]
    return op


def test_it_has_an_expectation_for_every_operation(cast: Any) -> None:
    assert {op.name for op in operations()} == set(EXPECTATIONS) == set(OPERATION_NAMES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_it_applies_the_right_access_to_every_operation(
    cast: Any, pipeline: Any, queue_only: Any, name: str, role: str
) -> None:
    op = _operation(cast, name)
    scene = quick_scene(cast, op)

    response = valid_call(_client(cast, role), op, scene, cast)

    assert response.status_code == EXPECTATIONS[name][role], response.content
    assert response.status_code in op.documented
    if response.status_code >= 400:
        assert error_keys(response) == {"message", "extra"}


def _state(assessment_id: str) -> Any:
    c = collection(assessment_id)
    return (
        c.assessment.state,
        c.assessment.version,
        sorted((d.id, d.status) for d in c.documents),
        {q: a.version for q, a in c.answers.items()},
        {q: s.dismissed for q, s in c.suggestions.items()},
    )


@pytest.mark.parametrize("name", sorted(n for n in EXPECTATIONS if n.split()[0].lower() in UNSAFE))
def test_it_refuses_every_write_without_the_csrf_token_and_changes_nothing(
    cast: Any, pipeline: Any, queue_only: Any, name: str
) -> None:
    op = _operation(cast, name)
    scene = quick_scene(cast, op)
    prepare_call(op, scene, cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)
    before = _state(scene.assessment_id)
    listed_before = len(cast.client("requestor").get("/api/assessments").json()["items"])

    response = send(client, op, scene)

    assert response.status_code == 403
    assert error_keys(response) == {"message", "extra"}
    assert "CSRF" in response.json()["message"]
    assert _state(scene.assessment_id) == before
    assert len(cast.client("requestor").get("/api/assessments").json()["items"]) == listed_before


def test_it_accepts_a_write_with_the_csrf_token(cast: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)
    client.get("/api/docs")  # the docs page sets the csrftoken cookie, as a browser would get it
    token = client.cookies["csrftoken"].value

    response = client.post(
        "/api/assessments",
        '{"title": "T", "project": "P", "data_classification": "Internal", "business_unit": "B"}',
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )

    assert response.status_code == 201


def test_it_tells_an_anonymous_writer_to_sign_in_before_checking_csrf(cast: Any) -> None:
    response = Client(enforce_csrf_checks=True).post(
        "/api/assessments", "{}", content_type="application/json"
    )
    assert response.status_code == 401
    assert error_keys(response) == {"message", "extra"}


def test_it_refuses_an_upload_without_the_csrf_header_before_reading_it(cast: Any, monkeypatch: Any) -> None:
    from django.http.multipartparser import MultiPartParser

    def never(self: Any) -> Any:
        raise AssertionError("the body was parsed before the CSRF check refused it")

    monkeypatch.setattr(MultiPartParser, "parse", never)
    assessment_id = create_assessment(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)
    client.get("/api/docs")
    token = client.cookies["csrftoken"].value

    # The token as a form field (as a page form would send it) is not enough for the API.
    response = client.post(
        f"/api/assessments/{assessment_id}/documents",
        {"csrfmiddlewaretoken": token, "files": [SimpleUploadedFile("n.txt", b"x" * 1000)]},
    )

    assert response.status_code == 403
    assert error_keys(response) == {"message", "extra"}
