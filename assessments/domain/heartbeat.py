"""A task worker saying it is alive (pure; the item ``/healthz`` reads)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from assessments.domain import keys


@dataclass(frozen=True)
class WorkerHeartbeat:
    """A task worker saying it is alive (``manage.py run_worker`` writes one every few seconds)."""

    worker_id: str
    seen_at: str
    pid: int = 0

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> WorkerHeartbeat:
        return cls(worker_id=item["sk"], seen_at=item["seen_at"], pid=int(item.get("pid", 0)))

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.WORKER_HEARTBEAT_PK,
            "sk": self.worker_id,
            "seen_at": self.seen_at,
            "pid": self.pid,
        }

    def age_seconds(self, now: datetime) -> float:
        seen = datetime.strptime(self.seen_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        return (now - seen).total_seconds()
