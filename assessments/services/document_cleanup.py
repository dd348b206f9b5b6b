"""What follows a document's removal, once it is committed: its leftovers and the suggestions.

The removal itself is one table transaction; after it the document is gone for every reader,
so nothing here may turn the request into a failure. The bytes and index entries left behind
are invisible; removing them is retried by a clean-up task when it fails now, and the
suggestions are recomputed without the document either way. Every failure is logged.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable

from django.conf import settings

from assessments.services import live

# The test suite replaces this name to count the queued recomputes.
from assessments.services.suggestions_precompute import suggestions_enqueue as _enqueue_suggestions
from integrations.errors import IngestionBusy, IntegrationError
from integrations.storage import get_document_storage

log = logging.getLogger(__name__)


async def document_removed_follow_ups(*, assessment_id: str, document_id: str, storage_key: str) -> None:
    """Clean up now (or queue the clean-up), queue the recompute, tell the open pages."""
    if not await document_leftovers_remove(
        assessment_id=assessment_id, document_id=document_id, storage_key=storage_key
    ):
        await _follow_up(
            _enqueue_cleanup(assessment_id, document_id, storage_key),
            "queue the clean-up after a removal from",
            assessment_id,
        )
    await _follow_up(_enqueue_suggestions(assessment_id), "queue the suggestions of", assessment_id)
    await _follow_up(live.publish(assessment_id, "documents.changed"), "notify the pages of", assessment_id)


async def document_leftovers_remove(*, assessment_id: str, document_id: str, storage_key: str) -> bool:
    """Delete a removed document's bytes and index entries; False (logged) when either failed."""
    from integrations.kb import get_knowledge_base
    from integrations.kb.contract import KnowledgeBase

    async def unindex(kb: KnowledgeBase) -> None:
        from assessments.services.ingestion import removal_wait

        try:
            job_id = await kb.remove(assessment_id=assessment_id, document_id=document_id)
        except IngestionBusy:
            # The index objects are gone; the sync that drops them from search is owed to
            # the removal check, which retries it with back-off.
            job_id = ""
        if job_id is not None:
            # Search still finds the document until the job completes: the removal stays a
            # pending generation (recomputed after) instead of suggestions kept as final.
            await removal_wait(
                assessment_id=assessment_id,
                document_id=document_id,
                job_id=job_id,
                written_at=dt.datetime.now(dt.UTC),
            )

    results = await asyncio.gather(
        get_document_storage().delete(storage_key), unindex(get_knowledge_base()), return_exceptions=True
    )
    failures = [r for r in results if isinstance(r, BaseException)]
    for failure in failures:
        if not isinstance(failure, IntegrationError):
            raise failure
        log.error("leftovers of removed document %s could not be cleaned: %s", document_id, failure)
    return not failures


async def document_cleanup(*, assessment_id: str, document_id: str, storage_key: str) -> bool:
    """The clean-up task: retry the leftovers' removal with back-off; once they are gone,
    recompute the suggestions again (the first recompute may still have found its passages)."""
    delay = settings.TRA_KB_BUSY_BACKOFF_S
    for attempt in range(settings.TRA_KB_BUSY_RETRIES + 1):
        if attempt:
            await asyncio.sleep(delay)
            delay = min(delay * 2, 120.0)
        if await document_leftovers_remove(
            assessment_id=assessment_id, document_id=document_id, storage_key=storage_key
        ):
            await _enqueue_suggestions(assessment_id)
            return True
    log.error("gave up cleaning the leftovers of removed document %s (%s)", document_id, storage_key)
    return False


async def _follow_up(step: Awaitable[object], what: str, assessment_id: str) -> None:
    try:
        await step
    except Exception:  # the change is committed; a follow-up must not fail the request
        log.error("could not %s assessment %s", what, assessment_id, exc_info=True)


async def _enqueue_cleanup(assessment_id: str, document_id: str, storage_key: str) -> None:
    from assessments.tasks import document_cleanup_task

    await document_cleanup_task.aenqueue(assessment_id, document_id, storage_key)
