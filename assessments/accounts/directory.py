"""Who is who, for notifications: the reviewers, users' e-mail addresses and e-mail choices.

Reads of the Django database (users live there, never in the TRA table), async all the way.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db.models import Q

from assessments.accounts.models import EmailOptOut
from assessments.domain.roles import ASSESSORS_GROUP


def _reviewers_q() -> Q:
    # The same rule as roles._roles: superusers, and members of the assessors group.
    return Q(is_superuser=True) | Q(groups__name=ASSESSORS_GROUP)


async def reviewer_ids() -> set[int]:
    """Every active reviewer (assessors group members and superusers): one query."""
    query = User.objects.filter(_reviewers_q(), is_active=True).values_list("pk", flat=True).distinct()
    return {pk async for pk in query}


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
