"""Who reaches the guest routes (the rows tests/security/test_review_authorization.py leaves here):
the guest's page and comment form with a valid token only, whoever is signed in; withdrawing a
link for assessors and admins only; CSRF on every POST."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from assessments.guests.domain import InviteStatus, new_token
from assessments.guests.service import guest_invites_list
from integrations.runtime import run_sync
from tests.guests.helpers import comment_path, invite, page_path
from tests.review.helpers import collection, under_review

ROLES = ("anonymous", "requestor2", "requestor", "assessor", "admin")


def _client(cast: Any, who: str, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    if who != "anonymous":
        client.force_login(getattr(cast, who))
    return client


@pytest.mark.parametrize("who", ROLES)
def test_the_guest_page_opens_with_a_valid_token_only(cast: Any, who: str) -> None:
    assessment_id = under_review(cast)
    _, _, token = invite(cast, assessment_id)
    client = _client(cast, who)

    assert client.get(page_path(token)).status_code == 200
    assert client.get(page_path(new_token())).status_code == 404


@pytest.mark.parametrize("who", ROLES)
def test_the_guest_comment_takes_a_valid_token_only(cast: Any, who: str) -> None:
    assessment_id = under_review(cast)
    _, _, token = invite(cast, assessment_id)
    client = _client(cast, who)

    assert client.post(comment_path(new_token(), "Q-01"), {"text": "No."}).status_code == 404
    assert collection(assessment_id).comments == []
    assert client.post(comment_path(token, "Q-01"), {"text": "Yes."}).status_code == 302
    assert [c.role for c in collection(assessment_id).comments] == ["guest"]


EXPECT_REVOKE = {
    "anonymous": "admin-login",
    "requestor2": "admin-login",
    "requestor": "admin-login",
    "assessor": "done",
    "admin": "done",
}


@pytest.mark.parametrize("who", ROLES)
def test_only_reviewers_withdraw_a_link(cast: Any, who: str) -> None:
    assessment_id = under_review(cast)
    made, _, token = invite(cast, assessment_id)

    response = _client(cast, who).post(f"/admin/review/{assessment_id}/guests/{made.invite_id}/revoke/")

    got = "admin-login" if "/admin/login/" in response.get("Location", "") else "done"
    assert response.status_code == 302 and got == EXPECT_REVOKE[who]
    [after] = run_sync(guest_invites_list, actor=cast.actor("assessor"), assessment_id=assessment_id)
    assert (after.status is InviteStatus.REVOKED) == (got == "done")
    assert Client().get(page_path(token)).status_code == (410 if got == "done" else 200)


def test_withdrawing_an_unknown_invite_or_on_a_missing_assessment_is_404(cast: Any) -> None:
    assessment_id = under_review(cast)
    client = cast.client("assessor")
    assert client.post(f"/admin/review/{assessment_id}/guests/{'0' * 32}/revoke/").status_code == 404
    assert client.post(f"/admin/review/TRA-2026-000000/guests/{'0' * 32}/revoke/").status_code == 404


def test_the_guests_comment_form_needs_the_csrf_token(cast: Any) -> None:
    assessment_id = under_review(cast)
    _, _, token = invite(cast, assessment_id)
    client = Client(enforce_csrf_checks=True)

    refused = client.post(comment_path(token, "Q-01"), {"text": "Hi"})
    page = client.get(page_path(token))
    csrf = page.content.decode().split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    accepted = client.post(comment_path(token, "Q-01"), {"text": "Hi", "csrfmiddlewaretoken": csrf})

    assert refused.status_code == 403
    assert accepted.status_code == 302
    assert [c.text for c in collection(assessment_id).comments] == ["Hi"]


def test_withdrawing_needs_the_csrf_token(cast: Any) -> None:
    assessment_id = under_review(cast)
    made, _, _ = invite(cast, assessment_id)
    client = _client(cast, "assessor", enforce_csrf_checks=True)

    response = client.post(f"/admin/review/{assessment_id}/guests/{made.invite_id}/revoke/")

    assert response.status_code == 403
    [after] = run_sync(guest_invites_list, actor=cast.actor("assessor"), assessment_id=assessment_id)
    assert after.status is InviteStatus.ACTIVE
