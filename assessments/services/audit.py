"""Audit events: built as transaction operations so they commit with the change they record."""

from __future__ import annotations

import uuid
from typing import Any

from assessments.domain import keys
from assessments.domain.records import Actor, now_iso
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
    ts = at or now_iso()
    item = {
        "pk": keys.events_pk(assessment_id),
        "sk": keys.event_sk(ts, uuid.uuid4().hex),
        "entity_type": keys.ENTITY_EVENT,
        "assessment_id": assessment_id,  # gsi3-assessment-events
        "event_type": event_type,
        "actor": actor.username,
        "actor_id": actor.user_id,
        "at": ts,
        "before": before,
        "after": after,
    }
    return Put(item, Condition.absent())
