"""``notify``: called by a use case after its transaction committed; it never makes it fail.

For each recipient: the note and +1 on their unread counter in one transaction, then a push to
their open pages, then (unless they turned the kind off, or have no address) one e-mail through
a background task, so a slow or failing mail server never holds up or fails the request.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from django.db import DatabaseError
from django.urls import reverse

from assessments.accounts import directory
from assessments.domain.records import SYSTEM_ACTOR, Actor, AssessmentRecord, now_iso
from assessments.errors import DomainError
from assessments.notifications import push
from assessments.notifications.kinds import NotificationKind
from assessments.notifications.records import UNREAD_ATTR, UNREAD_SK, Note, new_note_id, notify_pk
from assessments.notifications.selectors import unread_count
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import IntegrationError
from integrations.table import get_table
from integrations.table.contract import Condition, Put, Update

log = logging.getLogger(__name__)


def _actor_name(actor: Actor) -> str:
    # Reminders and background work act as the system: no name to show for them.
    return "" if actor.user_id == SYSTEM_ACTOR.user_id else actor.username


def link_for(assessment: AssessmentRecord, *, user_id: int, reviewer: bool) -> str:
    """The recipient's page of the assessment: the review page for a reviewer, unless it is theirs."""
    if reviewer and user_id != assessment.owner_id:
        return reverse("admin:review_detail", args=[assessment.id])
    return reverse("assessments:detail", args=[assessment.id])


async def notify(
    *,
    kind: NotificationKind,
    assessment: AssessmentRecord,
    actor: Actor,
    recipient_ids: Iterable[int] | None,
    text: str,
) -> None:
    """Tell ``recipient_ids`` (None: every reviewer) that ``kind`` happened; the actor never
    notifies themselves. Outages are logged at WARNING with the assessment and kind, not raised."""
    try:
        reviewers = await directory.reviewer_ids()
    except DatabaseError:
        log.warning("notify %s for %s: could not read the reviewers", kind, assessment.id, exc_info=True)
        return
    targets = set(reviewers if recipient_ids is None else recipient_ids)
    targets.discard(actor.user_id)
    notes = {
        user_id: Note(
            id=new_note_id(),
            kind=kind,
            assessment_id=assessment.id,
            assessment_title=assessment.title,
            text=text,
            link=link_for(assessment, user_id=user_id, reviewer=user_id in reviewers),
            actor_name=_actor_name(actor),
            at=now_iso(),
        )
        for user_id in sorted(targets)
    }
    # One small transaction per recipient, side by side: "submitted" to twenty reviewers costs
    # the request about one round trip, not twenty. Each one logs its own failure.
    await asyncio.gather(*(_store_and_push(user_id, note) for user_id, note in notes.items()))
    await _enqueue_emails(kind, assessment, actor, targets, reviewers, text)


async def _store_and_push(user_id: int, note: Note) -> None:
    try:
        with table_errors_as_domain():
            await get_table().transact(
                [
                    Put(note.to_item(user_id), Condition.absent()),
                    Update(notify_pk(user_id), UNREAD_SK, add={UNREAD_ATTR: 1}),
                ]
            )
        count = await unread_count(user_id=user_id)
    except (DomainError, IntegrationError):
        log.warning(
            "notify %s for %s: the note for user %s could not be stored",
            note.kind,
            note.assessment_id,
            user_id,
            exc_info=True,
        )
        return
    await push.push(user_id, unread=count, note=note)


async def _enqueue_emails(
    kind: NotificationKind,
    assessment: AssessmentRecord,
    actor: Actor,
    targets: set[int],
    reviewers: set[int],
    text: str,
) -> None:
    from assessments.notifications.tasks import note_email_task

    try:
        addresses = await directory.email_addresses(targets, kind=kind.value)
        for user_id, address in sorted(addresses.items()):
            if not address:
                log.info("notify %s for %s: user %s has no e-mail address", kind, assessment.id, user_id)
                continue
            await note_email_task.aenqueue(
                user_id=user_id,
                kind=kind.value,
                assessment_id=assessment.id,
                assessment_title=assessment.title,
                text=text,
                link=link_for(assessment, user_id=user_id, reviewer=user_id in reviewers),
                actor_name=_actor_name(actor),
            )
    except DatabaseError:
        # The task queue lives in the Django database: the notes are stored, the e-mails lost.
        log.warning("notify %s for %s: e-mails could not be queued", kind, assessment.id, exc_info=True)
