"""What ``create_table``, ``create_gsis`` and ``check_gsis`` do, on either backend.

Kept out of the command modules so the commands only parse options and print.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from integrations.table.contract import IndexStatus, TableStore

Write = Callable[[str], None]


class IndexProblem(Exception):
    """An index cannot be brought to ACTIVE by this run (time-out, wrong keys)."""


def describe_store(store: TableStore) -> str:
    """Where the table lives, for the first line of every command's output."""
    path = getattr(store, "path", None)
    if path is not None:
        return f"table {store.table_name} in the local table store {path}"
    endpoint = getattr(store, "endpoint_url", None) or "AWS"
    return f"DynamoDB table {store.table_name} ({endpoint}, {getattr(store, 'region', '?')})"


def format_statuses(statuses: list[IndexStatus]) -> list[str]:
    """A fixed-width table: name, hash key, range key, status, item count."""
    rows = [("INDEX", "HASH KEY", "RANGE KEY", "STATUS", "ITEMS")]
    for s in statuses:
        # moto leaves ItemCount out of a GSI's description; "-" says "not reported", not 0.
        rows.append(
            (s.name, s.hash_key, s.range_key, s.status, "-" if s.item_count is None else str(s.item_count))
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]


def unhealthy(statuses: list[IndexStatus]) -> list[IndexStatus]:
    return [s for s in statuses if s.status != "ACTIVE"]


async def wait_until_active(
    store: TableStore, name: str, *, timeout: float, interval: float, write: Write
) -> IndexStatus:
    """Poll until ``name`` is ACTIVE, writing one progress line per poll; ``IndexProblem`` on time-out."""
    started = time.monotonic()
    while True:
        status = next(s for s in await store.index_statuses() if s.name == name)
        elapsed = time.monotonic() - started
        if status.status == "ACTIVE":
            write(f"  {name}: ACTIVE after {elapsed:.0f}s")
            return status
        if status.status in ("MISSING", "KEY_MISMATCH", "DELETING"):
            raise IndexProblem(f"{name} is {status.status} while waiting for it to turn ACTIVE")
        write(f"  {name}: {status.status} ({elapsed:.0f}s elapsed)")
        if elapsed >= timeout:
            raise IndexProblem(
                f"timed out after {timeout:.0f}s waiting for {name} to turn ACTIVE (last status {status.status}); "
                "it keeps building: re-run create_gsis later, or watch it with check_gsis"
            )
        await asyncio.sleep(min(interval, max(0.0, timeout - elapsed)))


async def create_missing_indexes(
    store: TableStore, *, dry_run: bool, timeout: float, interval: float, write: Write
) -> list[str]:
    """Create each missing index with one UpdateTable, waiting for it before the next.

    DynamoDB builds one new GSI per UpdateTable and refuses another change to the table
    while one is building, so this is sequential. Indexes already building are waited for.
    Returns the names created (or, with ``dry_run``, that would be).
    """
    statuses = await store.index_statuses()
    wrong = [s for s in statuses if s.status == "KEY_MISMATCH"]
    if wrong:
        names = ", ".join(s.name for s in wrong)
        raise IndexProblem(f"{names}: an index of that name exists with other keys; fix it by hand")
    missing = [s for s in statuses if s.status == "MISSING"]
    building = [s for s in statuses if s.status not in ("ACTIVE", "MISSING")]
    if not missing and not building:
        write(f"All {len(statuses)} indexes are ACTIVE; nothing to do.")
        return []
    for s in building:
        if dry_run:
            write(f"Would wait for {s.name} ({s.status}) to turn ACTIVE")
        else:
            write(f"Waiting for {s.name} ({s.status}) to turn ACTIVE")
            await wait_until_active(store, s.name, timeout=timeout, interval=interval, write=write)
    for s in missing:
        if dry_run:
            write(f"Would create {s.name} (hash {s.hash_key}, range {s.range_key}, projection ALL)")
            continue
        write(f"Creating {s.name} (hash {s.hash_key}, range {s.range_key}, projection ALL)")
        await store.create_index(s.name)
        await wait_until_active(store, s.name, timeout=timeout, interval=interval, write=write)
    return [s.name for s in missing]
