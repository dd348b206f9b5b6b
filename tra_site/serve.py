"""``python -m tra_site.serve <uvicorn arguments>``: uvicorn's command line, fit for ``--workers N``.

With ``--workers`` above 1, uvicorn binds the listening socket itself (``Config.bind_socket``)
and leaves its ``proto`` at 0. Accepted connections inherit that, and asyncio only switches
Nagle's algorithm off (``TCP_NODELAY``) for sockets that say ``IPPROTO_TCP``; so every
keep-alive response whose headers and body go out in two writes waits for the client's
delayed ACK: measured here, the assessment page at one client went from 10 ms to 52 ms with
two workers (uvicorn issue #3149, open upstream). This entry point gives the bound socket its
protocol number, so each worker's connections get ``TCP_NODELAY`` as in single-process mode.
"""

from __future__ import annotations

import socket
import sys

import uvicorn
from uvicorn.config import Config
from uvicorn.main import main as uvicorn_main

_bind_socket = Config.bind_socket


def bind_tcp_socket(self: Config) -> socket.socket:
    """uvicorn's socket, re-wrapped with ``proto=IPPROTO_TCP`` when it is a TCP socket."""
    sock = _bind_socket(self)
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto == socket.IPPROTO_TCP:
        return sock
    tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    tcp.set_inheritable(True)  # the worker processes receive it, as they did uvicorn's
    return tcp


def main(argv: list[str] | None = None) -> None:
    Config.bind_socket = bind_tcp_socket  # type: ignore[method-assign]
    uvicorn_main(args=argv if argv is not None else sys.argv[1:], prog_name="tra_site.serve")


__all__ = ["bind_tcp_socket", "main", "uvicorn"]

if __name__ == "__main__":
    main()
