"""The review queue's entries and filters, and due dates in working days (pure).

An assessment submitted at least once has one entry per sort order beside its META; see
assessments/services/queue_index.py (the writes) and assessments/selectors/review_queue.py (the pages).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from assessments.domain import keys
from assessments.domain.workflow import ARCHIVED_STATES, REVIEWABLE_STATES, State

# --- due dates ------------------------------------------------------------------------------


def add_working_days(start: date, days: int, *, holidays: Iterable[date] = ()) -> date:
    """``days`` working days after ``start`` (Saturdays, Sundays and ``holidays`` skipped)."""
    off = frozenset(holidays)
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in off:
            remaining -= 1
    return current


# --- the review queue -------------------------------------------------------------------------


class QueueOrder(StrEnum):
    SUBMITTED = "submitted"  # by submission time
    DUE = "due"  # by due date
    UPDATED = "updated"  # by the last workflow move (for the archive: when it was decided)


class QueuePhase(StrEnum):
    OPEN = "open"  # submitted or under review
    ARCHIVE = "archive"  # sent back, finalized, rejected, withdrawn after a submission


def queue_phase(state: State, round_number: int) -> QueuePhase | None:
    if state in REVIEWABLE_STATES:
        return QueuePhase.OPEN
    if state in ARCHIVED_STATES and round_number > 0:
        return QueuePhase.ARCHIVE
    return None  # a draft, or withdrawn before it was ever submitted: no reviewer's business


@dataclass(frozen=True)
class QueueEntry:
    """A listing row of the queue or the archive, kept beside META (QUEUE#<order>) and indexed by
    gsi1 under ``QUEUE#<phase>#<order>`` sorted by ``<value>#<id>``: each queue page is one
    Query, never a Scan. It carries what the queue filters on, so a filter never reads META."""

    assessment_id: str
    title: str
    state: State
    owner_name: str
    business_unit: str
    data_classification: str
    active_areas: tuple[str, ...]
    assignee_id: int | None
    assignee_name: str
    submitted_at: str
    due_on: str  # ISO date
    round: int
    updated_at: str
    decided_at: str = ""

    def sort_value(self, order: QueueOrder) -> str:
        value = {
            QueueOrder.SUBMITTED: self.submitted_at,
            QueueOrder.DUE: self.due_on,
            QueueOrder.UPDATED: self.updated_at,
        }[order]
        return f"{value}#{self.assessment_id}"

    def is_overdue(self, today: date) -> bool:
        return self.state in REVIEWABLE_STATES and bool(self.due_on) and self.due_on < today.isoformat()

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> QueueEntry:
        assignee = item.get("assignee_id")
        return cls(
            assessment_id=item["assessment_id"],
            title=item.get("title", ""),
            state=State(item["state"]),
            owner_name=item.get("owner_name", ""),
            business_unit=item.get("business_unit", ""),
            data_classification=item.get("data_classification", ""),
            active_areas=tuple(item.get("active_areas", ())),
            assignee_id=int(assignee) if assignee is not None else None,
            assignee_name=item.get("assignee_name", ""),
            submitted_at=item.get("submitted_at", ""),
            due_on=item.get("due_on", ""),
            round=int(item.get("round", 0)),
            updated_at=item.get("updated_at", ""),
            decided_at=item.get("decided_at", ""),
        )

    def to_item(self, phase: QueuePhase, order: QueueOrder) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": keys.queue_entry_sk(order.value),
            "gsi1_pk": keys.queue_partition(phase.value, order.value),
            "gsi1_sk": self.sort_value(order),
            "assessment_id": self.assessment_id,
            "title": self.title,
            "state": self.state.value,
            "owner_name": self.owner_name,
            "business_unit": self.business_unit,
            "data_classification": self.data_classification,
            "active_areas": list(self.active_areas),
            "assignee_id": self.assignee_id,
            "assignee_name": self.assignee_name,
            "submitted_at": self.submitted_at,
            "due_on": self.due_on,
            "round": self.round,
            "updated_at": self.updated_at,
            "decided_at": self.decided_at,
        }


@dataclass(frozen=True)
class QueueFilters:
    """What the queue and the archive can be narrowed by (all optional; combined with AND)."""

    states: frozenset[State] = field(default_factory=frozenset)
    business_unit: str = ""
    data_classification: str = ""
    risk_areas: frozenset[str] = field(default_factory=frozenset)  # any of them
    assignee_id: int | None = None
    unassigned: bool = False
    overdue: bool = False
    text: str = ""  # an id, or words of the title

    def matches(self, entry: QueueEntry, *, today: date) -> bool:
        if self.states and entry.state not in self.states:
            return False
        if self.business_unit and entry.business_unit.casefold() != self.business_unit.casefold():
            return False
        if self.data_classification and entry.data_classification != self.data_classification:
            return False
        if self.risk_areas and not self.risk_areas.intersection(entry.active_areas):
            return False
        if self.assignee_id is not None and entry.assignee_id != self.assignee_id:
            return False
        if self.unassigned and entry.assignee_id is not None:
            return False
        if self.overdue and not entry.is_overdue(today):
            return False
        if self.text:
            needle = self.text.casefold()
            if needle not in entry.assessment_id.casefold() and not all(
                word in entry.title.casefold() for word in needle.split()
            ):
                return False
        return True
