"""What only GSIs do: sparse membership, repeated range values, and missing indexes."""

from __future__ import annotations

import pytest

from integrations.errors import NotFound
from integrations.table import SortKey, TableStore, schema
from tests.contract.helpers import collect, dynamodb_order, shaped_item

GSIS = [index.name for index in schema.INDEXES]


@pytest.mark.parametrize("index", GSIS)
async def test_it_leaves_items_without_both_index_keys_out_of_the_index(
    table: TableStore, index: str
) -> None:
    definition = schema.INDEXES_BY_NAME[index]
    both = shaped_item(index, "P#1", "r", 1)
    only_hash = {"pk": "ITEM#2", "sk": "DATA", definition.hash_key: "P#1"}
    only_range = {"pk": "ITEM#3", "sk": "DATA", definition.range_key: "r"}
    await table.batch_write(puts=[both, only_hash, only_range])

    page = await table.query(partition="P#1", index=index)

    assert page.items == [both]
    assert await table.get("ITEM#2", "DATA") == only_hash  # still in the table


@pytest.mark.parametrize("index", GSIS)
@pytest.mark.parametrize("forward", [True, False], ids=["forward", "backward"])
async def test_it_orders_equal_range_values_by_the_table_keys(
    table: TableStore, index: str, forward: bool
) -> None:
    # Index keys need not be unique; DynamoDB (and moto) order ties by the table's keys.
    items = [shaped_item(index, "P#1", "same", n) for n in (3, 1, 2)]
    items += [{**shaped_item(index, "P#1", "same", 1), "sk": "ZZZ"}, shaped_item(index, "P#1", "other", 4)]
    await table.batch_write(puts=items)

    page = await table.query(partition="P#1", index=index, forward=forward)
    paged, _sizes = await collect(table, partition="P#1", index=index, forward=forward, limit=1)

    assert page.items == dynamodb_order(items, index, forward=forward)
    assert paged == page.items


@pytest.mark.parametrize("index", GSIS)
async def test_it_follows_writes_into_and_out_of_an_index_partition(table: TableStore, index: str) -> None:
    definition = schema.INDEXES_BY_NAME[index]
    hash_name, range_name = definition.hash_key, definition.range_key
    moving = shaped_item(index, "P#1", "m", 1)
    staying = shaped_item(index, "P#1", "s", 2)
    await table.batch_write(puts=[moving, staying])

    await table.put({**moving, hash_name: "P#2"})  # moves to another partition
    await table.put({k: v for k, v in staying.items() if k != range_name})  # leaves the index

    assert (await table.query(partition="P#1", index=index)).items == []
    assert [i["n"] for i in (await table.query(partition="P#2", index=index)).items] == [1]
    await table.delete(moving["pk"], moving["sk"])
    assert (await table.query(partition="P#2", index=index)).items == []


async def test_it_raises_not_found_for_an_index_the_table_lacks(bare_table: TableStore) -> None:
    await bare_table.put(shaped_item("gsi2-session-entity", "S#1", "DOCUMENT", 1))

    with pytest.raises(NotFound):
        await bare_table.query(partition="S#1", index="gsi2-session-entity")
    assert (await bare_table.query(partition="U#1", index="gsi1")).items == []


async def test_it_raises_not_found_for_an_index_name_outside_the_schema(table: TableStore) -> None:
    with pytest.raises(NotFound):
        await table.query(partition="P#1", index="gsi9-nothing")


async def test_it_raises_not_found_for_a_table_that_does_not_exist(absent_table: TableStore) -> None:
    with pytest.raises(NotFound):
        await absent_table.get("P#1", "S")
    with pytest.raises(NotFound):
        await absent_table.query(partition="P#1")
    with pytest.raises(NotFound):
        await absent_table.index_statuses()


@pytest.mark.parametrize(
    "query",
    [
        {"partition": ""},
        {"partition": "P#1", "limit": 0},
        {"partition": "P#1", "sort": SortKey.between("b", "a")},
        {"partition": "P#1", "sort": SortKey.begins_with("")},
        {"partition": "P#1", "start_key": {"pk": "P#2", "sk": "a"}},
        {"partition": "P#1", "index": "gsi1", "start_key": {"pk": "P#1", "sk": "a"}},
    ],
    ids=[
        "empty-partition",
        "zero-limit",
        "between-reversed",
        "empty-prefix",
        "foreign-start",
        "table-start-on-index",
    ],
)
async def test_it_refuses_queries_dynamodb_would_refuse(table: TableStore, query: dict) -> None:
    with pytest.raises(ValueError):
        await table.query(**query)
