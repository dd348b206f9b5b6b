"""An ``LLM`` on any OpenAI-compatible chat-completions server (Ollama, vLLM, llama.cpp).

Like the aioboto3 clients in ``integrations.clients``, the HTTP session is long-lived: one
``aiohttp.ClientSession`` per event loop, created lazily on first use and closed by
``close_loop_sessions()`` when the loop's unit of work (or the ASGI server) ends.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from integrations.errors import IntegrationError, Throttled, Unavailable
from integrations.instrumentation import record
from integrations.llm.contract import Completion, Message

SERVICE = "openai-compatible"
OPERATION = "ChatCompletions"

_sessions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession] = (
    weakref.WeakKeyDictionary()
)


def get_session() -> aiohttp.ClientSession:
    """The running loop's HTTP session, created on first use."""
    loop = asyncio.get_running_loop()
    session = _sessions.get(loop)
    if session is None or session.closed:
        # Per-request timeouts are passed on each call; the session only pools connections.
        session = aiohttp.ClientSession()
        _sessions[loop] = session
    return session


async def close_loop_sessions() -> None:
    """Close the running loop's HTTP session (call next to ``clients.close_loop_clients``)."""
    session = _sessions.pop(asyncio.get_running_loop(), None)
    if session is not None:
        await session.close()


# --- the response shapes we read, parsed at the edge --------------------------------------


class _ChoiceMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")
    content: str | None = None


class _Choice(BaseModel):
    model_config = ConfigDict(extra="ignore")
    message: _ChoiceMessage = Field(default_factory=_ChoiceMessage)
    finish_reason: str | None = None


class _Usage(BaseModel):
    model_config = ConfigDict(extra="ignore")
    prompt_tokens: int = 0
    completion_tokens: int = 0


class _ChatResponse(BaseModel):
    model_config = ConfigDict(extra="ignore")
    model: str | None = None
    choices: list[_Choice] = Field(min_length=1)
    usage: _Usage | None = None


class _Delta(BaseModel):
    model_config = ConfigDict(extra="ignore")
    content: str | None = None


class _ChunkChoice(BaseModel):
    model_config = ConfigDict(extra="ignore")
    delta: _Delta = Field(default_factory=_Delta)


class _ChatChunk(BaseModel):
    model_config = ConfigDict(extra="ignore")
    choices: list[_ChunkChoice] = Field(default_factory=list)


def parse_sse_line(line: str) -> str | None:
    """The text delta in one server-sent-events line; ``None`` when it carries none.

    The end-of-stream marker ``data: [DONE]`` is reported as ``""`` so the reader stops.
    """
    line = line.strip()
    if not line.startswith("data:"):
        return None  # blank keep-alive lines, comments (": ping"), "event:" fields
    data = line[len("data:") :].strip()
    if data == "[DONE]":
        return ""
    try:
        chunk = _ChatChunk.model_validate_json(data)
    except ValidationError as exc:
        raise IntegrationError(f"{OPERATION}: malformed stream chunk: {data[:200]}") from exc
    return "".join(choice.delta.content or "" for choice in chunk.choices) or None


async def _raise_for_status(response: aiohttp.ClientResponse) -> None:
    if response.status < 400:
        return
    body = (await response.text())[:500]
    message = f"{OPERATION}: HTTP {response.status}: {body}"
    if response.status == 429:
        raise Throttled(message)
    if response.status >= 500:
        raise Unavailable(message)
    raise IntegrationError(message)


class OpenAICompatibleLLM:
    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str = "",
        max_tokens: int = 1024,
        temperature: float = 0.0,
        timeout: float = 120.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.max_tokens = max_tokens
        self.temperature = temperature
        # Generation is slow on local hardware: the total budget is generous, the connect
        # budget is not (a server that is not listening should fail fast).
        self.timeout = aiohttp.ClientTimeout(total=timeout, sock_connect=5.0)

    @classmethod
    def from_settings(cls) -> OpenAICompatibleLLM:
        from django.conf import settings

        return cls(
            base_url=settings.TRA_OPENAI_BASE_URL,
            model=settings.TRA_OPENAI_MODEL,
            api_key=settings.TRA_OPENAI_API_KEY,
            max_tokens=settings.TRA_LLM_MAX_TOKENS,
            temperature=settings.TRA_LLM_TEMPERATURE,
        )

    def _payload(self, system: str, messages: list[Message], *, stream: bool) -> dict[str, Any]:
        chat = [{"role": "system", "content": system}] if system.strip() else []
        chat += [{"role": m.role, "content": m.text} for m in messages]
        return {
            "model": self.model,
            "messages": chat,
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "stream": stream,
        }

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    async def complete(self, *, system: str, messages: list[Message]) -> Completion:
        record(SERVICE, OPERATION)
        try:
            async with get_session().post(
                f"{self.base_url}/chat/completions",
                json=self._payload(system, messages, stream=False),
                headers=self._headers(),
                timeout=self.timeout,
            ) as response:
                await _raise_for_status(response)
                body = await response.read()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise Unavailable(f"{OPERATION}: {type(exc).__name__}: {exc}") from exc
        try:
            parsed = _ChatResponse.model_validate_json(body)
        except ValidationError as exc:
            raise IntegrationError(f"{OPERATION}: malformed response: {body[:200]!r}") from exc
        choice = parsed.choices[0]
        usage = parsed.usage or _Usage()
        return Completion(
            text=choice.message.content or "",
            model=parsed.model or self.model,
            input_tokens=usage.prompt_tokens,
            output_tokens=usage.completion_tokens,
            stop_reason=choice.finish_reason,
        )

    async def stream(self, *, system: str, messages: list[Message]) -> AsyncIterator[str]:
        record(SERVICE, OPERATION)
        try:
            async with get_session().post(
                f"{self.base_url}/chat/completions",
                json=self._payload(system, messages, stream=True),
                headers={**self._headers(), "Accept": "text/event-stream"},
                timeout=self.timeout,
            ) as response:
                await _raise_for_status(response)
                # SSE is line-oriented; aiohttp's reader yields one line per iteration.
                async for raw in response.content:
                    text = parse_sse_line(raw.decode("utf-8"))
                    if text == "":
                        return
                    if text is not None:
                        yield text
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise Unavailable(f"{OPERATION}: {type(exc).__name__}: {exc}") from exc
