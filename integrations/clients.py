"""Long-lived aioboto3 clients: one per (service, endpoint) per event loop.

A client is created lazily on first use in a loop and reused for every later call in that
loop. The ASGI server's loop is marked long-lived at lifespan start-up and its clients are
closed at lifespan shutdown. Short-lived loops (``async_to_sync`` in management commands,
tasks and the test client) close their clients when their unit of work ends, see
``integrations.runtime.run_sync``.
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from typing import Any

import aioboto3
from botocore.config import Config
from django.conf import settings

_clients: weakref.WeakKeyDictionary[
    asyncio.AbstractEventLoop, dict[tuple[str, str | None], tuple[Any, contextlib.AsyncExitStack]]
] = weakref.WeakKeyDictionary()
_long_lived: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()
_session: aioboto3.Session | None = None


def _boto_config() -> Config:
    return Config(
        region_name=settings.AWS_REGION,
        connect_timeout=settings.TRA_AWS_CONNECT_TIMEOUT,
        read_timeout=settings.TRA_AWS_READ_TIMEOUT,
        retries={"max_attempts": settings.TRA_AWS_MAX_ATTEMPTS, "mode": settings.TRA_AWS_RETRY_MODE},
    )


def _get_session() -> aioboto3.Session:
    global _session
    if _session is None:
        _session = aioboto3.Session()
    return _session


async def get_client(service: str, *, endpoint_url: str | None = None, region: str | None = None) -> Any:
    """The loop's client for ``service``, created on first use."""
    loop = asyncio.get_running_loop()
    per_loop = _clients.setdefault(loop, {})
    key = (service, endpoint_url)
    if key not in per_loop:
        stack = contextlib.AsyncExitStack()
        config = _boto_config()
        if region:
            config = config.merge(Config(region_name=region))
        client = await stack.enter_async_context(
            _get_session().client(service, endpoint_url=endpoint_url, config=config)
        )
        # Another coroutine may have created one while we awaited; keep the first.
        if key in per_loop:
            await stack.aclose()
        else:
            per_loop[key] = (client, stack)
    return per_loop[key][0]


def mark_long_lived() -> None:
    _long_lived.add(asyncio.get_running_loop())


def is_long_lived() -> bool:
    return asyncio.get_running_loop() in _long_lived


async def close_loop_clients() -> None:
    loop = asyncio.get_running_loop()
    per_loop = _clients.pop(loop, {})
    for _client, stack in per_loop.values():
        await stack.aclose()


def reset_session() -> None:
    """Forget the shared session (tests change AWS environment variables between runs)."""
    global _session
    _session = None
