"""Live updates of one assessment over a websocket: document progress and new suggestions.

A page joins its assessment's group; the task worker publishes into it (services/live.py).
Access is checked as for the assessment page: another user's assessment is not found.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer, AsyncWebsocketConsumer

from assessments.domain.records import Actor
from assessments.domain.roles import roles_of
from assessments.errors import DomainError
from assessments.selectors.assessments import assessment_for_actor
from assessments.services import live

CLOSE_UNAUTHENTICATED = 4401
CLOSE_NOT_FOUND = 4404
CLOSE_UNAVAILABLE = 4503


@database_sync_to_async
def _actor(user: Any) -> Actor | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Actor(user_id=user.pk, username=user.get_username(), roles=roles_of(user))


class AssessmentConsumer(AsyncJsonWebsocketConsumer):
    group: str | None = None

    async def connect(self) -> None:
        actor = await _actor(self.scope.get("user"))
        if actor is None:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        assessment_id = self.scope["url_route"]["kwargs"]["assessment_id"]
        try:
            collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        except DomainError as exc:
            await self.close(code=CLOSE_NOT_FOUND if exc.status == 404 else CLOSE_UNAVAILABLE)
            return
        self.group = live.group_name(assessment_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        # Whatever happened before the socket opened: the page starts from the stored truth.
        await self.send_json(
            {
                "kind": "snapshot",
                "documents": [live.document_status(d) for d in collection.documents],
            }
        )

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        # The socket only pushes; anything the page wants to change goes through HTTP + CSRF.
        return

    async def assessment_event(self, event: dict[str, Any]) -> None:
        await self.send_json({k: v for k, v in event.items() if k != "type"})


class NoSuchSocket(AsyncWebsocketConsumer):
    """Every websocket path no route serves: refused as not found, not a server error.

    It never joins the channel layer (``groups`` is empty) and never accepts, so nothing is held
    open for a client that knocks on arbitrary paths."""

    groups: list[str] = []

    async def connect(self) -> None:
        await self.close(code=CLOSE_NOT_FOUND)
