"""Uploaded documents and AI suggestions as the TRA table holds them (pure)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from assessments.domain import keys


class DocumentStatus(StrEnum):
    UPLOADED = "uploaded"
    EXTRACTING = "extracting"
    INDEXING = "indexing"
    SUMMARISING = "summarising"
    READY = "ready"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def percent(self) -> int:
        """How far along the processing chain a document is, for the progress bar."""
        return _PERCENT[self]


_LABELS = {
    DocumentStatus.UPLOADED: "Uploaded, waiting to be processed",
    DocumentStatus.EXTRACTING: "Extracting text",
    DocumentStatus.INDEXING: "Indexing",
    DocumentStatus.SUMMARISING: "Summarising",
    DocumentStatus.READY: "Ready",
    DocumentStatus.FAILED: "Failed",
}
_PERCENT = {
    DocumentStatus.UPLOADED: 5,
    DocumentStatus.EXTRACTING: 25,
    # Summarising comes before indexing: the wait for the knowledge base (a Bedrock ingestion
    # job) is the last step before ready.
    DocumentStatus.SUMMARISING: 55,
    DocumentStatus.INDEXING: 80,
    DocumentStatus.READY: 100,
    DocumentStatus.FAILED: 100,
}


@dataclass(frozen=True)
class DocumentRecord:
    assessment_id: str
    id: str
    name: str  # the user's file name: data only, never part of a storage path
    kind: str
    size: int
    sha256: str
    storage_key: str
    status: DocumentStatus
    uploaded_by: str
    uploaded_at: str
    updated_at: str
    version: int
    error: str = ""
    summary: str = ""
    pages: int | None = None
    chunks: int = 0
    # The knowledge base's generation of this document: the ingestion job that made it
    # searchable ("" where indexing is immediate, as in the local index).
    indexed_by: str = ""

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> DocumentRecord:
        pages = item.get("pages")
        return cls(
            assessment_id=item["assessment_id"],
            id=item["document_id"],
            name=item["name"],
            kind=item["kind"],
            size=int(item["size"]),
            sha256=item["sha256"],
            storage_key=item["s3_key"],
            status=DocumentStatus(item["status"]),
            uploaded_by=item.get("uploaded_by", ""),
            uploaded_at=item["uploaded_at"],
            updated_at=item.get("updated_at", item["uploaded_at"]),
            version=int(item["version"]),
            error=item.get("error", ""),
            summary=item.get("summary", ""),
            pages=int(pages) if pages is not None else None,
            chunks=int(item.get("chunks", 0)),
            indexed_by=item.get("indexed_by", ""),
        )

    def to_item(self) -> dict[str, Any]:
        item: dict[str, Any] = {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": keys.document_sk(self.id),
            "entity_type": keys.ENTITY_DOCUMENT,
            # gsi2-session-entity: an assessment's documents without reading its answers.
            "session_id": self.assessment_id,
            "assessment_id": self.assessment_id,
            "document_id": self.id,
            "name": self.name,
            "kind": self.kind,
            "size": self.size,
            "sha256": self.sha256,
            "s3_key": self.storage_key,
            "status": self.status.value,
            "uploaded_by": self.uploaded_by,
            "uploaded_at": self.uploaded_at,
            "updated_at": self.updated_at,
            "version": self.version,
            "error": self.error,
            "summary": self.summary,
            "chunks": self.chunks,
        }
        if self.pages is not None:
            item["pages"] = self.pages
        if self.indexed_by:
            item["indexed_by"] = self.indexed_by
        return item


def document_set_fingerprint(
    documents: Iterable[DocumentRecord], *, pending_removals: Mapping[str, str] | None = None
) -> str:
    """Identifies the evidence suggestions were drawn from: the ready documents' contents and
    the knowledge-base generation that made each searchable.

    Built from content hashes, so re-uploading the same file elsewhere or renaming nothing
    changes it, while adding, removing or replacing a ready document always does. A document
    is ready only once its ingestion job is COMPLETE, and that job's id is part of the
    fingerprint (and so of every suggestion's cache key): an answer drawn from a half-indexed
    knowledge base is recomputed when the indexing completes, never kept as final. The
    local index's generation is simply its set of indexed documents (``indexed_by`` empty).
    A removal the knowledge base is still applying (``pending_removals``: document id to job)
    is a generation of its own too: what is computed meanwhile is recomputed once it is done.
    """
    hashes = sorted(
        {
            f"{d.sha256}@{d.indexed_by}" if d.indexed_by else d.sha256
            for d in documents
            if d.status is DocumentStatus.READY
        }
    )
    if not hashes:
        return ""
    pending = [f"removing {doc}@{job}" for doc, job in sorted((pending_removals or {}).items())]
    return hashlib.sha256("\n".join([*hashes, *pending]).encode()).hexdigest()[:32]


def suggestion_cache_key(
    *, question_id: str, question_text: str, fingerprint: str, model: str, prompt_version: str
) -> str:
    """Asking the same question of the same documents with the same engine is answered once."""
    material = json.dumps([question_id, question_text, fingerprint, model, prompt_version])
    return hashlib.sha256(material.encode()).hexdigest()


@dataclass(frozen=True)
class CitationRecord:
    document_id: str
    document_name: str
    passage: str
    page: int | None = None
    section: str | None = None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> CitationRecord:
        return cls(
            document_id=item["document_id"],
            document_name=item.get("document_name", ""),
            passage=item.get("passage", ""),
            page=int(item["page"]) if item.get("page") is not None else None,
            section=item.get("section"),
        )

    def to_item(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "document_name": self.document_name,
            "passage": self.passage,
            "page": self.page,
            "section": self.section,
        }

    @property
    def where(self) -> str:
        parts = [self.document_name]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.section:
            parts.append(self.section)
        return ", ".join(parts)


@dataclass(frozen=True)
class SuggestionRecord:
    question_id: str
    status: str  # suggested | not_stated | unavailable
    answer: str | list[str] | None
    confidence: str
    score: float
    rationale: str
    citations: tuple[CitationRecord, ...]
    cache_key: str
    fingerprint: str
    model: str
    prompt_version: str
    generated_at: str
    dismissed: bool = False
    error: str = ""
    # Risk areas accepting this answer would switch off (a qualifying question's No): the card says so.
    removes_areas: tuple[str, ...] = ()

    @property
    def offerable(self) -> bool:
        """An answer the requestor can accept: grounded, not dismissed."""
        return self.status == "suggested" and not self.dismissed and self.answer not in (None, "", [])

    def contradicts(self, saved: Any) -> bool:
        """Whether an offered suggestion says something other than the answer already saved.

        The card then says so and offers to replace the saved answer, rather than showing
        Accept as if the question were unanswered.
        """
        if not self.offerable or saved in (None, "", []):
            return False
        return not same_answer(self.answer, saved)

    def keeping_dismissal_of(self, previous: SuggestionRecord | None) -> SuggestionRecord:
        """This recomputed suggestion, still dismissed if the requestor dismissed the same answer.

        New evidence that gives the same answer is no reason to offer it again; evidence that
        changes the answer is.
        """
        if (
            previous is not None
            and previous.dismissed
            and self.status == "suggested"
            and same_answer(previous.answer, self.answer)
        ):
            return dataclasses.replace(self, dismissed=True)
        return self

    @property
    def answer_text(self) -> str:
        if isinstance(self.answer, list):
            return ", ".join(self.answer)
        return self.answer or ""

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> SuggestionRecord:
        return cls(
            question_id=item["question_id"],
            status=item["status"],
            answer=item.get("answer"),
            confidence=item.get("confidence", "low"),
            score=float(item.get("score", 0)),
            rationale=item.get("rationale", ""),
            citations=tuple(CitationRecord.from_item(c) for c in item.get("citations", ())),
            cache_key=item.get("cache_key", ""),
            fingerprint=item.get("fingerprint", ""),
            model=item.get("model", ""),
            prompt_version=item.get("prompt_version", ""),
            generated_at=item.get("generated_at", ""),
            dismissed=bool(item.get("dismissed", False)),
            error=item.get("error", ""),
            removes_areas=tuple(item.get("removes_areas", ())),
        )

    def to_item(self, assessment_id: str) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(assessment_id),
            "sk": keys.suggestion_sk(self.question_id),
            "question_id": self.question_id,
            "status": self.status,
            "answer": self.answer,
            "confidence": self.confidence,
            # Floats are refused by the table (DynamoDB numbers are decimals): keep it as text.
            "score": f"{self.score:.3f}",
            "rationale": self.rationale,
            "citations": [c.to_item() for c in self.citations],
            "cache_key": self.cache_key,
            "fingerprint": self.fingerprint,
            "model": self.model,
            "prompt_version": self.prompt_version,
            "generated_at": self.generated_at,
            "dismissed": self.dismissed,
            "error": self.error,
            "removes_areas": list(self.removes_areas),
        }


def same_answer(a: Any, b: Any) -> bool:
    """Two answer values say the same: lists as sets, text without case or outer spaces."""
    return _answer_set(a) == _answer_set(b)


def _answer_set(value: Any) -> frozenset[str]:
    values = value if isinstance(value, list) else [value]
    return frozenset(str(v).strip().casefold() for v in values)


@dataclass(frozen=True)
class ContentMarker:
    """One per distinct file content in an assessment (``DOCHASH#<sha256>``): written with
    ``Condition.absent`` beside the document, so two simultaneous uploads of one file cannot
    both land."""

    assessment_id: str
    sha256: str
    document_id: str

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": keys.content_sk(self.sha256),
            "document_id": self.document_id,
        }
