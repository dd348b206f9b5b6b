"""Guest invites: the token, its hash, the expiry and the two items (pure; no Django, no AWS).

The link carries ``secrets.token_urlsafe(32)``; the table holds only its SHA-256:

- ``GUEST#<sha256>`` / ``INVITE``: a pointer from the hash to the invite (assessment, invite id).
- ``ASSESSMENT#<id>`` / ``GUESTINVITE#<invite_id>``: the invite itself in the assessment's
  collection (who, which area, until when, withdrawn or not), listed on the review page. It holds
  no hash, so the list of invites can be shown and copied without handing anyone a link.

The invite in the collection is the one truth about whether the link still works: a revoke
changes it alone, and a guest's comment commits with a Check on it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from assessments.domain import keys

GUEST_PREFIX = "GUEST#"
INVITE_SK = "INVITE"
INVITE_PREFIX = "GUESTINVITE#"
DEFAULT_EXPIRY_DAYS = 14
MAX_EXPIRY_DAYS = 90
TOKEN_BYTES = 32
# token_urlsafe(32) is 43 characters of the URL-safe alphabet; anything else is not a token.
_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{43}$")
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EMAIL_MAX_LENGTH = 254


class InviteStatus(StrEnum):
    ACTIVE = "active"
    REVOKED = "revoked"


class Refusal(StrEnum):
    """Why a link gives nothing. Unknown covers tampered (one character changed is a new hash)."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    REVOKED = "revoked"

    @property
    def status(self) -> int:
        # Gone for a link that once worked; not found for one that never did.
        return 404 if self is Refusal.UNKNOWN else 410

    @property
    def message(self) -> str:
        return {
            Refusal.UNKNOWN: "This link is not valid.",
            Refusal.EXPIRED: "This link has expired.",
            Refusal.REVOKED: "This link was withdrawn.",
        }[self]


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def looks_like_token(token: str) -> bool:
    return bool(_TOKEN_SHAPE.match(token))


def pointer_pk(digest: str) -> str:
    return f"{GUEST_PREFIX}{digest}"


def invite_sk(invite_id: str) -> str:
    return f"{INVITE_PREFIX}{invite_id}"


def normalised_email(email: str) -> str | None:
    """The address as stored (trimmed, lower case), or None when it is not an address."""
    value = email.strip().lower()
    if not value or len(value) > EMAIL_MAX_LENGTH or not _EMAIL_SHAPE.match(value):
        return None
    return value


def expiry_problem(days: int) -> str | None:
    if days < 1 or days > MAX_EXPIRY_DAYS:
        return f"A guest link lasts from 1 to {MAX_EXPIRY_DAYS} days."
    return None


def expires_at(now: datetime, days: int) -> datetime:
    return now + timedelta(days=days)


@dataclass(frozen=True)
class GuestInvite:
    invite_id: str
    assessment_id: str
    email: str
    area: str | None  # a risk area's key, or None for the whole assessment
    created_at: str
    created_by: str
    expires_at: str  # ISO 8601, UTC, compared as datetimes
    status: InviteStatus = InviteStatus.ACTIVE
    revoked_at: str | None = None
    revoked_by: str | None = None

    def refusal(self, now: datetime) -> Refusal | None:
        if self.status is InviteStatus.REVOKED:
            return Refusal.REVOKED
        if datetime.fromisoformat(self.expires_at) <= now:
            return Refusal.EXPIRED
        return None

    @property
    def author(self) -> str:
        """How the audit trail names the guest (never the token)."""
        return f"guest: {self.email}"

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": invite_sk(self.invite_id),
            "invite_id": self.invite_id,
            "assessment_id": self.assessment_id,
            "email": self.email,
            "area": self.area,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "expires_at": self.expires_at,
            "status": self.status.value,
            "revoked_at": self.revoked_at,
            "revoked_by": self.revoked_by,
        }

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> GuestInvite:
        return cls(
            invite_id=item["invite_id"],
            assessment_id=item["assessment_id"],
            email=item["email"],
            area=item.get("area") or None,
            created_at=item["created_at"],
            created_by=item.get("created_by", ""),
            expires_at=item["expires_at"],
            status=InviteStatus(item.get("status", InviteStatus.ACTIVE.value)),
            revoked_at=item.get("revoked_at"),
            revoked_by=item.get("revoked_by"),
        )


def pointer_item(*, digest: str, invite: GuestInvite) -> dict[str, Any]:
    """The hash's item: only where to look, nothing a reader of the table could use as a link."""
    return {
        "pk": pointer_pk(digest),
        "sk": INVITE_SK,
        "invite_id": invite.invite_id,
        "assessment_id": invite.assessment_id,
        "expires_at": invite.expires_at,
    }


@dataclass(frozen=True)
class GuestSession:
    """A link that resolved: what this request may show and comment on."""

    invite: GuestInvite

    @property
    def assessment_id(self) -> str:
        return self.invite.assessment_id

    def may_see_area(self, area_key: str | None) -> bool:
        return self.invite.area is None or area_key == self.invite.area
