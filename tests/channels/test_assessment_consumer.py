"""The assessment's live socket: who may open it, what it starts with, what reaches whom."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from unittest import mock

import pytest
from asgiref.testing import ApplicationCommunicator

from assessments.consumers import CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED
from assessments.domain.documents import DocumentStatus
from assessments.services import live
from tests.pipeline.helpers import upload
from tests.web.helpers import create_assessment

pytestmark = pytest.mark.django_db(transaction=True)  # the consumer reads users from another thread

NOTE = b"Customer records are encrypted at rest with AES-256.\n"
ORIGIN = b"http://testserver"  # tests run with ALLOWED_HOSTS holding "testserver"


class WebsocketCommunicator(ApplicationCommunicator):
    """channels.testing's WebsocketCommunicator, whose package needs daphne (not installed here)."""

    def __init__(self, application: Any, path: str, headers: list[tuple[bytes, bytes]]) -> None:
        scope = {
            "type": "websocket",
            "path": path,
            "query_string": b"",
            "headers": headers,
            "subprotocols": [],
        }
        super().__init__(application, scope)

    async def send_input(self, message: dict[str, Any]) -> None:
        # As channels' communicator: the test's database connection must stay open.
        with mock.patch("channels.db.close_old_connections", lambda: None):
            return await super().send_input(message)

    async def receive_output(self, timeout: float = 1) -> dict[str, Any]:
        with mock.patch("channels.db.close_old_connections", lambda: None):
            return await super().receive_output(timeout)

    async def connect(self, timeout: float = 1) -> tuple[bool, Any]:
        """(True, subprotocol) when accepted, (False, close code) when refused."""
        await self.send_input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        if response["type"] == "websocket.close":
            return False, response.get("code", 1000)
        assert response["type"] == "websocket.accept", response
        return True, response.get("subprotocol")

    async def send_json_to(self, data: Any) -> None:
        await self.send_input({"type": "websocket.receive", "text": json.dumps(data)})

    async def receive_json_from(self, timeout: float = 1) -> Any:
        response = await self.receive_output(timeout)
        assert response["type"] == "websocket.send" and "text" in response, response
        return json.loads(response["text"])

    async def disconnect(self, code: int = 1000, timeout: float = 1) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)


def path_of(assessment_id: str) -> str:
    return f"/ws/assessments/{assessment_id}/"


@pytest.fixture
def cast(cast: Any) -> Any:
    """The cast, each signed in once (sessions are made here, outside the event loop)."""
    cast.sessions = {
        who: cast.client(who).cookies["sessionid"].value
        for who in ("requestor", "requestor2", "assessor", "admin")
    }
    return cast


def communicator(
    cast: Any, who: str | None, assessment_id: str, origin: bytes = ORIGIN
) -> WebsocketCommunicator:
    from tra_site.asgi import application

    headers = [(b"origin", origin)]
    if who is not None:
        headers.append((b"cookie", f"sessionid={cast.sessions[who]}".encode()))
    return WebsocketCommunicator(application, path_of(assessment_id), headers=headers)


@asynccontextmanager
async def connected(socket: WebsocketCommunicator) -> AsyncIterator[dict[str, Any]]:
    """An open socket; yields its first message (the snapshot)."""
    ok, code = await socket.connect()
    assert ok, code
    try:
        yield await socket.receive_json_from()
    finally:
        await socket.disconnect()


@pytest.fixture
def with_document(cast: Any, pipeline: Any) -> tuple[str, str]:
    """An assessment of "requestor" with one uploaded document (waiting to be processed)."""
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("controls.txt", NOTE))
    assert outcome.document is not None
    return assessment_id, outcome.document.id


@pytest.fixture
def other_id(cast: Any, pipeline: Any) -> str:
    """Another assessment of the same requestor."""
    return create_assessment(cast)


async def test_it_refuses_an_anonymous_socket(cast: Any, with_document: tuple[str, str]) -> None:
    assessment_id, _ = with_document
    socket = communicator(cast, None, assessment_id)

    ok, code = await socket.connect()

    assert not ok and code == CLOSE_UNAUTHENTICATED == 4401
    await socket.disconnect()


