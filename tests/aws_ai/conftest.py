"""Bedrock through ``AioStubber`` on the real aiobotocore clients, and loop clean-up.

The AWS environment is isolated for the session by ``tests/fixtures/aws.py``; S3 tests use its
``aws`` fixture (moto).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiobotocore.stub import AioStubber

from integrations import clients
from integrations.llm import openai_compat

# Nothing listens here: if a call ever escaped the stubber it would fail, not reach AWS.
STUB_ENDPOINT = "http://127.0.0.1:9"
REGION = "eu-west-2"


@pytest.fixture(autouse=True)
async def _close_loop_clients() -> AsyncIterator[None]:
    # Stubbed tests do not use the ``aws`` fixture, which would otherwise close the clients.
    yield
    await clients.close_loop_clients()
    await openai_compat.close_loop_sessions()


@pytest.fixture
async def stub() -> AsyncIterator[Callable[[str], Awaitable[AioStubber]]]:
    """``await stub("bedrock-runtime")``: the loop's real client for that service, stubbed.

    The code under test reaches the very same client through ``get_client``.
    """
    stubbers: list[AioStubber] = []

    async def make(service: str) -> AioStubber:
        client: Any = await clients.get_client(service, endpoint_url=STUB_ENDPOINT, region=REGION)
        stubber = AioStubber(client)
        stubber.activate()
        stubbers.append(stubber)
        return stubber

    yield make
    for stubber in stubbers:
        stubber.deactivate()
        stubber.assert_no_pending_responses()
