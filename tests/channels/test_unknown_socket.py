"""A websocket to a path no route serves is closed as not found, never a server error."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.consumers import CLOSE_NOT_FOUND
from tests.channels.test_assessment_consumer import ORIGIN, WebsocketCommunicator

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    "path",
    ["/ws/nothing/", "/", "/ws/assessments/", "/ws/assessments/TRA-1/extra/", "/api/assessments", "/ws/%00"],
)
async def test_it_closes_a_socket_to_an_unknown_path_with_4404(path: str) -> None:
    from tra_site.asgi import application

    socket = WebsocketCommunicator(application, path, headers=[(b"origin", ORIGIN)])

    ok, code = await socket.connect()

    assert not ok and code == CLOSE_NOT_FOUND == 4404
    await socket.disconnect()


async def test_it_still_refuses_a_foreign_origin_before_routing(cast: Any) -> None:
    from tra_site.asgi import application

    socket = WebsocketCommunicator(
        application, "/ws/nothing/", headers=[(b"origin", b"https://evil.example")]
    )

    ok, code = await socket.connect()

    assert not ok and code != CLOSE_NOT_FOUND
    await socket.disconnect()
