"""Reads for the review: the rounds (and the diff between two), and the timeline.

Access is checked on META with one GetItem and the read policy (cheaper than the assessment's
whole collection, which these reads do not need): another user's assessment is a 404. A page
that has already read the assessment passes it (``assessment=``) and skips that GetItem. Then
one Query: ``ROUNDS#<id>`` for the rounds, gsi1 ``TIMELINE#<id>`` for the timeline. Never a Scan.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from assessments.domain import keys, policy
from assessments.domain.ids import is_assessment_id
from assessments.domain.records import Actor, AssessmentRecord
from assessments.domain.review import Outcome, RoundDiff, RoundSnapshot, round_diff
from assessments.domain.workflow import STATE_LABELS, Action, State
from assessments.errors import NotFoundError
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.contract import SortKey
from integrations.table.schema import GSI1

__all__ = ["TimelineEntry", "assessment_rounds", "assessment_timeline", "round_with_diff"]


async def _readable(
    actor: Actor, assessment_id: str, known: AssessmentRecord | None = None
) -> AssessmentRecord:
    if known is not None and known.id == assessment_id:
        policy.ensure_can_read(actor, known)
        return known
    if not is_assessment_id(assessment_id):
        raise NotFoundError("No such assessment.")
    with table_errors_as_domain():
        item = await get_table().get(keys.assessment_pk(assessment_id), keys.META)
    if item is None:
        raise NotFoundError("No such assessment.")
    record = AssessmentRecord.from_item(item)
    policy.ensure_can_read(actor, record)
    return record


async def assessment_rounds(
    *, actor: Actor, assessment_id: str, assessment: AssessmentRecord | None = None
) -> list[RoundSnapshot]:
    """Every submitted round, round 1 first (empty for a draft never submitted)."""
    await _readable(actor, assessment_id, assessment)
    table = get_table()
    items: list[dict[str, Any]] = []
    start_key = None
    with table_errors_as_domain():
        while True:  # one Query unless the rounds pass DynamoDB's 1 MB page
            page = await table.query(
                partition=keys.rounds_pk(assessment_id),
                sort=SortKey.begins_with(keys.ROUND_PREFIX),
                start_key=start_key,
            )
            items.extend(page.items)
            if not page.last_key:
                break
            start_key = page.last_key
    return [RoundSnapshot.from_item(item) for item in items]


async def round_with_diff(
    *, actor: Actor, assessment_id: str, number: int
) -> tuple[RoundSnapshot, RoundDiff | None]:
    """Round ``number`` and what changed since the round before it (None for round 1)."""
    rounds = {r.number: r for r in await assessment_rounds(actor=actor, assessment_id=assessment_id)}
    current = rounds.get(number)
    if current is None:
        raise NotFoundError(f"This assessment has no round {number}.")
    previous = rounds.get(number - 1)
    return current, (round_diff(previous, current) if previous is not None else None)


# --- the timeline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    at: str
    actor: str
    kind: str  # created, submitted, resubmitted, assigned, commented, sent_back, area_decided, ...
    label: str  # what happened, for a person: "Sent back (Q-01, TP-03)"
    detail: str = ""  # the feedback, the comment, the reason, the rationale's outline


def _after(event: Mapping[str, Any]) -> dict[str, Any]:
    return event.get("after") or {}


def _created(event: Mapping[str, Any]) -> TimelineEntry:
    return TimelineEntry(event["at"], event.get("actor", ""), "created", "Created")


def _assigned(event: Mapping[str, Any]) -> TimelineEntry:
    after = _after(event)
    before = event.get("before") or {}
    name, previous = after.get("assignee", ""), before.get("assignee", "")
    # Resubmitted work taken up again by whoever had it before is an assignment, not a hand-over.
    handed = previous and before.get("assignee_id") != after.get("assignee_id")
    label = f"Handed from {previous} to {name}" if handed else f"Assigned to {name}"
    return TimelineEntry(event["at"], event.get("actor", ""), "assigned", label)


def _commented(event: Mapping[str, Any]) -> TimelineEntry:
    after = _after(event)
    return TimelineEntry(
        event["at"],
        event.get("actor", ""),
        "commented",
        f"Commented on {after.get('question_id', '')}",
        str(after.get("text", "")),
    )


def _thread(kind: str, verb: str) -> Callable[[Mapping[str, Any]], TimelineEntry]:
    def entry(event: Mapping[str, Any]) -> TimelineEntry:
        question = _after(event).get("question_id", "")
        return TimelineEntry(event["at"], event.get("actor", ""), kind, f"{verb} the thread on {question}")

    return entry


def _area_decided(event: Mapping[str, Any]) -> TimelineEntry:
    after = _after(event)
    area = after.get("area_name") or after.get("area", "")
    try:
        outcome = Outcome(after.get("outcome", "")).label.lower()
    except ValueError:
        outcome = str(after.get("outcome", ""))
    detail = (
        f"Residual rating: {str(after['residual_rating']).replace('_', ' ')}"
        if after.get("residual_rating")
        else ""
    )
    if after.get("conditions"):
        detail += f"{'; ' if detail else ''}{after['conditions']} condition(s)"
    return TimelineEntry(event["at"], event.get("actor", ""), "area_decided", f"{area}: {outcome}", detail)


def _state_changed(event: Mapping[str, Any]) -> TimelineEntry:
    after = _after(event)
    at, who = event["at"], event.get("actor", "")
    action = after.get("action", "")
    if action == Action.SUBMIT.value:
        number = int(after.get("round") or 1)
        if number > 1:
            return TimelineEntry(at, who, "resubmitted", f"Resubmitted (round {number})")
        return TimelineEntry(at, who, "submitted", f"Submitted (round {number})")
    if action == Action.SEND_BACK.value:
        questions = ", ".join(after.get("questions") or ())
        label = f"Sent back ({questions})" if questions else "Sent back"
        return TimelineEntry(at, who, "sent_back", label, str(after.get("feedback") or ""))
    if action == Action.FINALIZE.value:
        return TimelineEntry(at, who, "finalized", "Finalized")
    if action == Action.REJECT.value:
        return TimelineEntry(at, who, "rejected", "Rejected")
    if action == Action.WITHDRAW.value:
        return TimelineEntry(at, who, "withdrawn", "Withdrawn", str(after.get("reason") or ""))
    # A move recorded before this workflow (the single approve): say where it went.
    try:
        label = STATE_LABELS[State(after.get("state", ""))]
    except ValueError:
        label = str(after.get("state", "Changed"))
    return TimelineEntry(at, who, "state_changed", label, str(after.get("feedback") or ""))


_CLOSING = frozenset({"finalized", "rejected"})

_LABELLERS: dict[str, Callable[[Mapping[str, Any]], TimelineEntry]] = {
    "assessment_created": _created,
    "state_changed": _state_changed,
    "assigned": _assigned,
    "comment_added": _commented,
    "guest_commented": _commented,
    "comment_thread_resolved": _thread("thread_resolved", "Resolved"),
    "comment_thread_reopened": _thread("thread_reopened", "Reopened"),
    "area_decided": _area_decided,
}


def timeline_entry(event: Mapping[str, Any]) -> TimelineEntry | None:
    """The entry for one audit event, or None for those the timeline leaves out (answer saves,
    documents, suggestions: the rounds' diff shows what they changed)."""
    labeller = _LABELLERS.get(event.get("event_type", ""))
    return labeller(event) if labeller is not None else None


async def assessment_timeline(
    *, actor: Actor, assessment_id: str, limit: int = 200, assessment: AssessmentRecord | None = None
) -> list[TimelineEntry]:
    """The assessment's story, oldest first: its latest ``limit`` workflow and comment events.

    One Query of gsi1 ``TIMELINE#<id>`` (only those events are indexed there), newest first
    so the latest are the ones kept: its cost does not grow with the answer saves in the
    audit trail. Both roles see the same timeline: there are no assessor-only notes.
    """
    await _readable(actor, assessment_id, assessment)
    with table_errors_as_domain():
        page = await get_table().query(
            index=GSI1.name,
            partition=keys.timeline_partition(assessment_id),
            forward=False,
            limit=limit,
        )
    entries = [entry for entry in map(timeline_entry, page.items) if entry is not None]
    # A last decision and the finalize it causes share one timestamp: the decision comes first.
    return sorted(reversed(entries), key=lambda e: (e.at, e.kind in _CLOSING))
