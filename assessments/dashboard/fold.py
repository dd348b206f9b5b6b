"""Folding audit events into the dashboard's counters (pure: no Django, no table).

The service reads the events since the checkpoint in time order and, per event, what the fold
asks for (the assessment's track, and for a decision its record and business unit); the fold
turns them into ``add`` deltas per counter item and the tracks to write back. Everything it
produces is applied in one transaction with the checkpoint, so an event counts exactly once.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from assessments.dashboard import keys

OPEN_STATES = frozenset({"submitted", "under_review"})
DECIDING_ACTIONS = frozenset({"finalize", "reject"})
MOVE_EVENTS = frozenset({"state_changed", "assigned"})
SUGGESTION_EVENTS = {
    "suggestion_accepted": "suggestions_accepted",
    "suggestion_edited": "suggestions_edited",
    "suggestion_dismissed": "suggestions_dismissed",
}
SUGGESTED_SOURCES = frozenset({"suggestion_accepted", "suggestion_edited"})
# Lead times: hourly buckets for the first two days, daily after (the histogram stays small
# however many decisions it counts, and a median in days needs no finer grain than that).
HOURLY_UNTIL = 48


@dataclass
class Track:
    """What the fold remembers of one assessment between events."""

    first_submitted_at: str | None = None
    due_on: str | None = None  # while a round is open (submitted / under review)

    def to_item(self, assessment_id: str) -> dict[str, Any]:
        return {
            "pk": keys.TRACK_PK,
            "sk": assessment_id,
            "first_submitted_at": self.first_submitted_at,
            "due_on": self.due_on,
        }

    @classmethod
    def from_item(cls, item: dict[str, Any] | None) -> Track:
        if item is None:
            return cls()
        return cls(first_submitted_at=item.get("first_submitted_at"), due_on=item.get("due_on"))


@dataclass(frozen=True)
class Decided:
    """A decision as the dashboard counts it: from the decision record and the assessment."""

    business_unit: str
    residual_overall: str | None
    answer_sources: tuple[str, ...]


@dataclass(frozen=True)
class EventView:
    assessment_id: str
    event_type: str
    at: str
    before: dict[str, Any]
    after: dict[str, Any]

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> EventView:
        return cls(
            assessment_id=item["assessment_id"],
            event_type=item["event_type"],
            at=item["at"],
            before=item.get("before") or {},
            after=item.get("after") or {},
        )

    @property
    def decides(self) -> bool:
        return self.event_type == "state_changed" and self.after.get("action") in DECIDING_ACTIONS

    @property
    def round(self) -> int:
        return int(self.after.get("round") or 1)


def parse_at(at: str) -> datetime:
    return datetime.fromisoformat(at.replace("Z", "+00:00"))


def iso_week(at: str) -> str:
    year, week, _day = parse_at(at).isocalendar()
    return f"{year}-W{week:02d}"


def lead_bucket(submitted_at: str, decided_at: str) -> int:
    hours = max(0, int((parse_at(decided_at) - parse_at(submitted_at)).total_seconds() // 3600))
    return hours if hours < HOURLY_UNTIL else hours - hours % 24


def percentile(histogram: dict[int, int], q: float) -> int | None:
    """The nearest-rank percentile (0 < q <= 1) of a histogram {value: count}."""
    total = sum(histogram.values())
    if total == 0:
        return None
    rank = max(1, math.ceil(q * total))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return max(histogram)


@dataclass
class Fold:
    """Deltas per counter item (sk -> attribute -> n) and the tracks the events changed."""

    adds: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    tracks: dict[str, Track] = field(default_factory=dict)

    def _add(self, sk: str, attribute: str, n: int = 1) -> None:
        self.adds[sk][attribute] += n

    def touched(self) -> int:
        """How many items a commit of this fold writes (the transaction's size, less the checkpoint)."""
        return len(self.adds) + len(self.tracks)

    def apply(self, event: EventView, track: Track | None = None, decided: Decided | None = None) -> None:
        """Fold one event. A workflow move needs the assessment's ``track`` (kept here until the
        commit, so later events of the same batch see it), a decision also ``decided``."""
        kind = event.event_type
        if kind == "assessment_created":
            self._add(keys.COUNTS, "created")
            self._add(keys.COUNTS, "state_draft")
        elif kind in MOVE_EVENTS:
            current = self.tracks.setdefault(event.assessment_id, track or Track())
            self._move(event, current, decided)
        elif kind in SUGGESTION_EVENTS:
            self._add(keys.COUNTS, SUGGESTION_EVENTS[kind])
        # Anything else (answers, documents, comments) is nothing the dashboard counts.

    def _move(self, event: EventView, track: Track, decided: Decided | None) -> None:
        before, after = event.before.get("state"), event.after.get("state")
        if before and after and before != after:
            self._add(keys.COUNTS, f"state_{before}", -1)
            self._add(keys.COUNTS, f"state_{after}")
        if before in OPEN_STATES and after not in OPEN_STATES and track.due_on:
            self._add(keys.due_sk(track.due_on), "open", -1)
            track.due_on = None
        if event.after.get("action") == "submit":
            first = event.round == 1 or track.first_submitted_at is None
            self._add(keys.week_sk(iso_week(event.at)), "first" if first else "resubmitted")
            track.first_submitted_at = track.first_submitted_at or event.at
            due_on = event.after.get("due_on")
            if due_on:
                track.due_on = str(due_on)
                self._add(keys.due_sk(track.due_on), "open")
        if event.decides and decided is not None:
            self._decided(event, track, decided)

    def _decided(self, event: EventView, track: Track, decided: Decided) -> None:
        outcome = "finalized" if event.after.get("action") == "finalize" else "rejected"
        self._add(keys.COUNTS, "decided")
        self._add(keys.COUNTS, f"decided_{outcome}")
        if track.first_submitted_at:
            self._add(keys.lead_sk(lead_bucket(track.first_submitted_at, event.at)), "count")
        bu = keys.bu_sk(decided.business_unit or "(none)")
        self._add(bu, "decided")
        self._add(bu, f"rating_{decided.residual_overall or 'unrated'}")
        self._add(keys.COUNTS, "answers_decided", len(decided.answer_sources))
        for source in decided.answer_sources:
            if source in SUGGESTED_SOURCES:
                self._add(keys.COUNTS, "answers_from_suggestions")
