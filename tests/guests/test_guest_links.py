"""An assessor invites a specialist by e-mail; the guest reads (one area when named) and comments."""

from __future__ import annotations

import smtplib
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.mail import EmailMultiAlternatives
from django.test import Client

from assessments.domain.review import decision_areas
from assessments.domain.workflow import State
from assessments.errors import NotAllowed, ValidationFailed
from assessments.guests.domain import pointer_pk, token_hash
from assessments.guests.service import guest_invite
from assessments.notifications.selectors import unread_count
from integrations.runtime import run_sync
from tests.guests.helpers import (
    areas_of,
    comment_path,
    events,
    invite,
    page_path,
    table_bytes,
    token_of,
)
from tests.review.helpers import collection, decide, under_review

GUEST = "name@partner.example"


@pytest.fixture
def assessment_id(cast: Any) -> str:
    return under_review(cast)


def test_the_invitation_email_carries_a_link_under_the_public_url_to_the_guest(
    cast: Any, assessment_id: str, mailoutbox: Any, settings: Any
) -> None:
    settings.TRA_PUBLIC_URL = "https://tra.example.org"
    client = cast.client("assessor")

    response = client.post(
        f"/admin/review/{assessment_id}/guests/invite/",
        {"email": "Name@Partner.example", "area": "", "expires_in_days": "14"},
    )

    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == [GUEST]
    assert assessment_id in mail.subject
    link = next(w for w in mail.body.split() if w.startswith("https://tra.example.org/guest/"))
    assert link in mail.alternatives[0][0]
    # The link works, and the assessor's list shows the guest but never the link.
    assert Client().get(link.removeprefix("https://tra.example.org")).status_code == 200
    listing = client.get(f"/admin/review/{assessment_id}/guests/").content.decode()
    assert GUEST in listing and "Invitation sent to name@partner.example" in listing
    assert token_of(link) not in listing


def test_a_guest_reads_the_assessment_without_an_account(cast: Any, assessment_id: str) -> None:
    _, _, token = invite(cast, assessment_id)

    response = Client().get(page_path(token))

    page = response.content.decode()
    assert response.status_code == 200
    title = collection(assessment_id).assessment.title
    assert title in page and "Q-01" in page
    for area in areas_of(assessment_id):
        assert f'data-testid="area-{area}"' in page
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    # Nothing but the token grants access: no session cookie is handed out.
    assert "sessionid" not in response.cookies


def test_an_invite_for_one_area_shows_that_area_only(cast: Any, assessment_id: str) -> None:
    shown, *hidden = areas_of(assessment_id)
    _, _, token = invite(cast, assessment_id, area=shown)

    page = Client().get(page_path(token)).content.decode()

    assert f'data-testid="area-{shown}"' in page
    for area in hidden:
        assert f'data-testid="area-{area}"' not in page
    # Nor the qualifying questions.
    assert 'data-testid="question-Q-01"' not in page


def test_a_guest_cannot_comment_outside_the_area_they_were_invited_to(cast: Any, assessment_id: str) -> None:
    _, _, token = invite(cast, assessment_id, area=areas_of(assessment_id)[0])
    client = Client()
    client.get(page_path(token))

    response = client.post(comment_path(token, "Q-01"), {"text": "And this?"})

    assert response.status_code == 422
    assert "not part of what you were invited to review" in response.content.decode()
    assert collection(assessment_id).comments == []


def test_a_guests_comment_joins_the_thread_as_guest_and_is_audited(cast: Any, assessment_id: str) -> None:
    made, _, token = invite(cast, assessment_id)
    client = Client()

    response = client.post(comment_path(token, "Q-01"), {"text": "Clause 7 covers this."})

    assert response.status_code == 302 and response.url == f"{page_path(token)}#q-Q-01"
    [comment] = collection(assessment_id).comments
    assert (comment.role, comment.author, comment.text) == ("guest", GUEST, "Clause 7 covers this.")
    page = client.get(page_path(token)).content.decode()
    assert f"guest: {GUEST}" in page and "Clause 7 covers this." in page
    # The assessor sees it in the same thread, marked as a guest's.
    review = cast.client("assessor").get(f"/admin/review/{assessment_id}/").content.decode()
    assert GUEST in review and "Clause 7 covers this." in review and "tra-comment-guest" in review
    [event] = events(assessment_id, "guest_commented")
    assert event["after"]["invite_id"] == made.invite_id
    assert event["actor"] == f"guest: {GUEST}"


def test_every_page_view_is_audited_with_the_invite_and_never_the_token(
    cast: Any, assessment_id: str
) -> None:
    made, _, token = invite(cast, assessment_id)
    client = Client()

    client.get(page_path(token))
    client.get(page_path(token))
    client.post(comment_path(token, "Q-01"), {"text": "Seen."})

    viewed = events(assessment_id, "guest_viewed")
    assert len(viewed) == 2
    assert {e["after"]["invite_id"] for e in viewed} == {made.invite_id}
    trail = repr(events(assessment_id, "guest_viewed") + events(assessment_id, "guest_commented"))
    trail += repr(events(assessment_id, "guest_invited"))
    assert token not in trail and token_hash(token) not in trail


