"""One botocore config per service, one client per (service, endpoint, region) per loop.

Bedrock Runtime must wait long enough for a whole model answer while DynamoDB gives up on a
hung connection quickly; the last two tests prove it against a local server that answers
after a delay, so the configured timeouts are the ones the HTTP layer really applies.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from integrations import clients
from integrations.errors import IntegrationError
from integrations.llm.bedrock import BedrockLLM
from integrations.llm.contract import Message
from integrations.table.dynamodb import DynamoTableStore

from .bedrock_shapes import converse_response
from .conftest import REGION, STUB_ENDPOINT


async def test_bedrock_runtime_reads_long_enough_for_a_full_answer_with_standard_retries(settings) -> None:
    settings.TRA_BEDROCK_READ_TIMEOUT = 75.0
    settings.TRA_BEDROCK_MAX_ATTEMPTS = 3
    settings.TRA_AWS_READ_TIMEOUT = 4.0

    client = await BedrockLLM(model="m", region=REGION, endpoint_url=STUB_ENDPOINT)._client()

    assert client.meta.config.read_timeout == 75.0
    assert client.meta.config.retries == {"total_max_attempts": 3, "mode": "standard"}
    assert client.meta.config.connect_timeout == settings.TRA_AWS_CONNECT_TIMEOUT


def test_the_bedrock_read_timeout_defaults_to_ninety_seconds() -> None:
    from tra_site import settings as project_settings

    assert project_settings.TRA_BEDROCK_READ_TIMEOUT == 90.0


@pytest.mark.parametrize("service", ["dynamodb", "s3", "bedrock-agent", "bedrock-agent-runtime"])
async def test_the_data_services_keep_the_short_aws_timeouts(service: str, settings) -> None:
    settings.TRA_AWS_READ_TIMEOUT = 4.0
    settings.TRA_AWS_MAX_ATTEMPTS = 2
    settings.TRA_AWS_RETRY_MODE = "adaptive"
    settings.TRA_BEDROCK_READ_TIMEOUT = 90.0

    client = await clients.get_client(service, endpoint_url=STUB_ENDPOINT, region=REGION)

    assert client.meta.config.read_timeout == 4.0
    assert client.meta.config.retries == {"total_max_attempts": 2, "mode": "adaptive"}


async def test_two_regions_or_two_endpoints_get_two_clients_and_the_same_ones_get_one() -> None:
    london = await clients.get_client("bedrock-runtime", endpoint_url=None, region="eu-west-2")
    frankfurt = await clients.get_client("bedrock-runtime", endpoint_url=None, region="eu-central-1")
    elsewhere = await clients.get_client("bedrock-runtime", endpoint_url=STUB_ENDPOINT, region="eu-west-2")

    assert len({id(london), id(frankfurt), id(elsewhere)}) == 3
    assert (london.meta.region_name, frankfurt.meta.region_name) == ("eu-west-2", "eu-central-1")
    assert await clients.get_client("bedrock-runtime", endpoint_url=None, region="eu-west-2") is london


async def test_no_region_means_the_configured_aws_region(settings) -> None:
    implicit = await clients.get_client("dynamodb", endpoint_url=STUB_ENDPOINT)
    explicit = await clients.get_client("dynamodb", endpoint_url=STUB_ENDPOINT, region=settings.AWS_REGION)

    assert implicit is explicit and implicit.meta.region_name == settings.AWS_REGION


# --- the timeouts as the HTTP layer applies them ------------------------------------------------

DELAY = 0.6  # the local server's answer time: past DynamoDB's timeout, within Bedrock's


@pytest.fixture
async def slow_server() -> AsyncIterator[str]:
    async def answer_late(request: web.Request) -> web.Response:
        await request.read()
        await asyncio.sleep(DELAY)
        body = converse_response("All customer data is encrypted at rest.")
        return web.Response(text=json.dumps(body), content_type="application/json")

    app = web.Application()
    app.router.add_route("POST", "/{tail:.*}", answer_late)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


@pytest.fixture
def timeouts(settings: Any) -> None:
    settings.TRA_AWS_READ_TIMEOUT = 0.2
    settings.TRA_AWS_MAX_ATTEMPTS = 1
    settings.TRA_BEDROCK_READ_TIMEOUT = 5.0
    settings.TRA_BEDROCK_MAX_ATTEMPTS = 1


async def test_a_slow_model_answer_is_waited_for(slow_server: str, timeouts: None) -> None:
    llm = BedrockLLM(model="anthropic.claude-test", region=REGION, endpoint_url=slow_server)

    started = time.monotonic()
    completion = await llm.complete(system="s", messages=[Message("user", "Is data encrypted?")])

    assert completion.text == "All customer data is encrypted at rest."
    assert time.monotonic() - started >= DELAY


async def test_a_slow_table_times_out_quickly_as_an_integration_error(
    slow_server: str, timeouts: None
) -> None:
    table = DynamoTableStore("tra-test", endpoint_url=slow_server, region=REGION)

    started = time.monotonic()
    with pytest.raises(IntegrationError):
        await table.get("ASSESSMENT#x", "META")

    assert time.monotonic() - started < DELAY
