"""Conditional writes: absent, present, and the optimistic lock on ``version``."""

from __future__ import annotations

import pytest

from integrations.errors import ConditionFailed, Conflict
from integrations.table import Condition, TableStore

KEY = ("ASSESSMENT#TRA-2026-000001", "META")


def item(version: int, **extra: object) -> dict:
    return {"pk": KEY[0], "sk": KEY[1], "version": version, **extra}


async def test_it_creates_only_when_absent(table: TableStore) -> None:
    await table.put(item(1, title="first"), condition=Condition.absent())

    with pytest.raises(ConditionFailed):
        await table.put(item(1, title="second"), condition=Condition.absent())

    assert (await table.get(*KEY))["title"] == "first"


async def test_it_replaces_only_when_present(table: TableStore) -> None:
    with pytest.raises(ConditionFailed):
        await table.put(item(1), condition=Condition.present())
    assert await table.get(*KEY) is None

    await table.put(item(1, title="a"))
    await table.put(item(2, title="b"), condition=Condition.present())

    assert (await table.get(*KEY))["title"] == "b"


async def test_it_lets_exactly_one_of_two_racing_editors_win(table: TableStore) -> None:
    await table.put(item(1, title="original"))

    # Both editors read version 1; the first save wins, the second is told it lost.
    await table.put(item(2, title="alice"), condition=Condition.version_is(1))
    with pytest.raises(ConditionFailed) as lost:
        await table.put(item(2, title="bob"), condition=Condition.version_is(1))

    assert isinstance(lost.value, Conflict)
    assert await table.get(*KEY) == item(2, title="alice")


async def test_it_fails_a_version_condition_on_a_missing_item(table: TableStore) -> None:
    with pytest.raises(ConditionFailed):
        await table.put(item(2), condition=Condition.version_is(1))

    assert await table.get(*KEY) is None


async def test_it_compares_versions_as_numbers_not_strings(table: TableStore) -> None:
    await table.put({"pk": KEY[0], "sk": KEY[1], "version": "1"})

    with pytest.raises(ConditionFailed):
        await table.put(item(2), condition=Condition.version_is(1))


async def test_it_deletes_conditionally(table: TableStore) -> None:
    await table.put(item(3))

    with pytest.raises(ConditionFailed):
        await table.delete(*KEY, condition=Condition.version_is(2))
    assert await table.get(*KEY) == item(3)
    with pytest.raises(ConditionFailed):
        await table.delete(*KEY, condition=Condition.absent())

    await table.delete(*KEY, condition=Condition.version_is(3))

    assert await table.get(*KEY) is None
    with pytest.raises(ConditionFailed):
        await table.delete(*KEY, condition=Condition.present())
