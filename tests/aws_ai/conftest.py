"""Bedrock through ``AioStubber`` on the real aiobotocore clients, and loop clean-up."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest
from aiobotocore.stub import AioStubber

from integrations import clients
from integrations.llm import openai_compat

# Until tests/fixtures/aws.py provides them: the same moto fixtures as tests/storage.
from tests.storage.conftest import aws, moto_server  # noqa: F401

# Nothing listens here: if a call ever escaped the stubber it would fail, not reach AWS.
STUB_ENDPOINT = "http://127.0.0.1:9"
REGION = "eu-west-2"


@pytest.fixture(autouse=True)
def _isolated_aws_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    clients.reset_session()
    yield
    clients.reset_session()


@pytest.fixture(autouse=True)
async def _close_loop_clients() -> AsyncIterator[None]:
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
