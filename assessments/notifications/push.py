"""The bell's live updates: a Channels group per user (the consumer joins its own user's only)."""

from __future__ import annotations

import logging
from typing import Any

from channels.layers import get_channel_layer

from assessments.notifications.records import Note

log = logging.getLogger(__name__)

EVENT_TYPE = "notify.push"  # handled by NotificationConsumer.notify_push


def group_name(user_id: int) -> str:
    return f"notify.user.{user_id}"


def note_payload(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "kind": note.kind.value,
        "assessment_id": note.assessment_id,
        "title": note.assessment_title,
        "text": note.text,
        "link": note.link,
        "actor": note.actor_name,
        "at": note.at,
        "read": note.read,
    }


async def push(user_id: int, *, unread: int, note: Note | None = None) -> None:
    """Tell the user's open pages the new unread count (and the note that raised it)."""
    layer = get_channel_layer()
    if layer is None:
        return
    message: dict[str, Any] = {"type": EVENT_TYPE, "unread": unread}
    if note is not None:
        message["note"] = note_payload(note)
    try:
        await layer.group_send(group_name(user_id), message)
    except Exception:  # noqa: BLE001 - any layer failure (Redis down, file locked), as live.publish
        # Advisory only: the note and the count are stored; the next page load shows them.
        log.warning("could not push a notification to user %s", user_id, exc_info=True)
