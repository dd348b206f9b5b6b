"""Run one async unit of work from sync code: management commands, tasks and tests.

Request paths never use it: views, API operations and the review screens are async and await
the services on the server's loop.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from asgiref.sync import async_to_sync

from integrations import clients

P = ParamSpec("P")
T = TypeVar("T")


async def close_loop_resources() -> None:
    """Close every long-lived client this loop holds: aioboto3 clients and aiohttp sessions."""
    from integrations.llm import openai_compat

    await clients.close_loop_clients()
    await openai_compat.close_loop_sessions()


async def _scoped(fn: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs) -> T:
    try:
        return await fn(*args, **kwargs)
    finally:
        # Under the ASGI server this runs on its long-lived loop: keep the clients.
        # Anywhere else the loop ends with this call, so its clients end with it.
        if not clients.is_long_lived():
            await close_loop_resources()


def run_sync(fn: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs) -> T:
    return async_to_sync(_scoped)(fn, *args, **kwargs)
