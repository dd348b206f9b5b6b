"""Query on the table and on every GSI: key conditions, order, limits, pagination, sparseness."""

from __future__ import annotations

import pytest

from integrations import instrumentation
from integrations.table import SortKey, TableStore
from integrations.table.codec import key_names
from tests.contract.helpers import ALL_SHAPES, collect, dynamodb_order, matches, range_of, seed

pytestmark = pytest.mark.parametrize("index", ALL_SHAPES)

SORT_CASES = [
    SortKey.eq("b"),
    SortKey.lt("b"),
    SortKey.lte("b"),
    SortKey.gt("b"),
    SortKey.gte("b"),
    SortKey.begins_with("a#"),
    SortKey.begins_with("\uffff"),
    SortKey.between("a#2", "b#1"),
    SortKey.between("é", "𝄞"),
]


async def test_it_returns_a_partition_in_range_key_byte_order(table: TableStore, index: str | None) -> None:
    wanted = await seed(table, index)

    forward = await table.query(partition="P#1", index=index)
    backward = await table.query(partition="P#1", index=index, forward=False)

    assert forward.items == dynamodb_order(wanted, index)
    assert backward.items == dynamodb_order(wanted, index, forward=False)
    assert forward.last_key is None and backward.last_key is None


@pytest.mark.parametrize("sort", SORT_CASES, ids=lambda s: f"{s.op}-{s.value}")
async def test_it_applies_each_key_condition_in_both_directions(
    table: TableStore, index: str | None, sort: SortKey
) -> None:
    wanted = await seed(table, index)
    expected = dynamodb_order([i for i in wanted if matches(range_of(i, index), sort)], index)

    forward = await table.query(partition="P#1", index=index, sort=sort)
    backward = await table.query(partition="P#1", index=index, sort=sort, forward=False)

    assert [range_of(i, index) for i in forward.items] == [range_of(i, index) for i in expected]
    assert forward.items == expected
    assert backward.items == expected[::-1]


@pytest.mark.parametrize("limit", [1, 5])
@pytest.mark.parametrize("sort", [None, SortKey.gte("a#2")], ids=["all", "gte"])
async def test_it_pages_through_every_item_exactly_once(
    table: TableStore, index: str | None, limit: int, sort: SortKey | None
) -> None:
    wanted = await seed(table, index)
    for forward in (True, False):
        expected = dynamodb_order(
            [i for i in wanted if matches(range_of(i, index), sort)], index, forward=forward
        )

        with instrumentation.recording() as calls:
            items, sizes = await collect(
                table, partition="P#1", index=index, sort=sort, forward=forward, limit=limit
            )

        assert items == expected
        assert all(size <= limit for size in sizes)
        assert calls.count("dynamodb", "Query") == len(sizes)  # one Query per page


async def test_it_gives_a_last_key_whenever_a_page_is_full(table: TableStore, index: str | None) -> None:
    # DynamoDB stops at Limit and returns LastEvaluatedKey even when nothing follows;
    # only the next, empty page says the query is exhausted.
    await seed(table, index)

    first = await table.query(partition="P#1", index=index, limit=6)
    second = await table.query(partition="P#1", index=index, limit=6, start_key=first.last_key)
    third = await table.query(partition="P#1", index=index, limit=6, start_key=second.last_key)

    assert len(first.items) == len(second.items) == 6
    assert second.last_key is not None
    assert third.items == [] and third.last_key is None


async def test_it_shapes_the_last_key_like_dynamodb(table: TableStore, index: str | None) -> None:
    await seed(table, index)

    page = await table.query(partition="P#1", index=index, limit=2)

    last = page.items[-1]
    expected_names = {"pk", "sk", *key_names(index)}
    assert page.last_key == {name: last[name] for name in expected_names}


async def test_it_returns_an_empty_page_for_an_empty_partition(table: TableStore, index: str | None) -> None:
    await seed(table, index)

    page = await table.query(partition="P#9", index=index, limit=5)

    assert page.items == [] and page.last_key is None
