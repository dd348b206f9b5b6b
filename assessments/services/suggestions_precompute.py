"""Suggestion pre-computation: every applicable question of an assessment, from its ready documents.

While a question's cache key (``SuggestionEngine.cache_key``) is unchanged, a run reuses the
stored suggestion and makes no LLM call. Work on many questions runs with bounded concurrency
(``TRA_SUGGESTION_CONCURRENCY``) so a 30-question area costs about the slowest few calls, not the
sum of them, without flooding Bedrock's quota; results are written in batches as they come. An
"unavailable" suggestion is asked again by the next run (or the requestor's Retry).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

from assessments.domain import keys
from assessments.domain.documents import SuggestionRecord
from assessments.domain.records import SYSTEM_ACTOR, AssessmentCollection
from assessments.questionnaire import engine
from assessments.questionnaire.model import Question, Questionnaire
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services import live
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from assessments.services.suggestion_engine import SuggestionEngine, suggestion_compute
from integrations.table import get_table

_FLUSH_EVERY = 10


async def suggestions_enqueue(assessment_id: str) -> None:
    """Queue the pre-computation of an assessment's suggestions (the worker runs it)."""
    from assessments.tasks import suggestions_precompute_task

    await suggestions_precompute_task.aenqueue(assessment_id)


@dataclass(frozen=True)
class PrecomputeReport:
    computed: int  # questions answered afresh (each costs retrieval and, in AWS mode, LLM calls)
    reused: int  # questions whose cached suggestion still holds
    unavailable: int


def suggestions_stale(
    collection: AssessmentCollection, questionnaire: Questionnaire, suggestion_engine: SuggestionEngine
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
            and existing.cache_key == suggestion_engine.cache_key(question, fingerprint)
            and not (existing.status == "unavailable" and existing.error)
        )
        if not fresh:
            stale.append(question)
    return stale, len(applicable) - len(stale)


async def suggestions_precompute(
    *, assessment_id: str, suggestion_engine: SuggestionEngine | None = None, concurrency: int | None = None
) -> PrecomputeReport:
    """Bring the suggestions of every applicable question up to date with the ready documents."""
    collection = await assessment_collection(assessment_id=assessment_id)
    suggestion_engine = (suggestion_engine or SuggestionEngine.configured()).grounded_in(collection.documents)
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    fingerprint = collection.fingerprint()
    if not fingerprint:
        await _forget_suggestions(collection)
        return PrecomputeReport(0, 0, 0)
    stale, reused = suggestions_stale(collection, questionnaire, suggestion_engine)
    if not stale:
        return PrecomputeReport(0, reused, 0)

    limit = asyncio.Semaphore(concurrency or settings.TRA_SUGGESTION_CONCURRENCY)

    async def bounded(question: Question) -> SuggestionRecord:
        async with limit:
            record = await suggestion_compute(
                suggestion_engine, assessment_id, question, fingerprint, questionnaire=questionnaire
            )
        # New evidence that repeats a dismissed answer does not bring it back.
        return record.keeping_dismissal_of(collection.suggestions.get(question.id))

    await live.publish(assessment_id, "suggestions.progress", done=0, total=len(stale))
    pending: list[SuggestionRecord] = []
    unavailable = 0
    for done, next_done in enumerate(asyncio.as_completed([bounded(q) for q in stale]), start=1):
        record = await next_done
        pending.append(record)
        unavailable += record.status == "unavailable"
        if len(pending) >= _FLUSH_EVERY or done == len(stale):
            await suggestions_save(assessment_id, pending)
            pending = []
            await live.publish(assessment_id, "suggestions.progress", done=done, total=len(stale))
    await live.publish(assessment_id, "suggestions.ready", computed=len(stale), unavailable=unavailable)
    return PrecomputeReport(len(stale), reused, unavailable)


async def suggestions_save(assessment_id: str, records: Sequence[SuggestionRecord]) -> None:
    """The suggestions and one ``suggestion_generated`` event each, in batched writes."""
    puts = []
    for record in records:
        puts.append(record.to_item(assessment_id))
        puts.append(
            event_put(
                assessment_id=assessment_id,
                event_type="suggestion_generated",
                actor=SYSTEM_ACTOR,
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
