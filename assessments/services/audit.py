"""Audit events: built as transaction operations so they commit with the change they record."""

from __future__ import annotations

import uuid
from typing import Any

from assessments.domain.records import Actor, EventRecord, now_iso
from integrations.table.contract import Condition, Put


def event_put(
    *,
    assessment_id: str,
    event_type: str,
    actor: Actor,
    before: Any = None,
    after: Any = None,
    at: str | None = None,
) -> Put:
    event = EventRecord(
        assessment_id=assessment_id,
        event_type=event_type,
        actor=actor.username,
        actor_id=actor.user_id,
        at=at or now_iso(),
        event_id=uuid.uuid4().hex,
        before=before,
        after=after,
    )
    return Put(event.to_item(), Condition.absent())
