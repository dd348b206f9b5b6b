"""send_due_reminders: "due in 2 days" and "overdue" for the open queue, each at most once."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO
from typing import Any

from django.core import mail
from django.core.management import call_command

from assessments.domain.queue import QueueEntry, QueueOrder, QueuePhase
from assessments.domain.workflow import State
from assessments.notifications import NotificationKind
from assessments.notifications.reminders import due_reminders_send
from assessments.notifications.selectors import notes_of_user
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.web.helpers import create_assessment

TODAY = date(2026, 12, 2)


def queued(cast: Any, *, due_on: date, assignee: str | None = None, title: str = "Helpdesk") -> str:
    """An assessment with its entry in the open queue's due-date order, as the workflow writes it."""
    assessment_id = create_assessment(cast, title=title)
    user = getattr(cast, assignee) if assignee else None
    entry = QueueEntry(
        assessment_id=assessment_id,
        title=title,
        state=State.UNDER_REVIEW if user else State.SUBMITTED,
        owner_name="requestor",
        business_unit="Customer Operations",
        data_classification="Confidential",
        active_areas=(),
        assignee_id=user.pk if user else None,
        assignee_name=user.username if user else "",
        submitted_at="2026-11-20T09:00:00.000000Z",
        due_on=due_on.isoformat(),
        round=1,
        updated_at="2026-11-20T09:00:00.000000Z",
    )
    run_sync(get_table().put, entry.to_item(QueuePhase.OPEN, QueueOrder.DUE))
    return assessment_id


def reminders(cast: Any, who: str) -> list[tuple[NotificationKind, str]]:
    notes = run_sync(notes_of_user, user_id=getattr(cast, who).pk).items
    return sorted((n.kind, n.assessment_id) for n in notes)


def run(today: date = TODAY) -> str:
    out = StringIO()
    call_command("send_due_reminders", "--today", today.isoformat(), stdout=out)
    return out.getvalue()


def test_it_reminds_the_assignee_or_every_reviewer_once_per_due_date(cast: Any) -> None:
    overdue = queued(cast, due_on=TODAY - timedelta(days=1), assignee="assessor")
    soon = queued(cast, due_on=TODAY + timedelta(days=2))  # unassigned: every reviewer
    queued(cast, due_on=TODAY + timedelta(days=3), assignee="assessor")  # not yet

    with instrumentation.recording() as calls:
        assert run() == "due soon: 1, overdue: 1, already reminded: 0\n"

    assert calls.count("dynamodb", "Query") == 1  # one page of the queue: the rest are GetItems and writes
    assert reminders(cast, "assessor") == sorted(
        [(NotificationKind.OVERDUE, overdue), (NotificationKind.DUE_SOON, soon)]
    )
    for who in ("admin", "assessor2"):
        assert reminders(cast, who) == [(NotificationKind.DUE_SOON, soon)]
    assert reminders(cast, "requestor") == []
    # Sent by nobody in particular: no actor's name on them.
    assert {n.actor_name for n in run_sync(notes_of_user, user_id=cast.assessor.pk).items} == {""}
    assert sorted((m.to[0], overdue in m.subject) for m in mail.outbox) == [
        ("admin@example.com", False),
        ("assessor@example.com", False),
        ("assessor@example.com", True),
        ("privacy@example.com", False),
    ]

    # Again: nothing twice.
    mail.outbox.clear()
    assert run() == "due soon: 0, overdue: 0, already reminded: 2\n"
    assert mail.outbox == []
    # Three days on: the due-soon one is overdue now (a new reminder), the last one due soon,
    # and the overdue one is not reminded again.
    assert run(TODAY + timedelta(days=3)) == "due soon: 1, overdue: 1, already reminded: 1\n"
    assert [m for m in mail.outbox if overdue in m.subject] == []
    assert len(reminders(cast, "assessor")) == 4


def test_it_reads_the_queue_page_by_page(cast: Any) -> None:
    for n in range(3):
        queued(cast, due_on=TODAY - timedelta(days=n + 1), assignee="assessor", title=f"A{n}")

    with instrumentation.recording() as calls:
        report = run_sync(due_reminders_send, today=TODAY, page_size=2)

    assert len(report.overdue) == 3 and calls.count("dynamodb", "Query") == 2
    assert len(reminders(cast, "assessor")) == 3
