"""Items: get, put, delete, what values survive a round trip, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from integrations import instrumentation
from integrations.table import TableStore

RICH_ITEM = {
    "pk": "ASSESSMENT#TRA-2026-ABC123",
    "sk": "META",
    "title": "Payroll vendor — Ünïcödé 𝄞",
    "active": True,
    "archived": False,
    "owner": None,
    "risk_areas": ["THIRD_PARTY", "DATA_PRIVACY"],
    "answers": {"Q-01": {"value": "Yes", "score": 3}, "Q-02": {"value": None, "tags": []}},
    "empty_map": {},
    "version": 1,
}


async def test_it_gives_back_exactly_what_was_put(table: TableStore) -> None:
    await table.put(RICH_ITEM)

    assert await table.get("ASSESSMENT#TRA-2026-ABC123", "META") == RICH_ITEM


async def test_it_returns_none_for_a_missing_item(table: TableStore) -> None:
    await table.put(RICH_ITEM)

    assert await table.get("ASSESSMENT#TRA-2026-ABC123", "OTHER") is None
    assert await table.get("ASSESSMENT#TRA-2026-ZZZZZZ", "META") is None


async def test_it_replaces_the_whole_item_on_put(table: TableStore) -> None:
    await table.put(RICH_ITEM)

    await table.put({"pk": RICH_ITEM["pk"], "sk": "META", "title": "New", "version": 2})

    assert await table.get(RICH_ITEM["pk"], "META") == {
        "pk": RICH_ITEM["pk"],
        "sk": "META",
        "title": "New",
        "version": 2,
    }


async def test_it_deletes_an_item_and_ignores_a_missing_one(table: TableStore) -> None:
    await table.put(RICH_ITEM)

    await table.delete(RICH_ITEM["pk"], "META")
    await table.delete(RICH_ITEM["pk"], "META")

    assert await table.get(RICH_ITEM["pk"], "META") is None


async def test_it_keeps_numbers_exact_integral_as_int_others_as_decimal(table: TableStore) -> None:
    numbers = {
        "int": 42,
        "negative": -7,
        "big": 2**63 + 1,
        "integral_decimal": Decimal("2.0"),
        "exponent": Decimal("1E+3"),
        "tenth": Decimal("0.1"),
        "precise": Decimal("12345678901234567890.123456789"),
        "nested": [Decimal("0.5"), {"x": Decimal("10")}],
    }
    await table.put({"pk": "N", "sk": "N", **numbers})

    got = await table.get("N", "N")

    assert got is not None
    assert got["int"] == 42 and type(got["int"]) is int
    assert got["big"] == 2**63 + 1 and type(got["big"]) is int
    assert got["integral_decimal"] == 2 and type(got["integral_decimal"]) is int
    assert got["exponent"] == 1000 and type(got["exponent"]) is int
    assert got["tenth"] == Decimal("0.1") and type(got["tenth"]) is Decimal
    assert got["precise"] == Decimal("12345678901234567890.123456789")
    assert got["nested"] == [Decimal("0.5"), {"x": 10}] and type(got["nested"][1]["x"]) is int


@pytest.mark.parametrize(
    "bad",
    [
        {"score": 0.5},
        {"answers": {"Q-01": {"score": 1.0}}},
        {"scores": [1, 2.5]},
    ],
    ids=["top-level", "nested-map", "in-list"],
)
async def test_it_refuses_floats_and_writes_nothing(table: TableStore, bad: dict) -> None:
    with pytest.raises(TypeError, match="float"):
        await table.put({"pk": "F", "sk": "F", **bad})

    assert await table.get("F", "F") is None


@pytest.mark.parametrize(
    ("attribute", "value", "error"),
    [
        ("session_id", None, TypeError),
        ("updated_at", 20260101, TypeError),
        ("gsi1_pk", "", ValueError),
        ("entity_type", {"S": "x"}, TypeError),
    ],
)
async def test_it_refuses_index_keys_that_are_not_non_empty_strings(
    table: TableStore, attribute: str, value: object, error: type[Exception]
) -> None:
    # DynamoDB refuses these ("Type mismatch for Index Key"); both backends do, up front.
    with pytest.raises(error, match=attribute):
        await table.put({"pk": "K", "sk": "K", attribute: value})

    assert await table.get("K", "K") is None


@pytest.mark.parametrize("item", [{"pk": "P"}, {"pk": "", "sk": "S"}, {"pk": 1, "sk": "S"}])
async def test_it_refuses_items_without_string_table_keys(table: TableStore, item: dict) -> None:
    with pytest.raises((TypeError, ValueError)):
        await table.put(item)


async def test_it_records_one_dynamodb_call_per_operation(table: TableStore) -> None:
    with instrumentation.recording() as calls:
        await table.put(RICH_ITEM)
        await table.get(RICH_ITEM["pk"], "META")
        await table.query(partition=RICH_ITEM["pk"])
        await table.delete(RICH_ITEM["pk"], "META")

    assert calls.calls == [
        ("dynamodb", "PutItem"),
        ("dynamodb", "GetItem"),
        ("dynamodb", "Query"),
        ("dynamodb", "DeleteItem"),
    ]
