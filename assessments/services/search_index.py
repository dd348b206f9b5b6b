"""The search index's entries: written with the assessment's META, and a backfill for older ones.

See assessments/domain/search.py for the design. ``assessment_create`` adds
``search_index_ops(record)`` to its transaction, so an assessment is findable the moment it
exists and never before; the entries are plain Puts (no condition), so writing them again
(the backfill, a retried create with the same id) leaves the same items.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.domain import keys
from assessments.domain.records import AssessmentRecord
from assessments.domain.search import SearchHit, assessment_tokens, everyone_partition, owner_partition
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.contract import Put, TransactOp
from integrations.table.schema import GSI6


def search_hit(record: AssessmentRecord) -> SearchHit:
    tokens = assessment_tokens(
        assessment_id=record.id,
        title=record.title,
        project=record.project,
        system_id=record.system_id,
        business_unit=record.business_unit,
    )
    return SearchHit(
        assessment_id=record.id,
        title=record.title,
        project=record.project,
        business_unit=record.business_unit,
        system_id=record.system_id,
        owner_id=record.owner_id,
        owner_name=record.owner_name,
        created_at=record.created_at,
        tokens=tuple(tokens),
    )


def search_index_items(record: AssessmentRecord) -> list[dict[str, object]]:
    """Two entries per token: the reviewers' partition and the owner's."""
    hit = search_hit(record)
    items: list[dict[str, object]] = []
    for token in hit.tokens:
        items.append(hit.to_item(everyone_partition(token)))
        items.append(hit.to_item(owner_partition(record.owner_id, token)))
    return items


def search_index_ops(record: AssessmentRecord) -> list[TransactOp]:
    """The entries of ``record`` as Puts for the create transaction (at most 2 x MAX_TOKENS)."""
    return [Put(item) for item in search_index_items(record)]


@dataclass(frozen=True)
class SearchBackfillResult:
    seen: int
    entries: int


async def search_index_backfill(*, page_size: int = 100) -> SearchBackfillResult:
    """Index every assessment (those created before the index existed); safe to run again.

    Walks the assessments by recency (gsi6-entity-type, a Query a page) and batch-writes each
    one's entries: the same items every time, so a second run changes nothing.
    """
    table = get_table()
    seen = entries = 0
    start_key = None
    while True:
        with table_errors_as_domain():
            page = await table.query(
                index=GSI6.name, partition=keys.ENTITY_ASSESSMENT, limit=page_size, start_key=start_key
            )
        puts = []
        for item in page.items:
            seen += 1
            puts.extend(search_index_items(AssessmentRecord.from_item(item)))
        if puts:
            with table_errors_as_domain():
                await table.batch_write(puts=puts)
            entries += len(puts)
        if not page.last_key:
            return SearchBackfillResult(seen=seen, entries=entries)
        start_key = page.last_key
