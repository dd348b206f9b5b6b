"""Long-lived aioboto3 clients: one per (service, endpoint, region) per event loop.

A client is created lazily on first use in a loop and reused for every later call in that
loop. The ASGI server's loop is marked long-lived at lifespan start-up and its clients are
closed at lifespan shutdown. Short-lived loops (``async_to_sync`` in management commands,
tasks and the test client) close their clients when their unit of work ends, see
``integrations.runtime.run_sync``.

Each service gets its own botocore ``Config`` (``service_config``): DynamoDB, S3 and the
knowledge-base APIs answer in milliseconds, so a short read timeout turns a hung connection
into a retry quickly (``TRA_AWS_*``); Bedrock Runtime streams a whole model answer, which
takes tens of seconds, so it reads for ``TRA_BEDROCK_READ_TIMEOUT`` with standard retries
(adaptive mode's client-side rate limiter would only add waits on top of Bedrock's quota).
"""

from __future__ import annotations

import asyncio
import contextlib
import weakref
from typing import Any

import aioboto3
from botocore.config import Config
from django.conf import settings

ClientKey = tuple[str, str | None, str | None]  # (service, endpoint URL, region)

_clients: weakref.WeakKeyDictionary[
    asyncio.AbstractEventLoop, dict[ClientKey, tuple[Any, contextlib.AsyncExitStack]]
] = weakref.WeakKeyDictionary()
_long_lived: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()
_session: aioboto3.Session | None = None

# Services whose calls carry a model's whole answer (Converse, ConverseStream).
MODEL_SERVICES = frozenset({"bedrock-runtime"})


def service_config(service: str, *, region: str | None = None) -> Config:
    """The botocore config of ``service``'s clients (timeouts and retries), in ``region``.

    The ``*_MAX_ATTEMPTS`` settings count every attempt, the first included (botocore's
    ``total_max_attempts``; its ``max_attempts`` would count retries only, one more call).
    """
    if service in MODEL_SERVICES:
        read_timeout = settings.TRA_BEDROCK_READ_TIMEOUT
        retries = {"total_max_attempts": settings.TRA_BEDROCK_MAX_ATTEMPTS, "mode": "standard"}
    else:
        read_timeout = settings.TRA_AWS_READ_TIMEOUT
        retries = {"total_max_attempts": settings.TRA_AWS_MAX_ATTEMPTS, "mode": settings.TRA_AWS_RETRY_MODE}
    return Config(
        region_name=region or settings.AWS_REGION,
        connect_timeout=settings.TRA_AWS_CONNECT_TIMEOUT,
        read_timeout=read_timeout,
        retries=retries,  # type: ignore[arg-type]
    )


def _get_session() -> aioboto3.Session:
    global _session
    if _session is None:
        _session = aioboto3.Session()
    return _session


async def get_client(service: str, *, endpoint_url: str | None = None, region: str | None = None) -> Any:
    """The loop's client for ``service`` at ``endpoint_url`` in ``region``, created on first use.

    Two regions (the table in one, Bedrock in another) or two endpoints are two clients: a
    client is bound to both, so sharing one across them would call the wrong place.
    """
    loop = asyncio.get_running_loop()
    per_loop = _clients.setdefault(loop, {})
    key: ClientKey = (service, endpoint_url, region or settings.AWS_REGION)
    if key not in per_loop:
        stack = contextlib.AsyncExitStack()
        client = await stack.enter_async_context(
            _get_session().client(
                service, endpoint_url=endpoint_url, config=service_config(service, region=key[2])
            )
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
