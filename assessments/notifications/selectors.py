"""Reads of a user's notifications: each one Query or one GetItem of their own partition."""

from __future__ import annotations

from dataclasses import dataclass

from assessments.notifications.records import NOTE_PREFIX, UNREAD_ATTR, UNREAD_SK, Note, notify_pk
from assessments.selectors.assessments import decode_cursor, encode_cursor
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.contract import SortKey


@dataclass(frozen=True)
class NotePage:
    items: list[Note]
    next_cursor: str | None


async def unread_count(*, user_id: int) -> int:
    """The bell: one GetItem. Never below 0 (mark-read conditions on the note being unread)."""
    with table_errors_as_domain():
        item = await get_table().get(notify_pk(user_id), UNREAD_SK)
    return max(0, int(item.get(UNREAD_ATTR, 0))) if item else 0


async def notes_of_user(*, user_id: int, cursor: str | None = None, limit: int = 20) -> NotePage:
    """The user's notes, newest first, one page (one Query)."""
    scope = f"notes:{user_id}"
    with table_errors_as_domain():
        page = await get_table().query(
            partition=notify_pk(user_id),
            sort=SortKey.begins_with(NOTE_PREFIX),
            forward=False,
            limit=limit,
            start_key=decode_cursor(cursor, scope=scope),
        )
    return NotePage(
        items=[Note.from_item(i) for i in page.items], next_cursor=encode_cursor(page.last_key, scope=scope)
    )
