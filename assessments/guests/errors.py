"""The refusal of a guest link: a clear message, 404 (never valid) or 410 (expired, withdrawn)."""

from __future__ import annotations

from assessments.errors import DomainError
from assessments.guests.domain import Refusal


class GuestRefused(DomainError):
    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.message)
        self.reason = reason
        self.status = reason.status


class GuestRateLimited(DomainError):
    status = 429

    def __init__(self) -> None:
        super().__init__("This link has been used too often for now. Try again in an hour.")
