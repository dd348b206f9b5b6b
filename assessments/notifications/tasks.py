"""The notification e-mail, sent by the task worker (never in a request).

A failure to send (the mail server down, SES refusing) is retried later with a growing delay,
up to TRA_EMAIL_MAX_ATTEMPTS, then logged at ERROR: the in-app note is there either way.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone
from django_tasks import task

from assessments.notifications.email import NoteEmail, note_message
from assessments.notifications.kinds import NotificationKind
from integrations.errors import IntegrationError

log = logging.getLogger(__name__)

# What sending can raise: SMTP's errors and the socket's (OSError), the SES backend's.
SEND_ERRORS = (smtplib.SMTPException, OSError, IntegrationError)


def retry_delay(attempt: int) -> float:
    return min(settings.TRA_EMAIL_RETRY_SECONDS * 2 ** (attempt - 1), 3600.0)


@task()
def note_email_task(
    *,
    user_id: int,
    kind: str,
    assessment_id: str,
    assessment_title: str,
    text: str,
    link: str,
    actor_name: str,
    attempt: int = 1,
) -> str:
    """Send one notification e-mail to one user; "sent", "no address" or "retrying"/"failed"."""
    # The address as it is now (it may have changed since the event).
    address = User.objects.filter(pk=user_id, is_active=True).values_list("email", flat=True).first()
    if not address:
        log.info("notification e-mail for %s not sent: user %s has no address", assessment_id, user_id)
        return "no address"
    note = NoteEmail(NotificationKind(kind), assessment_id, assessment_title, text, link, actor_name)
    try:
        note_message(note, to=address).send()
    except SEND_ERRORS:
        if attempt >= settings.TRA_EMAIL_MAX_ATTEMPTS:
            log.error(
                "notification e-mail %s for %s to user %s failed %d times; giving up",
                kind,
                assessment_id,
                user_id,
                attempt,
                exc_info=True,
            )
            return "failed"
        log.warning(
            "notification e-mail %s for %s to user %s failed (attempt %d); retrying",
            kind,
            assessment_id,
            user_id,
            attempt,
            exc_info=True,
        )
        retry = note_email_task
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + dt.timedelta(seconds=retry_delay(attempt)))
        retry.enqueue(
            user_id=user_id,
            kind=kind,
            assessment_id=assessment_id,
            assessment_title=assessment_title,
            text=text,
            link=link,
            actor_name=actor_name,
            attempt=attempt + 1,
        )
        return "retrying"
    return "sent"
