"""Readiness: can this deployment serve? The table, the document store and a live task worker.

Each check is cheap (one DescribeTable, one HeadBucket or a temporary file, one Query) and
bounded by ``TRA_HEALTH_CHECK_TIMEOUT``; they run concurrently. What a check reports is a
word per part ("ACTIVE", "MISSING", "stale", ...), never an exception's text, a path, an
endpoint or a table name: the endpoint is unauthenticated. The details go to the log.
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.conf import settings

from assessments.domain import keys
from assessments.domain.heartbeat import WorkerHeartbeat
from assessments.domain.records import now_iso
from integrations import clients
from integrations.errors import IntegrationError, ResourceMissing, translate_aws_errors
from integrations.table import get_table

log = logging.getLogger(__name__)

Check = dict[str, Any]


@dataclass(frozen=True)
class Readiness:
    checks: dict[str, Check] = field(default_factory=dict)

    @property
    def failing(self) -> list[str]:
        return [name for name, check in self.checks.items() if not check["ok"]]

    @property
    def ready(self) -> bool:
        return not self.failing

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"status": "ready" if self.ready else "not ready", "checks": self.checks}
        if not self.ready:
            body["failing"] = self.failing
        return body


async def readiness_check() -> Readiness:
    """Every check, run at once; one that raises or times out fails by itself."""
    checks: dict[str, Callable[[], Awaitable[Check]]] = {
        "table": _table,
        "document_store": _document_store,
        "worker": _worker,
    }
    results = await asyncio.gather(*(_bounded(name, check) for name, check in checks.items()))
    return Readiness(dict(zip(checks, results, strict=True)))


async def _bounded(name: str, check: Callable[[], Awaitable[Check]]) -> Check:
    try:
        return await asyncio.wait_for(check(), timeout=settings.TRA_HEALTH_CHECK_TIMEOUT)
    except TimeoutError:
        log.error("readiness: %s did not answer within %.1fs", name, settings.TRA_HEALTH_CHECK_TIMEOUT)
        return {"ok": False, "status": "timeout"}
    except ResourceMissing as exc:
        log.error("readiness: %s is missing: %s", name, exc)
        return {"ok": False, "status": "missing"}
    except IntegrationError as exc:
        log.error("readiness: %s is unavailable: %s", name, exc)
        return {"ok": False, "status": "unavailable"}


async def _table() -> Check:
    description = await get_table().describe()
    indexes = {index.name: index.status for index in description.indexes}
    ok = description.status == "ACTIVE" and all(status == "ACTIVE" for status in indexes.values())
    if not ok:
        log.error("readiness: table %s, indexes %s", description.status, indexes)
    return {"ok": ok, "status": description.status, "indexes": indexes}


async def _document_store() -> Check:
    if settings.TRA_DOCUMENT_STORE == "s3":
        client = await clients.get_client(
            "s3", endpoint_url=settings.TRA_S3_ENDPOINT_URL, region=settings.AWS_REGION
        )
        with translate_aws_errors("HeadBucket"):
            # Reference: https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html
            # (exists and we may use it; a 404 or 403 comes back as a ClientError).
            await client.head_bucket(Bucket=settings.TRA_S3_BUCKET)
        return {"ok": True, "status": "reachable"}
    ok = await asyncio.to_thread(_directory_writable, settings.TRA_DOCUMENT_DIR)
    if not ok:
        log.error("readiness: the document directory %s is not writable", settings.TRA_DOCUMENT_DIR)
    return {"ok": ok, "status": "writable" if ok else "not writable"}


def _directory_writable(path: os.PathLike[str]) -> bool:
    # A real write, as an upload would do: os.access says nothing of a full or read-only disk.
    try:
        with tempfile.TemporaryFile(dir=path):
            return True
    except OSError:
        return False


async def _worker() -> Check:
    page = await get_table().query(partition=keys.WORKER_HEARTBEAT_PK)
    now = datetime.now(UTC)
    ages = sorted(
        WorkerHeartbeat.from_item(item).age_seconds(now) for item in page.items if "seen_at" in item
    )
    live = [age for age in ages if age <= settings.TRA_WORKER_HEARTBEAT_MAX_AGE]
    check: Check = {"ok": bool(live), "live_workers": len(live)}
    if ages:
        check["last_seen_seconds"] = round(max(ages[0], 0.0), 1)
    check["status"] = "alive" if live else ("stale" if ages else "never seen")
    return check


async def worker_heartbeat_put(*, worker_id: str) -> None:
    """Say this worker is alive now (one PutItem; run_worker calls it every few seconds)."""
    await get_table().put(WorkerHeartbeat(worker_id, now_iso(), os.getpid()).to_item())


async def worker_heartbeat_delete(*, worker_id: str) -> None:
    """A worker that stops cleanly takes its heartbeat with it."""
    await get_table().delete(keys.WORKER_HEARTBEAT_PK, worker_id)
