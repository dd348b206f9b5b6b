"""Processing one uploaded document: extract → chunk → summarise → index → ready.

Runs in the task worker. Every step starts from what the table says, so a run interrupted by a
crash simply runs again from the top when the worker picks the task up after a restart: the
steps are idempotent (indexing replaces a document's earlier chunks). Each step's status is
stored before the work starts and pushed to the assessment's open pages.

The CPU-bound part (extract, chunk, extractive summary) runs in a child process with a time
and memory budget (``assessments.documents.isolation``): a document over budget fails with
the reason and never holds the worker. Each run is counted on the document item, so one that
keeps killing its worker (the run never gets to fail cleanly) is failed after
``TRA_TASK_MAX_ATTEMPTS`` starts instead of being requeued for ever.

Indexing is the last step because it may not finish in this run: the Bedrock knowledge base
indexes in an ingestion job, and a document is ready only once that job is COMPLETE. The run
then leaves the document "indexing" with the job's id and hands over to a task that polls the
job (``assessments.services.ingestion``), so no worker sleeps for minutes on it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

from assessments.documents.extract import ExtractionFailed, ExtractLimits
from assessments.documents.isolation import BudgetExceeded, TaskBudget, run_within_budget
from assessments.documents.prepare import Prepared, prepare
from assessments.documents.summary import summarise_with_llm
from assessments.domain import keys
from assessments.domain.documents import DocumentRecord, DocumentStatus
from assessments.domain.records import SYSTEM_ACTOR
from assessments.services.documents import document_status_set
from assessments.services.suggestions_precompute import suggestions_enqueue
from integrations.errors import Conflict, IngestionBusy, IntegrationError, NotFound
from integrations.kb import Chunk, get_knowledge_base
from integrations.llm import get_llm
from integrations.storage import get_document_storage
from integrations.table import get_table

log = logging.getLogger(__name__)

# The item attribute counting the runs started since the document was uploaded or retried.
# (Kept on the item beside the record's fields: a status change by a user drops it, which is
# exactly a fresh start.)
ATTEMPTS = "attempts"
IN_PROGRESS = {DocumentStatus.EXTRACTING, DocumentStatus.INDEXING, DocumentStatus.SUMMARISING}


class _Failed(Exception):
    """A step failed for a reason worth showing the requestor."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.document: DocumentRecord | None = None  # the record as the failing step left it


async def document_process(*, assessment_id: str, document_id: str) -> DocumentStatus | None:
    """Take a document from wherever it is to ready (or failed); returns the final status.

    ``None`` when there is nothing to do: the document was removed, or another run finished
    it or moved it on meanwhile (its version changed under us).
    """
    item = await get_table().get(keys.assessment_pk(assessment_id), keys.document_sk(document_id))
    if item is None:
        return None
    document = DocumentRecord.from_item(item)
    attempts = int(item.get(ATTEMPTS, 0)) if document.status in IN_PROGRESS else 0
    if document.status is DocumentStatus.FAILED:
        return document.status
    if document.status is DocumentStatus.READY:
        # A run killed between "ready" and queueing the suggestions comes back here: queue
        # them again (cheap: every suggestion still matching the documents is reused).
        await suggestions_enqueue(assessment_id)
        return document.status
    try:
        if attempts >= settings.TRA_TASK_MAX_ATTEMPTS:
            raise _Failed(
                f"Processing this document was interrupted {attempts} times (its worker stopped while "
                "reading it), so it is not tried again on its own. Retry it, or split it into smaller "
                "documents and upload those."
            )
        document = await _run(document, attempts + 1)
    except Conflict:
        log.info("document %s changed while processing; leaving it to the other change", document_id)
        return None
    except _Failed as failure:
        try:
            document = await document_status_set(
                failure.document or document,
                status=DocumentStatus.FAILED,
                error=failure.reason,
                event=("document_failed", SYSTEM_ACTOR),
            )
        except Conflict:
            return None
        return document.status
    if document.status is DocumentStatus.READY:
        # New evidence: bring every applicable question's suggestion up to date. (A document
        # still indexing brings nothing new yet; its check task queues them once it is ready.)
        await suggestions_enqueue(assessment_id)
    return document.status


