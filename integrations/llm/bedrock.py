"""The production LLM: Claude on Amazon Bedrock through Converse and ConverseStream."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from integrations.clients import get_client
from integrations.errors import Conflict, Unavailable, translate_aws_errors
from integrations.instrumentation import record
from integrations.llm.contract import Completion, Message

SERVICE = "bedrock-runtime"

ClientFactory = Callable[[], Awaitable[Any]]

# Errors that mean "the model could not answer now", whatever their HTTP status (ModelTimeout
# is a 408, ModelNotReady a 429, ModelError a 424): the caller marks the suggestion
# unavailable and may try again later, so they must not surface as a generic error.
_UNAVAILABLE_CODES = {
    "ModelTimeoutException",
    "ModelNotReadyException",
    "ModelErrorException",
    "ModelStreamErrorException",
    "InternalServerException",
    "ServiceUnavailableException",
    # Knowledge Base retrieval: the vector store or a model behind it failed.
    "DependencyFailedException",
    "BadGatewayException",
}


@contextlib.contextmanager
def translate_bedrock_errors(operation: str) -> Iterator[None]:
    """``translate_aws_errors`` plus Bedrock's own codes (model failures, stream errors).

    Shared by the LLM and the Knowledge Base classes, which talk to the Bedrock services.
    """
    from botocore.exceptions import ClientError

    with translate_aws_errors(operation):
        try:
            yield
        except ClientError as exc:
            error = exc.response.get("Error", {})
            code = str(error.get("Code", ""))
            # Errors inside an event stream carry the member name ("throttlingException"),
            # not the error shape name; normalise so one vocabulary applies to both.
            code = code[:1].upper() + code[1:]
            message = f"{operation}: {code}: {error.get('Message', '')}"
            if code in _UNAVAILABLE_CODES:
                raise Unavailable(message) from exc
            if code == "ConflictException":
                # e.g. StartIngestionJob while another job of the data source still runs.
                raise Conflict(message) from exc
            if code != error.get("Code"):
                response = {**exc.response, "Error": {**error, "Code": code}}
                raise ClientError(response, operation) from exc  # type: ignore[arg-type]
            raise


# --- the response shapes we read, parsed at the edge --------------------------------------


class _Block(BaseModel):
    model_config = ConfigDict(extra="ignore")
    text: str | None = None


class _OutputMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")
    role: str = "assistant"
    content: list[_Block] = Field(default_factory=list)


class _Output(BaseModel):
    model_config = ConfigDict(extra="ignore")
    message: _OutputMessage | None = None


class _Usage(BaseModel):
    model_config = ConfigDict(extra="ignore")
    inputTokens: int = 0  # noqa: N815 - AWS field name
    outputTokens: int = 0  # noqa: N815


class _ConverseResponse(BaseModel):
    model_config = ConfigDict(extra="ignore")
    output: _Output
    stopReason: str | None = None  # noqa: N815
    usage: _Usage = Field(default_factory=_Usage)


def parse_converse_response(response: dict[str, Any], *, model: str) -> Completion:
    parsed = _ConverseResponse.model_validate(response)
    blocks = parsed.output.message.content if parsed.output.message else []
    # Claude may add non-text blocks (e.g. reasoning); only text is the answer.
    text = "".join(block.text for block in blocks if block.text)
    return Completion(
        text=text,
        model=model,
        input_tokens=parsed.usage.inputTokens,
        output_tokens=parsed.usage.outputTokens,
        stop_reason=parsed.stopReason,
    )


def text_delta(event: dict[str, Any]) -> str | None:
    """The text carried by one ConverseStream event, if any.

    Events are one-key dicts: ``messageStart``, ``contentBlockStart``, ``contentBlockDelta``
    (``{"delta": {"text": ...}, "contentBlockIndex": n}``), ``contentBlockStop``,
    ``messageStop`` and ``metadata``. Tool-use and reasoning deltas are not answer text.
    """
    delta = event.get("contentBlockDelta")
    if not isinstance(delta, dict):
        return None
    text = (delta.get("delta") or {}).get("text")
    return text if isinstance(text, str) and text else None


class BedrockLLM:
    """``LLM`` on Bedrock Runtime. The client is the loop's long-lived one unless injected."""

    def __init__(
        self,
        *,
        model: str,
        region: str | None = None,
        endpoint_url: str | None = None,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        client_factory: ClientFactory | None = None,
    ) -> None:
        self.model = model
        self.region = region
        self.endpoint_url = endpoint_url
        self.max_tokens = max_tokens
        self.temperature = temperature
        self._client_factory = client_factory

    @classmethod
    def from_settings(cls) -> BedrockLLM:
        from django.conf import settings

        return cls(
            model=settings.TRA_BEDROCK_MODEL_ID,
            region=settings.TRA_BEDROCK_REGION,
            endpoint_url=settings.TRA_BEDROCK_ENDPOINT_URL,
            max_tokens=settings.TRA_LLM_MAX_TOKENS,
            temperature=settings.TRA_LLM_TEMPERATURE,
        )

    async def _client(self) -> Any:
        if self._client_factory is not None:
            return await self._client_factory()
        return await get_client(SERVICE, endpoint_url=self.endpoint_url, region=self.region)

    def _request(self, system: str, messages: list[Message]) -> dict[str, Any]:
        request: dict[str, Any] = {
            "modelId": self.model,
            "messages": [{"role": m.role, "content": [{"text": m.text}]} for m in messages],
            "inferenceConfig": {"maxTokens": self.max_tokens, "temperature": self.temperature},
        }
        # Bedrock rejects an empty system text block, so an empty prompt is simply left out.
        if system.strip():
            request["system"] = [{"text": system}]
        return request

    async def complete(self, *, system: str, messages: list[Message]) -> Completion:
        client = await self._client()
        record(SERVICE, "Converse")
        with translate_bedrock_errors("Converse"):
            # Reference: Converse (Amazon Bedrock Runtime API Reference)
            response = await client.converse(**self._request(system, messages))
        return parse_converse_response(response, model=self.model)

    async def stream(self, *, system: str, messages: list[Message]) -> AsyncIterator[str]:
        client = await self._client()
        record(SERVICE, "ConverseStream")
        with translate_bedrock_errors("ConverseStream"):
            # Reference: ConverseStream (Amazon Bedrock Runtime API Reference)
            response = await client.converse_stream(**self._request(system, messages))
            events = response["stream"]
            try:
                async for event in events:
                    text = text_delta(event)
                    if text is not None:
                        yield text
            finally:
                # A consumer that stops early must not leave the HTTP connection half-read.
                events.close()
