"""The knowledge-base interface: the Bedrock Knowledge Base and the local on-disk index.

Implementations raise only ``integrations.errors`` exceptions: ``Unavailable`` when the index
cannot be read or written (after their own retries), ``IngestionBusy`` when the changes are
written but their sync has to wait for another one (retry it with ``sync``).

Indexing may be asynchronous: ``ingest`` and ``sync`` return the id of the ingestion job that
makes the change searchable (``None`` when it already is, as in the local index), and
``ingestion`` reports that job, so the caller polls it (in a task, not a sleeping worker)
and calls a document ready only once its job is COMPLETE."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# Bedrock's IngestionJobStatus values; the local index never reports anything but COMPLETE.
COMPLETE = "COMPLETE"
ENDED_WITHOUT_COMPLETING = frozenset({"FAILED", "STOPPING", "STOPPED"})


@dataclass(frozen=True)
class Chunk:
    """A piece of a document's text with where it came from, ready to index."""

    document_id: str
    document_name: str
    ordinal: int  # position of the chunk in its document
    text: str
    page: int | None = None  # 1-based PDF page, when known
    section: str | None = None  # heading, sheet name or similar, when known


@dataclass(frozen=True)
class Passage:
    """A retrieved passage; ``text`` is verbatim document text."""

    document_id: str
    document_name: str
    text: str
    score: float
    page: int | None = None
    section: str | None = None


@dataclass(frozen=True)
class IngestionJob:
    """Where a sync stands; ``failure_reasons`` as the knowledge base words them."""

    job_id: str
    status: str
    documents_failed: int = 0
    failure_reasons: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.status == COMPLETE

    @property
    def ended_without_completing(self) -> bool:
        return self.status in ENDED_WITHOUT_COMPLETING


class KnowledgeBase(Protocol):
    async def ingest(
        self, *, assessment_id: str, document_id: str, document_name: str, chunks: Sequence[Chunk]
    ) -> str | None:
        """Index a document's chunks for one assessment (replacing any earlier version).

        Returns the ingestion job to wait for, or ``None`` when the chunks are searchable now."""

    async def remove(self, *, assessment_id: str, document_id: str) -> str | None:
        """Drop a document from the index; the job to wait for (``None``: gone from search now)."""

    async def sync(self, *, written_at: dt.datetime | None = None) -> str | None:
        """Make the changes written so far searchable; called again after ``IngestionBusy``.

        ``written_at``: when the changes were written, so a job already running that started
        after them can stand for this sync (coalesced). Returns the job to wait for, ``None``
        where indexing is immediate (the local index)."""

    async def ingestion(self, job_id: str) -> IngestionJob:
        """The state of an ingestion job returned by ``ingest`` or ``sync``."""

    async def retrieve(self, *, assessment_id: str, query: str, limit: int = 5) -> list[Passage]:
        """Best passages for ``query`` among this assessment's documents only."""
