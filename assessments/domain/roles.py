"""Who may do what: three roles, derived from the Django user."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

ASSESSORS_GROUP = "assessors"


class Role(StrEnum):
    REQUESTOR = "requestor"
    ASSESSOR = "assessor"
    ADMIN = "admin"


def roles_of(user: Any) -> frozenset[Role]:
    """Every signed-in user may request; assessors and admins may also review."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    roles = {Role.REQUESTOR}
    if user.is_superuser:
        roles |= {Role.ADMIN, Role.ASSESSOR}
    elif user.groups.filter(name=ASSESSORS_GROUP).exists():
        roles.add(Role.ASSESSOR)
    return frozenset(roles)


def is_reviewer(user: Any) -> bool:
    return Role.ASSESSOR in roles_of(user)
