"""Updates in place and the conditions that order writes without making them conflict."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from integrations.errors import TransactionCanceled
from integrations.table import Condition, Put, TableStore
from integrations.table.contract import Update
from integrations.table.dynamodb import DynamoTableStore

PK = "ASSESSMENT#TRA-2026-000001"
EDITABLE = ("draft", "sent_back")


async def _meta(table: TableStore, **extra: Any) -> None:
    await table.put({"pk": PK, "sk": "META", "current_state": "draft", "version": 1, **extra})


async def test_it_sets_and_adds_without_touching_the_other_attributes(table: TableStore) -> None:
    await _meta(table, title="Payroll")

    await table.transact(
        [Update(PK, "META", set={"updated_at": "2026-01-02", "gsi1_sk": "2026-01-02"}, add={"version": 1})]
    )

    assert await table.get(PK, "META") == {
        "pk": PK,
        "sk": "META",
        "current_state": "draft",
        "version": 2,
        "title": "Payroll",
        "updated_at": "2026-01-02",
        "gsi1_sk": "2026-01-02",
    }


async def test_it_counts_a_missing_number_as_zero_when_adding(table: TableStore) -> None:
    await _meta(table)

    await table.transact([Update(PK, "META", add={"areas_rev": 1})])

    assert (await table.get(PK, "META"))["areas_rev"] == 1


async def test_it_creates_the_item_when_an_unconditional_update_finds_none(table: TableStore) -> None:
    await table.transact([Update(PK, "COUNTER", add={"n": 3})])

    assert await table.get(PK, "COUNTER") == {"pk": PK, "sk": "COUNTER", "n": 3}


async def test_it_applies_an_update_only_while_the_state_is_one_of_the_values(table: TableStore) -> None:
    await _meta(table, current_state="submitted")

    with pytest.raises(TransactionCanceled) as cancelled:
        await table.transact(
            [
                Put({"pk": PK, "sk": "ANSWER#Q-01", "value": "Yes", "version": 1}, Condition.absent()),
                Update(PK, "META", add={"version": 1}, condition=Condition.one_of("current_state", EDITABLE)),
            ]
        )

    assert cancelled.value.reasons == [None, "ConditionalCheckFailed"]
    assert await table.get(PK, "ANSWER#Q-01") is None
    assert (await table.get(PK, "META"))["version"] == 1


async def test_it_fails_one_of_on_a_missing_item(table: TableStore) -> None:
    with pytest.raises(TransactionCanceled):
        await table.transact(
            [Update(PK, "META", add={"version": 1}, condition=Condition.one_of("current_state", EDITABLE))]
        )

    assert await table.get(PK, "META") is None


async def test_it_treats_a_missing_counter_as_zero_in_a_condition(table: TableStore) -> None:
    await _meta(table)
    at_zero = Condition.all_of(
        Condition.one_of("current_state", EDITABLE), Condition.counter_is("areas_rev", 0)
    )

    await table.transact([Update(PK, "META", add={"areas_rev": 1}, condition=at_zero)])
    with pytest.raises(TransactionCanceled) as stale:
        await table.transact([Update(PK, "META", add={"areas_rev": 1}, condition=at_zero)])
    await table.transact(
        [Update(PK, "META", add={"areas_rev": 1}, condition=Condition.counter_is("areas_rev", 1))]
    )

    assert stale.value.reasons == ["ConditionalCheckFailed"]
    assert (await table.get(PK, "META"))["areas_rev"] == 2


async def test_it_fails_counter_zero_when_the_item_is_missing(table: TableStore) -> None:
    with pytest.raises(TransactionCanceled):
        await table.transact(
            [Update(PK, "META", add={"n": 1}, condition=Condition.counter_is("areas_rev", 0))]
        )


async def test_it_keeps_every_increment_of_concurrent_adds(table: TableStore) -> None:
    await _meta(table)
    editable = Condition.one_of("current_state", EDITABLE)

    await asyncio.gather(
        *(
            table.transact(
                [
                    Put(
                        {"pk": PK, "sk": f"ANSWER#Q-{n:02d}", "value": "Yes", "version": 1},
                        Condition.absent(),
                    ),
                    Update(PK, "META", add={"version": 1}, condition=editable),
                ]
            )
            for n in range(5)
        )
    )

    assert (await table.get(PK, "META"))["version"] == 6


@pytest.mark.parametrize(
    ("update", "error"),
    [
        (Update(PK, "META"), ValueError),  # nothing to do
        (Update(PK, "META", set={"pk": "other"}), ValueError),
        (Update(PK, "META", set={"n": 1.5}), TypeError),
        (Update(PK, "META", set={"gsi1_sk": 3}), TypeError),
        (Update(PK, "META", add={"n": "1"}), TypeError),
        (Update(PK, "META", set={"n": 1}, add={"n": 1}), ValueError),
        (Update(PK, "META", add={"n": 1}, condition=Condition.one_of("current_state", ())), ValueError),
    ],
)
async def test_it_refuses_a_malformed_update_before_writing(
    table: TableStore, update: Update, error: type[Exception]
) -> None:
    await _meta(table)

    with pytest.raises(error):
        await table.transact([update])

    assert (await table.get(PK, "META"))["version"] == 1


class _ContendedClient:
    """A DynamoDB client whose first transactions meet another one on the same item."""

    def __init__(self, conflicts: int, reasons: list[str]) -> None:
        self.conflicts = conflicts
        self.reasons = reasons
        self.calls = 0

    async def transact_write_items(self, **_kwargs: Any) -> dict[str, Any]:
        from botocore.exceptions import ClientError

        self.calls += 1
        if self.calls <= self.conflicts:
            raise ClientError(
                {
                    "Error": {"Code": "TransactionCanceledException", "Message": "cancelled"},
                    "CancellationReasons": [{"Code": r} for r in self.reasons],
                },
                "TransactWriteItems",
            )
        return {}


def _store_with(client: _ContendedClient) -> DynamoTableStore:
    store = DynamoTableStore("tra-test", None, "eu-west-2", backoff_base=0.0001)

    async def _client() -> Any:
        return client

    store._client = _client  # type: ignore[method-assign]
    return store


async def test_it_sends_a_transaction_again_when_it_only_met_another_one() -> None:
    client = _ContendedClient(conflicts=3, reasons=["None", "TransactionConflict"])

    await _store_with(client).transact([Update(PK, "META", add={"version": 1})])

    assert client.calls == 4


async def test_it_reports_a_failed_condition_at_once_even_beside_a_conflict() -> None:
    client = _ContendedClient(conflicts=1, reasons=["ConditionalCheckFailed", "TransactionConflict"])

    with pytest.raises(TransactionCanceled) as cancelled:
        await _store_with(client).transact([Update(PK, "META", add={"version": 1})])

    assert client.calls == 1
    assert cancelled.value.reasons == ["ConditionalCheckFailed", "TransactionConflict"]


async def test_it_gives_up_on_contention_that_outlasts_its_retries() -> None:
    client = _ContendedClient(conflicts=100, reasons=["TransactionConflict"])
    store = _store_with(client)

    with pytest.raises(TransactionCanceled) as cancelled:
        await store.transact([Update(PK, "META", add={"version": 1})])

    assert client.calls == store.max_transaction_retries + 1
    assert cancelled.value.reasons == ["TransactionConflict"]
