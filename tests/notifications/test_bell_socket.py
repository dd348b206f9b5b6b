"""The bell's socket: only for a signed-in user, only their own pushes, nothing it takes in."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.consumers import CLOSE_UNAUTHENTICATED
from assessments.notifications import NotificationKind, notify
from assessments.notifications.reading import note_mark_read
from tests.channels.test_assessment_consumer import ORIGIN, WebsocketCommunicator

pytestmark = pytest.mark.django_db(transaction=True)  # the consumer reads users from another thread


@pytest.fixture
def sessions(cast: Any) -> dict[str, str]:
    """Each member of the cast signed in once (sessions made here, outside the event loop)."""
    return {
        who: cast.client(who).cookies["sessionid"].value
        for who in ("requestor", "requestor2", "assessor", "admin")
    }


@pytest.fixture
def actors(cast: Any) -> dict[str, Any]:
    """The cast's actors, resolved here: their roles are a database read, not for the event loop."""
    return {who: cast.actor(who) for who in ("requestor", "requestor2", "assessor", "admin")}


def bell(
    sessions: dict[str, str], who: str | None, path: str = "/ws/notifications/"
) -> WebsocketCommunicator:
    from tra_site.asgi import application

    headers = [(b"origin", ORIGIN)]
    if who is not None:
        headers.append((b"cookie", f"sessionid={sessions[who]}".encode()))
    return WebsocketCommunicator(application, path, headers=headers)


async def opened(socket: WebsocketCommunicator) -> dict[str, Any]:
    ok, code = await socket.connect()
    assert ok, code
    return await socket.receive_json_from()


async def test_it_refuses_an_anonymous_socket(sessions: dict[str, str]) -> None:
    socket = bell(sessions, None)

    ok, code = await socket.connect()

    assert not ok and code == CLOSE_UNAUTHENTICATED == 4401
    await socket.disconnect()


async def test_it_pushes_the_new_count_and_note_to_the_recipient_only(
    cast: Any, sessions: dict[str, str], actors: dict[str, Any], assessment: Any
) -> None:
    requestor, other = bell(sessions, "requestor"), bell(sessions, "requestor2")
    assert await opened(requestor) == {"kind": "snapshot", "unread": 0}
    assert await opened(other) == {"kind": "snapshot", "unread": 0}

    await notify(
        kind=NotificationKind.SENT_BACK,
        assessment=assessment,
        actor=actors["assessor"],
        recipient_ids=[cast.requestor.pk],
        text="Please answer Q3 in more detail.",
    )

    pushed = await requestor.receive_json_from()
    assert pushed["kind"] == "note" and pushed["unread"] == 1
    assert pushed["note"]["text"] == "Please answer Q3 in more detail."
    assert pushed["note"]["link"] == f"/assessments/{assessment.id}/"
    assert await other.receive_nothing()

    # Reading it pushes the count down to every open page of that user.
    await note_mark_read(actor=actors["requestor"], note_id=pushed["note"]["id"])
    assert await requestor.receive_json_from() == {"kind": "count", "unread": 0}
    await requestor.disconnect()
    await other.disconnect()


async def test_it_starts_from_the_stored_count(
    cast: Any, sessions: dict[str, str], actors: dict[str, Any], assessment: Any
) -> None:
    for _ in range(2):
        await notify(
            kind=NotificationKind.SUBMITTED,
            assessment=assessment,
            actor=actors["requestor"],
            recipient_ids=None,
            text="Submitted.",
        )
    socket = bell(sessions, "assessor")

    assert await opened(socket) == {"kind": "snapshot", "unread": 2}
    await socket.disconnect()


async def test_it_ignores_what_the_page_sends_and_no_path_reaches_another_users_group(
    cast: Any, sessions: dict[str, str], actors: dict[str, Any], assessment: Any
) -> None:
    """A message naming another user (or a handler) does nothing, JSON or not; a path with a
    user id is not a route (4404); the socket stays open for the user's own pushes."""
    socket = bell(sessions, "requestor2")
    await opened(socket)
    elsewhere = bell(sessions, "requestor2", path=f"/ws/notifications/{cast.requestor.pk}/")
    ok, code = await elsewhere.connect()
    assert not ok and code == 4404

    await socket.send_json_to({"type": "notify.push", "user_id": cast.requestor.pk, "unread": 99})
    await socket.send_input({"type": "websocket.receive", "text": "not json {"})
    await socket.send_input({"type": "websocket.receive", "bytes": b"\x00\x01"})
    assert await socket.receive_nothing()

    await notify(
        kind=NotificationKind.COMMENT,
        assessment=assessment,
        actor=actors["assessor"],
        recipient_ids=[cast.requestor2.pk],
        text="A question for you.",
    )
    assert (await socket.receive_json_from())["unread"] == 1
    await socket.disconnect()
