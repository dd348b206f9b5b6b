"""The invitation e-mail: sent in the invite's request, not by the task worker.

The notifications' e-mails go through a task whose arguments are stored in the task queue's
database; the invitation carries the link, and the link is a credential that must be stored
nowhere. So it is sent here, right after the invite committed, with the notifications' link
builder (TRA_PUBLIC_URL) and their list of send errors. A failure is reported to the assessor,
who sees the link once to pass on, or withdraws the invite and makes another.
"""

from __future__ import annotations

import logging

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from assessments.domain.records import AssessmentRecord
from assessments.guests.domain import GuestInvite
from assessments.notifications.tasks import SEND_ERRORS

log = logging.getLogger(__name__)


def invite_message(
    *, invite: GuestInvite, assessment: AssessmentRecord, url: str, area_name: str | None
) -> EmailMultiAlternatives:
    context = {"invite": invite, "a": assessment, "url": url, "area_name": area_name}
    title = " ".join(assessment.title.split())[:60]
    message = EmailMultiAlternatives(
        subject=f"[TRA] {assessment.id}: you are invited to review ({title})",
        body=render_to_string("guests/email/invite.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invite.email],
    )
    message.attach_alternative(render_to_string("guests/email/invite.html", context), "text/html")
    return message


async def guest_invite_email(
    *, invite: GuestInvite, assessment: AssessmentRecord, url: str, area_name: str | None = None
) -> bool:
    """Send the invitation; False (logged, without the link) when the mail server refused it."""
    message = invite_message(invite=invite, assessment=assessment, url=url, area_name=area_name)
    try:
        await sync_to_async(message.send)()
    except SEND_ERRORS:
        log.warning(
            "guest invitation %s for %s could not be sent",
            invite.invite_id,
            invite.assessment_id,
            exc_info=True,
        )
        return False
    return True
