"""Processing one uploaded document: extract → chunk → index → summarise → ready.

Runs in the task worker. Every step starts from what the table says, so a run interrupted by a
crash simply runs again from the top when the worker picks the task up after a restart: the
steps are idempotent (indexing replaces a document's earlier chunks). Each step's status is
stored before the work starts and pushed to the assessment's open pages.
"""

from __future__ import annotations

import asyncio
import logging

from assessments.documents.chunking import chunk
from assessments.documents.extract import ExtractedText, ExtractionFailed, extract
from assessments.documents.summary import summarise_extractive, summarise_with_llm
from assessments.domain import keys
from assessments.domain.documents import DocumentRecord, DocumentStatus
from assessments.domain.records import Actor
from assessments.services.documents import document_status_set
from integrations.errors import Conflict, IntegrationError, NotFound
from integrations.kb import Chunk, get_knowledge_base
from integrations.llm import get_llm
from integrations.storage import get_document_storage
from integrations.table import get_table

log = logging.getLogger(__name__)

SYSTEM = Actor(user_id=0, username="system", roles=frozenset())


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
    if document.status is DocumentStatus.FAILED:
        return document.status
    if document.status is DocumentStatus.READY:
        # A run killed between "ready" and queueing the suggestions comes back here: queue
        # them again (cheap: every suggestion still matching the documents is reused).
        await _enqueue_suggestions(assessment_id)
        return document.status
    try:
        document = await _run(document)
    except Conflict:
        log.info("document %s changed while processing; leaving it to the other change", document_id)
        return None
    except _Failed as failure:
        try:
            document = await document_status_set(
                failure.document or document,
                status=DocumentStatus.FAILED,
                error=failure.reason,
                event=("document_failed", SYSTEM),
            )
        except Conflict:
            return None
        return document.status
    # New evidence: bring every applicable question's suggestion up to date.
    await _enqueue_suggestions(assessment_id)
    return document.status


async def _enqueue_suggestions(assessment_id: str) -> None:
    from assessments.tasks import suggestions_precompute_task

    await suggestions_precompute_task.aenqueue(assessment_id)


async def _run(document: DocumentRecord) -> DocumentRecord:
    try:
        document = await document_status_set(document, status=DocumentStatus.EXTRACTING)
        extracted = await _extract(document)
        chunks = chunk(document.id, document.name, extracted.blocks)
        if not chunks:
            raise _Failed("No text could be found in this document (is it a scan without a text layer?).")

        document = await document_status_set(
            document, status=DocumentStatus.INDEXING, pages=extracted.page_count
        )
        await _index(document, chunks)

        document = await document_status_set(document, status=DocumentStatus.SUMMARISING, chunks=len(chunks))
        summary = await _summarise(extracted)
    except _Failed as failure:
        # Each step stored a new version: failing must write over the latest one, or the
        # version check loses and the document stays "in progress" for ever.
        failure.document = document
        raise

    return await document_status_set(
        document, status=DocumentStatus.READY, summary=summary, event=("document_ready", SYSTEM)
    )


async def _extract(document: DocumentRecord) -> ExtractedText:
    try:
        data = await get_document_storage().get(document.storage_key)
    except NotFound:
        raise _Failed("The stored file is missing. Remove this document and upload it again.") from None
    except IntegrationError as exc:
        raise _Failed(f"The document store is not answering ({_short(exc)}). Retry in a moment.") from None
    try:
        # Parsing a large PDF is CPU work: keep it off the event loop.
        return await asyncio.to_thread(extract, data, document.kind)
    except ExtractionFailed as exc:
        raise _Failed(str(exc)) from None


async def _index(document: DocumentRecord, chunks: list[Chunk]) -> None:
    try:
        await get_knowledge_base().ingest(
            assessment_id=document.assessment_id,
            document_id=document.id,
            document_name=document.name,
            chunks=chunks,
        )
    except IntegrationError as exc:
        raise _Failed(f"The knowledge base is not answering ({_short(exc)}). Retry in a moment.") from None


async def _summarise(extracted: ExtractedText) -> str:
    llm = get_llm()
    if llm is None:
        return summarise_extractive(extracted)
    try:
        return await summarise_with_llm(llm, extracted)
    except IntegrationError as exc:
        # A summary is a convenience: an AI outage should not hold the document back from
        # suggestions, so fall back to sentences quoted from the document (and log it).
        log.warning("LLM summary failed, using an extractive one: %s", exc)
        return summarise_extractive(extracted)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "…"
