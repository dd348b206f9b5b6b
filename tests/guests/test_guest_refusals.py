"""Expired, withdrawn, tampered, unknown and rate-limited links: a clear page and no data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.test import Client

from assessments.errors import ConflictError, NotFoundError
from assessments.guests.domain import GuestInvite, new_token
from assessments.guests.errors import GuestRefused
from assessments.guests.service import guest_actor, guest_resolve, guest_revoke
from assessments.services.review.comments import comment_add
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.guests.helpers import comment_path, events, invite, page_path
from tests.review.helpers import collection, under_review


@pytest.fixture
def assessment_id(cast: Any) -> str:
    return under_review(cast)


def _shows_no_data(response: Any, assessment_id: str) -> None:
    page = response.content.decode()
    a = collection(assessment_id).assessment
    for secret in (a.id, a.title, a.project, "Q-01", "name@partner.example"):
        assert secret not in page, secret


def _expire(made: GuestInvite) -> None:
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    run_sync(get_table().put, {**made.to_item(), "expires_at": past})


def test_an_expired_link_says_so_with_410(cast: Any, assessment_id: str) -> None:
    made, _, token = invite(cast, assessment_id, days=1)
    _expire(made)

    response = Client().get(page_path(token))

    assert response.status_code == 410
    assert "This link has expired." in response.content.decode()
    _shows_no_data(response, assessment_id)


def test_a_link_expires_after_its_days(cast: Any, assessment_id: str) -> None:
    _, _, token = invite(cast, assessment_id, days=3)
    run_sync(guest_resolve, token=token, now=datetime.now(UTC) + timedelta(days=2, hours=23))
    with pytest.raises(GuestRefused) as refused:
        run_sync(guest_resolve, token=token, now=datetime.now(UTC) + timedelta(days=3, minutes=1))
    assert refused.value.status == 410


def test_a_withdrawn_link_says_so_with_410_and_takes_no_comment(cast: Any, assessment_id: str) -> None:
    made, _, token = invite(cast, assessment_id)
    # Any reviewer may withdraw it, not only who invited.
    run_sync(
        guest_revoke, actor=cast.actor("assessor2"), assessment_id=assessment_id, invite_id=made.invite_id
    )

    page = Client().get(page_path(token))
    posted = Client().post(comment_path(token, "Q-01"), {"text": "Still here?"})

    assert page.status_code == 410 and "This link was withdrawn." in page.content.decode()
    _shows_no_data(page, assessment_id)
    assert posted.status_code == 410
    assert collection(assessment_id).comments == []
    assert [e["after"]["invite_id"] for e in events(assessment_id, "guest_revoked")] == [made.invite_id]


def test_a_comment_racing_a_withdrawal_is_refused_by_the_table(cast: Any, assessment_id: str) -> None:
    """The link resolved, then the invite was withdrawn before the comment committed."""
    made, _, _ = invite(cast, assessment_id)
    run_sync(
        guest_revoke, actor=cast.actor("assessor"), assessment_id=assessment_id, invite_id=made.invite_id
    )

    with pytest.raises(ConflictError):
        run_sync(
            comment_add,
            actor=guest_actor(made),
            assessment_id=assessment_id,
            question_id="Q-01",
            text="Late.",
            guest=made,
        )
    assert collection(assessment_id).comments == []


@pytest.mark.parametrize("change", ["tampered", "unknown", "malformed"])
def test_a_tampered_or_unknown_link_is_not_valid_with_404(cast: Any, assessment_id: str, change: str) -> None:
    _, _, token = invite(cast, assessment_id)
    if change == "tampered":  # one character changed
        bad = token[:10] + ("A" if token[10] != "A" else "B") + token[11:]
    elif change == "unknown":
        bad = new_token()
    else:
        bad = token[:-1]

    response = Client().get(page_path(bad))
    posted = Client().post(comment_path(bad, "Q-01"), {"text": "Hello"})

    assert response.status_code == 404
    assert "This link is not valid." in response.content.decode()
    _shows_no_data(response, assessment_id)
    assert posted.status_code == 404
    assert collection(assessment_id).comments == []
    assert events(assessment_id, "guest_viewed") == []


def test_a_link_for_one_assessment_shows_nothing_of_another(cast: Any, assessment_id: str) -> None:
    other = under_review(cast)
    made, _, token = invite(cast, assessment_id)

    page = Client().get(page_path(token)).content.decode()

    assert assessment_id in page and other not in page
    # Nor can its invite be used to comment on the other one.
    with pytest.raises(NotFoundError):
        run_sync(
            comment_add,
            actor=guest_actor(made),
            assessment_id=other,
            question_id="Q-01",
            text="Wrong one.",
            guest=made,
        )
    assert collection(other).comments == []


def test_a_link_used_too_often_is_refused_with_429_and_no_data(
    cast: Any, assessment_id: str, settings: Any
) -> None:
    settings.TRA_GUEST_USES_PER_LINK = 2
    _, _, token = invite(cast, assessment_id)
    _, _, other_token = invite(cast, assessment_id, email="other@partner.example")

    statuses = [Client().get(page_path(token)).status_code for _ in range(3)]
    blocked = Client().get(page_path(token))

    assert statuses == [200, 200, 429]
    assert blocked.status_code == 429 and "used too often" in blocked.content.decode()
    _shows_no_data(blocked, assessment_id)
    # Another guest's link is counted on its own.
    assert Client().get(page_path(other_token)).status_code == 200


def test_one_address_trying_many_links_is_held_back(cast: Any, assessment_id: str, settings: Any) -> None:
    settings.TRA_GUEST_REQUESTS_PER_ADDRESS = 3
    _, _, token = invite(cast, assessment_id)
    guesses = [Client().get(page_path(new_token())).status_code for _ in range(3)]

    held = Client().get(page_path(token))
    elsewhere = Client(REMOTE_ADDR="10.9.8.7").get(page_path(token))

    assert guesses == [404, 404, 404]
    assert held.status_code == 429
    _shows_no_data(held, assessment_id)
    assert elsewhere.status_code == 200


def test_a_refusal_is_logged_without_the_token(cast: Any, assessment_id: str, caplog: Any) -> None:
    made, _, token = invite(cast, assessment_id)
    run_sync(
        guest_revoke, actor=cast.actor("assessor"), assessment_id=assessment_id, invite_id=made.invite_id
    )

    with caplog.at_level("WARNING"):
        assert Client().get(page_path(token)).status_code == 410

    assert "refused: 410" in caplog.text
    assert token not in caplog.text
