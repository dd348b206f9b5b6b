"""The dashboard's page read vs the portfolio's size: 100 and 1,000 decided assessments.

Each assessment's trail (created, submitted, assigned, decided, with a decision record) is
written straight to a fresh local table, spread over twelve weeks and four business units, then
folded by ``dashboard_refresh``. The page's read, ``dashboard_figures``, is one Query of the
DASHBOARD partition whatever the size: the items it reads (weeks, business units, lead-time
buckets, due days) are bounded by time and categories, not by assessments. The fold's cost is
per new event (pages of gsi6 plus a GetItem or three per workflow move), paid by the periodic
task, not by a page view.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

SIZES = (100, 1_000)
UNITS = ("Retail", "Finance", "Customer Operations", "Group IT")


def _portfolio(size: int) -> None:
    from tests.dashboard.helpers import Script

    now = datetime.now(UTC)
    for n in range(size):
        start = now - timedelta(days=84) + timedelta(minutes=n * 84 * 24 * 60 // size)
        script = Script(f"TRA-B{n:06d}", business_unit=UNITS[n % len(UNITS)]).created(start)
        script.submit(start + timedelta(hours=1), due_on=(start + timedelta(days=14)).date())
        script.assign(start + timedelta(hours=2))
        decided = start + timedelta(days=1 + n % 20)
        if decided < now - timedelta(minutes=1):
            script.decide(decided, ("low", "medium", "high")[n % 3], ["manual", "suggestion_accepted"])


def _measure(size: int) -> tuple[int, int, int, float, int, float]:
    from assessments.dashboard import keys
    from assessments.dashboard.figures import dashboard_figures
    from assessments.dashboard.refresh import dashboard_refresh
    from benchmarks.bench_suggestions import isolated_app
    from integrations import instrumentation
    from integrations.runtime import run_sync
    from integrations.table import get_table

    with tempfile.TemporaryDirectory(prefix="tra-bench-dashboard-") as tmp, isolated_app(Path(tmp)):
        _portfolio(size)
        started = time.perf_counter()
        folded = 0
        while True:
            report = run_sync(dashboard_refresh)
            folded += report.events_folded
            if not report.more:
                break
        fold_s = time.perf_counter() - started
        run_sync(dashboard_figures, today=datetime.now(UTC).date())  # warm the store's cache
        with instrumentation.recording() as calls:
            started = time.perf_counter()
            figures = run_sync(dashboard_figures, today=datetime.now(UTC).date())
            page_ms = (time.perf_counter() - started) * 1000
        items = len(run_sync(get_table().query, partition=keys.DASHBOARD_PK).items)
        assert sum(n for _s, n in figures.by_state) == size, figures.by_state
        return calls.count("dynamodb", "Query"), calls.count("dynamodb"), items, page_ms, folded, fold_s


def main() -> None:
    rows = [(size, *_measure(size)) for size in SIZES]
    for size, queries, calls, items, page_ms, folded, fold_s in rows:
        assert (queries, calls) == (1, 1), (queries, calls)
        print(
            f"dashboard: {size:>5} assessments: page {queries} Query of {items} items "
            f"({calls} table call, {page_ms:.1f} ms); "
            f"fold of {folded} events {fold_s:.1f} s ({folded / fold_s:.0f} events/s, by the periodic task)"
        )
