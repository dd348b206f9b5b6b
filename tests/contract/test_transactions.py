"""Transactions: all or nothing, with one reason per operation when cancelled."""

from __future__ import annotations

import pytest

from integrations import instrumentation
from integrations.errors import Conflict, TransactionCanceled
from integrations.table import Check, Condition, Delete, Put, TableStore

PK = "ASSESSMENT#TRA-2026-000001"


async def _assessment(table: TableStore, version: int = 1) -> None:
    await table.put({"pk": PK, "sk": "META", "current_state": "DRAFT", "version": version})


async def test_it_applies_every_operation_together(table: TableStore) -> None:
    await _assessment(table)
    await table.put({"pk": PK, "sk": "ANSWER#Q-01", "value": "Yes"})
    await table.put({"pk": PK, "sk": "ANSWER#Q-02", "value": "No"})

    with instrumentation.recording() as calls:
        await table.transact(
            [
                Put(
                    {"pk": PK, "sk": "META", "current_state": "SUBMITTED", "version": 2},
                    Condition.version_is(1),
                ),
                Put(
                    {"pk": PK, "sk": "EVENT#2026-01-01T00:00:00#1", "event_type": "SUBMITTED"},
                    Condition.absent(),
                ),
                Delete(PK, "ANSWER#Q-01"),
                Check(PK, "ANSWER#Q-02", Condition.present()),
            ]
        )

    assert (await table.get(PK, "META"))["current_state"] == "SUBMITTED"
    assert await table.get(PK, "EVENT#2026-01-01T00:00:00#1") is not None
    assert await table.get(PK, "ANSWER#Q-01") is None
    assert calls.calls == [("dynamodb", "TransactWriteItems")]


async def test_it_writes_nothing_when_one_condition_fails_and_says_which(table: TableStore) -> None:
    await _assessment(table, version=2)  # someone else saved first
    await table.put({"pk": PK, "sk": "ANSWER#Q-01", "value": "Yes"})

    with pytest.raises(TransactionCanceled) as cancelled:
        await table.transact(
            [
                Put(
                    {"pk": PK, "sk": "EVENT#2026-01-01T00:00:00#1", "event_type": "SUBMITTED"},
                    Condition.absent(),
                ),
                Put(
                    {"pk": PK, "sk": "META", "current_state": "SUBMITTED", "version": 2},
                    Condition.version_is(1),
                ),
                Delete(PK, "ANSWER#Q-01"),
                Check(PK, "REVIEW#1", Condition.absent()),
            ]
        )

    assert isinstance(cancelled.value, Conflict)
    assert cancelled.value.reasons == [None, "ConditionalCheckFailed", None, None]
    assert (await table.get(PK, "META"))["current_state"] == "DRAFT"
    assert await table.get(PK, "EVENT#2026-01-01T00:00:00#1") is None
    assert await table.get(PK, "ANSWER#Q-01") is not None


async def test_it_reports_every_failed_check(table: TableStore) -> None:
    await _assessment(table)

    with pytest.raises(TransactionCanceled) as cancelled:
        await table.transact(
            [
                Check(PK, "META", Condition.absent()),
                Check(PK, "MISSING", Condition.present()),
                Check(PK, "OTHER", Condition.absent()),
            ]
        )

    assert cancelled.value.reasons == ["ConditionalCheckFailed", "ConditionalCheckFailed", None]


async def test_it_refuses_two_operations_on_one_item(table: TableStore) -> None:
    with pytest.raises(ValueError, match="more than once"):
        await table.transact([Put({"pk": PK, "sk": "META"}), Check(PK, "META", Condition.absent())])

    assert await table.get(PK, "META") is None


async def test_it_refuses_more_than_100_operations(table: TableStore) -> None:
    with pytest.raises(ValueError, match="100"):
        await table.transact([Put({"pk": PK, "sk": f"EVENT#{n:03d}"}) for n in range(101)])

    assert (await table.query(partition=PK)).items == []
