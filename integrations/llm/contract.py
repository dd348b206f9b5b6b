"""The LLM interface: Bedrock Converse / ConverseStream, or an OpenAI-compatible server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Literal, Protocol


@dataclass(frozen=True)
class Message:
    role: Literal["user", "assistant"]
    text: str


@dataclass(frozen=True)
class Completion:
    text: str
    model: str
    input_tokens: int = 0
    output_tokens: int = 0
    stop_reason: str | None = None


@dataclass(frozen=True)
class LLMSettings:
    model: str
    max_tokens: int = 1024
    temperature: float = 0.0
    extra: dict[str, str] = field(default_factory=dict)


class LLM(Protocol):
    model: str

    async def complete(self, *, system: str, messages: list[Message]) -> Completion: ...

    def stream(self, *, system: str, messages: list[Message]) -> AsyncIterator[str]:
        """Yield text deltas as they arrive."""
