"""Assigning an assessment to a reviewer: "assign to me", or hand it to a colleague."""

from __future__ import annotations

import dataclasses

from assessments.accounts.reviewers import ReviewerChoice, reviewer_by_id
from assessments.domain.records import Actor, AssessmentRecord, now_iso
from assessments.domain.workflow import Action
from assessments.errors import ConflictError, ValidationFailed
from assessments.notifications import NotificationKind
from assessments.selectors.assessments import assessment_for_actor
from assessments.services.audit import event_put
from assessments.services.queue_index import queue_entry_ops
from assessments.services.review._common import tell, transact_with_retries, transition_for
from integrations.table.contract import Condition, Put, TransactOp


async def assessment_assign(
    *, actor: Actor, assessment_id: str, assignee_id: int | None = None
) -> AssessmentRecord:
    """Submitted → under review, or under review → under review with someone else.

    ``assignee_id`` None is the actor. The assignee must be a reviewer (ValidationFailed naming
    ``assignee``). Assigning it to whoever already has it changes nothing and writes nothing.
    Two reviewers taking it at once: one wins, and the other is told who has it (a
    ConflictError), never handed it silently by its retry.
    """
    target_id = actor.user_id if assignee_id is None else assignee_id
    found: list[ReviewerChoice] = []  # looked up once, after the access and workflow checks
    seen: list[tuple[str, int | None]] = []  # its state and who had it at the first read

    async def plan(attempt: int) -> tuple[list[TransactOp], tuple[AssessmentRecord, bool]]:
        collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        current = collection.assessment
        transition = transition_for(actor, current, Action.ASSIGN)
        if not found:
            found.append(await _reviewer(target_id))
            seen.append((current.state.value, current.assignee_id))
        assignee = found[0]
        taken = (current.state.value, current.assignee_id) != seen[0]
        if attempt > 0 and taken and current.assignee_id != assignee.user_id:
            raise ConflictError(
                f"{current.assignee_name} took this assessment a moment ago; reload to see it.",
                extra={"assignee_id": current.assignee_id, "current_version": current.version},
            )
        if current.state == transition.target and current.assignee_id == assignee.user_id:
            return [], (current, False)
        now = now_iso()
        updated = dataclasses.replace(
            current,
            state=transition.target,
            updated_at=now,
            version=current.version + 1,
            assignee_id=assignee.user_id,
            assignee_name=assignee.display_name,
        )
        ops: list[TransactOp] = [
            Put(updated.to_item(), Condition.version_is(current.version)),
            *queue_entry_ops(updated),
            event_put(
                assessment_id=current.id,
                event_type="assigned",
                actor=actor,
                before={
                    "state": current.state.value,
                    "assignee_id": current.assignee_id,
                    "assignee": current.assignee_name,
                },
                after={
                    "state": updated.state.value,
                    "assignee_id": assignee.user_id,
                    "assignee": assignee.display_name,
                },
                at=now,
            ),
        ]
        return ops, (updated, True)

    record, changed = await transact_with_retries(plan)
    assignee = found[0]
    if changed and assignee.user_id != actor.user_id:
        await tell(
            NotificationKind.ASSIGNED,
            assessment=record,
            actor=actor,
            recipient_ids=[assignee.user_id],
            text=f"{actor.username} assigned “{record.title}” to you (due {record.due_on}).",
        )
    return record


async def _reviewer(user_id: int) -> ReviewerChoice:
    found = await reviewer_by_id(user_id)
    if found is None:
        message = "Choose a reviewer: only assessors can be assigned an assessment."
        raise ValidationFailed(message, extra={"fields": {"assignee": message}})
    return found
