"""Query latency of the TRA table: the local store at 1,000 and 100,000 items, moto at 1,000.

Each figure is the median and 95th percentile of 200 Queries, each returning one page of 20
items: a whole assessment partition (the table's primary key) and a user's newest 20
assessments (gsi1, newest first). The local store answers from indexes, so its time should
not grow with the table; moto walks every item per Query, which is why it is a test double
and not the local backend.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from integrations import clients
from integrations.runtime import run_sync
from integrations.table import TableStore, schema
from integrations.table.dynamodb import DynamoTableStore
from integrations.table.local import LocalTableStore

QUERIES = 200
WARM_UP = 20
PAGE = 20
PER_USER = 100  # gsi1 partitions hold 100 items; a page is the newest 20
LOAD_CALL = 5_000  # items per batch_write call when loading (the local store commits once per call)
SIZES = (1_000, 100_000)
MOTO_SIZE = 1_000


def _item(n: int) -> dict[str, Any]:
    assessment, position = divmod(n, PAGE)
    return {
        "pk": f"ASSESSMENT#TRA-2026-{assessment:06X}",
        "sk": f"ANSWER#Q-{position:02d}",
        "gsi1_pk": f"USER#{n // PER_USER}",
        "gsi1_sk": f"2026-01-01T00:00:00.{n:06d}",
        "value": "Yes",
        "source": "manual",
        "answered_by": "requestor",
        "note": "The vendor stores payroll data in the EU; see section 4.2 of the contract.",
        "version": 1,
    }


async def _load(store: TableStore, size: int) -> float:
    started = time.perf_counter()
    await store.create_table()
    for index in schema.ADDED_INDEXES:
        await store.create_index(index.name)
    for first in range(0, size, LOAD_CALL):
        await store.batch_write(puts=[_item(n) for n in range(first, min(size, first + LOAD_CALL))])
    return time.perf_counter() - started


async def _timings(store: TableStore, size: int) -> dict[str, list[float]]:
    rng = random.Random(size)
    results: dict[str, list[float]] = {"table": [], "gsi1": []}
    for _ in range(WARM_UP):  # first queries pay for cold caches and connections: not timed
        await store.query(partition=_item(0)["pk"])
    for _ in range(QUERIES):
        assessment = rng.randrange(size // PAGE)
        user = rng.randrange(size // PER_USER)
        for shape, query in (
            ("table", {"partition": f"ASSESSMENT#TRA-2026-{assessment:06X}"}),
            ("gsi1", {"partition": f"USER#{user}", "index": "gsi1", "forward": False, "limit": PAGE}),
        ):
            started = time.perf_counter()
            page = await store.query(**query)
            results[shape].append(time.perf_counter() - started)
            assert len(page.items) == PAGE, (shape, len(page.items))
    return results


async def _measure(store: TableStore, size: int) -> tuple[float, dict[str, list[float]]]:
    load = await _load(store, size)
    return load, await _timings(store, size)


def _summary(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{statistics.median(ms):7.3f} / {p95:7.3f} ms"


@contextmanager
def _moto_endpoint() -> Iterator[str]:
    """An in-process moto server, with throw-away credentials only while it runs."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    for noisy in ("botocore.credentials", "aiobotocore.credentials"):  # "Found credentials in ..."
        logging.getLogger(noisy).setLevel(logging.WARNING)
    saved = {
        k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
    }
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench")
    os.environ.pop("AWS_SESSION_TOKEN", None)
    clients.reset_session()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        clients.reset_session()


def main() -> None:
    local: dict[int, tuple[float, dict[str, list[float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="tra-bench-") as tmp:
        for size in SIZES:
            store = LocalTableStore(Path(tmp) / f"bench-{size}.sqlite3", "tra-bench")
            try:
                local[size] = run_sync(_measure, store, size)
            finally:
                store.close()
    with _moto_endpoint() as endpoint:
        moto = run_sync(_measure, DynamoTableStore("tra-bench", endpoint, "eu-west-2"), MOTO_SIZE)

    small, large = SIZES
    print(f"Query, one page of {PAGE} items: median / p95 over {QUERIES} queries")
    print(f"{'':16}{f'{small:,} items':>24}{f'{large:,} items':>24}{'ratio of medians':>20}")
    for shape in ("table", "gsi1"):
        a, b = local[small][1][shape], local[large][1][shape]
        ratio = statistics.median(b) / statistics.median(a)
        print(f"{'local ' + shape:<16}{_summary(a):>24}{_summary(b):>24}{ratio:>19.2f}x")
    for shape in ("table", "gsi1"):
        print(f"{'moto  ' + shape:<16}{_summary(moto[1][shape]):>24}{'(not run)':>24}")
    print(
        f"load (create table + indexes + batch writes): local {small:,} in {local[small][0]:.2f}s, "
        f"{large:,} in {local[large][0]:.2f}s; moto {MOTO_SIZE:,} in {moto[0]:.2f}s"
    )
