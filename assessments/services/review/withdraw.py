"""The requestor withdraws an assessment before review starts."""

from __future__ import annotations

import dataclasses

from assessments.domain.records import Actor, AssessmentRecord, now_iso
from assessments.domain.workflow import Action
from assessments.selectors.assessments import assessment_for_actor
from assessments.services.audit import event_put
from assessments.services.queue_index import queue_entry_ops
from assessments.services.review._common import clean_text, transact_with_retries, transition_for
from integrations.table.contract import Condition, Put, TransactOp

REASON_MAX_LENGTH = 2000


async def assessment_withdraw(*, actor: Actor, assessment_id: str, reason: str = "") -> AssessmentRecord:
    """Owner only, from draft, submitted (not yet assigned) or sent back (the workflow table).

    Conditioned on META's version: an assessor assigning it at the same moment wins or loses
    cleanly, and the loser re-reads (a withdraw then finds it under review and is refused).
    """

    async def plan(_attempt: int) -> tuple[list[TransactOp], AssessmentRecord]:
        collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        current = collection.assessment
        transition = transition_for(actor, current, Action.WITHDRAW)
        text = clean_text(reason, field="reason", limit=REASON_MAX_LENGTH, required=False)
        now = now_iso()
        updated = dataclasses.replace(
            current, state=transition.target, updated_at=now, version=current.version + 1
        )
        ops: list[TransactOp] = [
            Put(updated.to_item(), Condition.version_is(current.version)),
            *queue_entry_ops(updated),
            event_put(
                assessment_id=current.id,
                event_type="state_changed",
                actor=actor,
                before={"state": current.state.value},
                after={"state": updated.state.value, "action": Action.WITHDRAW.value, "reason": text or None},
                at=now,
            ),
        ]
        return ops, updated

    return await transact_with_retries(plan)
