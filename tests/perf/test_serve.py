"""``python -m tra_site.serve``: uvicorn's pre-bound socket (``--workers N``) keeps TCP_NODELAY.

Without it every keep-alive response after the first waits ~40 ms for the client's delayed
ACK (uvicorn issue #3149): the page at one client went from 10 ms to 52 ms with two workers.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.config import Config

from tra_site.serve import bind_tcp_socket


async def _accepted_nodelay(listener: socket.socket) -> int:
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
    try:
        _reader, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        value = await asyncio.wait_for(accepted, 5)
        writer.close()
        return value
    finally:
        server.close()
        await server.wait_closed()


def test_it_binds_a_tcp_socket_whose_connections_get_nodelay():
    listener = bind_tcp_socket(Config(app="tra_site.asgi:application", host="127.0.0.1", port=0))

    assert listener.proto == socket.IPPROTO_TCP
    assert listener.get_inheritable()  # the worker processes receive it
    assert asyncio.run(_accepted_nodelay(listener)) == 1


def test_uvicorns_own_socket_is_the_reason():
    # If this starts failing, uvicorn fixed #3149 and tra_site.serve can go.
    listener = Config(app="tra_site.asgi:application", host="127.0.0.1", port=0).bind_socket()

    assert listener.proto == 0
    assert asyncio.run(_accepted_nodelay(listener)) == 0
