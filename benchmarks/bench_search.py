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
neither may grow with the table (the structural test in tests/search asserts the Queries). The
two sizes take turns search by search, so the machine's other load falls on both alike; the
stores live on /dev/shm when there is one (the 100k store is ~1.5 GB; seeding it takes minutes,
and would measure the disk on a shared one).

A query of several words reads the partition of the token that looks rarest (no counts are
kept: see ``rarity`` in assessments/domain/search.py). Here every title starts with "payroll",
the longest word, so it is read and most of its entries fail the other words: the page holds
fewer hits than ``limit`` and a cursor, for the same bounded 3 Queries at either size.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES = (1_000, 100_000)
SEARCHES = 200
WARM_UP = 50
# Entries per batch_write (the local store commits once per call), sorted by key first: the
# SQLite B-tree then takes them in runs instead of at random places (seeding, not measuring).
LOAD_CALL = 50_000
USERS = 20  # owners the assessments are spread over (so a requestor has 50 at 1k, a full page)
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


async def _seed(store: Any, size: int) -> tuple[float, int]:
    from assessments.services.search_index import search_index_items

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
    """Counts the Queries and the items they return, around a store's ``query``."""

    def __init__(self, store: Any) -> None:
        self.real = store.query
        self.queries = 0
        self.items = 0

    async def query(self, **kwargs: Any) -> Any:
        page = await self.real(**kwargs)
        self.queries += 1
        self.items += len(page.items)
        return page


def _shapes(size: int) -> dict[str, Callable[[], Any]]:
    from assessments.domain.records import Actor
    from assessments.domain.roles import Role
    from assessments.selectors.search import search

    assessor = Actor(user_id=9_999, username="assessor", roles=frozenset({Role.ASSESSOR}))
    requestor = Actor(user_id=1, username="user1", roles=frozenset({Role.REQUESTOR}))
    return {
        "word, assessor": lambda: search(actor=assessor, q="payroll", limit=20),
        "word, requestor": lambda: search(actor=requestor, q="payroll", limit=20),
        "id": lambda: search(actor=assessor, q=f"TRA-2026-{size // 2:06X}", limit=20),
        "3 words + bu": lambda: search(
            actor=assessor, q="payroll cloud vendor", business_unit="Group Finance", limit=20
        ),
    }


async def _measure(stores: dict[int, Any]) -> dict[int, dict[str, tuple[float, float, float, int]]]:
    """Per size and search shape: median ms, Queries and items read per search, hits on the page.

    The sizes take turns search by search, so a neighbour's load on the machine falls on both
    alike (the ratio compares the stores, not two moments of the machine).
    """
    import assessments.selectors.search as selector

    counters = {size: _Counting(store) for size, store in stores.items()}
    for size, store in stores.items():
        store.query = counters[size].query
    shapes = {size: _shapes(size) for size in stores}
    times: dict[tuple[int, str], list[float]] = {}
    hits: dict[tuple[int, str], int] = {}
    counts: dict[tuple[int, str], tuple[int, int]] = {}
    real_get_table = selector.get_table
    try:
        for name in shapes[SIZES[0]]:
            for round_ in range(WARM_UP + SEARCHES):
                for size, store in stores.items():
                    # The selector reads through get_table(): point it at this size's store.
                    selector.get_table = lambda store=store: store  # type: ignore[misc]
                    counter = counters[size]
                    before = (counter.queries, counter.items)
                    started = time.perf_counter()
                    page = await shapes[size][name]()
                    elapsed = time.perf_counter() - started
                    if round_ < WARM_UP:
                        continue
                    times.setdefault((size, name), []).append(elapsed)
                    hits[(size, name)] = len(page.items)
                    q, i = counts.get((size, name), (0, 0))
                    counts[(size, name)] = (q + counter.queries - before[0], i + counter.items - before[1])
    finally:
        selector.get_table = real_get_table
        for size, store in stores.items():
            store.query = counters[size].real
    return {
        size: {
            name: (
                statistics.median(times[(size, name)]) * 1000,
                counts[(size, name)][0] / SEARCHES,
                counts[(size, name)][1] / SEARCHES,
                hits[(size, name)],
            )
            for name in shapes[size]
        }
        for size in stores
    }


def main() -> None:
    from integrations.runtime import run_sync
    from integrations.table.local import LocalTableStore

    loads: dict[int, tuple[float, int]] = {}
    # In memory when the machine has a tmpfs: the 100k store is ~1.5 GB of SQLite, and on a
    # shared disk seeding it would measure the disk, not the search.
    shm = Path("/dev/shm")
    where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="tra-bench-search-", dir=where) as tmp:
        stores = {
            size: LocalTableStore(Path(tmp) / f"search-{size}.sqlite3", "tra-bench-search") for size in SIZES
        }
        try:
            for size, store in stores.items():
                loads[size] = run_sync(_seed, store, size)
            measured = run_sync(_measure, stores)
        finally:
            for store in stores.values():
                store.close()
    small, large = SIZES
    lo, hi = (f"{n // 1000}k" for n in SIZES)
    print(f"search page of up to 20 hits: median of {SEARCHES} searches; cost = Queries and entries read")
    for size in SIZES:
        seconds, entries = loads[size]
        print(f"  seeded {size:,} assessments: {entries:,} index entries in {seconds:.1f}s")
    for name in measured[small]:
        a, b = measured[small][name], measured[large][name]
        print(
            f"  {name:<16} {lo} {a[0]:.2f} ms ({a[1]:g} Query, {a[2]:g} items, {a[3]} hits)   "
            f"{hi} {b[0]:.2f} ms ({b[1]:g} Query, {b[2]:g} items, {b[3]} hits)   {b[0] / a[0]:.1f}x"
        )
    a, b = measured[small]["word, assessor"], measured[large]["word, assessor"]
    print(
        f"search: {lo} {a[0]:.2f} ms, {hi} {b[0]:.2f} ms per query "
        f"({b[1]:g} Query, {b[2]:g} items each); {hi}/{lo} = {b[0] / a[0]:.1f}x"
    )
