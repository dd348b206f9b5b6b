"""One user's notifications in the TRA table: keys and the typed note (pure).

Items (one partition per user, so listing and counting never touch anyone else's):

- note: pk ``NOTIFY#<user_id>``, sk ``NOTE#<ts>#<uuid>`` (ts compact UTC, so newest first is a
  Query with forward=False). While unread it also sits in gsi1 under ``NOTIFY#<user_id>#unread``
  (sk = its own sk), so "mark all read" Queries exactly the unread ones; reading it moves it to
  ``NOTIFY#<user_id>#read``.
- unread counter: pk ``NOTIFY#<user_id>``, sk ``UNREAD``, attribute ``unread`` kept with
  ``Update.add`` in the same transaction as each note (+1) and each mark-read (-1).
- reminder marker: pk ``NOTIFY#reminders``, sk ``<kind>#<assessment_id>#<due_on>``, written
  with ``Condition.absent`` so a reminder goes out at most once per kind per due date.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from assessments.notifications.kinds import NotificationKind

NOTIFY_PREFIX = "NOTIFY#"
NOTE_PREFIX = "NOTE#"
UNREAD_SK = "UNREAD"
UNREAD_ATTR = "unread"
REMINDERS_PK = "NOTIFY#reminders"
STATE_UNREAD = "unread"
STATE_READ = "read"

# A note's public id: "<ts>-<uuid>" for sk "NOTE#<ts>#<uuid>" (no "#" in URLs).
_NOTE_ID = re.compile(r"^(\d{8}T\d{12}Z)-([0-9a-f]{32})$")


def notify_pk(user_id: int) -> str:
    return f"{NOTIFY_PREFIX}{user_id}"


def unread_partition(user_id: int, state: str = STATE_UNREAD) -> str:
    """gsi1 partition of a user's notes in one state."""
    return f"{NOTIFY_PREFIX}{user_id}#{state}"


def note_sk(note_id: str) -> str | None:
    """The sort key of a public note id, or None when it is not one (so: not found)."""
    match = _NOTE_ID.match(note_id)
    return f"{NOTE_PREFIX}{match[1]}#{match[2]}" if match else None


def reminder_sk(kind: NotificationKind, assessment_id: str, due_on: str) -> str:
    return f"{kind.value}#{assessment_id}#{due_on}"


def new_note_id(now: datetime | None = None) -> str:
    at = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{at}-{uuid.uuid4().hex}"


@dataclass(frozen=True)
class Note:
    id: str
    kind: NotificationKind
    assessment_id: str
    assessment_title: str
    text: str
    link: str  # a path: the recipient's page of the assessment
    actor_name: str
    at: str
    read: bool = False

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Note:
        _, ts, hex_id = item["sk"].split("#", 2)
        return cls(
            id=f"{ts}-{hex_id}",
            kind=NotificationKind(item["kind"]),
            assessment_id=item["assessment_id"],
            assessment_title=item.get("assessment_title", ""),
            text=item.get("text", ""),
            link=item.get("link", ""),
            actor_name=item.get("actor_name", ""),
            at=item["at"],
            read=item.get("state") == STATE_READ,
        )

    def to_item(self, user_id: int) -> dict[str, Any]:
        sk = note_sk(self.id)
        if sk is None:
            raise ValueError(f"not a note id: {self.id!r}")
        state = STATE_READ if self.read else STATE_UNREAD
        return {
            "pk": notify_pk(user_id),
            "sk": sk,
            "kind": self.kind.value,
            "assessment_id": self.assessment_id,
            "assessment_title": self.assessment_title,
            "text": self.text,
            "link": self.link,
            "actor_name": self.actor_name,
            "at": self.at,
            "state": state,
            "gsi1_pk": unread_partition(user_id, state),
            "gsi1_sk": sk,
        }
