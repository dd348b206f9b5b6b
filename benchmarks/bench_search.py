"""Search cost at 1,000 and 100,000 assessments: Queries, items read and time per search page.

The local table store (a temporary SQLite file per size) is seeded straight with the search
index's entries of that many assessments (``search_index_items``, in batch writes: no META,
no questionnaire, nothing a search does not read), then three searches are timed, each the
median of ``SEARCHES`` calls of ``assessments.selectors.search.search`` as the API makes them:

- one word that every assessment has ("payroll": its partition holds one entry per assessment),
  by an assessor (every assessment) and by a requestor (their own);
- an id (one entry);
- three words with a business unit ("payroll cloud finance", bu "Group Finance").

The cost of a page is the Queries it issues and the entries they return, counted at the store;
neither may grow with the table (the structural test in tests/search asserts the Queries).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES = (1_000, 100_000)
SEARCHES = 200
WARM_UP = 20
# Entries per batch_write (the local store commits once per call), sorted by key first: the
# SQLite B-tree then takes them in runs instead of at random places (seeding, not measuring).
LOAD_CALL = 50_000
USERS = 100  # owners the assessments are spread over
WORDS = ("cloud", "vendor", "ledger", "portal", "migration", "analytics", "mobile", "archive")
UNITS = ("Group Finance", "Retail", "Operations", "People")


def _record(n: int) -> Any:
    from assessments.domain.records import AssessmentRecord
    from assessments.domain.workflow import State

    created = f"2026-01-01T00:00:00.{n:06d}+00:00"
    return AssessmentRecord(
        id=f"TRA-2026-{n:06X}",
        title=f"Payroll {WORDS[n % len(WORDS)]} {WORDS[(n // 8) % len(WORDS)]}",
        project=f"Project {n % 97}",
        description="",
        system_id=f"SYS-{n}",
        data_classification="Internal",
        business_unit=UNITS[n % len(UNITS)],
        state=State.DRAFT,
        owner_id=1 + n % USERS,
        owner_name=f"user{1 + n % USERS}",
        questionnaire_key="default",
        questionnaire_version=1,
        active_areas=(),
        created_at=created,
        updated_at=created,
        submitted_at=None,
        feedback="",
        version=1,
    )


def _key(item: dict[str, Any]) -> tuple[str, str]:
    return item["pk"], item["sk"]


async def _seed(size: int) -> tuple[float, int]:
    from assessments.services.search_index import search_index_items
    from integrations.table import get_table

    store = get_table()
    started = time.perf_counter()
    await store.create_table()
    written = 0
    batch: list[dict[str, Any]] = []
    for n in range(size):
        batch.extend(search_index_items(_record(n)))
        if len(batch) >= LOAD_CALL:
            await store.batch_write(puts=sorted(batch, key=_key))
            written += len(batch)
            batch = []
    if batch:
        await store.batch_write(puts=sorted(batch, key=_key))
        written += len(batch)
    return time.perf_counter() - started, written


class _Counting:
    """Counts the Queries and the items they return, around the store's ``query``."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.real = store.query
        self.queries = 0
        self.items = 0

    async def query(self, **kwargs: Any) -> Any:
        page = await self.real(**kwargs)
        self.queries += 1
        self.items += len(page.items)
        return page


async def _measure(size: int) -> dict[str, tuple[float, float, float, int]]:
    """Per search shape: median ms, Queries per search, items read per search, hits on the page."""
    from assessments.domain.records import Actor
    from assessments.domain.roles import Role
    from assessments.selectors.search import search
    from integrations.table import get_table

    assessor = Actor(user_id=9_999, username="assessor", roles=frozenset({Role.ASSESSOR}))
    requestor = Actor(user_id=1, username="user1", roles=frozenset({Role.REQUESTOR}))
    shapes: dict[str, Callable[[], Any]] = {
        "word, assessor": lambda: search(actor=assessor, q="payroll", limit=20),
        "word, requestor": lambda: search(actor=requestor, q="payroll", limit=20),
        "id": lambda: search(actor=assessor, q=f"TRA-2026-{size // 2:06X}", limit=20),
        "3 words + bu": lambda: search(
            actor=assessor, q="payroll cloud vendor", business_unit="Group Finance", limit=20
        ),
    }
    store = get_table()
    counting = _Counting(store)
    store.query = counting.query  # type: ignore[method-assign]
    results: dict[str, tuple[float, float, float, int]] = {}
    try:
        for name, call in shapes.items():
            for _ in range(WARM_UP):
                await call()
            counting.queries = counting.items = 0
            times = []
            hits = 0
            for _ in range(SEARCHES):
                started = time.perf_counter()
                page = await call()
                times.append(time.perf_counter() - started)
                hits = len(page.items)
            results[name] = (
                statistics.median(times) * 1000,
                counting.queries / SEARCHES,
                counting.items / SEARCHES,
                hits,
            )
    finally:
        store.query = counting.real  # type: ignore[method-assign]
    return results


def main() -> None:
    from django.test.utils import override_settings

    from integrations.runtime import run_sync
    from integrations.table import forget_tables

    measured: dict[int, dict[str, tuple[float, float, float, int]]] = {}
    loads: dict[int, tuple[float, int]] = {}
    with tempfile.TemporaryDirectory(prefix="tra-bench-search-") as tmp:
        for size in SIZES:
            with override_settings(
                TRA_TABLE_BACKEND="local",
                TRA_TABLE_NAME="tra-bench-search",
                TRA_LOCAL_TABLE_PATH=Path(tmp) / f"search-{size}.sqlite3",
            ):
                forget_tables()
                try:
                    loads[size] = run_sync(_seed, size)
                    measured[size] = run_sync(_measure, size)
                finally:
                    forget_tables()
    small, large = SIZES
    print(f"search page of up to 20 hits: median of {SEARCHES} searches; cost = Queries and entries read")
    for size in SIZES:
        seconds, entries = loads[size]
        print(f"  seeded {size:,} assessments: {entries:,} index entries in {seconds:.1f}s")
    for name in measured[small]:
        a, b = measured[small][name], measured[large][name]
        print(
            f"  {name:<16} 1k {a[0]:.2f} ms ({a[1]:g} Query, {a[2]:g} items, {a[3]} hits)   "
            f"100k {b[0]:.2f} ms ({b[1]:g} Query, {b[2]:g} items, {b[3]} hits)   {b[0] / a[0]:.1f}x"
        )
    a, b = measured[small]["word, assessor"], measured[large]["word, assessor"]
    print(
        f"search: 1k {a[0]:.2f} ms, 100k {b[0]:.2f} ms per query "
        f"({b[1]:g} Query, {b[2]:g} items each); 100k/1k = {b[0] / a[0]:.1f}x"
    )
