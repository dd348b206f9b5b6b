"""Who may do what: three roles, derived from the Django user."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

ASSESSORS_GROUP = "assessors"


class Role(StrEnum):
    REQUESTOR = "requestor"
    ASSESSOR = "assessor"
    ADMIN = "admin"


def _roles(user: Any, *, in_assessors_group: bool) -> frozenset[Role]:
    """Every signed-in user may request; assessors and admins may also review."""
    roles = {Role.REQUESTOR}
    if user.is_superuser:
        roles |= {Role.ADMIN, Role.ASSESSOR}
    elif in_assessors_group:
        roles.add(Role.ASSESSOR)
    return frozenset(roles)


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def roles_of(user: Any) -> frozenset[Role]:
    if not _signed_in(user):
        return frozenset()
    member = not user.is_superuser and user.groups.filter(name=ASSESSORS_GROUP).exists()
    return _roles(user, in_assessors_group=member)


async def aroles_of(user: Any) -> frozenset[Role]:
    """``roles_of`` for async callers: the group look-up goes through the async ORM."""
    if not _signed_in(user):
        return frozenset()
    member = not user.is_superuser and await user.groups.filter(name=ASSESSORS_GROUP).aexists()
    return _roles(user, in_assessors_group=member)


def is_reviewer(user: Any) -> bool:
    return Role.ASSESSOR in roles_of(user)
