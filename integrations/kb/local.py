"""The embedded knowledge base: an SQLite FTS5 full-text index on disk, ranked by BM25.

Chunks live in a plain table (the source of truth, with the verbatim text we quote) and an
external-content FTS5 index kept in step by triggers. Every row carries a scope token derived
from its assessment, and every query requires that token, so one assessment's retrieval never
returns another's text. The porter tokenizer stems words ("encrypted" finds "encryption");
stop words are dropped from queries because in an OR query they would match everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import logging
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from integrations.errors import Unavailable
from integrations.instrumentation import record
from integrations.kb.contract import COMPLETE, Chunk, IngestionJob, Passage

log = logging.getLogger(__name__)
T = TypeVar("T")

SERVICE = "kb-local"
_SCHEMA_VERSION = 1
# Column weights for bm25(): the chunk text counts fully, its heading a little, the scope
# token (present in every row of the assessment) not at all.
_BM25_WEIGHTS = (1.0, 0.4, 0.0)

_STOP_WORDS_TEXT = """a about above after again against all am an and any are as at be been before being below
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me
    more most my myself no nor not of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves shall may might must also etc"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_WORD = re.compile(r"\w+", re.UNICODE)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    document_id TEXT NOT NULL,
    document_name TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    section TEXT NOT NULL DEFAULT '',
    page INTEGER
);
CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks (assessment_id, document_id, ordinal);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    text, section, scope,
    content='chunks', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS chunks_after_insert AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts (rowid, text, section, scope) VALUES (new.id, new.text, new.section, new.scope);
END;
CREATE TRIGGER IF NOT EXISTS chunks_after_delete AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts (chunks_fts, rowid, text, section, scope)
    VALUES ('delete', old.id, old.text, old.section, old.scope);
END;
"""


def query_terms(text: str) -> list[str]:
    """The searchable words of ``text``: lower-cased, stop words dropped, in first-seen order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        if word not in STOP_WORDS and (len(word) > 1 or word.isdigit()):
            seen.setdefault(word, None)
    return list(seen)


class LocalKnowledgeBase:
    """``KnowledgeBase`` over one SQLite file; safe to share between threads and event loops."""

    def __init__(
        self, path: Path, *, busy_timeout: float = 5.0, retries: int = 3, backoff: float = 0.5
    ) -> None:
        """``busy_timeout``: how long one attempt waits for another writer (SQLite's
        busy_timeout); a lock still held after ``retries`` more attempts, spaced by a doubling
        ``backoff``, is reported as ``Unavailable``."""
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self.retries = retries
        self.backoff = backoff
        self._schema_ready = False

    async def ingest(
        self, *, assessment_id: str, document_id: str, document_name: str, chunks: Sequence[Chunk]
    ) -> str | None:
        record(SERVICE, "Ingest")
        rows = [
            (
                assessment_id,
                _scope_token(assessment_id),
                document_id,
                document_name,
                chunk.ordinal,
                chunk.text,
                chunk.section or "",
                chunk.page,
            )
            for chunk in chunks
            if chunk.text.strip()
        ]
        await asyncio.to_thread(self._guarded, "Ingest", self._replace, assessment_id, document_id, rows)
        return None  # searchable once committed: no job to wait for

    async def remove(self, *, assessment_id: str, document_id: str) -> str | None:
        record(SERVICE, "Remove")
        await asyncio.to_thread(self._guarded, "Remove", self._replace, assessment_id, document_id, [])
        return None

    async def sync(self, *, written_at: dt.datetime | None = None) -> str | None:
        """Nothing to do: a committed write is searchable at once."""
        return None

    async def ingestion(self, job_id: str) -> IngestionJob:
        # ``ingest`` and ``sync`` never hand out a job, so any job asked about is done.
        return IngestionJob(job_id=job_id, status=COMPLETE)

    async def retrieve(self, *, assessment_id: str, query: str, limit: int = 5) -> list[Passage]:
        record(SERVICE, "Retrieve")
        terms = query_terms(query)
        if not terms or limit < 1:
            return []
        return await asyncio.to_thread(self._guarded, "Retrieve", self._search, assessment_id, terms, limit)

    # --- sync internals, run in a worker thread ----------------------------------------------

    def _guarded(self, operation: str, work: Callable[..., T], *args: object) -> T:
        """``work(*args)`` with a busy index retried, and SQLite's errors as ``Unavailable``.

        Another process (a second worker, a backup) may hold the write lock for a moment;
        that is waited for. Anything else SQLite raises (a full disk, a damaged file) and a
        lock that outlasts the retries must not escape raw: callers handle our errors only.
        """
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                return work(*args)
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or attempt == self.retries:
                    raise Unavailable(f"{operation}: the local knowledge base failed: {exc}") from exc
                log.info("local knowledge base busy (%s); retrying in %.2fs", exc, delay)
            except sqlite3.Error as exc:
                raise Unavailable(f"{operation}: the local knowledge base failed: {exc}") from exc
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _replace(self, assessment_id: str, document_id: str, rows: list[tuple[object, ...]]) -> None:
        with self._connect() as connection:
            # One transaction: readers see the old version or the new one, never a mix.
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                "DELETE FROM chunks WHERE assessment_id = ? AND document_id = ?", (assessment_id, document_id)
            )
            connection.executemany(
                "INSERT INTO chunks (assessment_id, scope, document_id, document_name, ordinal, text, section, page)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            connection.execute("COMMIT")

    def _search(self, assessment_id: str, terms: list[str], limit: int) -> list[Passage]:
        alternatives = " OR ".join(_quoted(term) for term in terms)
        match = f"scope : {_quoted(_scope_token(assessment_id))} AND ({alternatives})"
        weights = ", ".join(str(weight) for weight in _BM25_WEIGHTS)
        with self._connect() as connection:
            rows = connection.execute(
                f"SELECT c.document_id, c.document_name, c.text, c.page, c.section, bm25(chunks_fts, {weights})"
                " FROM chunks_fts JOIN chunks AS c ON c.id = chunks_fts.rowid"
                " WHERE chunks_fts MATCH ? AND c.assessment_id = ?"
                " ORDER BY bm25(chunks_fts, " + weights + "), c.document_id, c.ordinal LIMIT ?",
                (match, assessment_id, limit),
            ).fetchall()
        # bm25() is lower-is-better and negative; a passage's score is its relevance, >= 0.
        return [
            Passage(
                document_id=document_id,
                document_name=document_name,
                text=text,
                score=round(max(0.0, -rank), 6),
                page=page,
                section=section or None,
            )
            for document_id, document_name, text, page, section, rank in rows
        ]

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE) where they matter.
        connection = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            if not self._schema_ready:
                self._ensure_schema(connection)
            yield connection
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        finally:
            connection.close()

    def _ensure_schema(self, connection: sqlite3.Connection) -> None:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version > _SCHEMA_VERSION:
            raise RuntimeError(f"{self.path} was written by a newer TRA (index schema {version}).")
        if version < _SCHEMA_VERSION:
            connection.executescript(_SCHEMA + f"PRAGMA user_version = {_SCHEMA_VERSION};")
        self._schema_ready = True


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _scope_token(assessment_id: str) -> str:
    # One opaque token per assessment: ids with punctuation ("TRA-2025-AB12CD") would otherwise
    # tokenize into several words that other ids might share.
    return "s" + hashlib.sha256(assessment_id.encode("utf-8")).hexdigest()[:32]


def _quoted(term: str) -> str:
    # A quoted string is always a plain phrase to FTS5, whatever operators it contains.
    return '"' + term.replace('"', '""') + '"'
