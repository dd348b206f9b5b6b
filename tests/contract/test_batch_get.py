"""Batch reads: found and missing keys, repeats, chunks of 100, and (DynamoDB) unprocessed retries."""

from __future__ import annotations

from typing import Any

import pytest

from integrations import instrumentation
from integrations.errors import Throttled
from integrations.table import TableStore
from integrations.table.dynamodb import DynamoTableStore

PK = "ASSESSMENT#TRA-2026-000001"


def doc(n: int) -> dict:
    return {"pk": PK, "sk": f"DOC#{n:03d}", "n": n, "entity_type": "DOCUMENT"}


def key(n: int) -> tuple[str, str]:
    return PK, f"DOC#{n:03d}"


async def test_it_reads_the_items_found_keyed_by_pk_and_sk_in_the_order_asked(table: TableStore) -> None:
    await table.batch_write(puts=[doc(n) for n in range(5)])

    with instrumentation.recording() as calls:
        found = await table.batch_get([key(3), key(0), key(4)])

    assert list(found) == [key(3), key(0), key(4)]
    assert found[key(3)] == doc(3)
    assert calls.calls == [("dynamodb", "BatchGetItem")]


async def test_it_leaves_missing_items_out(table: TableStore) -> None:
    await table.batch_write(puts=[doc(1), doc(3)])

    found = await table.batch_get([key(1), key(2), key(3), ("ASSESSMENT#TRA-2026-999999", "META")])

    assert list(found) == [key(1), key(3)]


async def test_it_reads_a_key_named_twice_once(table: TableStore) -> None:
    # DynamoDB refuses duplicate keys in one BatchGetItem: they are dropped before the call.
    await table.batch_write(puts=[doc(1), doc(2)])

    with instrumentation.recording() as calls:
        found = await table.batch_get([key(2), key(1), key(2), key(2)])

    assert found == {key(2): doc(2), key(1): doc(1)}
    assert calls.count("dynamodb", "BatchGetItem") == 1


async def test_it_reads_more_than_100_keys_in_chunks_of_100(table: TableStore) -> None:
    await table.batch_write(puts=[doc(n) for n in range(0, 250, 2)])  # the even ones

    with instrumentation.recording() as calls:
        found = await table.batch_get([key(n) for n in range(250)])

    assert [item["n"] for item in found.values()] == list(range(0, 250, 2))
    assert calls.count("dynamodb", "BatchGetItem") == 3


async def test_it_counts_unique_keys_when_chunking(table: TableStore) -> None:
    await table.batch_write(puts=[doc(n) for n in range(100)])

    with instrumentation.recording() as calls:
        found = await table.batch_get([key(n) for n in range(100)] * 2)

    assert len(found) == 100
    assert calls.count("dynamodb", "BatchGetItem") == 1


async def test_it_makes_no_call_for_no_keys(table: TableStore) -> None:
    with instrumentation.recording() as calls:
        found = await table.batch_get([])

    assert found == {} and calls.calls == []


@pytest.mark.parametrize("bad", [("", "META"), (PK, ""), (1, "META")])
async def test_it_refuses_a_bad_key_before_reading_anything(table: TableStore, bad: Any) -> None:
    with pytest.raises((TypeError, ValueError)), instrumentation.recording() as calls:
        await table.batch_get([key(1), bad])

    assert calls.calls == []


async def test_it_reads_back_what_was_just_written(table: TableStore) -> None:
    await table.put(doc(7))
    await table.put({**doc(7), "n": 8})

    assert (await table.batch_get([key(7)]))[key(7)]["n"] == 8


class _Unprocessing:
    """Wraps the real client: the first ``times`` BatchGetItem calls read only the first
    ``keep`` keys and hand the rest back as UnprocessedKeys, as DynamoDB does under throttling
    (or past 16 MB of response)."""

    def __init__(self, client: Any, *, keep: int, times: int) -> None:
        self._client = client
        self._keep = keep
        self._times = times
        self.requests: list[dict] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    async def batch_get_item(self, *, RequestItems: dict[str, dict]) -> dict:  # noqa: N803 (boto's name)
        self.requests.append(RequestItems)
        if len(self.requests) > self._times:
            return await self._client.batch_get_item(RequestItems=RequestItems)
        (table_name, request), *_ = RequestItems.items()
        kept, handed_back = request["Keys"][: self._keep], request["Keys"][self._keep :]
        response: dict = {"Responses": {table_name: []}}
        if kept:
            response = await self._client.batch_get_item(RequestItems={table_name: {**request, "Keys": kept}})
        response["UnprocessedKeys"] = {table_name: {**request, "Keys": handed_back}} if handed_back else {}
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


async def test_it_retries_unprocessed_keys_until_all_are_read(
    dynamo_table: DynamoTableStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    await dynamo_table.batch_write(puts=[doc(n) for n in range(120)])
    wrappers = _wrap_client(monkeypatch, dynamo_table, keep=70, times=1)

    with instrumentation.recording() as calls:
        found = await dynamo_table.batch_get([key(n) for n in range(120)])

    assert list(found) == [key(n) for n in range(120)]
    # chunk 1 (100): 70 read, 30 handed back and retried; chunk 2 (20): read at once.
    assert calls.count("dynamodb", "BatchGetItem") == 3
    assert [len(r[dynamo_table.table_name]["Keys"]) for r in wrappers[0].requests] == [100, 30, 20]
    assert all(r[dynamo_table.table_name]["ConsistentRead"] is True for r in wrappers[0].requests)


async def test_it_gives_up_with_throttled_when_keys_stay_unprocessed(
    dynamo_table: DynamoTableStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    dynamo_table.max_batch_retries = 3
    _wrap_client(monkeypatch, dynamo_table, keep=0, times=100)

    with pytest.raises(Throttled, match="unprocessed"), instrumentation.recording() as calls:
        await dynamo_table.batch_get([key(n) for n in range(5)])

    assert calls.count("dynamodb", "BatchGetItem") == 4  # the first call and three retries
