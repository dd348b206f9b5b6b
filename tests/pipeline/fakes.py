"""A fake LLM for the suggestion pipeline: valid JSON replies, fixed latency, counted calls.

``FakeLLM`` implements ``integrations.llm.contract.LLM``. It reads the question and the numbered
passages back out of the prompt ``generative.user_prompt`` wrote, and answers following the
reply contract of ``generative``'s system prompt: a Yes/No question is answered "Yes" (or what
``answers`` says) citing the first few words of passage 1 verbatim; any other type is
"not_stated". It sleeps ``latency`` seconds per call, counts calls (in total and per question
id) and records the most calls it had in flight at once, so tests and benchmarks can see both
caching (no calls) and bounded concurrency (never more than N at a time).

Prompts carry the question's text, not its id: ids are found through ``question_ids`` (text to
id), by default the shipped questionnaire's. ``fail`` maps question ids to the exception to
raise for them (Throttled, Unavailable, ...); ``stream`` yields the same reply in small chunks
and, with ``fail_stream_after``, raises ``Unavailable`` after that many chunks.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from integrations.errors import Unavailable
from integrations.llm.contract import Completion, Message

DEFAULT_QUESTIONNAIRE = (
    Path(__file__).resolve().parents[2] / "assessments" / "questionnaires" / "default.yaml"
)
QUOTE_WORDS = 6

_QUESTION = re.compile(r"^Question: (?P<text>.*)$", re.MULTILINE)
_TYPE = re.compile(r"^Response type: (?P<kind>.*)$", re.MULTILINE)
# user_prompt writes each passage as: [n] (where)\n"""\n<text>\n"""
_PASSAGE = re.compile(r'^\[(?P<n>\d+)\] \([^\n]*\)\n"""\n(?P<text>.*?)\n"""$', re.MULTILINE | re.DOTALL)


@cache
def default_question_ids() -> dict[str, str]:
    """Question text to id for the shipped questionnaire (what the tests import)."""
    from assessments.questionnaire.parser import load_questionnaire_yaml

    return question_ids_of(load_questionnaire_yaml(DEFAULT_QUESTIONNAIRE.read_text()).all_questions())


def question_ids_of(questions: Iterable[Any]) -> dict[str, str]:
    return {q.text: q.id for q in questions}


def parse_prompt(prompt: str) -> tuple[str, str, dict[int, str]]:
    """(question text, response type, {passage number: passage text}) from a user prompt."""
    question = _QUESTION.search(prompt)
    kind = _TYPE.search(prompt)
    if question is None or kind is None:
        raise AssertionError(f"not a suggestion prompt: {prompt[:200]!r}")
    passages = {int(m["n"]): m["text"] for m in _PASSAGE.finditer(prompt)}
    return question["text"], kind["kind"], passages


def quote_of(passage: str, words: int = QUOTE_WORDS) -> str:
    """The first few words of a passage: verbatim up to whitespace, which validation allows."""
    return " ".join(passage.split()[:words])


class FakeLLM:
    """An LLM that answers every suggestion prompt correctly, slowly and countably."""

    def __init__(
        self,
        *,
        model: str = "fake-llm-1",
        latency: float = 0.0,
        answers: Mapping[str, str] | None = None,
        fail: Mapping[str, Exception] | None = None,
        question_ids: Mapping[str, str] | None = None,
        chunk_size: int = 8,
        fail_stream_after: int | None = None,
    ) -> None:
        self.model = model
        self.latency = latency
        self.answers = dict(answers or {})  # question id -> "Yes"/"No" for Yes/No questions
        self.fail = dict(fail or {})
        self.question_ids = dict(question_ids) if question_ids is not None else default_question_ids()
        self.chunk_size = chunk_size
        self.fail_stream_after = fail_stream_after
        self.calls = 0  # complete() and stream() calls
        self.stream_calls = 0
        self.calls_by_question: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self.replies: dict[str, str] = {}  # question id -> the last reply given

    # --- the LLM protocol -------------------------------------------------------------------

    async def complete(self, *, system: str, messages: list[Message]) -> Completion:
        question_id, text = self._begin(messages)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.latency)
            if question_id in self.fail:
                raise self.fail[question_id]
            return Completion(text=text, model=self.model, input_tokens=len(system) // 4, output_tokens=40)
        finally:
            self.in_flight -= 1

    async def stream(self, *, system: str, messages: list[Message]) -> AsyncIterator[str]:
        question_id, text = self._begin(messages)
        self.stream_calls += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.latency)
            if question_id in self.fail:
                raise self.fail[question_id]
            for number, start in enumerate(range(0, len(text), self.chunk_size)):
                if self.fail_stream_after is not None and number >= self.fail_stream_after:
                    raise Unavailable("fake LLM: the stream broke off")
                await asyncio.sleep(0)
                yield text[start : start + self.chunk_size]
        finally:
            self.in_flight -= 1

    # --- replies ------------------------------------------------------------------------------

    def reply_for(self, prompt: str) -> tuple[str, str]:
        """(question id, a valid JSON reply) for one user prompt."""
        question_text, kind, passages = parse_prompt(prompt)
        question_id = self.question_ids.get(question_text, question_text)
        if kind == "Yes/No" and passages:
            quote = quote_of(passages[min(passages)])
            body: dict[str, Any] = {
                "status": "suggested",
                "answer": self.answers.get(question_id, "Yes"),
                "evidence": {"subject_match": "exact", "modality": "done", "value_quote": None},
                "conflict": False,
                "confidence": "high",
                "score": 0.9,
                "citations": [{"passage": min(passages), "quote": quote}],
                "rationale": "Passage 1 of the project documents says so.",
            }
        else:
            body = {
                "status": "not_stated",
                "answer": None,
                "evidence": None,
                "conflict": False,
                "confidence": "low",
                "score": 0.0,
                "citations": [],
                "rationale": "The passages do not say.",
            }
        return question_id, json.dumps(body)

    def _begin(self, messages: list[Message]) -> tuple[str, str]:
        # The first message is always the question's prompt (a corrective retry appends more).
        question_id, text = self.reply_for(messages[0].text)
        self.calls += 1
        self.calls_by_question[question_id] += 1
        self.replies[question_id] = text
        return question_id, text
