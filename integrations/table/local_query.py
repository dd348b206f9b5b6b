"""The SELECT behind a local Query: one seek into an index, one walk, never a scan.

A Query's key condition and its start key are turned into at most one lower and one upper
bound on the walked index, so SQLite seeks straight to the page's first row however deep
the page is. Where the start key and the sort condition both bound the same side, only the
tighter one is kept: given two bounds on one side SQLite may seek on either, and seeking on
the looser one would read every earlier row again on each page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from integrations.table import codec, schema
from integrations.table.contract import Item, SortKey


def quote(identifier: str) -> str:
    """Quote an SQL identifier (table and index names hold '-' and ':')."""
    return '"' + identifier.replace('"', '""') + '"'


@dataclass(frozen=True)
class _Bound:
    value: str
    inclusive: bool


def _sort_bounds(sort: SortKey | None) -> tuple[_Bound | None, _Bound | None]:
    """(lower, upper) bounds on the range key that the key condition sets."""
    if sort is None:
        return None, None
    v = sort.value
    if sort.op == "eq":
        return _Bound(v, True), _Bound(v, True)
    if sort.op == "lt":
        return None, _Bound(v, False)
    if sort.op == "lte":
        return None, _Bound(v, True)
    if sort.op == "gt":
        return _Bound(v, False), None
    if sort.op == "gte":
        return _Bound(v, True), None
    if sort.op == "between":
        assert sort.upper is not None
        return _Bound(v, True), _Bound(sort.upper, True)
    upper = codec.prefix_upper_bound(v)  # begins_with
    return _Bound(v, True), (None if upper is None else _Bound(upper, False))


def _start_is_tighter(start: str, bound: _Bound | None, *, walking_up: bool) -> bool:
    """Whether the start key lies inside ``bound`` (the side the walk starts from)."""
    if bound is None:
        return True
    s, b = start.encode(), bound.value.encode()  # DynamoDB's order: UTF-8 bytes
    if walking_up:
        return s > b or (s == b and bound.inclusive)
    return s < b or (s == b and bound.inclusive)


def _scalar(column: str, bound: _Bound, *, lower: bool) -> str:
    op = (">" if lower else "<") + ("=" if bound.inclusive else "")
    return f"{column} {op} ?"


def build_query_sql(
    *,
    table: str,
    sqlite_index: str | None,
    partition: str,
    sort: SortKey | None,
    index: str | None,
    forward: bool,
    limit: int | None,
    start_key: Item | None,
) -> tuple[str, list[Any]]:
    hash_name, range_name = codec.key_names(index)
    h, r = quote(hash_name), quote(range_name)
    # On an index, rows with equal range values are ordered by the table keys (as DynamoDB
    # and moto order them), so the start key is the row value (range, pk, sk).
    walk = f"({r}, pk, sk)" if index is not None else r
    lower, upper = _sort_bounds(sort)
    where, params = [f"{h} = ?"], [partition]
    start_sql: str | None = None
    start_params: list[Any] = []
    if start_key is not None:
        start_range = start_key[range_name]
        near = lower if forward else upper
        if _start_is_tighter(start_range, near, walking_up=forward):
            if forward:
                lower = None
            else:
                upper = None
            marks = "(?, ?, ?)" if index is not None else "?"
            start_sql = f"{walk} {'>' if forward else '<'} {marks}"
            start_params = (
                [start_range, start_key[schema.PK], start_key[schema.SK]]
                if index is not None
                else [start_range]
            )
        # else: the start key lies before the condition's range, so it excludes nothing.
    for bound, is_lower in ((lower, True), (upper, False)):
        if bound is not None:
            where.append(_scalar(r, bound, lower=is_lower))
            params.append(bound.value)
    if start_sql is not None:
        where.append(start_sql)
        params.extend(start_params)
    if index is not None and lower is None and upper is None:
        # A bound on the range key implies it is not NULL; without one, say so, or SQLite
        # cannot prove the partial index holds every row the query wants.
        where.append(f"{r} IS NOT NULL")
    direction = "ASC" if forward else "DESC"
    if index is None:
        source, order = quote(table), f"sk {direction}"
    else:
        assert sqlite_index is not None
        # INDEXED BY: use this index or fail ("no such index" is the missing-GSI NotFound).
        source = f"{quote(table)} INDEXED BY {quote(sqlite_index)}"
        order = f"{r} {direction}, pk {direction}, sk {direction}"
    params.append(limit if limit is not None else -1)
    return f"SELECT doc FROM {source} WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?", params
