"""Reassessment reminders: a finalized assessment whose review date has come, told to its owner once.

Run by ``manage.py send_reassessment_reminders`` (beside send_due_reminders). One paged Query of
gsi1 ``REASSESS#due`` up to today; a marker (``NOTIFY#reminders``,
``reassessment_due#<id>#<review_due_on>``) written with ``Condition.absent`` decides which run
reminds, so running it often (or twice at once) reminds once per review date.
"""

from __future__ import annotations

from datetime import date, timedelta

from assessments.domain import keys, reuse
from assessments.domain.records import SYSTEM_ACTOR, AssessmentRecord, now_iso
from assessments.notifications.kinds import NotificationKind
from assessments.notifications.records import REMINDERS_PK, reminder_sk
from assessments.notifications.service import notify
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import ConditionFailed
from integrations.table import get_table
from integrations.table.contract import Condition, SortKey
from integrations.table.schema import GSI1


async def reassessment_reminders_send(*, today: date, page_size: int | None = None) -> tuple[list[str], int]:
    """(the assessments reminded now, how many had been reminded already)."""
    table = get_table()
    sent: list[str] = []
    already = 0
    horizon = (today + timedelta(days=1)).isoformat()
    start_key = None
    while True:
        with table_errors_as_domain():
            page = await table.query(
                index=GSI1.name,
                partition=reuse.REASSESS_ALL_PARTITION,
                sort=SortKey.lt(horizon),
                start_key=start_key,
                limit=page_size,
            )
        for item in page.items:
            entry = reuse.ReassessmentEntry.from_item(item)
            if await _remind(entry):
                sent.append(entry.assessment_id)
            else:
                already += 1
        if not page.last_key:
            return sent, already
        start_key = page.last_key


async def _remind(entry: reuse.ReassessmentEntry) -> bool:
    table = get_table()
    kind = NotificationKind.REASSESSMENT_DUE
    marker = {
        "pk": REMINDERS_PK,
        "sk": reminder_sk(kind, entry.assessment_id, entry.review_due_on),
        "at": now_iso(),
    }
    with table_errors_as_domain():
        try:
            await table.put(marker, condition=Condition.absent())
        except ConditionFailed:
            return False
        meta = await table.get(keys.assessment_pk(entry.assessment_id), keys.META)
    if meta is None:
        return False
    await notify(
        kind=kind,
        assessment=AssessmentRecord.from_item(meta),
        actor=SYSTEM_ACTOR,
        recipient_ids=[entry.owner_id],
        text=f"“{entry.title}” is due for reassessment (review date {entry.review_due_on}). "
        "Open it and choose Reassess to start from its answers.",
    )
    return True
