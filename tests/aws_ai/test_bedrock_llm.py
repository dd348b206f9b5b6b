from __future__ import annotations

import pytest
from botocore.exceptions import EventStreamError

from integrations.errors import IntegrationError, Throttled, Unavailable
from integrations.instrumentation import recording
from integrations.llm.bedrock import BedrockLLM, text_delta
from integrations.llm.contract import Message

from .bedrock_shapes import StubEventStream, converse_response, stream_events
from .conftest import REGION, STUB_ENDPOINT

MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0"


def make_llm() -> BedrockLLM:
    return BedrockLLM(model=MODEL, region=REGION, endpoint_url=STUB_ENDPOINT, max_tokens=700, temperature=0.0)


async def test_it_completes_through_converse_with_the_system_prompt_and_limits(stub) -> None:
    runtime = await stub("bedrock-runtime")
    runtime.add_response(
        "converse",
        converse_response('{"status": "not_stated"}', input_tokens=900, output_tokens=12),
        expected_params={
            "modelId": MODEL,
            "system": [{"text": "Answer in JSON."}],
            "messages": [{"role": "user", "content": [{"text": "Is data encrypted?"}]}],
            "inferenceConfig": {"maxTokens": 700, "temperature": 0.0},
        },
    )

    with recording() as calls:
        completion = await make_llm().complete(
            system="Answer in JSON.", messages=[Message(role="user", text="Is data encrypted?")]
        )

    assert completion.text == '{"status": "not_stated"}'
    assert (completion.input_tokens, completion.output_tokens) == (900, 12)
    assert completion.stop_reason == "end_turn"
    assert completion.model == MODEL
    assert calls.count("bedrock-runtime", "Converse") == 1


async def test_it_joins_text_blocks_and_skips_other_content(stub) -> None:
    runtime = await stub("bedrock-runtime")
    response = converse_response("ignored")
    response["output"]["message"]["content"] = [
        {"reasoningContent": {"reasoningText": {"text": "thinking..."}}},
        {"text": "Yes, "},
        {"text": "it is."},
    ]
    runtime.add_response("converse", response)

    completion = await make_llm().complete(system="", messages=[Message(role="user", text="q")])

    assert completion.text == "Yes, it is."


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("ThrottlingException", 429, Throttled),
        ("ServiceQuotaExceededException", 400, Throttled),
        ("ModelTimeoutException", 408, Unavailable),
        ("ServiceUnavailableException", 503, Unavailable),
        ("ModelNotReadyException", 429, Unavailable),
        ("InternalServerException", 500, Unavailable),
    ],
)
async def test_it_translates_bedrock_failures(
    stub, code: str, status: int, expected: type[Exception]
) -> None:
    runtime = await stub("bedrock-runtime")
    runtime.add_client_error(
        "converse", service_error_code=code, service_message="nope", http_status_code=status
    )

    with pytest.raises(expected, match=code):
        await make_llm().complete(system="s", messages=[Message(role="user", text="q")])


async def test_it_reports_a_rejected_request_as_an_integration_error_not_an_outage(stub) -> None:
    runtime = await stub("bedrock-runtime")
    runtime.add_client_error(
        "converse", service_error_code="ValidationException", service_message="too long", http_status_code=400
    )

    with pytest.raises(IntegrationError) as raised:
        await make_llm().complete(system="s", messages=[Message(role="user", text="q")])
    assert not isinstance(raised.value, Throttled | Unavailable)


async def test_it_streams_text_deltas_from_converse_stream(stub) -> None:
    runtime = await stub("bedrock-runtime")
    events = StubEventStream(stream_events("The data ", "is encrypted", " at rest."))
    runtime.add_response(
        "converse_stream",
        {"stream": events},
        expected_params={
            "modelId": MODEL,
            "system": [{"text": "sys"}],
            "messages": [{"role": "user", "content": [{"text": "q"}]}],
            "inferenceConfig": {"maxTokens": 700, "temperature": 0.0},
        },
    )

    with recording() as calls:
        deltas = [d async for d in make_llm().stream(system="sys", messages=[Message(role="user", text="q")])]

    assert deltas == ["The data ", "is encrypted", " at rest."]
    assert events.closed
    assert calls.count("bedrock-runtime", "ConverseStream") == 1


async def test_it_closes_the_stream_when_the_reader_stops_early(stub) -> None:
    runtime = await stub("bedrock-runtime")
    events = StubEventStream(stream_events("one", "two", "three"))
    runtime.add_response("converse_stream", {"stream": events})

    stream = make_llm().stream(system="sys", messages=[Message(role="user", text="q")])
    assert await anext(stream) == "one"
    await stream.aclose()

    assert events.closed


async def test_it_translates_an_error_raised_inside_the_stream(stub) -> None:
    runtime = await stub("bedrock-runtime")
    # What botocore raises for an exception event: the code is the event member's name.
    error = EventStreamError(
        {"Error": {"Code": "throttlingException", "Message": "Too many tokens"}}, "ConverseStream"
    )
    runtime.add_response(
        "converse_stream", {"stream": StubEventStream(stream_events("partial"), error=error)}
    )

    received: list[str] = []
    with pytest.raises(Throttled, match="Too many tokens"):
        async for delta in make_llm().stream(system="sys", messages=[Message(role="user", text="q")]):
            received.append(delta)
    assert received == ["partial"]


async def test_it_reports_a_model_stream_error_as_unavailable(stub) -> None:
    runtime = await stub("bedrock-runtime")
    error = EventStreamError(
        {"Error": {"Code": "modelStreamErrorException", "Message": "boom"}}, "ConverseStream"
    )
    runtime.add_response("converse_stream", {"stream": StubEventStream([], error=error)})

    with pytest.raises(Unavailable):
        async for _ in make_llm().stream(system="sys", messages=[Message(role="user", text="q")]):
            pass


def test_it_reads_text_only_from_content_block_deltas() -> None:
    events = stream_events("Hello")
    events.insert(
        1,
        {
            "contentBlockStart": {
                "start": {"toolUse": {"toolUseId": "t1", "name": "x"}},
                "contentBlockIndex": 0,
            }
        },
    )
    events.insert(2, {"contentBlockDelta": {"delta": {"toolUse": {"input": "{}"}}, "contentBlockIndex": 0}})

    assert [text for e in events if (text := text_delta(e)) is not None] == ["Hello"]


async def test_it_uses_an_injected_client(stub) -> None:
    runtime = await stub("bedrock-runtime")
    runtime.add_response("converse", converse_response("injected"))

    async def factory():
        return runtime.client

    llm = BedrockLLM(model=MODEL, endpoint_url="http://unused.invalid", client_factory=factory)
    completion = await llm.complete(system="s", messages=[Message(role="user", text="q")])

    assert completion.text == "injected"


def test_it_reads_its_configuration_from_settings(settings) -> None:
    settings.TRA_BEDROCK_MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0"
    settings.TRA_BEDROCK_REGION = "us-east-1"
    settings.TRA_BEDROCK_ENDPOINT_URL = None
    settings.TRA_LLM_MAX_TOKENS = 2048
    settings.TRA_LLM_TEMPERATURE = 0.2

    llm = BedrockLLM.from_settings()

    assert (llm.model, llm.region, llm.endpoint_url, llm.max_tokens, llm.temperature) == (
        "anthropic.claude-3-haiku-20240307-v1:0",
        "us-east-1",
        None,
        2048,
        0.2,
    )
