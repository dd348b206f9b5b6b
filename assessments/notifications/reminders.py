"""Due reminders: "due in 2 days" and "overdue" for the open review queue, at most once each.

One paged Query of the queue's due-date order (gsi1 ``QUEUE#open#due``, sort ``<due_on>#<id>``)
up to today + 2 days; for each entry a marker item (``NOTIFY#reminders``,
``<kind>#<id>#<due_on>``) written with ``Condition.absent`` decides whether this run is the
one that reminds, so running it every few minutes (or twice at once) sends each reminder once.
A new due date (a resubmission) is a new marker, so it is reminded again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from assessments.domain import keys
from assessments.domain.queue import QueueEntry, QueueOrder, QueuePhase
from assessments.domain.records import SYSTEM_ACTOR, AssessmentRecord, now_iso
from assessments.notifications.kinds import NotificationKind
from assessments.notifications.recipients import to_reviewers
from assessments.notifications.records import REMINDERS_PK, reminder_sk
from assessments.notifications.service import notify
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import ConditionFailed
from integrations.table import get_table
from integrations.table.contract import Condition, SortKey
from integrations.table.schema import GSI1

log = logging.getLogger(__name__)

DUE_SOON_DAYS = 2


@dataclass
class ReminderReport:
    due_soon: list[str] = field(default_factory=list)
    overdue: list[str] = field(default_factory=list)
    already_sent: int = 0


def reminder_kind(due_on: str, today: date) -> NotificationKind | None:
    if not due_on:
        return None
    if due_on < today.isoformat():
        return NotificationKind.OVERDUE
    if due_on <= (today + timedelta(days=DUE_SOON_DAYS)).isoformat():
        return NotificationKind.DUE_SOON
    return None


def _text(kind: NotificationKind, entry: QueueEntry) -> str:
    if kind is NotificationKind.OVERDUE:
        return f"The review was due on {entry.due_on} and is not decided yet."
    return f"The review is due on {entry.due_on}."


async def due_reminders_send(*, today: date, page_size: int | None = None) -> ReminderReport:
    """``page_size``: entries a Query (None: as many as DynamoDB's 1 MB page holds)."""
    table = get_table()
    report = ReminderReport()
    # "<due_on>#<id>" < the day after the horizon: every entry due on or before it.
    horizon = (today + timedelta(days=DUE_SOON_DAYS + 1)).isoformat()
    start_key = None
    while True:
        with table_errors_as_domain():
            page = await table.query(
                index=GSI1.name,
                partition=keys.queue_partition(QueuePhase.OPEN.value, QueueOrder.DUE.value),
                sort=SortKey.lt(horizon),
                start_key=start_key,
                limit=page_size,
            )
        for item in page.items:
            await _remind(QueueEntry.from_item(item), today, report)
        if not page.last_key:
            return report
        start_key = page.last_key


async def _remind(entry: QueueEntry, today: date, report: ReminderReport) -> None:
    kind = reminder_kind(entry.due_on, today)
    if kind is None:
        return
    table = get_table()
    marker = {"pk": REMINDERS_PK, "sk": reminder_sk(kind, entry.assessment_id, entry.due_on), "at": now_iso()}
    with table_errors_as_domain():
        try:
            # First the marker: at most one reminder, even if a run dies right after it.
            await table.put(marker, condition=Condition.absent())
        except ConditionFailed:
            report.already_sent += 1
            return
        meta = await table.get(keys.assessment_pk(entry.assessment_id), keys.META)
    if meta is None:
        log.warning("due reminder: queue entry of %s has no assessment", entry.assessment_id)
        return
    await notify(
        kind=kind,
        assessment=AssessmentRecord.from_item(meta),
        actor=SYSTEM_ACTOR,
        recipient_ids=to_reviewers(assignee_id=entry.assignee_id),
        text=_text(kind, entry),
    )
    (report.overdue if kind is NotificationKind.OVERDUE else report.due_soon).append(entry.assessment_id)
