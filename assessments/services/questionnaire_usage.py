"""Which assessments use each questionnaire version: the index the admin's usage pages read.

One partition per version (``keys.questionnaire_usage_pk``) holds an entry per assessment,
sorted by creation (``keys.questionnaire_usage_sk``), and a counter item
(``keys.QUESTIONNAIRE_USAGE_COUNT``), so a version's count is a GetItem and its assessments
one Query a page, never a Scan. ``assessment_create`` writes both in its transaction, so the
count cannot drift from the entries; an assessment's questionnaire never changes after.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.domain import keys
from assessments.domain.records import AssessmentRecord
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import TransactionCanceled
from integrations.table import get_table
from integrations.table.contract import Condition, Put, TransactOp, Update
from integrations.table.schema import GSI6


def usage_ops(record: AssessmentRecord) -> list[TransactOp]:
    """The usage entry of a new assessment and its version's count, for the create transaction."""
    pk = keys.questionnaire_usage_pk(record.questionnaire_key, record.questionnaire_version)
    entry = {
        "pk": pk,
        "sk": keys.questionnaire_usage_sk(record.created_at, record.id),
        "assessment_id": record.id,
        "created_at": record.created_at,
    }
    return [
        # The entry's absence guards the count: an entry written twice is refused, not counted twice.
        Put(entry, Condition.absent()),
        Update(pk, keys.QUESTIONNAIRE_USAGE_COUNT, add={"assessments": 1}),
    ]


@dataclass(frozen=True)
class BackfillResult:
    seen: int
    indexed: int


async def questionnaire_usage_backfill(*, page_size: int = 100) -> BackfillResult:
    """Index the assessments created before the usage index existed (idempotent).

    Walks every assessment by recency (gsi6-entity-type, a Query a page) and writes each
    missing entry with its count increment; one already indexed is refused by the entry's
    ``absent`` condition and left alone, so running it twice changes nothing.
    """
    table = get_table()
    seen = indexed = 0
    start_key = None
    while True:
        with table_errors_as_domain():
            page = await table.query(
                index=GSI6.name, partition=keys.ENTITY_ASSESSMENT, limit=page_size, start_key=start_key
            )
        for item in page.items:
            seen += 1
            try:
                with table_errors_as_domain():
                    await table.transact(usage_ops(AssessmentRecord.from_item(item)))
            except TransactionCanceled as exc:
                if exc.reasons[:1] == ["ConditionalCheckFailed"]:
                    continue  # its entry exists: already indexed
                raise  # a conflict that outlasted the retries: say so, never undercount quietly
            indexed += 1
        if not page.last_key:
            return BackfillResult(seen=seen, indexed=indexed)
        start_key = page.last_key
