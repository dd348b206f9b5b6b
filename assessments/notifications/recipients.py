"""Who hears about what (pure): the recipient lists the use cases hand to ``notify``.

``None`` means every reviewer (``notify`` resolves them); the actor is always left out by
``notify`` itself, so these never need to.
"""

from __future__ import annotations

from collections.abc import Iterable

from assessments.domain.records import Actor


def to_requestor(*, owner_id: int) -> list[int]:
    """Sent back, decided: the assessment's owner."""
    return [owner_id]


def to_reviewers(*, assignee_id: int | None) -> list[int] | None:
    """Due soon, overdue, resubmitted: the assignee, or every reviewer while nobody has it."""
    return [assignee_id] if assignee_id is not None else None


def comment_other_side(
    *, owner_id: int, actor: Actor, assignee_id: int | None, participant_ids: Iterable[int] = ()
) -> list[int] | None:
    """A comment goes to the other side of the thread.

    A reviewer writes: the requestor. The requestor writes: the assignee, else the reviewers
    who already wrote in the thread, else every reviewer (nobody has picked it up yet).
    """
    if actor.user_id != owner_id:
        return [owner_id]
    if assignee_id is not None:
        return [assignee_id]
    reviewers = sorted({uid for uid in participant_ids if uid != owner_id})
    return reviewers or None
