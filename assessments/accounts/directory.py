"""Who is who, for notifications: the reviewers, users' e-mail addresses and e-mail choices.

Reads of the Django database (users live there, never in the TRA table), async all the way.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User

from assessments.accounts.models import EmailOptOut
from assessments.accounts.reviewers import reviewer_users


async def reviewer_ids() -> set[int]:
    """Every reviewer (the one rule in accounts/reviewers.py: they can reach the review screens): one query."""
    return {pk async for pk in reviewer_users().values_list("pk", flat=True)}


async def email_addresses(user_ids: Iterable[int], *, kind: str) -> dict[int, str]:
    """Active users among ``user_ids`` who have an address and did not turn ``kind`` off,
    with their address (empty string for those without one, so the caller can say so)."""
    ids = set(user_ids)
    if not ids:
        return {}
    users = User.objects.filter(pk__in=ids, is_active=True).exclude(email_opt_outs__kind=kind)
    return {pk: email async for pk, email in users.values_list("pk", "email")}


async def email_address(user_id: int) -> str:
    """One user's address now ('' when none or the account is switched off)."""
    found = await User.objects.filter(pk=user_id, is_active=True).values_list("email", flat=True).afirst()
    return found or ""


async def email_opt_outs(user_id: int) -> set[str]:
    return {kind async for kind in EmailOptOut.objects.filter(user_id=user_id).values_list("kind", flat=True)}


async def email_opt_outs_set(user_id: int, *, kinds: Iterable[str]) -> None:
    """Replace the kinds a user gets no e-mail for."""
    wanted = set(kinds)
    await EmailOptOut.objects.filter(user_id=user_id).exclude(kind__in=wanted).adelete()
    current = await email_opt_outs(user_id)
    await EmailOptOut.objects.abulk_create(
        [EmailOptOut(user_id=user_id, kind=kind) for kind in sorted(wanted - current)],
        ignore_conflicts=True,
    )
