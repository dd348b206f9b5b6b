"""Search: pages of the search index's entries, a bounded number of Queries each, never a Scan.

- The caller's audience picks the partitions: a reviewer reads ``SEARCH#ALL#<token>``, anyone
  else ``SEARCH#USER#<their id>#<token>`` (only their own assessments are in it).
- One word (or an id): exactly one Query of ``limit`` entries, newest first.
- Several words (and the business-unit filter, one more token): the rarest-looking token's
  partition is read (``SearchQuery.driver``) and each entry is checked against its stored token
  list for the others. A page reads on until ``limit`` matched or ``READ_BUDGET`` Queries were
  spent, then hands back a cursor that resumes right after the last entry examined, so a sparse
  match costs at most the budget per page and never a walk of the table.
- The cursor is signed and scoped to the audience and the query: a cursor from another search
  (or another user's) is refused, never replayed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from assessments.domain.records import Actor
from assessments.domain.search import SearchHit, SearchQuery, everyone_partition, owner_partition
from assessments.selectors.assessments import decode_cursor, encode_cursor
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table

READ_BUDGET = 3
MAX_LIMIT = 50
# A query of several words reads wider pages: most entries of the driver's partition may not match.
FILTERED_PAGE_SIZE = 100


@dataclass(frozen=True)
class SearchPage:
    items: list[SearchHit]
    next_cursor: str | None
    queries: int  # table reads this page cost


def _audience(actor: Actor) -> str:
    return "all" if actor.is_reviewer else f"user:{actor.user_id}"


def _partition(actor: Actor, token: str) -> str:
    return everyone_partition(token) if actor.is_reviewer else owner_partition(actor.user_id, token)


def _scope(actor: Actor, query: SearchQuery) -> str:
    digest = hashlib.sha256("\x1f".join(query.tokens).encode()).hexdigest()[:16]
    return f"search:{_audience(actor)}:{digest}"


async def search(
    *, actor: Actor, q: str, business_unit: str = "", cursor: str | None = None, limit: int = 20
) -> SearchPage:
    """The assessments ``actor`` may see that have every word of ``q`` (and the business unit)."""
    query = SearchQuery.parse(q, business_unit=business_unit)
    if query.empty:
        return SearchPage(items=[], next_cursor=None, queries=0)
    limit = max(1, min(limit, MAX_LIMIT))
    scope = _scope(actor, query)
    start_key = decode_cursor(cursor, scope=scope)
    others = query.others
    page_size = FILTERED_PAGE_SIZE if others else limit
    table = get_table()
    matched: list[SearchHit] = []
    queries = 0
    resume: dict[str, Any] | None = None
    with table_errors_as_domain():
        while queries < READ_BUDGET:
            page = await table.query(
                partition=_partition(actor, query.driver),
                forward=False,
                limit=page_size,
                start_key=start_key,
            )
            queries += 1
            resume = page.last_key
            for position, item in enumerate(page.items):
                hit = SearchHit.from_item(item)
                if hit.matches(others):
                    matched.append(hit)
                if len(matched) == limit:
                    if position < len(page.items) - 1:
                        # Stopped inside the page: resume right after the last entry examined.
                        resume = {"pk": item["pk"], "sk": item["sk"]}
                    break
            if len(matched) == limit or resume is None:
                break
            start_key = resume
    return SearchPage(items=matched, next_cursor=encode_cursor(resume, scope=scope), queries=queries)
