"""The reviewers one can hand an assessment to: active staff who are assessors or superusers.

Reads of the Django database through the async ORM (users never live in the TRA table).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from assessments.domain.roles import ASSESSORS_GROUP


@dataclass(frozen=True)
class ReviewerChoice:
    user_id: int
    username: str
    display_name: str  # the full name, or the username when none is set


def reviewer_users() -> QuerySet[User]:
    # The same rule as roles._roles (superusers, and members of the assessors group), narrowed
    # to accounts that can reach the admin site, where the review happens.
    return (
        User.objects.filter(
            Q(is_superuser=True) | Q(groups__name=ASSESSORS_GROUP), is_active=True, is_staff=True
        )
        .distinct()
        .order_by("username")
    )


def _choice(user: User) -> ReviewerChoice:
    return ReviewerChoice(
        user_id=user.pk, username=user.username, display_name=user.get_full_name().strip() or user.username
    )


async def reviewer_choices() -> list[ReviewerChoice]:
    """Every reviewer, by username: one query."""
    return [_choice(user) async for user in reviewer_users()]


async def reviewer_by_id(user_id: int) -> ReviewerChoice | None:
    """The reviewer with this id, or None when there is none (or the account is not a reviewer)."""
    user = await reviewer_users().filter(pk=user_id).afirst()
    return _choice(user) if user is not None else None
