"""The local table store: the TRA table's contract on one SQLite file.

Layout: one SQLite table named after the TRA table, primary key (pk, sk) WITHOUT ROWID so
the table itself is the B-tree a Query walks; one TEXT column per key attribute of any index
(``schema.KEY_ATTRIBUTES``), set only when the item holds that attribute (always a string,
see ``codec.check_item``); the item itself as DynamoDB-typed JSON, so numbers keep their exact
digits. Each GSI is a real SQLite index ``"<table>:<gsi>"`` on (hash, range, pk, sk), partial
on ``hash IS NOT NULL AND range IS NOT NULL``: sparse like a GSI, and ordered exactly as a
Query must return it, so every Query is one index range walk.

Strings compare with SQLite's BINARY collation (bytes of UTF-8), which is DynamoDB's order.

Concurrency: WAL journal, so readers never wait for writers and the web server and a task
worker can share the file; one connection per thread (a ``threading.local``) with a busy
timeout for the rare moment two writers meet. ``synchronous=FULL``: in WAL mode that fsyncs
the log at each commit (~0.5 ms here), so a write that returned survives not only a killed
process but a power cut; the app's writes are human-paced and bulk writes commit once per
call, so the cost is noise.

Reads run directly in the calling coroutine: with WAL they take no lock a writer holds and
an indexed page costs well under a millisecond, less than a hop to a thread would. Writes
run on one writer thread per store, because a write may wait (up to the busy timeout) for
another process's write lock and must not stall the event loop meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from integrations import instrumentation
from integrations.errors import (
    ConditionFailed,
    IntegrationError,
    ResourceMissing,
    TransactionCanceled,
    Unavailable,
)
from integrations.table import codec
from integrations.table.contract import (
    BatchResult,
    Condition,
    Delete,
    Item,
    Page,
    Put,
    SortKey,
    TransactOp,
    Update,
)
from integrations.table.local_admin import COLUMNS, LocalAdministration
from integrations.table.local_query import build_query_sql, quote

T = TypeVar("T")


class _Connection(sqlite3.Connection):
    """A connection that can be weakly referenced, so ``close()`` can find every thread's one."""


