"""Who may bulk-accept: the page's POST and the API operation, for every member of the cast.

Only the owner, only while the assessment is editable. Another requestor finds nothing (404), a
reviewer is refused (403), anonymous is sent to sign in; whatever is refused changes nothing,
and even the owner needs the CSRF token. (tests/security/test_review_authorization.py names
these two routes as covered here: its scenes have no section to pass.)
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.bulk.helpers import AREA, long_assessment, store_suggestions, suggestion
from tests.review.helpers import collection, submitted

ROLES = ("anonymous", "requestor2", "assessor", "admin", "requestor")  # refusals first, same scene
PAGE = {"anonymous": "login", "requestor2": 404, "assessor": 403, "admin": 403, "requestor": "done"}
API = {"anonymous": 401, "requestor2": 404, "assessor": 403, "admin": 403, "requestor": 200}


def _state(assessment_id: str) -> tuple[Any, ...]:
    c = collection(assessment_id)
    return c.assessment.state, c.assessment.version, {q: a.version for q, a in c.answers.items()}


def _post(client: Client, kind: str, assessment_id: str, section: str = AREA) -> Any:
    if kind == "page":
        return client.post(reverse("assessments:section_accept_high", args=[assessment_id, section]))
    return client.post(
        f"/api/assessments/{assessment_id}/sections/{section}/accept-high", content_type="application/json"
    )


def _outcome(response: Any) -> Any:
    if response.status_code != 302:
        return response.status_code
    return "login" if response.url.startswith(reverse("login")) else "done"


def _client(cast: Any, role: str, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    return client


@pytest.mark.parametrize("kind", ["page", "api"])
def test_only_the_owner_may_accept_and_a_refusal_changes_nothing(cast: Any, kind: str) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion("OP-01")])
    got = {}
    for role in ROLES:
        before = _state(assessment_id)
        response = _post(_client(cast, role), kind, assessment_id)
        got[role] = _outcome(response)
        if role != "requestor":
            assert _state(assessment_id) == before, f"refused to {role} but changed something"
            if kind == "api" and response.status_code >= 400:
                assert set(response.json()) == {"message", "extra"}
    assert got == (PAGE if kind == "page" else API)
    assert collection(assessment_id).answers["OP-01"].source == "suggestion_accepted"


@pytest.mark.parametrize("kind", ["page", "api"])
def test_the_owner_is_refused_once_it_is_submitted(cast: Any, kind: str) -> None:
    assessment_id = submitted(cast)
    before = _state(assessment_id)

    response = _post(_client(cast, "requestor"), kind, assessment_id, section="qualifying")

    assert response.status_code == 403
    assert _state(assessment_id) == before


@pytest.mark.parametrize("kind", ["page", "api"])
def test_it_needs_the_csrf_token_even_from_the_owner(cast: Any, kind: str) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion("OP-01")])
    before = _state(assessment_id)

    response = _post(_client(cast, "requestor", enforce_csrf_checks=True), kind, assessment_id)

    assert response.status_code == 403
    assert _state(assessment_id) == before


@pytest.mark.parametrize("kind", ["page", "api"])
def test_a_reviewer_gets_a_404_for_an_assessment_that_does_not_exist(cast: Any, kind: str) -> None:
    response = _post(_client(cast, "assessor"), kind, "TRA-2000-000000")
    assert response.status_code == 404
