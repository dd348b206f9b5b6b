"""Every Query shape the local store issues walks an index: never a scan, never a sort.

Two proofs: SQLite's own plan for each shape, and the work a deep page costs (counted in
SQLite VM steps), which must not grow with how many rows come before the page.
"""

from __future__ import annotations

import sqlite3

import pytest

from integrations.table import SortKey, schema
from integrations.table.codec import key_names
from integrations.table.local import LocalTableStore
from tests.contract.helpers import ALL_SHAPES, shaped_item

SORTS: list[SortKey | None] = [
    None,
    SortKey.eq("b"),
    SortKey.lt("b"),
    SortKey.lte("b"),
    SortKey.gt("b"),
    SortKey.gte("b"),
    SortKey.begins_with("b"),
    SortKey.between("a", "c"),
]


def _start_key(index: str | None, range_value: str, n: int = 7) -> dict:
    """The last_key a page ending at item ``n`` (with ``range_value``) would carry."""
    return {name: value for name, value in shaped_item(index, "P#1", range_value, n).items() if name != "n"}


def _plan(store: LocalTableStore, **query: object) -> list[str]:
    sql, params = store.query_sql(**query)  # type: ignore[arg-type]
    rows = store._connection().execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return [row[3] for row in rows]


@pytest.mark.parametrize("index", ALL_SHAPES)
@pytest.mark.parametrize("sort", SORTS, ids=lambda s: "none" if s is None else s.op)
@pytest.mark.parametrize("forward", [True, False], ids=["forward", "backward"])
@pytest.mark.parametrize("start", [None, "b"], ids=["first-page", "next-page"])
def test_it_seeks_into_an_index_for_every_query_shape(
    local_table: LocalTableStore, index: str | None, sort: SortKey | None, forward: bool, start: str | None
) -> None:
    start_key = None if start is None else _start_key(index, start)

    plan = _plan(
        local_table, partition="P#1", sort=sort, index=index, forward=forward, limit=20, start_key=start_key
    )

    hash_name, _range_name = key_names(index)
    using = "PRIMARY KEY" if index is None else f"INDEX {local_table.sqlite_index_name(index)}"
    assert len(plan) == 1, plan  # one step: no temp B-tree for ORDER BY, no second pass
    assert plan[0].startswith(f"SEARCH {local_table.table_name} USING {using} ({hash_name}=?"), plan


def _steps(store: LocalTableStore, **query: object) -> int:
    """SQLite VM steps the query takes: grows with rows visited, not with rows skipped by a seek."""
    sql, params = store.query_sql(**query)  # type: ignore[arg-type]
    conn: sqlite3.Connection = store._connection()
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    conn.set_progress_handler(count, 1)
    try:
        conn.execute(sql, params).fetchall()
    finally:
        conn.set_progress_handler(None, 1)
    return steps


@pytest.mark.parametrize("index", [None, "gsi1", "gsi4-state-updated"])
@pytest.mark.parametrize(
    "sort",
    [
        None,
        SortKey.gte("r0001"),
        SortKey.lte("r1998"),
        SortKey.between("r0001", "r1998"),
        SortKey.begins_with("r"),
    ],
    ids=["none", "gte", "lte", "between", "begins_with"],
)
@pytest.mark.parametrize("forward", [True, False], ids=["forward", "backward"])
async def test_it_reads_a_deep_page_as_cheaply_as_the_first(
    local_table: LocalTableStore, index: str | None, sort: SortKey | None, forward: bool
) -> None:
    values = [f"r{n:04d}" for n in range(2000)]
    await local_table.batch_write(puts=[shaped_item(index, "P#1", v, n) for n, v in enumerate(values)])
    deep = 1500 if forward else 500  # 1,500 rows before the page either way

    first = _steps(local_table, partition="P#1", sort=sort, index=index, forward=forward, limit=20)
    later = _steps(
        local_table,
        partition="P#1",
        sort=sort,
        index=index,
        forward=forward,
        limit=20,
        start_key=_start_key(index, values[deep], deep),
    )

    assert later < first * 1.5 + 50, (first, later)


def test_it_makes_every_gsi_a_partial_index_of_the_table(local_table: LocalTableStore) -> None:
    conn = local_table._connection()
    rows = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())

    for index in schema.INDEXES:
        sql = rows[local_table.sqlite_index_name(index.name)]
        assert f'WHERE "{index.hash_key}" IS NOT NULL AND "{index.range_key}" IS NOT NULL' in sql
