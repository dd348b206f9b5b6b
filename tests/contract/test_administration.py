"""create_table, index_statuses and create_index: what the GSI commands build on."""

from __future__ import annotations

from integrations import instrumentation
from integrations.table import TableStore, schema


async def test_it_creates_the_table_once(absent_table: TableStore) -> None:
    assert await absent_table.create_table() is True
    assert await absent_table.create_table() is False


async def test_it_reports_gsi1_active_and_the_others_missing_on_a_new_table(bare_table: TableStore) -> None:
    statuses = await bare_table.index_statuses()

    assert [(s.name, s.hash_key, s.range_key) for s in statuses] == [
        (i.name, i.hash_key, i.range_key) for i in schema.INDEXES
    ]
    assert [s.status for s in statuses] == ["ACTIVE"] + ["MISSING"] * len(schema.ADDED_INDEXES)


async def test_it_builds_a_new_index_over_the_items_already_there(bare_table: TableStore) -> None:
    document = {"pk": "ASSESSMENT#A", "sk": "DOC#1", "session_id": "S#1", "entity_type": "DOCUMENT"}
    message = {"pk": "SESSION#S#1", "sk": "MSG#1", "session_id": "S#1", "entity_type": "MESSAGE"}
    await bare_table.batch_write(puts=[document, message])

    with instrumentation.recording() as calls:
        await bare_table.create_index("gsi2-session-entity")

    page = await bare_table.query(partition="S#1", index="gsi2-session-entity")
    assert page.items == [document, message]
    assert calls.count("dynamodb", "UpdateTable") == 1
    statuses = {s.name: s for s in await bare_table.index_statuses()}
    assert statuses["gsi2-session-entity"].status == "ACTIVE"
    assert statuses["gsi3-assessment-events"].status == "MISSING"


async def test_it_counts_only_the_items_an_index_holds(local_table: TableStore) -> None:
    # Item counts come from the local store; moto leaves ItemCount out of GSI descriptions.
    await local_table.batch_write(
        puts=[
            {"pk": "A", "sk": "1", "entity_type": "ASSESSMENT", "updated_at": "2026-01-01"},
            {"pk": "A", "sk": "2", "entity_type": "ASSESSMENT"},
            {"pk": "B", "sk": "1", "current_state": "SUBMITTED", "updated_at": "2026-01-02"},
        ]
    )

    counts = {s.name: s.item_count for s in await local_table.index_statuses()}

    assert counts["gsi6-entity-type"] == 1
    assert counts["gsi4-state-updated"] == 1
    assert counts["gsi1"] == 0
