"""What every review use case shares: the workflow check, text checks, the retried transaction
and the notification after it.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

from assessments import notifications
from assessments.domain.policy import is_owner
from assessments.domain.records import Actor, AssessmentRecord
from assessments.domain.text import control_character_problem
from assessments.domain.workflow import Action, Transition, TransitionNotAllowed, find_transition
from assessments.errors import ConflictError, NotAllowed, ValidationFailed
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import TransactionCanceled
from integrations.table import get_table
from integrations.table.contract import TransactOp

T = TypeVar("T")

# Each attempt re-reads and re-plans. What cancels a review move is another move on the same
# assessment (two assessors deciding the last areas at once, a comment's same-microsecond key),
# so a few attempts settle it; contention that outlasts them is a conflict the user can retry.
ATTEMPTS = 5
_BACKOFF_BASE = 0.005
_BACKOFF_CAP = 0.1
CHANGED_MESSAGE = "The assessment changed while you were working on it. Reload and try again."

Plan = Callable[[int], Awaitable[tuple[list[TransactOp], T]]]


async def transact_with_retries(plan: Plan[T], *, message: str = CHANGED_MESSAGE) -> T:
    """Run ``plan(attempt)`` (it reads and returns the operations and the result), write the
    operations in one transaction, and on a cancellation read and plan again. A plan with no
    operations (nothing to change) returns its result without writing."""
    for attempt in range(ATTEMPTS):
        ops, result = await plan(attempt)
        if not ops:
            return result
        try:
            with table_errors_as_domain():
                await get_table().transact(ops)
        except TransactionCanceled:
            # Jittered, so two movers that lost to each other do not meet again at once.
            await asyncio.sleep(random.uniform(0, min(_BACKOFF_CAP, _BACKOFF_BASE * 2**attempt)))
            continue
        return result
    raise ConflictError(message)


def transition_for(actor: Actor, assessment: AssessmentRecord, action: Action) -> Transition:
    try:
        return find_transition(
            state=assessment.state, action=action, roles=actor.roles, is_owner=is_owner(actor, assessment)
        )
    except TransitionNotAllowed as exc:
        raise NotAllowed(str(exc)) from None


def clean_text(
    value: str, *, field: str, limit: int, required: bool, required_message: str = "This field is required."
) -> str:
    """``value`` trimmed, or ValidationFailed naming ``field`` (control characters, length, empty)."""
    raw = str(value or "")
    problem = control_character_problem(raw)
    if problem:
        raise ValidationFailed(problem, extra={"fields": {field: problem}})
    text = raw.strip()
    if required and not text:
        raise ValidationFailed(required_message, extra={"fields": {field: "Required."}})
    if len(text) > limit:
        message = f"At most {limit:,} characters."
        raise ValidationFailed(message, extra={"fields": {field: message}})
    return text


async def tell(
    kind: notifications.NotificationKind,
    *,
    assessment: AssessmentRecord,
    actor: Actor,
    recipient_ids: Iterable[int] | None,
    text: str,
) -> None:
    """Notify after the move committed. ``notify`` itself never raises for an outage; looked up
    on the package at call time so a test can spy on ``assessments.notifications.notify``."""
    await notifications.notify(
        kind=kind, assessment=assessment, actor=actor, recipient_ids=recipient_ids, text=text
    )
