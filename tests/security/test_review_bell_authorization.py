"""The bell's socket in the review's authorization matrix: every role on ``ws/notifications/``
(anonymous refused, each signed-in user their own count) and each review event's push reaching
the bells of its recipients only, with the link each recipient should open."""

from __future__ import annotations

from typing import Any

import pytest

from tests.security.review_scenes import QUESTION, build
from tests.security.test_review_authorization import ROLES

SIGNED_IN = ("requestor", "requestor2", "assessor", "admin")


@pytest.fixture
def sockets(cast: Any, settings: Any) -> Any:
    """An assessment under review, each member of the cast signed in once and their actor
    (sessions, roles: database reads, made here outside the event loop)."""
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    scene = build(cast, "under_review")
    sessions = {who: cast.client(who).cookies["sessionid"].value for who in SIGNED_IN}
    actors = {who: cast.actor(who) for who in SIGNED_IN}
    return scene, sessions, actors


def _bell(sessions: dict[str, str], who: str | None) -> Any:
    from tests.channels.test_assessment_consumer import ORIGIN, WebsocketCommunicator
    from tra_site.asgi import application

    headers = [(b"origin", ORIGIN)]
    if who is not None:
        headers.append((b"cookie", f"sessionid={sessions[who]}".encode()))
    return WebsocketCommunicator(application, "/ws/notifications/", headers=headers)


@pytest.mark.django_db(transaction=True)  # the consumer reads the user from another thread
@pytest.mark.parametrize("role", ROLES)
async def test_the_bell_socket_is_each_signed_in_users_own(sockets: Any, role: str) -> None:
    _scene, sessions, _actors = sockets
    socket = _bell(sessions, None if role == "anonymous" else role)
    ok, detail = await socket.connect()
    if role == "anonymous":
        assert (ok, detail) == (False, 4401)
        return
    assert ok, detail
    # The "submitted" note every reviewer got; nothing for the requestors.
    unread = 1 if role in ("assessor", "admin") else 0
    assert await socket.receive_json_from() == {"kind": "snapshot", "unread": unread}
    await socket.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_each_review_event_reaches_the_bells_of_its_recipients_only(cast: Any, sockets: Any) -> None:
    from assessments.services.review import assessment_send_back, assessment_submit, comment_add

    scene, sessions, actors = sockets
    bells = {who: _bell(sessions, who) for who in SIGNED_IN}
    for socket in bells.values():
        assert (await socket.connect())[0]
        await socket.receive_json_from()  # the snapshot
    review_link, own_link = f"/admin/review/{scene.assessment_id}/", f"/assessments/{scene.assessment_id}/"
    base = {"assessment_id": scene.assessment_id, "question_id": QUESTION}

    async def heard(expected: dict[str, str]) -> None:
        """Each expected bell gets one note (with its link); every other bell hears nothing."""
        for who, socket in bells.items():
            if who in expected:
                pushed = await socket.receive_json_from()
                assert pushed["kind"] == "note" and pushed["note"]["link"] == expected[who], (who, pushed)
            assert await socket.receive_nothing(), who

    await comment_add(actor=actors["assessor"], text="Which legal entity signs?", **base)
    await heard({"requestor": own_link})
    await comment_add(actor=actors["requestor"], text="Acme Helpdesk Ltd.", **base)
    await heard({"assessor": review_link})  # the assignee
    await assessment_send_back(
        actor=actors["assessor"],
        assessment_id=scene.assessment_id,
        feedback="Name it.",
        question_ids=[QUESTION],
    )
    await heard({"requestor": own_link})
    await assessment_submit(actor=actors["requestor"], assessment_id=scene.assessment_id)
    await heard({"assessor": review_link, "admin": review_link})  # every reviewer; privacy has no bell open
    for socket in bells.values():
        await socket.disconnect()
