"""The suggestion engines: which one answers a question, and one question's suggestion record.

Two engines stand behind one interface: the local extractive engine
(``assessments/suggestions/extractive.py``, no LLM: local mode) and the generative one
(``assessments/suggestions/generative.py``: Bedrock or an OpenAI-compatible model). A suggestion
is cached under (question id, question text, document-set fingerprint, model, prompt version):
``SuggestionEngine.cache_key`` names it. An LLM or knowledge-base failure yields an
"unavailable" record for that question only. Pre-computation for a whole assessment is in
``suggestions_precompute.py``; the requestor's actions on one suggestion in
``suggestion_actions.py``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from assessments.domain.documents import (
    CitationRecord,
    DocumentRecord,
    DocumentStatus,
    SuggestionRecord,
    suggestion_cache_key,
)
from assessments.domain.records import now_iso
from assessments.questionnaire.model import Question, Questionnaire
from assessments.suggestions.extractive import PASSAGES_PER_QUESTION, retrieval_query, suggest_extractive
from assessments.suggestions.generative import PROMPT_VERSION, suggest_with_llm
from assessments.suggestions.types import QuestionForSuggestion, Suggestion
from integrations.errors import IntegrationError, Throttled
from integrations.kb import KnowledgeBase, Passage, get_knowledge_base
from integrations.llm import LLM, get_llm

log = logging.getLogger(__name__)

EXTRACTIVE_MODEL = "local-extractive"
# Part of every local suggestion's cache key: bump it when the engine's reading changes, so
# suggestions drawn by an older engine are recomputed rather than kept.
EXTRACTIVE_VERSION = "extractive-9"


@dataclass(frozen=True)
class SuggestionEngine:
    """Which suggester answers, and the names that go into the cache key."""

    llm: LLM | None
    kb: KnowledgeBase
    model: str
    prompt_version: str
    # The documents whose passages may ground an answer: the ready ones (None: any). The
    # knowledge base can return others: still being indexed, failed after their chunks were
    # written, or removed but not yet dropped by a Bedrock ingestion job.
    documents: frozenset[str] | None = None

    def grounded_in(self, documents: Iterable[DocumentRecord]) -> SuggestionEngine:
        ready = frozenset(d.id for d in documents if d.status is DocumentStatus.READY)
        return dataclasses.replace(self, documents=ready)

    @classmethod
    def configured(cls) -> SuggestionEngine:
        llm = get_llm()
        if llm is None:
            return cls(None, get_knowledge_base(), EXTRACTIVE_MODEL, EXTRACTIVE_VERSION)
        return cls(llm, get_knowledge_base(), llm.model, PROMPT_VERSION)

    def cache_key(self, question: Question, fingerprint: str) -> str:
        # The answer's form is part of the question: new options must not reuse an old answer.
        asked = "\n".join([question.text, question.response_type.value, *question.options])
        return suggestion_cache_key(
            question_id=question.id,
            question_text=asked,
            fingerprint=fingerprint,
            model=self.model,
            prompt_version=self.prompt_version,
        )

    async def passages(self, assessment_id: str, question: QuestionForSuggestion) -> list[Passage]:
        """The best passages for ``question`` from the documents that may ground an answer."""
        # Passages of documents not ready are dropped after the search, so ask for more than
        # needed then: they must not take the places of ready documents' passages.
        limit = PASSAGES_PER_QUESTION if self.documents is None else 2 * PASSAGES_PER_QUESTION
        found = await self.kb.retrieve(
            assessment_id=assessment_id, query=retrieval_query(question), limit=limit
        )
        if self.documents is not None:
            found = [p for p in found if p.document_id in self.documents]
        return found[:PASSAGES_PER_QUESTION]

    async def suggest(self, assessment_id: str, question: QuestionForSuggestion) -> Suggestion:
        passages = await self.passages(assessment_id, question)
        if self.llm is None:
            return suggest_extractive(question, passages)
        return await suggest_with_llm(self.llm, question, passages, prompt_version=self.prompt_version)


def question_for_suggestion(question: Question, questionnaire: Questionnaire) -> QuestionForSuggestion:
    """What an engine needs of a question, with the risk areas it switches on (a qualifying
    question), so a suggestion that would switch one off can say so."""
    gates = tuple(
        (condition.answer, area.name)
        for area in questionnaire.areas
        for condition in questionnaire.activators(area.key)
        if condition.question_id == question.id
    )
    return QuestionForSuggestion(
        id=question.id,
        text=question.text,
        response_type=question.response_type.spelling,
        options=tuple(question.options),
        gates=gates,
    )


def suggestion_record(
    suggestion: Suggestion,
    *,
    suggestion_engine: SuggestionEngine,
    cache_key: str,
    fingerprint: str,
    error: str = "",
) -> SuggestionRecord:
    return SuggestionRecord(
        question_id=suggestion.question_id,
        status=suggestion.status,
        answer=suggestion.answer,
        confidence=suggestion.confidence,
        score=suggestion.score,
        rationale=suggestion.rationale,
        citations=tuple(
            CitationRecord(c.document_id, c.document_name, c.passage, c.page, c.section)
            for c in suggestion.citations
        ),
        cache_key=cache_key,
        fingerprint=fingerprint,
        model=suggestion_engine.model,
        prompt_version=suggestion_engine.prompt_version,
        removes_areas=suggestion.removes_areas,
        generated_at=now_iso(),
        error=error,
    )


def suggestion_unavailable_record(
    question: Question,
    exc: IntegrationError,
    *,
    suggestion_engine: SuggestionEngine,
    cache_key: str,
    fingerprint: str,
) -> SuggestionRecord:
    what = "busy (requests are being throttled)" if isinstance(exc, Throttled) else "not answering"
    return suggestion_record(
        Suggestion(question.id, "unavailable", None, "low", 0.0, f"The AI service is {what}."),
        suggestion_engine=suggestion_engine,
        cache_key=cache_key,
        fingerprint=fingerprint,
        error=f"The AI service is {what}; you can answer this yourself or retry.",
    )


async def suggestion_compute(
    suggestion_engine: SuggestionEngine,
    assessment_id: str,
    question: Question,
    fingerprint: str,
    *,
    questionnaire: Questionnaire,
) -> SuggestionRecord:
    cache_key = suggestion_engine.cache_key(question, fingerprint)
    try:
        suggestion = await suggestion_engine.suggest(
            assessment_id, question_for_suggestion(question, questionnaire)
        )
    except IntegrationError as exc:
        log.warning("suggestion for %s/%s unavailable: %s", assessment_id, question.id, exc)
        return suggestion_unavailable_record(
            question, exc, suggestion_engine=suggestion_engine, cache_key=cache_key, fingerprint=fingerprint
        )
    return suggestion_record(
        suggestion, suggestion_engine=suggestion_engine, cache_key=cache_key, fingerprint=fingerprint
    )