async def test_it_refuses_another_requestors_assessment_as_not_found(
    cast: Any, with_document: tuple[str, str]
) -> None:
    assessment_id, _ = with_document
    socket = communicator(cast, "requestor2", assessment_id)

    ok, code = await socket.connect()

    assert not ok and code == CLOSE_NOT_FOUND == 4404
    await socket.disconnect()


async def test_it_refuses_an_unknown_assessment_as_not_found(cast: Any, pipeline: Any) -> None:
    socket = communicator(cast, "requestor", "TRA-2026-000000")

    ok, code = await socket.connect()

    assert not ok and code == CLOSE_NOT_FOUND
    await socket.disconnect()


async def test_it_refuses_a_socket_from_a_foreign_origin(cast: Any, with_document: tuple[str, str]) -> None:
    assessment_id, _ = with_document
    socket = communicator(cast, "requestor", assessment_id, origin=b"https://evil.example")

    ok, _code = await socket.connect()

    assert not ok
    await socket.disconnect()


@pytest.mark.parametrize("who", ["requestor", "assessor", "admin"])
async def test_it_opens_with_a_snapshot_of_the_documents(
    cast: Any, with_document: tuple[str, str], who: str
) -> None:
    assessment_id, document_id = with_document

    async with connected(communicator(cast, who, assessment_id)) as snapshot:
        assert snapshot == {
            "kind": "snapshot",
            "documents": [
                {
                    "document_id": document_id,
                    "status": "uploaded",
                    "label": DocumentStatus.UPLOADED.label,
                    "percent": DocumentStatus.UPLOADED.percent,
                    "error": "",
                }
            ],
        }


async def test_it_delivers_published_events_to_that_assessments_sockets_only(
    cast: Any, with_document: tuple[str, str], other_id: str
) -> None:
    assessment_id, document_id = with_document

    owner = communicator(cast, "requestor", assessment_id)
    assessor = communicator(cast, "assessor", assessment_id)
    elsewhere = communicator(cast, "requestor", other_id)
    async with connected(owner), connected(assessor), connected(elsewhere) as other_snapshot:
        assert other_snapshot == {"kind": "snapshot", "documents": []}

        await live.publish(
            assessment_id,
            "document.status",
            document_id=document_id,
            status="indexing",
            label=DocumentStatus.INDEXING.label,
            percent=DocumentStatus.INDEXING.percent,
            error="",
        )

        expected = {
            "kind": "document.status",
            "document_id": document_id,
            "status": "indexing",
            "label": DocumentStatus.INDEXING.label,
            "percent": DocumentStatus.INDEXING.percent,
            "error": "",
        }
        assert await owner.receive_json_from() == expected
        assert await assessor.receive_json_from() == expected
        assert await elsewhere.receive_nothing()


async def test_it_ignores_what_the_page_sends(cast: Any, with_document: tuple[str, str]) -> None:
    assessment_id, _ = with_document
    socket = communicator(cast, "requestor", assessment_id)

    async with connected(socket):
        await socket.send_json_to({"kind": "document.remove", "document_id": "anything"})
        assert await socket.receive_nothing()


async def test_it_leaves_the_group_when_the_socket_closes(cast: Any, with_document: tuple[str, str]) -> None:
    from channels.layers import get_channel_layer

    assessment_id, _ = with_document
    group = get_channel_layer().groups  # the in-memory layer of the ``pipeline`` fixture
    first = communicator(cast, "requestor", assessment_id)
    second = communicator(cast, "requestor", assessment_id)

    async with connected(second):
        async with connected(first):
            assert len(group[live.group_name(assessment_id)]) == 2
        assert len(group[live.group_name(assessment_id)]) == 1
        await live.publish(assessment_id, "documents.changed")
        assert await second.receive_json_from() == {"kind": "documents.changed"}
    assert not group.get(live.group_name(assessment_id))
