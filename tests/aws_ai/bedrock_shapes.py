"""Real Bedrock response shapes (Converse, ConverseStream events) for the stubbed tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any


def converse_response(
    text: str, *, stop_reason: str = "end_turn", input_tokens: int = 812, output_tokens: int = 64
) -> dict[str, Any]:
    return {
        "output": {"message": {"role": "assistant", "content": [{"text": text}]}},
        "stopReason": stop_reason,
        "usage": {
            "inputTokens": input_tokens,
            "outputTokens": output_tokens,
            "totalTokens": input_tokens + output_tokens,
        },
        "metrics": {"latencyMs": 1432},
    }


def stream_events(*deltas: str) -> list[dict[str, Any]]:
    """The events ConverseStream sends for a text reply, in order."""
    return [
        {"messageStart": {"role": "assistant"}},
        *({"contentBlockDelta": {"delta": {"text": d}, "contentBlockIndex": 0}} for d in deltas),
        {"contentBlockStop": {"contentBlockIndex": 0}},
        {"messageStop": {"stopReason": "end_turn"}},
        {
            "metadata": {
                "usage": {"inputTokens": 812, "outputTokens": 64, "totalTokens": 876},
                "metrics": {"latencyMs": 1432},
            }
        },
    ]


class StubEventStream(dict):
    """Stands in for aiobotocore's ``AioEventStream`` in a stubbed ConverseStream response.

    ``AioStubber`` can only return a parsed response, and it validates that response against
    the operation's output shape, where ``stream`` is a structure: so this is a (valid, empty)
    dict that also iterates like the real event stream and records ``close()``.
    """

    def __init__(self, events: list[dict[str, Any]], *, error: Exception | None = None) -> None:
        super().__init__()
        self.events = events
        self.error = error
        self.closed = False

    async def _generate(self) -> AsyncIterator[dict[str, Any]]:
        for event in self.events:
            yield event
        if self.error is not None:
            raise self.error

    def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        return self._generate()

    def close(self) -> None:
        self.closed = True
