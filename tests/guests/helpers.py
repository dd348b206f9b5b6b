"""Builders for the guest link tests: an invite by the assessor, the token out of its link."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assessments.domain import keys
from assessments.guests.domain import GuestInvite
from assessments.guests.service import guest_invite
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.review.helpers import collection


def invite(
    cast: Any,
    assessment_id: str,
    *,
    email: str = "name@partner.example",
    area: str | None = None,
    days: int = 14,
) -> tuple[GuestInvite, str, str]:
    """(invite, link, token) for a new guest invite by the assessor."""
    made, url = run_sync(
        guest_invite,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        email=email,
        area=area,
        expires_in_days=days,
    )
    return made, url, token_of(url)


def token_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def page_path(token: str) -> str:
    return f"/guest/{token}/"


def comment_path(token: str, question_id: str) -> str:
    return f"/guest/{token}/questions/{question_id}/comment/"


def areas_of(assessment_id: str) -> tuple[str, ...]:
    return tuple(collection(assessment_id).assessment.active_areas)


def events(assessment_id: str, event_type: str) -> list[dict[str, Any]]:
    """The audit trail's events of one type (one Query of AUDIT#<id>)."""
    page = run_sync(get_table().query, partition=keys.events_pk(assessment_id))
    return [i for i in page.items if i.get("event_type") == event_type]


def table_bytes(table: Any) -> bytes:
    """Every byte the local table keeps on disk (the database and its write-ahead log)."""
    path = Path(table.path)
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
