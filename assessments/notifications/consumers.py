"""The bell's websocket: ``ws/notifications/`` pushes the signed-in user's unread count and new notes.

It joins only the group of the user the session belongs to (nothing in the path or a message
can name another user's), starts with a snapshot of the count, and only pushes: whatever the
page sends is dropped unread, without being parsed (changes go through HTTP with CSRF).
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from assessments.consumers import CLOSE_UNAUTHENTICATED
from assessments.errors import DomainError
from assessments.notifications import push
from assessments.notifications.selectors import unread_count


@database_sync_to_async
def _user_id(user: Any) -> int | None:
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return None
    return int(user.pk)


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    group: str | None = None

    async def connect(self) -> None:
        user_id = await _user_id(self.scope.get("user"))
        if user_id is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group = push.group_name(user_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        try:
            count: int | None = await unread_count(user_id=user_id)
        except DomainError:
            count = None  # the store is not answering: the bell shows no number until a push
        await self.send_json({"kind": "snapshot", "unread": count})

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any
    ) -> None:
        # Push only: a message from the page is ignored without being decoded (no JSON error,
        # no handler it could reach), and the socket stays open for the next push.
        return

    async def notify_push(self, event: dict[str, Any]) -> None:
        await self.send_json(
            {
                "kind": "note" if "note" in event else "count",
                **{k: v for k, v in event.items() if k != "type"},
            }
        )
