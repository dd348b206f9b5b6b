"""The signed-in user's notifications: list (with the unread count), mark one read, mark all read."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from assessments.api.auth import actor
from assessments.api.errors import ANY, READ_ONE, WRITE, errors
from assessments.notifications.kinds import NotificationKind
from assessments.notifications.reading import note_mark_read, notes_mark_all_read
from assessments.notifications.records import Note
from assessments.notifications.selectors import notes_of_user, unread_count

router = Router(tags=["notifications"])

KindName = Literal[tuple(k.value for k in NotificationKind)]  # type: ignore[valid-type]


class NotificationOut(Schema):
    id: str
    kind: KindName
    assessment_id: str
    assessment_title: str
    text: str
    link: str
    actor: str
    at: str
    read: bool

    @classmethod
    def of(cls, note: Note) -> NotificationOut:
        return cls(
            id=note.id,
            kind=note.kind.value,
            assessment_id=note.assessment_id,
            assessment_title=note.assessment_title,
            text=note.text,
            link=note.link,
            actor=note.actor_name,
            at=note.at,
            read=note.read,
        )


class NotificationListOut(Schema):
    items: list[NotificationOut]
    next_cursor: str | None
    unread: int


class ReadAllOut(Schema):
    marked: int
    unread: int


@router.get(
    "/notifications",
    response={200: NotificationListOut, **errors(ANY)},
    summary="My notifications, newest first, with the unread count",
)
async def list_notifications(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=100),  # noqa: B008 - django-ninja declares parameters this way
) -> dict[str, Any]:
    user_id = actor(request).user_id
    page = await notes_of_user(user_id=user_id, cursor=cursor, limit=limit)
    return {
        "items": [NotificationOut.of(n) for n in page.items],
        "next_cursor": page.next_cursor,
        "unread": await unread_count(user_id=user_id),
    }


@router.post(
    "/notifications/read-all",
    response={200: ReadAllOut, **errors(WRITE - {404, 409, 413})},
    summary="Mark all my notifications read",
)
async def read_all(request: HttpRequest) -> dict[str, Any]:
    who = actor(request)
    marked = await notes_mark_all_read(actor=who)
    return {"marked": marked, "unread": await unread_count(user_id=who.user_id)}


@router.post(
    "/notifications/{note_id}/read",
    response={200: NotificationOut, **errors(READ_ONE | {403})},
    summary="Mark one of my notifications read (again is fine; another user's is a 404)",
)
async def read_one(request: HttpRequest, note_id: str) -> NotificationOut:
    return NotificationOut.of(await note_mark_read(actor=actor(request), note_id=note_id))