async def _run(document: DocumentRecord, attempt: int) -> DocumentRecord:
    from assessments.services import ingestion

    counted = {ATTEMPTS: attempt}
    try:
        document = await document_status_set(document, status=DocumentStatus.EXTRACTING, extra_item=counted)
        prepared = await _prepare(document)
        if not prepared.chunks:
            raise _Failed("No text could be found in this document (is it a scan without a text layer?).")

        document = await document_status_set(
            document,
            status=DocumentStatus.SUMMARISING,
            pages=prepared.extracted.page_count,
            chunks=len(prepared.chunks),
            extra_item=counted,
        )
        summary = await _summarise(prepared)

        document = await document_status_set(
            document, status=DocumentStatus.INDEXING, summary=summary, extra_item=counted
        )
        started = await _index(document, prepared.chunks)
    except _Failed as failure:
        # Each step stored a new version: failing must write over the latest one, or the
        # version check loses and the document stays "in progress" for ever.
        failure.document = document
        raise

    if started.searchable:
        return await document_status_set(
            document, status=DocumentStatus.READY, indexed_by="", event=("document_ready", SYSTEM_ACTOR)
        )
    # Written, not yet searchable: the check task takes it from here (no run count: a poll
    # reads nothing of the document, so it cannot be what kills a worker).
    return await ingestion.ingestion_wait(document, job_id=started.job_id, written_at=started.written_at)


@dataclass(frozen=True)
class IndexStarted:
    """What indexing left to wait for: nothing, a running job, or a sync still owed (busy)."""

    job_id: str | None  # None with ``searchable``; "" when the sync is owed
    written_at: dt.datetime

    @property
    def searchable(self) -> bool:
        return self.job_id is None


async def _prepare(document: DocumentRecord) -> Prepared:
    try:
        data = await get_document_storage().get(document.storage_key)
    except NotFound:
        raise _Failed("The stored file is missing. Remove this document and upload it again.") from None
    except IntegrationError as exc:
        raise _Failed(f"The document store is not answering ({_short(exc)}). Retry in a moment.") from None
    budget = TaskBudget.from_settings()
    try:
        # A worker thread waits for the child, so the event loop (and its other work) goes on.
        return await asyncio.to_thread(
            run_within_budget,
            prepare,
            data,
            document.kind,
            document_id=document.id,
            document_name=document.name,
            limits=ExtractLimits.from_settings(),
            budget=budget,
        )
    except ExtractionFailed as exc:
        raise _Failed(exc.reason) from None
    except BudgetExceeded as exc:
        log.warning("document %s over its budget: %s", document.id, exc.reason)
        raise _Failed(exc.reason) from None
    except Exception:  # a reader's bug on an odd file: fail the document, never leave it "extracting"
        log.exception("reading document %s (%s) failed unexpectedly", document.id, document.kind)
        raise _Failed(
            "This document could not be read (an unexpected error, now logged for the team). "
            "Retry it, or save it in another format and upload that."
        ) from None


async def _index(document: DocumentRecord, chunks: Sequence[Chunk]) -> IndexStarted:
    kb = get_knowledge_base()
    try:
        job_id = await kb.ingest(
            assessment_id=document.assessment_id,
            document_id=document.id,
            document_name=document.name,
            chunks=chunks,
        )
    except IngestionBusy:
        # The objects are written; the sync they need waits behind another job. The check
        # task retries (or joins) it with back-off instead of this worker sleeping on it.
        return IndexStarted(job_id="", written_at=dt.datetime.now(dt.UTC))
    except IntegrationError as exc:
        raise _Failed(
            f"The knowledge base is not answering ({_short(exc)}); try again in a moment with Retry."
        ) from None
    return IndexStarted(job_id=job_id, written_at=dt.datetime.now(dt.UTC))


async def _summarise(prepared: Prepared) -> str:
    llm = get_llm()
    if llm is None:
        return prepared.extractive_summary
    try:
        return await summarise_with_llm(llm, prepared.extracted)
    except IntegrationError as exc:
        # A summary is a convenience: an AI outage should not hold the document back from
        # suggestions, so fall back to sentences quoted from the document (and log it).
        log.warning("LLM summary failed, using an extractive one: %s", exc)
        return prepared.extractive_summary


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"
