"""Streaming a regenerated suggestion (on-demand regeneration in AWS mode).

The streamed text is only a preview for the reader; the suggestion that is stored and shown
at the end goes through the same validation (and single retry) as ``suggest_with_llm`` in
``generative``, so streaming never weakens what is accepted.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from pydantic_core import from_json

from assessments.suggestions.generative import PROMPT_VERSION, no_passages, settle, system_prompt, user_prompt
from assessments.suggestions.types import QuestionForSuggestion, Suggestion
from integrations.kb.contract import Passage
from integrations.llm.contract import LLM, Message


def preview_text(partial_reply: str) -> str:
    """What a reader should see of a reply still being written: the answer, then the rationale.

    Partial JSON is parsed leniently (an unterminated last string counts as far as it goes),
    so the preview grows with the stream instead of showing raw JSON.
    """
    body = partial_reply.lstrip()
    if body.startswith("```"):
        body = body.split("\n", 1)[1] if "\n" in body else ""
    if not body.startswith("{"):
        return ""
    try:
        data = from_json(body, allow_partial="trailing-strings")
    except ValueError:
        return ""
    if not isinstance(data, dict):
        return ""
    parts: list[str] = []
    answer = data.get("answer")
    if isinstance(answer, list):
        answer = ", ".join(str(item) for item in answer)
    if isinstance(answer, str | int | float) and not isinstance(answer, bool) and str(answer):
        parts.append(str(answer))
    rationale = data.get("rationale")
    if isinstance(rationale, str) and rationale:
        parts.append(rationale)
    return "\n\n".join(parts)


class SuggestionStream:
    """Async iterator of preview text; ``suggestion`` holds the validated result at the end.

    The deltas are only a preview: the suggestion to store and show is ``suggestion``, which
    went through the same checks (and single retry) as ``suggest_with_llm``.
    """

    def __init__(
        self, llm: LLM, question: QuestionForSuggestion, passages: list[Passage], prompt_version: str
    ) -> None:
        self._llm = llm
        self._question = question
        self._passages = passages
        self._system = system_prompt(prompt_version)
        self._result: Suggestion | None = None
        self._deltas = self._run()

    def __aiter__(self) -> SuggestionStream:
        return self

    async def __anext__(self) -> str:
        return await self._deltas.__anext__()

    async def aclose(self) -> None:
        await self._deltas.aclose()

    @property
    def suggestion(self) -> Suggestion:
        if self._result is None:
            raise RuntimeError("the stream has not finished")
        return self._result

    async def _run(self) -> AsyncIterator[str]:
        if not self._passages:
            self._result = no_passages(self._question)
            return
        messages = [Message(role="user", text=user_prompt(self._question, self._passages))]
        reply = ""
        shown = ""
        previewing = True
        async for delta in self._llm.stream(system=self._system, messages=messages):
            reply += delta
            if not previewing:
                continue
            preview = preview_text(reply)
            if preview.startswith(shown):
                if len(preview) > len(shown):
                    yield preview[len(shown) :]
                    shown = preview
            else:
                # Keys out of the asked order would rewrite text already shown; stop the
                # preview rather than show something that is then contradicted.
                previewing = False
        self._result = await settle(self._llm, self._system, messages, reply, self._question, self._passages)


def stream_suggestion_text(
    llm: LLM,
    question: QuestionForSuggestion,
    passages: list[Passage],
    *,
    prompt_version: str = PROMPT_VERSION,
) -> SuggestionStream:
    """Stream a regenerated suggestion: ``async for text in stream``, then ``stream.suggestion``."""
    return SuggestionStream(llm, question, passages, prompt_version)