def test_the_table_keeps_only_the_tokens_hash(cast: Any, assessment_id: str, tra_table: Any) -> None:
    _, _, token = invite(cast, assessment_id)
    Client().get(page_path(token))
    Client().post(comment_path(token, "Q-01"), {"text": "Noted."})

    stored = table_bytes(tra_table)

    assert token.encode() not in stored
    assert token_hash(token).encode() in stored  # the check above reads what the table holds
    pointer = run_sync(tra_table.get, pointer_pk(token_hash(token)), "INVITE")
    assert pointer is not None and token not in repr(pointer)


def test_a_requestor_cannot_invite_a_guest(cast: Any, assessment_id: str, mailoutbox: Any) -> None:
    with pytest.raises(NotAllowed):
        run_sync(
            guest_invite,
            actor=cast.actor("requestor"),
            assessment_id=assessment_id,
            email=GUEST,
            area=None,
        )
    response = cast.client("requestor").post(
        f"/admin/review/{assessment_id}/guests/invite/", {"email": GUEST, "expires_in_days": "14"}
    )
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert mailoutbox == []


@pytest.mark.parametrize("who", ["assessor", "admin", "assessor2"])
def test_assessors_and_admins_can_invite(cast: Any, assessment_id: str, who: str) -> None:
    made, url = run_sync(
        guest_invite, actor=cast.actor(who), assessment_id=assessment_id, email=GUEST, area=None
    )
    assert made.created_by == getattr(cast, who).username
    assert Client().get(page_path(token_of(url))).status_code == 200


def test_a_link_lasts_14_days_unless_told_and_90_at_most(cast: Any, assessment_id: str) -> None:
    made, _, _ = invite(cast, assessment_id)
    lasts = datetime.fromisoformat(made.expires_at) - datetime.fromisoformat(made.created_at)
    assert lasts == timedelta(days=14)

    response = cast.client("assessor").post(
        f"/admin/review/{assessment_id}/guests/invite/",
        {"email": GUEST, "area": "", "expires_in_days": "91"},
    )
    assert response.status_code == 422
    with pytest.raises(ValidationFailed) as refused:
        run_sync(
            guest_invite,
            actor=cast.actor("assessor"),
            assessment_id=assessment_id,
            email="not an address",
            area="no_such_area",
            expires_in_days=0,
        )
    assert set(refused.value.extra["fields"]) == {"email", "area", "expires_in_days"}


def test_the_guest_page_has_no_inline_script_or_style(cast: Any, assessment_id: str) -> None:
    _, _, token = invite(cast, assessment_id)
    page = Client().get(page_path(token)).content.decode()
    assert "<script" not in page and "<style" not in page and "style=" not in page


def test_the_assignee_is_told_of_a_guests_comment(cast: Any, assessment_id: str) -> None:
    _, _, token = invite(cast, assessment_id)
    before = run_sync(unread_count, user_id=cast.assessor.pk)

    Client().post(comment_path(token, "Q-01"), {"text": "Please check clause 7."})

    assert run_sync(unread_count, user_id=cast.assessor.pk) == before + 1


def test_the_review_page_leads_to_the_guest_invitations(cast: Any, assessment_id: str) -> None:
    page = cast.client("assessor").get(f"/admin/review/{assessment_id}/").content.decode()
    assert 'data-testid="guests-panel"' in page
    assert f"/admin/review/{assessment_id}/guests/" in page


def test_when_the_mail_server_refuses_the_assessor_sees_the_link_once(
    cast: Any, assessment_id: str, monkeypatch: Any, mailoutbox: Any
) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> int:
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    client = cast.client("assessor")

    response = client.post(
        f"/admin/review/{assessment_id}/guests/invite/",
        {"email": GUEST, "area": "", "expires_in_days": "7"},
    )

    page = response.content.decode()
    assert response.status_code == 200 and 'data-testid="guest-link"' in page
    link = page.split("<code>", 1)[1].split("</code>", 1)[0]
    assert Client().get(page_path(token_of(link))).status_code == 200
    # Shown once: the list afterwards has the guest, not the link.
    assert token_of(link) not in client.get(f"/admin/review/{assessment_id}/guests/").content.decode()


def test_a_guest_reads_a_decided_assessment_but_cannot_comment(cast: Any) -> None:
    assessment_id = under_review(cast)
    for area in decision_areas(collection(assessment_id).assessment.active_areas):
        decide(cast, assessment_id, area)
    assert collection(assessment_id).assessment.state is State.FINALIZED
    _, _, token = invite(cast, assessment_id)

    page = Client().get(page_path(token))
    posted = Client().post(comment_path(token, "Q-01"), {"text": "Too late?"})

    assert page.status_code == 200 and "takes no comments" in page.content.decode()
    assert posted.status_code == 403 and "takes no comments" in posted.content.decode()
    assert collection(assessment_id).comments == []
