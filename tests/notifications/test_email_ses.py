"""The SES backend against the session's moto server: the notification e-mail as SES gets it."""

from __future__ import annotations

import email
import email.policy
from typing import Any

import pytest

from assessments.notifications.email import NoteEmail, note_message
from assessments.notifications.kinds import NotificationKind
from integrations import instrumentation
from integrations.clients import get_client
from integrations.email_ses import SESEmailBackend
from integrations.errors import IntegrationError
from integrations.runtime import run_sync

SENDER = "tra@example.org"
NOTE = NoteEmail(
    NotificationKind.ASSIGNED,
    "TRA-2026-ABC123",
    "Helpdesk",
    "It is yours now.",
    "/admin/review/TRA-2026-ABC123/",
    "admin",
)


@pytest.fixture
def ses(aws: str, settings: Any) -> Any:
    from moto.ses.models import ses_backends

    settings.TRA_SES_ENDPOINT_URL = aws
    settings.TRA_PUBLIC_URL = "https://tra.example.org"
    settings.DEFAULT_FROM_EMAIL = f"TRA <{SENDER}>"

    async def verify() -> None:
        client = await get_client("sesv2", endpoint_url=aws)
        await client.create_email_identity(EmailIdentity=SENDER)

    run_sync(verify)
    return ses_backends["123456789012"][settings.AWS_REGION]


def test_it_sends_the_text_and_html_parts_through_ses(ses: Any) -> None:
    with instrumentation.recording() as calls:
        sent = SESEmailBackend().send_messages([note_message(NOTE, to="assessor@example.com")])

    assert sent == 1 and calls.count("sesv2", "SendEmail") == 1
    [raw] = ses.sent_messages
    assert set(raw.destinations) == {"assessor@example.com"}  # moto adds the To header to the Destination
    parsed = email.message_from_string(raw.raw_data, policy=email.policy.default)
    assert "TRA-2026-ABC123" in parsed["Subject"] and parsed["To"] == "assessor@example.com"
    parts = {p.get_content_type(): p.get_content() for p in parsed.walk() if not p.is_multipart()}
    link = "https://tra.example.org/admin/review/TRA-2026-ABC123/"
    assert link in parts["text/plain"] and f'href="{link}"' in parts["text/html"]


def test_a_refusal_is_an_integration_error_unless_silenced(ses: Any, settings: Any) -> None:
    settings.DEFAULT_FROM_EMAIL = "someone@unverified.example"  # SES refuses an unverified sender
    message = note_message(NOTE, to="assessor@example.com")

    with pytest.raises(IntegrationError):
        SESEmailBackend().send_messages([message])
    assert SESEmailBackend(fail_silently=True).send_messages([message]) == 0
    assert ses.sent_messages == []
