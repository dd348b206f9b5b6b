"""Items shaped for one index (or the table), and the order DynamoDB returns them in."""

from __future__ import annotations

from typing import Any

from integrations.table import TableStore, schema
from integrations.table.codec import key_names
from integrations.table.contract import Item, SortKey

# Every index (None: the table itself); each query test runs on all of them.
ALL_SHAPES: list[str | None] = [None, *(index.name for index in schema.INDEXES)]

# Chosen so byte order (DynamoDB's) differs from naive orders: '#' < letters, accented and
# non-BMP characters after ASCII, U+FFFF before U+1D11E (UTF-16 code-unit order would swap them).
RANGE_VALUES = ["a", "a#1", "a#2", "ab", "b", "b#1", "b#2", "c", "é", "€", "\uffff", "𝄞"]


def shaped_item(index: str | None, partition: str, range_value: str, n: int, **extra: Any) -> Item:
    """An item found under ``partition`` / ``range_value`` in ``index`` (or the table)."""
    hash_name, range_name = key_names(index)
    if index is None:
        return {hash_name: partition, range_name: range_value, "n": n, **extra}
    return {
        "pk": f"ITEM#{n:04d}",
        "sk": "DATA",
        hash_name: partition,
        range_name: range_value,
        "n": n,
        **extra,
    }


def range_of(item: Item, index: str | None) -> str:
    return item[key_names(index)[1]]


def dynamodb_order(items: list[Item], index: str | None, *, forward: bool = True) -> list[Item]:
    """By the range key, then (on an index, where range values may repeat) by the table keys."""
    hash_name, range_name = key_names(index)
    ordered = sorted(items, key=lambda i: (i[range_name].encode(), i["pk"].encode(), i["sk"].encode()))
    return ordered if forward else ordered[::-1]


def matches(value: str, sort: SortKey | None) -> bool:
    if sort is None:
        return True
    v, a = value.encode(), sort.value.encode()
    if sort.op == "eq":
        return v == a
    if sort.op == "lt":
        return v < a
    if sort.op == "lte":
        return v <= a
    if sort.op == "gt":
        return v > a
    if sort.op == "gte":
        return v >= a
    if sort.op == "begins_with":
        return v.startswith(a)
    assert sort.upper is not None
    return a <= v <= sort.upper.encode()


async def seed(table: TableStore, index: str | None, partition: str = "P#1") -> list[Item]:
    """RANGE_VALUES under ``partition``, plus neighbours the query must not return."""
    wanted = [shaped_item(index, partition, value, n) for n, value in enumerate(RANGE_VALUES)]
    others = [
        shaped_item(index, "P#0", "b", 100),  # the partitions either side
        shaped_item(index, "P#2", "b", 101),
        shaped_item(index, partition + "#", "b", 102),  # a longer partition key with our prefix
    ]
    await table.batch_write(puts=wanted + others)
    return wanted


async def collect(table: TableStore, **query: Any) -> tuple[list[Item], list[int]]:
    """Follow ``last_key`` until exhausted; returns the items and each page's size."""
    items: list[Item] = []
    sizes: list[int] = []
    start_key = None
    for _ in range(1000):
        page = await table.query(start_key=start_key, **query)
        items.extend(page.items)
        sizes.append(len(page.items))
        if page.last_key is None:
            return items, sizes
        start_key = page.last_key
    raise AssertionError("pagination did not end")
