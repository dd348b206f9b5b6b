"""Batch writes: chunks of 25, what is refused up front, and (DynamoDB) unprocessed retries."""

from __future__ import annotations

from typing import Any

import pytest

from integrations import instrumentation
from integrations.errors import Throttled
from integrations.table import TableStore
from integrations.table.dynamodb import DynamoTableStore


def doc(n: int) -> dict:
    return {"pk": "ASSESSMENT#TRA-2026-000001", "sk": f"DOC#{n:03d}", "n": n, "entity_type": "DOCUMENT"}


async def test_it_writes_more_than_25_items_in_chunks_of_25(table: TableStore) -> None:
    with instrumentation.recording() as calls:
        result = await table.batch_write(puts=[doc(n) for n in range(60)])

    page = await table.query(partition="ASSESSMENT#TRA-2026-000001")
    assert [i["n"] for i in page.items] == list(range(60))
    assert calls.count("dynamodb", "BatchWriteItem") == 3
    assert (result.attempts, result.written, result.retried_items) == (3, 60, 0)


async def test_it_mixes_puts_and_deletes(table: TableStore) -> None:
    await table.batch_write(puts=[doc(n) for n in range(30)])

    result = await table.batch_write(
        puts=[doc(n) for n in range(30, 40)], deletes=[(doc(n)["pk"], doc(n)["sk"]) for n in range(0, 30, 2)]
    )

    page = await table.query(partition="ASSESSMENT#TRA-2026-000001")
    assert [i["n"] for i in page.items] == [n for n in range(40) if n >= 30 or n % 2]
    assert result.written == 25 and result.attempts == 1


async def test_it_does_nothing_for_an_empty_batch(table: TableStore) -> None:
    with instrumentation.recording() as calls:
        result = await table.batch_write()

    assert result.attempts == 0 and calls.calls == []


async def test_it_refuses_a_float_anywhere_before_writing_anything(table: TableStore) -> None:
    items = [doc(n) for n in range(40)]
    items[35]["score"] = 0.5

    with pytest.raises(TypeError, match="float"):
        await table.batch_write(puts=items)

    assert (await table.query(partition="ASSESSMENT#TRA-2026-000001")).items == []


async def test_it_refuses_a_batch_naming_one_key_twice(table: TableStore) -> None:
    # DynamoDB refuses duplicates within one call; both backends refuse them in a whole batch.
    with pytest.raises(ValueError, match="more than once"):
        await table.batch_write(puts=[doc(1), doc(2)], deletes=[(doc(1)["pk"], doc(1)["sk"])])

    assert (await table.query(partition="ASSESSMENT#TRA-2026-000001")).items == []


class _Unprocessing:
    """Wraps the real client: the first ``times`` BatchWriteItem calls write only some items
    and hand the rest back as UnprocessedItems, as DynamoDB does under throttling."""

    def __init__(self, client: Any, *, keep: int, times: int) -> None:
        self._client = client
        self._keep = keep
        self._times = times
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    async def batch_write_item(self, *, RequestItems: dict[str, list]) -> dict:  # noqa: N803 (boto's name)
        self.calls += 1
        if self.calls > self._times:
            return await self._client.batch_write_item(RequestItems=RequestItems)
        (table_name, requests), *_ = RequestItems.items()
        kept, handed_back = requests[: self._keep], requests[self._keep :]
        response = await self._client.batch_write_item(RequestItems={table_name: kept}) if kept else {}
        response["UnprocessedItems"] = {table_name: handed_back} if handed_back else {}
        return response


def _wrap_client(
    monkeypatch: pytest.MonkeyPatch, store: DynamoTableStore, **kwargs: Any
) -> list[_Unprocessing]:
    wrappers: list[_Unprocessing] = []
    real = store._client

    async def wrapped() -> Any:
        if not wrappers:
            wrappers.append(_Unprocessing(await real(), **kwargs))
        return wrappers[0]

    monkeypatch.setattr(store, "_client", wrapped)
    return wrappers


async def test_it_retries_unprocessed_items_until_all_are_written(
    dynamo_table: DynamoTableStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wrap_client(monkeypatch, dynamo_table, keep=20, times=1)

    with instrumentation.recording() as calls:
        result = await dynamo_table.batch_write(puts=[doc(n) for n in range(30)])

    page = await dynamo_table.query(partition="ASSESSMENT#TRA-2026-000001")
    assert [i["n"] for i in page.items] == list(range(30))
    # chunk 1 (25): 20 written, 5 handed back and retried; chunk 2 (5): written at once.
    assert (result.attempts, result.written, result.retried_items) == (3, 30, 5)
    assert calls.count("dynamodb", "BatchWriteItem") == 3


async def test_it_gives_up_with_throttled_when_items_stay_unprocessed(
    dynamo_table: DynamoTableStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    dynamo_table.max_batch_retries = 3
    _wrap_client(monkeypatch, dynamo_table, keep=0, times=100)

    with pytest.raises(Throttled, match="unprocessed"), instrumentation.recording() as calls:
        await dynamo_table.batch_write(puts=[doc(n) for n in range(5)])

    assert calls.count("dynamodb", "BatchWriteItem") == 4  # the first call and three retries
