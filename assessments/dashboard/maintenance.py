"""One-off upkeep of the dashboard: index the events written before it existed, start it over.

Events written before ``EventRecord.to_item`` carried ``updated_at`` are not in
gsi6-entity-type, so the fold never sees them: ``events_backfill`` walks every assessment
(gsi6 pages of ASSESSMENT) and its audit trail (a Query of AUDIT#<id> a page) and rewrites
those events with ``updated_at = at`` (events never change, so rewriting one is safe, and a
second run finds nothing to do). ``dashboard_reset`` deletes the counters, tracks and
checkpoint (Queries of their two partitions), so the next fold counts the whole trail again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessments.dashboard import keys
from assessments.domain import keys as tra_keys
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.contract import SortKey
from integrations.table.schema import GSI6


@dataclass(frozen=True)
class EventsBackfill:
    assessments: int
    events_indexed: int


async def _pages(**query: Any) -> Any:
    table = get_table()
    start_key = None
    while True:
        with table_errors_as_domain():
            page = await table.query(**query, start_key=start_key)
        yield page.items
        if not page.last_key:
            return
        start_key = page.last_key


async def events_backfill(*, page_size: int = 100) -> EventsBackfill:
    table = get_table()
    assessments = indexed = 0
    async for items in _pages(index=GSI6.name, partition=tra_keys.ENTITY_ASSESSMENT, limit=page_size):
        for assessment in items:
            assessments += 1
            trail = _pages(
                partition=tra_keys.events_pk(assessment["id"]),
                sort=SortKey.begins_with(tra_keys.EVENT_PREFIX),
                limit=page_size,
            )
            async for events in trail:
                missing = [{**e, "updated_at": e["at"]} for e in events if "updated_at" not in e]
                if missing:
                    with table_errors_as_domain():
                        await table.batch_write(puts=missing)
                    indexed += len(missing)
    return EventsBackfill(assessments=assessments, events_indexed=indexed)


async def dashboard_reset() -> int:
    """Delete every dashboard item; returns how many. The next refresh starts from the first event."""
    table = get_table()
    found: list[tuple[str, str]] = []
    for partition in (keys.DASHBOARD_PK, keys.TRACK_PK):
        async for items in _pages(partition=partition):
            found += [(item["pk"], item["sk"]) for item in items]
    if found:
        with table_errors_as_domain():
            await table.batch_write(deletes=found)
    return len(found)
