from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from integrations.errors import IntegrationError, Throttled, Unavailable
from integrations.instrumentation import recording
from integrations.llm import get_llm
from integrations.llm.bedrock import BedrockLLM
from integrations.llm.contract import Message
from integrations.llm.openai_compat import (
    OpenAICompatibleLLM,
    close_loop_sessions,
    get_session,
    parse_sse_line,
)


class FakeChatServer:
    """A loopback server speaking the chat-completions protocol, scripted per test."""

    def __init__(self) -> None:
        self.status = 200
        self.reply = "Yes."
        self.stream_lines: list[str] = []
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(await request.json())
        self.headers.append(dict(request.headers))
        if self.status != 200:
            return web.json_response({"error": {"message": "busy"}}, status=self.status)
        if self.requests[-1].get("stream"):
            response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
            await response.prepare(request)
            for line in self.stream_lines:
                await response.write(line.encode() + b"\n")
            await response.write_eof()
            return response
        return web.json_response(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "model": "llama3.1:8b",
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": self.reply},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 120, "completion_tokens": 9, "total_tokens": 129},
            }
        )


def sse(content: str) -> str:
    chunk = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
    }
    return f"data: {json.dumps(chunk)}\n"


@pytest.fixture
async def chat() -> AsyncIterator[tuple[FakeChatServer, str]]:
    fake = FakeChatServer()
    app = web.Application()
    app.router.add_post("/v1/chat/completions", fake.handle)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    yield fake, str(server.make_url("/v1"))
    await server.close()


def make_llm(base_url: str, api_key: str = "") -> OpenAICompatibleLLM:
    return OpenAICompatibleLLM(
        base_url=base_url, model="llama3.1", api_key=api_key, max_tokens=300, temperature=0.0
    )


async def test_it_completes_a_chat(chat) -> None:
    fake, base_url = chat
    with recording() as calls:
        completion = await make_llm(base_url, api_key="sk-local").complete(
            system="Answer briefly.", messages=[Message(role="user", text="Is data encrypted?")]
        )

    assert completion.text == "Yes."
    assert (completion.input_tokens, completion.output_tokens, completion.stop_reason) == (120, 9, "stop")
    assert fake.requests[0] == {
        "model": "llama3.1",
        "messages": [
            {"role": "system", "content": "Answer briefly."},
            {"role": "user", "content": "Is data encrypted?"},
        ],
        "max_tokens": 300,
        "temperature": 0.0,
        "stream": False,
    }
    assert fake.headers[0]["Authorization"] == "Bearer sk-local"
    assert calls.count("openai-compatible") == 1


async def test_it_streams_server_sent_events_until_done(chat) -> None:
    fake, base_url = chat
    fake.stream_lines = [
        ": keep-alive",
        "",
        sse("The data "),
        sse(""),
        sse("is encrypted."),
        "data: [DONE]",
        sse("late"),
    ]

    deltas = [
        d async for d in make_llm(base_url).stream(system="s", messages=[Message(role="user", text="q")])
    ]

    assert deltas == ["The data ", "is encrypted."]
    assert fake.requests[0]["stream"] is True
    assert "Authorization" not in fake.headers[0]


@pytest.mark.parametrize(("status", "expected"), [(429, Throttled), (500, Unavailable), (503, Unavailable)])
async def test_it_translates_server_errors(chat, status: int, expected: type[Exception]) -> None:
    fake, base_url = chat
    fake.status = status

    with pytest.raises(expected, match=str(status)):
        await make_llm(base_url).complete(system="s", messages=[Message(role="user", text="q")])
    with pytest.raises(expected):
        async for _ in make_llm(base_url).stream(system="s", messages=[Message(role="user", text="q")]):
            pass


async def test_it_reports_a_bad_request_as_an_integration_error(chat) -> None:
    fake, base_url = chat
    fake.status = 400

    with pytest.raises(IntegrationError) as raised:
        await make_llm(base_url).complete(system="s", messages=[Message(role="user", text="q")])
    assert not isinstance(raised.value, Throttled | Unavailable)


async def test_it_reports_a_server_that_is_not_listening_as_unavailable() -> None:
    with pytest.raises(Unavailable):
        await make_llm("http://127.0.0.1:9/v1").complete(
            system="s", messages=[Message(role="user", text="q")]
        )


async def test_it_reuses_one_session_per_loop_until_closed(chat) -> None:
    _, base_url = chat
    llm = make_llm(base_url)
    await llm.complete(system="s", messages=[Message(role="user", text="q")])
    first = get_session()
    await llm.complete(system="s", messages=[Message(role="user", text="q")])

    assert get_session() is first
    await close_loop_sessions()
    assert first.closed
    assert get_session() is not first


def test_it_ignores_lines_without_data_and_stops_at_done() -> None:
    assert parse_sse_line(": ping") is None
    assert parse_sse_line("event: message") is None
    assert parse_sse_line("data: [DONE]") == ""
    assert parse_sse_line(sse("hi")) == "hi"


def test_it_refuses_a_malformed_stream_chunk() -> None:
    with pytest.raises(IntegrationError):
        parse_sse_line("data: {not json")


@pytest.mark.parametrize(
    ("provider", "expected"),
    [("bedrock", BedrockLLM), ("openai", OpenAICompatibleLLM), ("local", type(None))],
)
def test_it_picks_the_llm_provider_from_settings(settings, provider: str, expected: type) -> None:
    settings.TRA_LLM_PROVIDER = provider

    assert isinstance(get_llm(), expected)
