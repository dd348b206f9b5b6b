"""A scripted audit trail for the dashboard's tests: events, decision records and META items
written straight to the table, at the times a test chooses."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from assessments.dashboard.figures import Figures, dashboard_figures
from assessments.dashboard.refresh import RefreshReport, dashboard_refresh
from assessments.domain import keys
from assessments.domain.records import EventRecord
from integrations.runtime import run_sync
from integrations.table import get_table


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def put(item: dict[str, Any]) -> None:
    run_sync(get_table().put, item)


@dataclass
class Script:
    """Builds one assessment's trail; every event is a real EventRecord item."""

    assessment_id: str
    business_unit: str = "Retail"
    state: str = "draft"
    round: int = 0
    written: list[str] = field(default_factory=list)

    def event(self, event_type: str, at: datetime, *, before: Any = None, after: Any = None) -> None:
        record = EventRecord(
            assessment_id=self.assessment_id,
            event_type=event_type,
            actor="someone",
            actor_id=1,
            at=stamp(at),
            event_id=uuid.uuid4().hex,
            before=before,
            after=after,
        )
        put(record.to_item())
        self.written.append(event_type)

    def created(self, at: datetime) -> Script:
        put(
            {
                "pk": keys.assessment_pk(self.assessment_id),
                "sk": keys.META,
                "business_unit": self.business_unit,
            }
        )
        self.event("assessment_created", at, after={"title": "T"})
        return self

    def move(self, at: datetime, to: str, action: str, **after: Any) -> Script:
        self.event(
            "assigned" if action == "assign" else "state_changed",
            at,
            before={"state": self.state},
            after={"state": to, "action": action, "round": self.round, **after},
        )
        self.state = to
        return self

    def submit(self, at: datetime, due_on: date) -> Script:
        self.round += 1
        return self.move(at, "submitted", "submit", due_on=due_on.isoformat())

    def assign(self, at: datetime) -> Script:
        return self.move(at, "under_review", "assign")

    def send_back(self, at: datetime) -> Script:
        return self.move(at, "sent_back", "send_back")

    def decide(self, at: datetime, residual: str | None, sources: list[str], reject: bool = False) -> Script:
        put(
            {
                "pk": keys.assessment_pk(self.assessment_id),
                "sk": keys.decision_record_sk(self.round),
                "residual_overall": residual,
                "answers": {f"Q-{n:02d}": {"value": "No", "source": s} for n, s in enumerate(sources)},
            }
        )
        if reject:
            return self.move(at, "rejected", "reject")
        return self.move(at, "finalized", "finalize")

    def suggestion(self, at: datetime, kind: str) -> Script:
        self.event(f"suggestion_{kind}", at, after={"question_id": "Q-01"})
        return self


def refresh(**kwargs: Any) -> RefreshReport:
    return run_sync(dashboard_refresh, **kwargs)


def figures(today: date | None = None) -> Figures:
    return run_sync(dashboard_figures, today=today or datetime.now(UTC).date())


def days_ago(n: float) -> datetime:
    return datetime.now(UTC) - timedelta(days=n)
