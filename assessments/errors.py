"""The project's error vocabulary, mapped in one place to HTTP (api.py) and to htmx partials."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    status = 400

    def __init__(self, message: str, *, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


class NotFoundError(DomainError):
    """Missing, or not yours: another user's assessment is a 404, never a 403."""

    status = 404


class ValidationFailed(DomainError):
    status = 422


class ConflictError(DomainError):
    """A stale write: someone changed the item first. ``extra`` carries the newer value."""

    status = 409


class NotAllowed(DomainError):
    status = 403


class ServiceUnavailable(DomainError):
    """AWS (or its local stand-in) failed; nothing was saved and the user can retry."""

    status = 503
