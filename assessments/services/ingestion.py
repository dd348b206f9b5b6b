"""Waiting for the knowledge base to make a document searchable (a Bedrock ingestion job).

A document whose chunks are written but whose ingestion job has not finished stays
"indexing", with the job's id and the time of the writes on its item. A task polls the job:
it re-enqueues itself with a growing delay (django-tasks' ``run_after``) rather than sleeping
in a worker, and moves the document

* to ready when the job is COMPLETE (the job's id becomes the document's ``indexed_by``, part
  of the suggestion cache key), then queues the suggestions;
* to failed, with the knowledge base's reason and a Retry, when the job failed or was stopped,
  or when it is still not done after ``TRA_KB_INGESTION_TIMEOUT_S``.

A sync that could not start because another job was running (``IngestionBusy``) is owed
(job id ""): the task starts it, or joins a running job that started after the writes
(``KnowledgeBase.sync`` coalesces), backing off while the knowledge base stays busy.
A poll that finds the document moved on (removed, retried, re-processed under another job)
does nothing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any

from django.conf import settings

from assessments.domain import keys
from assessments.domain.documents import DocumentRecord, DocumentStatus
from assessments.domain.records import SYSTEM_ACTOR
from assessments.services.documents import document_status_set
from assessments.services.suggestions_precompute import suggestions_enqueue
from integrations.errors import Conflict, IngestionBusy, IntegrationError
from integrations.kb import IngestionJob, KnowledgeBase, get_knowledge_base
from integrations.table import get_table

log = logging.getLogger(__name__)

# Item attributes beside the record's own while a document waits for its ingestion job; any
# later status change drops them (document_status_set keeps only what it is given).
INGESTION_JOB = "ingestion_job"  # "" while the sync is owed (the knowledge base was busy)
WRITTEN_AT = "ingestion_written_at"  # when the chunks were written (ISO 8601, UTC)

BUSY_REASON = (
    "The knowledge base is busy indexing other documents and did not take this one in time; "
    "try again in a few minutes with Retry."
)


def poll_delay(poll: int) -> float:
    """Seconds before poll number ``poll`` (0-based): doubling from the interval to the cap."""
    return min(settings.TRA_KB_POLL_INTERVAL_S * 2 ** min(poll, 30), settings.TRA_KB_POLL_MAX_INTERVAL_S)


async def ingestion_wait(document: DocumentRecord, *, job_id: str, written_at: dt.datetime) -> DocumentRecord:
    """Record the job a freshly written document waits for and schedule its first check."""
    document = await _waiting(document, job_id=job_id, written_at=written_at)
    await schedule_check(document.assessment_id, document.id, job_id=job_id, poll=0)
    return document


async def schedule_check(assessment_id: str, document_id: str, *, job_id: str, poll: int) -> None:
    from assessments.tasks import document_ingestion_check_task

    await _schedule(document_ingestion_check_task, assessment_id, document_id, job_id=job_id, poll=poll)


async def _schedule(task: Any, assessment_id: str, document_id: str, *, job_id: str, poll: int) -> None:
    from django.utils import timezone

    delay = poll_delay(poll)
    if task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + dt.timedelta(seconds=delay))
    elif delay:
        # A backend that cannot defer runs tasks at once (the immediate backend of tests and
        # single-process runs); waiting here keeps the polling pace all the same.
        await asyncio.sleep(delay)
    await task.aenqueue(assessment_id, document_id, job_id, poll)


async def document_ingestion_check(
    *, assessment_id: str, document_id: str, job_id: str, poll: int
) -> DocumentStatus | None:
    """One poll of the ingestion job a document waits for; the document's status after it.

    ``None`` when the document moved on meanwhile and this poll has nothing to decide.
    """
    item = await get_table().get(keys.assessment_pk(assessment_id), keys.document_sk(document_id))
    if item is None:
        return None
    document = DocumentRecord.from_item(item)
    if document.status is not DocumentStatus.INDEXING or item.get(INGESTION_JOB) != job_id:
        return None
    written_at = dt.datetime.fromisoformat(item[WRITTEN_AT])
    kb = get_knowledge_base()
    try:
        if not job_id:
            return await _start_owed_sync(kb, document, written_at=written_at, poll=poll)
        return await _check_job(kb, document, job_id=job_id, written_at=written_at, poll=poll)
    except Conflict:
        log.info("document %s changed while its ingestion was checked; leaving it", document_id)
        return None


async def _start_owed_sync(
    kb: KnowledgeBase, document: DocumentRecord, *, written_at: dt.datetime, poll: int
) -> DocumentStatus:
    try:
        started = await kb.sync(written_at=written_at)
    except IngestionBusy:
        log.info("knowledge base still busy for document %s (poll %d)", document.id, poll)
        if _timed_out(written_at):
            return await _fail(document, BUSY_REASON)
        await schedule_check(document.assessment_id, document.id, job_id="", poll=poll + 1)
        return document.status
    except IntegrationError as exc:
        return await _poll_again_or_fail(document, job_id="", written_at=written_at, poll=poll, exc=exc)
    if started is None:
        return await _ready(document, indexed_by="")
    document = await _waiting(document, job_id=started, written_at=written_at)
    await schedule_check(document.assessment_id, document.id, job_id=started, poll=0)
    return document.status


async def _check_job(
    kb: KnowledgeBase, document: DocumentRecord, *, job_id: str, written_at: dt.datetime, poll: int
) -> DocumentStatus:
    try:
        job = await kb.ingestion(job_id)
    except IntegrationError as exc:
        return await _poll_again_or_fail(document, job_id=job_id, written_at=written_at, poll=poll, exc=exc)
    if job.complete:
        if job.documents_failed:
            # The job covers the whole data source: the failures may be other documents'.
            # Ours are named by their objects' keys (kb/<assessment>/<document>/...).
            ours = [r for r in job.failure_reasons if f"/{document.assessment_id}/{document.id}/" in r]
            log.warning(
                "ingestion job %s completed with %d failed documents: %s",
                job_id,
                job.documents_failed,
                "; ".join(job.failure_reasons),
            )
            if ours:
                return await _fail(
                    document,
                    f"The knowledge base could not index parts of this document ({_short_text('; '.join(ours))}). "
                    "Retry it; if it fails again, tell the team.",
                )
        return await _ready(document, indexed_by=job_id)
    if job.ended_without_completing:
        return await _fail(document, _ended_reason(job))
    if _timed_out(written_at):
        minutes = round(settings.TRA_KB_INGESTION_TIMEOUT_S / 60)
        return await _fail(
            document,
            f"The knowledge base was still indexing this document after {minutes} minutes "
            f"(ingestion job {job_id} {job.status}); try again later with Retry.",
        )
    await schedule_check(document.assessment_id, document.id, job_id=job_id, poll=poll + 1)
    return document.status


async def _poll_again_or_fail(
    document: DocumentRecord, *, job_id: str, written_at: dt.datetime, poll: int, exc: IntegrationError
) -> DocumentStatus:
    # An outage of the knowledge base's API does not undo the indexing: ask again later,
    # within the same overall deadline.
    log.warning("checking the ingestion of document %s failed: %s", document.id, exc)
    if _timed_out(written_at):
        return await _fail(
            document,
            f"The knowledge base is not answering ({_short(exc)}); try again in a moment with Retry.",
        )
    await schedule_check(document.assessment_id, document.id, job_id=job_id, poll=poll + 1)
    return document.status


def _ended_reason(job: IngestionJob) -> str:
    reasons = "; ".join(job.failure_reasons) or "no reason given"
    return (
        f"The knowledge base could not index this document (ingestion job {job.status.lower()}: "
        f"{_short_text(reasons)}). Retry it; if it fails again, tell the team."
    )


def _timed_out(written_at: dt.datetime) -> bool:
    elapsed = (dt.datetime.now(dt.UTC) - written_at).total_seconds()
    return elapsed >= settings.TRA_KB_INGESTION_TIMEOUT_S


async def _waiting(document: DocumentRecord, *, job_id: str, written_at: dt.datetime) -> DocumentRecord:
    return await document_status_set(
        document,
        status=DocumentStatus.INDEXING,
        extra_item={INGESTION_JOB: job_id, WRITTEN_AT: written_at.isoformat()},
    )


async def _ready(document: DocumentRecord, *, indexed_by: str) -> DocumentStatus:

    document = await document_status_set(
        document, status=DocumentStatus.READY, indexed_by=indexed_by, event=("document_ready", SYSTEM_ACTOR)
    )
    await suggestions_enqueue(document.assessment_id)
    return document.status


async def _fail(document: DocumentRecord, reason: str) -> DocumentStatus:
    document = await document_status_set(
        document, status=DocumentStatus.FAILED, error=reason, event=("document_failed", SYSTEM_ACTOR)
    )
    return document.status


def _short(exc: Exception) -> str:
    return _short_text(str(exc) or type(exc).__name__)


def _short_text(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- a removal the knowledge base is still applying -----------------------------------------


async def removal_wait(*, assessment_id: str, document_id: str, job_id: str, written_at: dt.datetime) -> None:
    """Mark the removal as pending (a generation of its own) and schedule its first check."""
    await _put_removal(assessment_id, document_id, job_id=job_id, written_at=written_at)
    await _schedule_removal(assessment_id, document_id, job_id=job_id, poll=0)


async def kb_removal_check(*, assessment_id: str, document_id: str, job_id: str, poll: int) -> bool:
    """One poll of a removal's ingestion job; True once the removal is no longer pending.

    When it ends (COMPLETE, or failed, stopped or too slow, which are logged: the objects are
    gone and the next sync drops them), the marker goes and the suggestions are recomputed:
    their fingerprint changes back from the "removal pending" generation.
    """
    marker = await get_table().get(keys.assessment_pk(assessment_id), keys.kb_removal_sk(document_id))
    if marker is None or marker.get("job_id") != job_id:
        return False
    written_at = dt.datetime.fromisoformat(marker[WRITTEN_AT])
    kb = get_knowledge_base()
    try:
        if not job_id:
            started = await kb.sync(written_at=written_at)
            if started is not None:
                await _put_removal(assessment_id, document_id, job_id=started, written_at=written_at)
                await _schedule_removal(assessment_id, document_id, job_id=started, poll=0)
                return False
            job = None
        else:
            job = await kb.ingestion(job_id)
    except IntegrationError as exc:  # IngestionBusy included: the sync waits its turn
        log.info("removal of document %s not indexed yet (poll %d): %s", document_id, poll, exc)
        if not _timed_out(written_at):
            await _schedule_removal(assessment_id, document_id, job_id=job_id, poll=poll + 1)
            return False
        log.error("gave up waiting for the knowledge base to drop removed document %s", document_id)
        job = None
    if job is not None and not job.complete:
        if not job.ended_without_completing and not _timed_out(written_at):
            await _schedule_removal(assessment_id, document_id, job_id=job_id, poll=poll + 1)
            return False
        log.error("removal of document %s: ingestion job %s %s", document_id, job_id, job.status)
    await get_table().delete(keys.assessment_pk(assessment_id), keys.kb_removal_sk(document_id))

    await suggestions_enqueue(assessment_id)
    return True


async def _put_removal(assessment_id: str, document_id: str, *, job_id: str, written_at: dt.datetime) -> None:
    await get_table().put(
        {
            "pk": keys.assessment_pk(assessment_id),
            "sk": keys.kb_removal_sk(document_id),
            "job_id": job_id,
            WRITTEN_AT: written_at.isoformat(),
        }
    )


async def _schedule_removal(assessment_id: str, document_id: str, *, job_id: str, poll: int) -> None:
    from assessments.tasks import kb_removal_check_task

    await _schedule(kb_removal_check_task, assessment_id, document_id, job_id=job_id, poll=poll)
