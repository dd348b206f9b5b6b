"""Failed sign-ins per account and per client address, with a lock-out while over the limit.

Counts live in the Django database (``FailedLogin``), so every web worker process sees the same
ones. The window slides: an account is locked while it has ``TRA_LOGIN_FAILURES_PER_ACCOUNT``
failures younger than ``TRA_LOGIN_FAILURE_WINDOW_SECONDS``, and an address likewise with
``TRA_LOGIN_FAILURES_PER_ADDRESS`` (which stops one client from trying a password on many
accounts). A success clears the account's failures; the address's expire on their own, or one
valid account would let a client reset its own counter between guesses at others.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from assessments.accounts.models import FailedLogin

Scope = FailedLogin.Scope


@dataclass(frozen=True)
class Limits:
    per_account: int
    per_address: int
    window: timedelta


def limits() -> Limits:
    return Limits(
        per_account=settings.TRA_LOGIN_FAILURES_PER_ACCOUNT,
        per_address=settings.TRA_LOGIN_FAILURES_PER_ADDRESS,
        window=timedelta(seconds=settings.TRA_LOGIN_FAILURE_WINDOW_SECONDS),
    )


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind ``TRA_TRUSTED_PROXY_COUNT`` proxies (a load
    balancer) the address the outermost trusted proxy saw, from X-Forwarded-For. Entries to the
    left of that are the client's own to write, so they are never trusted."""
    proxies = settings.TRA_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:255]
    return (request.META.get("REMOTE_ADDR") or "unknown")[:255]


def account_key(username: str) -> str:
    # Case and spaces must not give an attacker a fresh counter for the same account.
    return username.strip().casefold()[:255]


def _locked_until(scope: str, key: str, limit: int, window: timedelta, now: datetime) -> datetime | None:
    recent = list(
        FailedLogin.objects.filter(scope=scope, key=key, at__gt=now - window)
        .order_by("-at")
        .values_list("at", flat=True)[:limit]
    )
    # Locked until the limit-th most recent failure leaves the window.
    return recent[-1] + window if len(recent) >= limit else None


def wait_before_next_try(*, username: str, address: str) -> timedelta | None:
    """How long this account or address must wait before a password is checked again, or None."""
    rules, now = limits(), timezone.now()
    until = [
        moment
        for moment in (
            _locked_until(Scope.ACCOUNT, account_key(username), rules.per_account, rules.window, now),
            _locked_until(Scope.ADDRESS, address, rules.per_address, rules.window, now),
        )
        if moment is not None
    ]
    return max(until) - now if until else None


def minutes_to_wait(wait: timedelta) -> int:
    return max(1, math.ceil(wait.total_seconds() / 60))


def failure_record(*, username: str, address: str) -> None:
    """Count one refused sign-in against the account and the address; drop expired failures."""
    now = timezone.now()
    FailedLogin.objects.bulk_create(
        [
            FailedLogin(scope=Scope.ACCOUNT, key=account_key(username), at=now),
            FailedLogin(scope=Scope.ADDRESS, key=address, at=now),
        ]
    )
    FailedLogin.objects.filter(at__lte=now - limits().window).delete()


def failures_forget(*, username: str) -> None:
    """A successful sign-in: the account starts again from zero."""
    FailedLogin.objects.filter(scope=Scope.ACCOUNT, key=account_key(username)).delete()
