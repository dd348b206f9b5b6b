"""Every page and endpoint, for every role: who gets in, who gets a 404, who is sent to log in."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from assessments.domain.workflow import Action
from assessments.services.assessments import assessment_transition
from integrations.runtime import run_sync
from tests.web.helpers import answer_everything, create_assessment

ROLES = ["anonymous", "requestor", "requestor2", "assessor", "admin"]


def _client(cast, role):
    return cast.client(None if role == "anonymous" else role)


# (role -> expected status) for pages about one assessment owned by "requestor".
PAGE_EXPECTATIONS = {
    "detail": {"anonymous": 302, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200},
    "section": {"anonymous": 302, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200},
    "answer": {"anonymous": 302, "requestor": 200, "requestor2": 404, "assessor": 403, "admin": 403},
    "submit": {"anonymous": 302, "requestor": 422, "requestor2": 404, "assessor": 403, "admin": 403},
}


def _page_request(client, name, assessment_id):
    if name == "detail":
        return client.get(reverse("assessments:detail", args=[assessment_id]))
    if name == "section":
        return client.get(reverse("assessments:section", args=[assessment_id, "qualifying"]))
    if name == "answer":
        url = reverse("assessments:answer", args=[assessment_id, "Q-10"])
        return client.post(url, {"value": "No", "expected_version": "0"}, HTTP_HX_REQUEST="true")
    return client.post(reverse("assessments:submit", args=[assessment_id]))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", sorted(PAGE_EXPECTATIONS))
def test_it_applies_the_right_access_to_assessment_pages(cast, page, role):
    assessment_id = create_assessment(cast)
    response = _page_request(_client(cast, role), page, assessment_id)
    assert response.status_code == PAGE_EXPECTATIONS[page][role]
    if role == "anonymous":
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["assessments:list", "assessments:new"])
def test_it_lets_any_signed_in_user_open_their_own_pages(cast, name, role):
    response = _client(cast, role).get(reverse(name))
    assert response.status_code == (302 if role == "anonymous" else 200)


API_EXPECTATIONS = {
    "get": {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200},
    "next": {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200},
    "save": {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 403, "admin": 403},
    "submit": {"anonymous": 401, "requestor": 422, "requestor2": 404, "assessor": 403, "admin": 403},
}


def _api_request(client, op, assessment_id):
    base = f"/api/assessments/{assessment_id}"
    if op == "get":
        return client.get(base)
    if op == "next":
        return client.get(f"{base}/next-question")
    if op == "save":
        return client.put(
            f"{base}/answers/Q-10", json.dumps({"value": "No"}), content_type="application/json"
        )
    return client.post(f"{base}/submit")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("op", sorted(API_EXPECTATIONS))
def test_it_applies_the_right_access_to_the_api(cast, op, role):
    assessment_id = create_assessment(cast)
    response = _api_request(_client(cast, role), op, assessment_id)
    assert response.status_code == API_EXPECTATIONS[op][role]
    if response.status_code in (403, 404, 422):
        assert "message" in response.json()


@pytest.mark.parametrize("role", ROLES)
def test_it_lists_and_creates_through_the_api_only_when_signed_in(cast, role):
    client = _client(cast, role)
    listed = client.get("/api/assessments")
    created = client.post(
        "/api/assessments",
        json.dumps({"title": "T", "project": "P", "data_classification": "Internal", "business_unit": "B"}),
        content_type="application/json",
    )
    assert listed.status_code == (401 if role == "anonymous" else 200)
    assert created.status_code == (401 if role == "anonymous" else 201)


def test_it_refuses_an_api_write_without_the_csrf_token(cast):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)
    response = client.post(
        "/api/assessments",
        json.dumps({"title": "T", "project": "P", "data_classification": "Internal", "business_unit": "B"}),
        content_type="application/json",
    )
    assert response.status_code == 403


REVIEW_EXPECTATIONS = {"anonymous": 302, "requestor": 302, "requestor2": 302, "assessor": 200, "admin": 200}


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_the_review_screens_only_to_assessors_and_admins(cast, role):
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id)
    run_sync(
        assessment_transition,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        action=Action.SUBMIT,
    )
    client = _client(cast, role)
    queue = client.get(reverse("admin:review_queue"))
    detail = client.get(reverse("admin:review_detail", args=[assessment_id]))
    assign = client.post(reverse("admin:review_assign", args=[assessment_id]))
    assert queue.status_code == REVIEW_EXPECTATIONS[role]
    assert detail.status_code == REVIEW_EXPECTATIONS[role]
    assert assign.status_code == 302
    allowed = role in ("assessor", "admin")
    assert assign.url == (
        reverse("admin:review_detail", args=[assessment_id])
        if allowed
        else f"{reverse('admin:login')}?next={reverse('admin:review_assign', args=[assessment_id])}"
    )


def test_it_forbids_review_screens_to_staff_who_are_not_assessors(cast):
    cast.requestor2.is_staff = True
    cast.requestor2.save()
    response = cast.client("requestor2").get(reverse("admin:review_queue"))
    assert response.status_code == 403
