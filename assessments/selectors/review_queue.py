"""The review queue and the archive: pages of the QUEUE# entries, one gsi1 Query at a time.

Design (the entries are written by assessments/services/queue_index.py in every workflow
move's own transaction):

- each list (phase ``open`` or ``archive``) in each order (submitted, due, updated) is one
  gsi1 partition ``QUEUE#<phase>#<order>`` sorted by ``<value>#<id>``: an unfiltered page is
  exactly one Query of ``limit`` items, whatever the size of the queue;
- filters are applied to the entries themselves (``QueueFilters.matches``: the entry carries
  what the filters need, so META is never read). A filtered page reads on until ``limit``
  entries matched or ``READ_BUDGET`` Queries were spent, then returns a cursor that resumes
  right after the last entry *examined* (its table and index keys: the shape of a DynamoDB
  LastEvaluatedKey on an index), so a sparse filter costs at most the budget per request
  and the next page carries on where this one stopped;
- the cursor is signed (``encode_cursor``) and scoped to the phase, the order, the direction
  and the filters: a cursor from another list is refused, never replayed there;
- an exact TRA id in the search box is one GetItem of that assessment's QUEUE# entry instead
  of paging (a page of zero or one rows, filtered like any other).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from assessments.domain import keys
from assessments.domain.ids import is_assessment_id
from assessments.domain.queue import QueueEntry, QueueFilters, QueueOrder, QueuePhase, queue_phase
from assessments.selectors.assessments import decode_cursor, encode_cursor
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.schema import GSI1

# The most Queries one filtered page may spend looking for ``limit`` matches.
READ_BUDGET = 5
MAX_LIMIT = 100
FILTERED_PAGE_SIZE = 100


@dataclass(frozen=True)
class QueuePage:
    items: list[QueueEntry]
    next_cursor: str | None
    queries: int  # table reads this page cost (Queries, or the one GetItem of an id search)


def _scope(phase: QueuePhase, order: QueueOrder, descending: bool, filters: QueueFilters) -> str:
    # The filters as a stable digest: a cursor is only good for the very list it came from.
    material = json.dumps(
        {
            "states": sorted(s.value for s in filters.states),
            "bu": filters.business_unit.casefold(),
            "dc": filters.data_classification,
            "areas": sorted(filters.risk_areas),
            "assignee": filters.assignee_id,
            "unassigned": filters.unassigned,
            "overdue": filters.overdue,
            "text": filters.text.casefold(),
        },
        sort_keys=True,
    )
    digest = hashlib.sha256(material.encode()).hexdigest()[:16]
    return f"queue:{phase.value}:{order.value}:{'desc' if descending else 'asc'}:{digest}"


def _start_key(item: dict[str, Any]) -> dict[str, Any]:
    """The LastEvaluatedKey an index Query would return after ``item``."""
    return {name: item[name] for name in ("pk", "sk", GSI1.hash_key, GSI1.range_key)}


async def _by_id(
    *, assessment_id: str, phase: QueuePhase, order: QueueOrder, filters: QueueFilters, today: date
) -> QueuePage:
    table = get_table()
    with table_errors_as_domain():
        item = await table.get(keys.assessment_pk(assessment_id), keys.queue_entry_sk(order.value))
    if item is None:
        return QueuePage(items=[], next_cursor=None, queries=1)
    entry = QueueEntry.from_item(item)
    # The id was the search: the rest of the filters still apply, and so does the list.
    in_list = queue_phase(entry.state, entry.round) == phase
    keep = in_list and QueueFilters(**{**filters.__dict__, "text": ""}).matches(entry, today=today)
    return QueuePage(items=[entry] if keep else [], next_cursor=None, queries=1)


async def review_queue_page(
    *,
    phase: QueuePhase,
    order: QueueOrder,
    descending: bool,
    filters: QueueFilters,
    cursor: str | None,
    limit: int = 25,
    today: date | None = None,
) -> QueuePage:
    """One page of the queue (``phase`` open) or the archive, in ``order``."""
    today = today or date.today()
    limit = max(1, min(limit, MAX_LIMIT))
    text = filters.text.strip()
    if is_assessment_id(text.upper()):
        return await _by_id(
            assessment_id=text.upper(), phase=phase, order=order, filters=filters, today=today
        )
    scope = _scope(phase, order, descending, filters)
    start_key = decode_cursor(cursor, scope=scope)
    table = get_table()
    matched: list[QueueEntry] = []
    queries = 0
    # Where the next page starts: None once the partition is read to its end.
    resume: dict[str, Any] | None = None
    # Unfiltered, a page is exactly ``limit`` items; filtered, each Query reads wider so a
    # sparse filter needs fewer of them.
    page_size = limit if filters == QueueFilters() else FILTERED_PAGE_SIZE
    with table_errors_as_domain():
        while queries < READ_BUDGET:
            page = await table.query(
                index=GSI1.name,
                partition=keys.queue_partition(phase.value, order.value),
                forward=not descending,
                limit=page_size,
                start_key=start_key,
            )
            queries += 1
            resume = page.last_key
            for position, item in enumerate(page.items):
                entry = QueueEntry.from_item(item)
                if filters.matches(entry, today=today):
                    matched.append(entry)
                if len(matched) == limit:
                    if position < len(page.items) - 1:
                        # Stopped inside the page: resume right after the last entry examined.
                        resume = _start_key(item)
                    break
            if len(matched) == limit or resume is None:
                break
            start_key = resume
    next_cursor = encode_cursor(resume, scope=scope)
    return QueuePage(items=matched, next_cursor=next_cursor, queries=queries)