class LocalTableStore(LocalAdministration):
    def __init__(self, path: Path | str, table_name: str, *, busy_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.table_name = table_name
        self.busy_timeout = busy_timeout
        self._local = threading.local()
        self._connections: weakref.WeakSet[_Connection] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._writer: ThreadPoolExecutor | None = None
        self._t = quote(table_name)
        self._insert_sql = (
            f"INSERT OR REPLACE INTO {self._t} ({', '.join(map(quote, COLUMNS))}, doc) "
            f"VALUES ({', '.join('?' for _ in COLUMNS)}, ?)"
        )

    def __repr__(self) -> str:
        return f"LocalTableStore({str(self.path)!r}, {self.table_name!r})"

    # --- connections and threads ---------------------------------------------------------

    def _connection(self, *, create: bool = False) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        # The file must be the one this connection opened. Deleted (or replaced) under a
        # running process, SQLite would go on serving the unlinked file and every write would
        # vanish at the next restart; only create_table may bring a missing file into being.
        try:
            inode: int | None = os.stat(self.path).st_ino
        except FileNotFoundError:
            inode = None
        if conn is not None and inode != getattr(self._local, "inode", None):
            self._forget_thread_connection(conn)
            conn = None
        if inode is None and not create:
            raise ResourceMissing(f"{self.path}: the local table store's file does not exist")
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: no implicit transactions; writes that need one say
            # BEGIN IMMEDIATE (take the write lock first, so a condition read inside it
            # cannot go stale). check_same_thread=False only so close() can close it.
            conn = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,
                check_same_thread=False,
                factory=_Connection,
            )
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchall()[0][0]
            if str(mode).lower() != "wal":
                conn.close()
                raise Unavailable(f"{self.path}: could not switch the journal to WAL (got {mode})")
            conn.execute("PRAGMA synchronous=FULL")
            self._local.conn = conn
            self._local.inode = os.stat(self.path).st_ino
            with self._lock:
                self._connections.add(conn)
        return conn

    def _forget_thread_connection(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            self._connections.discard(conn)
        conn.close()
        self._local.conn = None

    async def _write(self, fn: Callable[..., T], *args: Any) -> T:
        with self._lock:
            if self._writer is None:
                self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tra-table-writer")
            writer = self._writer
        return await asyncio.get_running_loop().run_in_executor(writer, fn, *args)

    def close(self) -> None:
        """Close every connection and the writer thread (tests; the app keeps its store)."""
        with self._lock:
            writer, self._writer = self._writer, None
            connections = list(self._connections)
            self._connections.clear()
        if writer is not None:
            writer.shutdown(wait=True)
        for conn in connections:
            conn.close()
        self._local = threading.local()

    @contextlib.contextmanager
    def _errors(self, operation: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            text = str(exc)
            message = f"{operation}: {self.path}: {text}"
            if "no such table" in text or "no such index" in text:
                # The table or an index is not there: an outage, never "no such item".
                raise ResourceMissing(message) from exc
            if "locked" in text or "busy" in text:
                raise Unavailable(message) from exc
            raise IntegrationError(message) from exc

    @contextlib.contextmanager
    def _transaction(self, conn: sqlite3.Connection) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # --- rows ------------------------------------------------------------------------------

    def _row(self, item: Item) -> list[Any]:
        doc = json.dumps(codec.to_attribute_values(item), separators=(",", ":"), ensure_ascii=False)
        return [item.get(c) for c in COLUMNS] + [doc]

    @staticmethod
    def _item(doc: str) -> Item:
        return codec.from_attribute_values(json.loads(doc))

    def _current(self, conn: sqlite3.Connection, pk: str, sk: str) -> Item | None:
        # fetchall, not fetchone: it runs the statement to its end, so no half-read cursor
        # keeps a read transaction (and a stale WAL snapshot) open on this connection.
        rows = conn.execute(f"SELECT doc FROM {self._t} WHERE pk = ? AND sk = ?", (pk, sk)).fetchall()
        return self._item(rows[0][0]) if rows else None

    # --- items -------------------------------------------------------------------------------

    async def get(self, pk: str, sk: str) -> Item | None:
        codec.check_key(pk, sk)
        instrumentation.record("dynamodb", "GetItem")
        with self._errors("GetItem"):
            return self._current(self._connection(), pk, sk)

    async def batch_get(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Item]:
        unique = codec.batch_get_keys(keys)
        found: dict[tuple[str, str], Item] = {}
        with self._errors("BatchGetItem"):
            # One SELECT per chunk, counted as DynamoDB would be called (100 keys a call), so
            # call counts match across backends; none for no keys, as there.
            for chunk in codec.chunks(unique, codec.MAX_BATCH_GET_CHUNK):
                instrumentation.record("dynamodb", "BatchGetItem")
                sql = (
                    f"SELECT pk, sk, doc FROM {self._t} "
                    f"WHERE (pk, sk) IN (VALUES {', '.join('(?, ?)' for _ in chunk)})"
                )
                params = [part for key in chunk for part in key]
                for pk, sk, doc in self._connection().execute(sql, params).fetchall():
                    found[(pk, sk)] = self._item(doc)
        return {key: found[key] for key in unique if key in found}

    async def put(self, item: Item, *, condition: Condition | None = None) -> None:
        codec.check_condition(condition)
        row = self._row(item)  # refuses bad items before anything is recorded or written
        instrumentation.record("dynamodb", "PutItem")
        await self._write(self._put_sync, row, condition)

    def _put_sync(self, row: list[Any], condition: Condition | None) -> None:
        with self._errors("PutItem"):
            conn = self._connection()
            if condition is None:
                conn.execute(self._insert_sql, row)
                return
            with self._transaction(conn):
                if not codec.condition_holds(condition, self._current(conn, row[0], row[1])):
                    raise ConditionFailed(f"PutItem: the conditional request failed ({condition.kind})")
                conn.execute(self._insert_sql, row)

    async def delete(self, pk: str, sk: str, *, condition: Condition | None = None) -> None:
        codec.check_key(pk, sk)
        codec.check_condition(condition)
        instrumentation.record("dynamodb", "DeleteItem")
        await self._write(self._delete_sync, pk, sk, condition)

    def _delete_sync(self, pk: str, sk: str, condition: Condition | None) -> None:
        delete_sql = f"DELETE FROM {self._t} WHERE pk = ? AND sk = ?"
        with self._errors("DeleteItem"):
            conn = self._connection()
            if condition is None:
                conn.execute(delete_sql, (pk, sk))
                return
            with self._transaction(conn):
                if not codec.condition_holds(condition, self._current(conn, pk, sk)):
                    raise ConditionFailed(f"DeleteItem: the conditional request failed ({condition.kind})")
                conn.execute(delete_sql, (pk, sk))

    # --- queries ---------------------------------------------------------------------------

    def query_sql(
        self,
        *,
        partition: str,
        sort: SortKey | None = None,
        index: str | None = None,
        forward: bool = True,
        limit: int | None = None,
        start_key: Item | None = None,
    ) -> tuple[str, list[Any]]:
        """The one SELECT a Query runs (public so tests can EXPLAIN every shape)."""
        codec.check_query(
            table_name=self.table_name,
            partition=partition,
            sort=sort,
            index=index,
            limit=limit,
            start_key=start_key,
        )
        return build_query_sql(
            table=self.table_name,
            sqlite_index=None if index is None else self.sqlite_index_name(index),
            partition=partition,
            sort=sort,
            index=index,
            forward=forward,
            limit=limit,
            start_key=start_key,
        )

    async def query(
        self,
        *,
        partition: str,
        sort: SortKey | None = None,
        index: str | None = None,
        forward: bool = True,
        limit: int | None = None,
        start_key: Item | None = None,
    ) -> Page:
        sql, params = self.query_sql(
            partition=partition, sort=sort, index=index, forward=forward, limit=limit, start_key=start_key
        )
        instrumentation.record("dynamodb", "Query")
        with self._errors("Query"):
            rows = self._connection().execute(sql, params).fetchall()
        items = [self._item(row[0]) for row in rows]
        # Like DynamoDB: a full page carries a LastEvaluatedKey even when nothing follows.
        last_key = codec.page_key(items[-1], index) if limit is not None and len(items) == limit else None
        return Page(items=items, last_key=last_key)

    # --- batches and transactions --------------------------------------------------------

    async def batch_write(
        self, *, puts: Sequence[Item] = (), deletes: Sequence[tuple[str, str]] = ()
    ) -> BatchResult:
        codec.check_batch(puts, deletes)
        rows = [self._row(item) for item in puts]
        total = len(rows) + len(deletes)
        calls = -(-total // codec.MAX_BATCH_CHUNK)
        # Counted as DynamoDB would be called (25 per call) so call counts match across
        # backends; written in one SQLite transaction, which is what makes bulk loads fast.
        for _ in range(calls):
            instrumentation.record("dynamodb", "BatchWriteItem")
        if total:
            await self._write(self._batch_sync, rows, list(deletes))
        return BatchResult(attempts=calls, written=total)

    def _batch_sync(self, rows: list[list[Any]], deletes: list[tuple[str, str]]) -> None:
        with self._errors("BatchWriteItem"):
            conn = self._connection()
            with self._transaction(conn):
                conn.executemany(self._insert_sql, rows)
                conn.executemany(f"DELETE FROM {self._t} WHERE pk = ? AND sk = ?", deletes)

    async def transact(self, ops: Sequence[TransactOp]) -> None:
        codec.check_transaction(ops)
        rows = {i: self._row(op.item) for i, op in enumerate(ops) if isinstance(op, Put)}
        instrumentation.record("dynamodb", "TransactWriteItems")
        await self._write(self._transact_sync, list(ops), rows)

    def _transact_sync(self, ops: list[TransactOp], rows: dict[int, list[Any]]) -> None:
        with self._errors("TransactWriteItems"):
            conn = self._connection()
            with self._transaction(conn):
                # Every condition is judged on the state before the transaction (keys are
                # distinct, so no op sees another's effect), then all ops apply or none.
                reasons: list[str | None] = []
                currents: list[Item | None] = []
                for op in ops:
                    current = self._current(conn, *codec.op_key(op))
                    currents.append(current)
                    held = codec.condition_holds(op.condition, current)
                    reasons.append(None if held else "ConditionalCheckFailed")
                if any(reasons):
                    raise TransactionCanceled(codec.cancellation_message(reasons), reasons)
                for i, op in enumerate(ops):
                    if isinstance(op, Put):
                        conn.execute(self._insert_sql, rows[i])
                    elif isinstance(op, Update):
                        # Read, changed and written inside this BEGIN IMMEDIATE: nobody else
                        # writes in between, so an ADD never loses another writer's increment.
                        conn.execute(self._insert_sql, self._row(codec.apply_update(op, currents[i])))
                    elif isinstance(op, Delete):
                        conn.execute(f"DELETE FROM {self._t} WHERE pk = ? AND sk = ?", (op.pk, op.sk))
                    # a Check only had its condition to hold
