"""The knowledge-base interface: the Bedrock Knowledge Base and the local on-disk index.

Implementations raise only ``integrations.errors`` exceptions: ``Unavailable`` when the index
cannot be read or written (after their own retries), ``IngestionBusy`` when the changes are
written but their sync has to wait for another one (retry it with ``sync``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


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


class KnowledgeBase(Protocol):
    async def ingest(
        self, *, assessment_id: str, document_id: str, document_name: str, chunks: Sequence[Chunk]
    ) -> None:
        """Index a document's chunks for one assessment (replacing any earlier version)."""

    async def remove(self, *, assessment_id: str, document_id: str) -> None: ...

    async def sync(self) -> None:
        """Make the changes written so far searchable; called again after ``IngestionBusy``.

        A no-op where indexing is immediate (the local index)."""

    async def retrieve(self, *, assessment_id: str, query: str, limit: int = 5) -> list[Passage]:
        """Best passages for ``query`` among this assessment's documents only."""
