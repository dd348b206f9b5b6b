"""AI-suggested answers: pre-computed for every applicable question, then accepted, edited or dismissed.

A suggestion is cached under (question id, question text, document-set fingerprint, model,
prompt version): while none of those change, asking again reads the stored answer and makes no
LLM call. Work on many questions runs with bounded concurrency (``TRA_SUGGESTION_CONCURRENCY``)
so a 30-question area costs about the slowest few calls, not the sum of them, without flooding
Bedrock's quota. An LLM or knowledge-base failure yields an "unavailable" suggestion for that
question only, which the next run (or the requestor's Retry) computes again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from asgiref.sync import sync_to_async
from django.conf import settings

from assessments.domain import keys
from assessments.domain.documents import CitationRecord, SuggestionRecord, suggestion_cache_key
from assessments.domain.records import Actor, AssessmentCollection, now_iso
from assessments.questionnaire import engine
from assessments.questionnaire.model import Question, Questionnaire
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import questionnaire_get
from assessments.services import live
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from assessments.suggestions.extractive import PASSAGES_PER_QUESTION, retrieval_query, suggest_extractive
from assessments.suggestions.generative import PROMPT_VERSION, suggest_with_llm
from assessments.suggestions.types import QuestionForSuggestion, Suggestion
from integrations.errors import IntegrationError, Throttled
from integrations.kb import KnowledgeBase, Passage, get_knowledge_base
from integrations.llm import LLM, get_llm
from integrations.table import get_table

log = logging.getLogger(__name__)

EXTRACTIVE_MODEL = "local-extractive"
EXTRACTIVE_VERSION = "extractive-1"
_FLUSH_EVERY = 10
SYSTEM = Actor(user_id=0, username="system", roles=frozenset())


@dataclass(frozen=True)
class Engine:
    """Which suggester answers, and the names that go into the cache key."""

    llm: LLM | None
    kb: KnowledgeBase
    model: str
    prompt_version: str

    @classmethod
    def configured(cls) -> Engine:
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
        return await self.kb.retrieve(
            assessment_id=assessment_id, query=retrieval_query(question), limit=PASSAGES_PER_QUESTION
        )

    async def suggest(self, assessment_id: str, question: QuestionForSuggestion) -> Suggestion:
        passages = await self.passages(assessment_id, question)
        if self.llm is None:
            return suggest_extractive(question, passages)
        return await suggest_with_llm(self.llm, question, passages, prompt_version=self.prompt_version)


@dataclass(frozen=True)
class PrecomputeReport:
    computed: int  # questions answered afresh (each costs retrieval and, in AWS mode, LLM calls)
    reused: int  # questions whose cached suggestion still holds
    unavailable: int


def for_suggestion(question: Question) -> QuestionForSuggestion:
    return QuestionForSuggestion(
        id=question.id,
        text=question.text,
        response_type=question.response_type.spelling,
        options=tuple(question.options),
    )


def suggestion_record(
    suggestion: Suggestion, *, engine_: Engine, cache_key: str, fingerprint: str, error: str = ""
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
        model=engine_.model,
        prompt_version=engine_.prompt_version,
        generated_at=now_iso(),
        error=error,
    )


def unavailable_record(
    question: Question, exc: IntegrationError, *, engine_: Engine, cache_key: str, fingerprint: str
) -> SuggestionRecord:
    what = "busy (requests are being throttled)" if isinstance(exc, Throttled) else "not answering"
    return suggestion_record(
        Suggestion(question.id, "unavailable", None, "low", 0.0, f"The AI service is {what}."),
        engine_=engine_,
        cache_key=cache_key,
        fingerprint=fingerprint,
        error=f"The AI service is {what}; you can answer this yourself or retry.",
    )


async def compute(
    engine_: Engine, assessment_id: str, question: Question, fingerprint: str
) -> SuggestionRecord:
    cache_key = engine_.cache_key(question, fingerprint)
    try:
        suggestion = await engine_.suggest(assessment_id, for_suggestion(question))
    except IntegrationError as exc:
        log.warning("suggestion for %s/%s unavailable: %s", assessment_id, question.id, exc)
        return unavailable_record(
            question, exc, engine_=engine_, cache_key=cache_key, fingerprint=fingerprint
        )
    return suggestion_record(suggestion, engine_=engine_, cache_key=cache_key, fingerprint=fingerprint)


def stale_questions(
    collection: AssessmentCollection, questionnaire: Questionnaire, engine_: Engine
) -> tuple[list[Question], int]:
    """Applicable questions whose stored suggestion does not match the current cache key."""
    fingerprint = collection.fingerprint()
    applicable = engine.applicable_questions(questionnaire, collection.answer_values())
    stale: list[Question] = []
    for question in applicable:
        existing = collection.suggestions.get(question.id)
        # An outage (error set) is worth asking again; a reply that failed validation twice
        # is the engine's settled "no suggestion" for this evidence and stays cached.
        fresh = (
            existing is not None
            and existing.cache_key == engine_.cache_key(question, fingerprint)
            and not (existing.status == "unavailable" and existing.error)
        )
        if not fresh:
            stale.append(question)
    return stale, len(applicable) - len(stale)


async def suggestions_precompute(
    *, assessment_id: str, engine_: Engine | None = None, concurrency: int | None = None
) -> PrecomputeReport:
    """Bring the suggestions of every applicable question up to date with the ready documents."""
    engine_ = engine_ or Engine.configured()
    collection = await assessment_collection(assessment_id=assessment_id)
    a = collection.assessment
    questionnaire = await sync_to_async(questionnaire_get)(
        key=a.questionnaire_key, version=a.questionnaire_version
    )
    fingerprint = collection.fingerprint()
    if not fingerprint:
        await _forget_suggestions(collection)
        return PrecomputeReport(0, 0, 0)
    stale, reused = stale_questions(collection, questionnaire, engine_)
    if not stale:
        return PrecomputeReport(0, reused, 0)

    limit = asyncio.Semaphore(concurrency or settings.TRA_SUGGESTION_CONCURRENCY)

    async def bounded(question: Question) -> SuggestionRecord:
        async with limit:
            return await compute(engine_, assessment_id, question, fingerprint)

    await live.publish(assessment_id, "suggestions.progress", done=0, total=len(stale))
    pending: list[SuggestionRecord] = []
    unavailable = 0
    for done, next_done in enumerate(asyncio.as_completed([bounded(q) for q in stale]), start=1):
        record = await next_done
        pending.append(record)
        unavailable += record.status == "unavailable"
        if len(pending) >= _FLUSH_EVERY or done == len(stale):
            await store(assessment_id, pending)
            pending = []
            await live.publish(assessment_id, "suggestions.progress", done=done, total=len(stale))
    await live.publish(assessment_id, "suggestions.ready", computed=len(stale), unavailable=unavailable)
    return PrecomputeReport(len(stale), reused, unavailable)


async def store(assessment_id: str, records: Sequence[SuggestionRecord]) -> None:
    """The suggestions and one ``suggestion_generated`` event each, in batched writes."""
    puts = []
    for record in records:
        puts.append(record.to_item(assessment_id))
        puts.append(
            event_put(
                assessment_id=assessment_id,
                event_type="suggestion_generated",
                actor=SYSTEM,
                after={
                    "question_id": record.question_id,
                    "status": record.status,
                    "answer": record.answer,
                    "model": record.model,
                    "prompt_version": record.prompt_version,
                    "fingerprint": record.fingerprint,
                },
            ).item
        )
    with table_errors_as_domain():
        await get_table().batch_write(puts=puts)


async def _forget_suggestions(collection: AssessmentCollection) -> None:
    # No ready documents any more (the last one was removed): nothing grounds the old answers.
    if collection.suggestions:
        pk = keys.assessment_pk(collection.assessment.id)
        with table_errors_as_domain():
            await get_table().batch_write(
                deletes=[(pk, keys.suggestion_sk(q)) for q in collection.suggestions]
            )
        await live.publish(collection.assessment.id, "suggestions.ready", computed=0, unavailable=0)
