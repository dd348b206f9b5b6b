"""Notification e-mails: one per event per recipient, with a subject, two parts and a link;
per-kind opt-out; no address, no e-mail; a failing mail server retried, never the request."""

from __future__ import annotations

import logging
import smtplib
from typing import Any

import pytest
from django.core import mail

from assessments.accounts import directory
from assessments.notifications import NotificationKind
from assessments.notifications.selectors import notes_of_user
from integrations.runtime import run_sync
from tests.notifications.conftest import send


def test_it_sends_one_email_per_recipient_with_the_id_what_happened_and_a_link(
    cast: Any, assessment: Any
) -> None:
    send(cast, assessment, text="Please review the helpdesk move.")

    assert sorted(m.to[0] for m in mail.outbox) == [
        "admin@example.com",
        "assessor@example.com",
        "privacy@example.com",
    ]
    message = next(m for m in mail.outbox if m.to == ["assessor@example.com"])
    assert assessment.id in message.subject and "submitted for review" in message.subject.lower()
    link = f"https://tra.example.org/admin/review/{assessment.id}/"
    assert link in message.body and "Please review the helpdesk move." in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and f'href="{link}"' in html
    assert "https://tra.example.org/notifications/settings/" in message.body


def test_the_requestor_gets_the_link_to_their_own_page(cast: Any, assessment: Any) -> None:
    send(cast, assessment, by="assessor", kind=NotificationKind.SENT_BACK, to=["requestor"], text="Fix Q3.")

    [message] = mail.outbox
    assert message.to == ["requestor@example.com"]
    assert "sent back" in message.subject.lower()
    assert f"https://tra.example.org/assessments/{assessment.id}/" in message.body


def test_a_user_who_turned_a_kind_off_gets_the_note_but_no_email(cast: Any, assessment: Any) -> None:
    run_sync(directory.email_opt_outs_set, cast.assessor.pk, kinds={NotificationKind.SUBMITTED.value})

    send(cast, assessment)
    send(cast, assessment, by="admin", kind=NotificationKind.ASSIGNED, to=["assessor"])

    assert [(m.to[0], NotificationKind.ASSIGNED.label in m.subject) for m in mail.outbox] == [
        ("admin@example.com", False),
        ("privacy@example.com", False),
        ("assessor@example.com", True),
    ]
    kinds = [n.kind for n in run_sync(notes_of_user, user_id=cast.assessor.pk).items]
    assert kinds == [NotificationKind.ASSIGNED, NotificationKind.SUBMITTED]


def test_a_user_without_an_address_gets_no_email(
    cast: Any, assessment: Any, caplog: pytest.LogCaptureFixture
) -> None:
    cast.admin.email = ""
    cast.admin.save(update_fields=["email"])

    with caplog.at_level(logging.INFO, logger="assessments.notifications"):
        send(cast, assessment)

    assert sorted(m.to[0] for m in mail.outbox) == ["assessor@example.com", "privacy@example.com"]
    assert any(
        r.levelno == logging.INFO
        and "no e-mail address" in r.getMessage()
        and assessment.id in r.getMessage()
        for r in caplog.records
    )


def test_a_failing_mail_server_is_retried_and_never_fails_the_event(
    cast: Any,
    assessment: Any,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings.TRA_EMAIL_MAX_ATTEMPTS = 3
    attempts: list[str] = []

    def refuse(self: Any, messages: Any) -> int:
        attempts.append(messages[0].to[0])
        raise smtplib.SMTPServerDisconnected("connection closed")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)

    send(cast, assessment, to=["assessor"])  # returns: the failure is the task's

    assert attempts == ["assessor@example.com"] * 3
    assert [n.kind for n in run_sync(notes_of_user, user_id=cast.assessor.pk).items] == [
        NotificationKind.SUBMITTED
    ]
    assert any(r.levelno == logging.ERROR and "giving up" in r.getMessage() for r in caplog.records)


def test_the_subject_is_one_short_line_whatever_the_title() -> None:
    from assessments.notifications.email import NoteEmail

    note = NoteEmail(
        NotificationKind.DECIDED, "TRA-2026-ABC123", "Line one\nline two " + "x" * 200, "", "/", ""
    )

    assert "\n" not in note.subject and len(note.subject) < 120
    assert note.subject.startswith("[TRA] TRA-2026-ABC123: Decision made (Line one line two x")
