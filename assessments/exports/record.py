"""The EXPORT# item: one per export asked for, in the assessment's collection (pure).

``pk = ASSESSMENT#<id>``, ``sk = EXPORT#<ts>#<format>``: the overview's one Query of the
collection reads them too (they are few), and a listing is one Query of ``begins_with
EXPORT#``. The export id is the sort key's timestamp, compacted, and the format
(``20261202T042714123456Z-pdf``): a URL-safe storage key segment from which the sort key is
rebuilt, so a download is one GetItem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from assessments.domain import keys

EXPORT_PREFIX = "EXPORT#"
_EXPORT_ID = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{6})Z-(pdf|docx|xlsx|json)$")


class ExportStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    READY = "ready"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return {"pending": "Waiting", "running": "Rendering", "ready": "Ready", "failed": "Failed"}[
            self.value
        ]

    @property
    def finished(self) -> bool:
        return self in (ExportStatus.READY, ExportStatus.FAILED)


def export_sk(created_at: str, export_format: str) -> str:
    return f"{EXPORT_PREFIX}{created_at}#{export_format}"


def export_id_of(created_at: str, export_format: str) -> str:
    """``2026-12-02T04:27:14.123456Z`` + ``pdf`` -> ``20261202T042714123456Z-pdf``."""
    return re.sub(r"[-:.]", "", created_at) + f"-{export_format}"


def sk_of_export_id(export_id: str) -> str | None:
    """The sort key an export id stands for, or None when it is not one of ours."""
    match = _EXPORT_ID.fullmatch(export_id)
    if match is None:
        return None
    y, mo, d, h, mi, s, us, fmt = match.groups()
    return export_sk(f"{y}-{mo}-{d}T{h}:{mi}:{s}.{us}Z", fmt)


def export_storage_key(assessment_id: str, export_id: str, extension: str) -> str:
    """Made by the server only: ``exports/<assessment>/<export id>.<ext>``."""
    return f"exports/{assessment_id}/{export_id}.{extension}"


@dataclass(frozen=True)
class ExportRecord:
    assessment_id: str
    format: str
    status: ExportStatus
    created_at: str
    updated_at: str
    requested_by: str
    requested_by_id: int
    version: int
    storage_key: str = ""
    size: int = 0
    error: str = ""
    draft: bool = False

    @property
    def id(self) -> str:
        return export_id_of(self.created_at, self.format)

    @property
    def sk(self) -> str:
        return export_sk(self.created_at, self.format)

    def moved(self, status: ExportStatus, at: str, **changes: Any) -> ExportRecord:
        return replace(self, status=status, updated_at=at, version=self.version + 1, **changes)

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> ExportRecord:
        return cls(
            assessment_id=item["assessment_id"],
            format=item["format"],
            status=ExportStatus(item["status"]),
            created_at=item["created_at"],
            updated_at=item.get("updated_at", item["created_at"]),
            requested_by=item.get("requested_by", ""),
            requested_by_id=int(item.get("requested_by_id", 0)),
            version=int(item.get("version", 1)),
            storage_key=item.get("storage_key", ""),
            size=int(item.get("size", 0)),
            error=item.get("error", ""),
            draft=bool(item.get("draft", False)),
        )

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": self.sk,
            "assessment_id": self.assessment_id,
            "export_id": self.id,
            "format": self.format,
            "status": self.status.value,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "requested_by": self.requested_by,
            "requested_by_id": self.requested_by_id,
            "version": self.version,
            "storage_key": self.storage_key,
            "size": self.size,
            "error": self.error,
            "draft": self.draft,
        }
