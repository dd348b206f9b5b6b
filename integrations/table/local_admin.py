"""The local store's administration: create the table and its indexes, report their state.

A mixin of ``LocalTableStore`` (kept apart so the store's module holds only the item and
query operations): it uses the store's connection, writer thread and error translation.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from integrations import instrumentation
from integrations.errors import ResourceMissing
from integrations.table import schema
from integrations.table.contract import IndexStatus, TableDescription
from integrations.table.local_query import quote

T = TypeVar("T")

COLUMNS: tuple[str, ...] = (schema.PK, schema.SK) + tuple(
    a for a in schema.KEY_ATTRIBUTES if a not in (schema.PK, schema.SK)
)


class LocalAdministration:
    table_name: str
    _t: str

    # Provided by LocalTableStore.
    def _connection(self, *, create: bool = False) -> sqlite3.Connection:
        raise NotImplementedError

    async def _write(self, fn: Callable[..., T], *args: Any) -> T:
        raise NotImplementedError

    def _errors(self, operation: str) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def _transaction(self, conn: sqlite3.Connection) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def sqlite_index_name(self, index: str) -> str:
        return f"{self.table_name}:{index}"

    def _index_ddl(self, index: schema.IndexDef) -> str:
        h, r = quote(index.hash_key), quote(index.range_key)
        return (
            f"CREATE INDEX IF NOT EXISTS {quote(self.sqlite_index_name(index.name))} "
            f"ON {self._t} ({h}, {r}, pk, sk) WHERE {h} IS NOT NULL AND {r} IS NOT NULL"
        )

    def _table_exists(self, conn: sqlite3.Connection) -> bool:
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (self.table_name,)
        )
        return bool(row.fetchall())

    def _add_missing_columns(self, conn: sqlite3.Connection) -> None:
        """A key attribute added to the schema later gets its column, filled from the items."""
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({self._t})")}
        for name in COLUMNS:
            if name not in present:
                conn.execute(f"ALTER TABLE {self._t} ADD COLUMN {quote(name)} TEXT")
                path = "$." + json.dumps(name) + ".S"
                conn.execute(f"UPDATE {self._t} SET {quote(name)} = json_extract(doc, ?)", (path,))

    async def create_table(self) -> bool:
        instrumentation.record("dynamodb", "CreateTable")
        return await self._write(self._create_table_sync)

    def _create_table_sync(self) -> bool:
        with self._errors("CreateTable"):
            conn = self._connection(create=True)
            with self._transaction(conn):
                if self._table_exists(conn):
                    self._add_missing_columns(conn)
                    return False
                columns = ", ".join(
                    f"{quote(c)} TEXT" + (" NOT NULL" if c in (schema.PK, schema.SK) else "") for c in COLUMNS
                )
                conn.execute(
                    f"CREATE TABLE {self._t} ({columns}, doc TEXT NOT NULL, PRIMARY KEY (pk, sk)) WITHOUT ROWID"
                )
                for index in schema.TABLE_INDEXES:
                    conn.execute(self._index_ddl(index))
                return True

    async def create_index(self, name: str) -> None:
        index = schema.INDEXES_BY_NAME.get(name)
        if index is None:
            raise ValueError(f"unknown index {name!r}; known: {', '.join(schema.INDEXES_BY_NAME)}")
        instrumentation.record("dynamodb", "UpdateTable")
        await self._write(self._create_index_sync, index)

    def _create_index_sync(self, index: schema.IndexDef) -> None:
        with self._errors("UpdateTable"):
            conn = self._connection()
            with self._transaction(conn):
                if not self._table_exists(conn):
                    raise ResourceMissing(f"UpdateTable: table {self.table_name} does not exist")
                self._add_missing_columns(conn)
                # Built from the rows already there, in this transaction: like a finished
                # DynamoDB backfill, the index is complete when it appears.
                conn.execute(self._index_ddl(index))

    async def index_statuses(self) -> list[IndexStatus]:
        instrumentation.record("dynamodb", "DescribeTable")
        return self._statuses(count_items=True)

    async def describe(self) -> TableDescription:
        # No item counts: a readiness probe asks this every few seconds.
        instrumentation.record("dynamodb", "DescribeTable")
        return TableDescription("ACTIVE", self._statuses(count_items=False))

    def _statuses(self, *, count_items: bool) -> list[IndexStatus]:
        with self._errors("DescribeTable"):
            conn = self._connection()
            if not self._table_exists(conn):
                raise ResourceMissing(f"DescribeTable: table {self.table_name} does not exist")
            existing = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (self.table_name,)
                )
            }
            statuses = []
            for index in schema.INDEXES:
                sqlite_name = self.sqlite_index_name(index.name)
                if sqlite_name not in existing:
                    statuses.append(IndexStatus(index.name, index.hash_key, index.range_key, "MISSING"))
                    continue
                count = None
                if count_items:
                    h, r = quote(index.hash_key), quote(index.range_key)
                    count = conn.execute(
                        f"SELECT count(*) FROM {self._t} INDEXED BY {quote(sqlite_name)} "
                        f"WHERE {h} IS NOT NULL AND {r} IS NOT NULL"
                    ).fetchall()[0][0]
                statuses.append(IndexStatus(index.name, index.hash_key, index.range_key, "ACTIVE", count))
            return statuses
