"""Accept every high-confidence suggestion of one section at once, in ceil(N / k) write calls.

What is taken and why, and k, are in ``domain/bulk_plan.py``. One Query reads the assessment;
each batch of up to k answers is one TransactWriteItems. Every answer keeps its own condition
(absent: it was unanswered) and its own ``suggestion_accepted`` event with the frozen
citations, exactly as accepting it alone.

A batch cancelled because one answer's condition failed (someone answered that question
between the read and the write) reports that answer as a conflict and sends the rest again,
once. The cancellation reasons say which operation failed, one per operation, on both table
backends (``TransactionCanceled.reasons``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from assessments.domain import policy
from assessments.domain.answer_plan import AnswerPlan
from assessments.domain.bulk_plan import (
    CONFLICT,
    batch_ops,
    batches,
    bulk_selection,
    plan_bulk_accept,
    section_question_ids,
)
from assessments.domain.records import Actor, now_iso
from assessments.errors import NotAllowed, NotFoundError
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import TransactionCanceled
from integrations.table import get_table

__all__ = ["BulkOutcome", "suggestions_accept_all"]

_FAILED = "ConditionalCheckFailed"
BUSY = "Not saved: the assessment was being changed at the same moment. Try again."
MOVED = "Not saved: the assessment was submitted or withdrawn meanwhile; answers are read-only now."


@dataclass(frozen=True)
class BulkOutcome:
    saved: list[str]  # question ids, in questionnaire order
    conflicts: dict[str, str]  # question id -> why it was not saved although it was offered
    skipped: dict[str, str]  # question id -> why its high-confidence suggestion was not taken
    write_calls: int  # TransactWriteItems calls made, retries included


async def suggestions_accept_all(*, actor: Actor, assessment_id: str, section: str) -> BulkOutcome:
    """Accept the section's high-confidence suggestions of unanswered questions (owner, editable)."""
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    assessment = collection.assessment
    if not policy.is_owner(actor, assessment):
        raise NotAllowed("Only the requestor who owns this assessment can accept its suggestions.")
    policy.ensure_can_edit(actor, assessment, part="answers")
    questionnaire = await aquestionnaire_get(
        key=assessment.questionnaire_key, version=assessment.questionnaire_version
    )
    question_ids = section_question_ids(questionnaire, section, collection.answer_values())
    if question_ids is None:
        raise NotFoundError("That section is not part of this assessment's questionnaire.")
    selection = bulk_selection(questionnaire, collection, question_ids)
    plans, refused = plan_bulk_accept(
        actor=actor,
        collection=collection,
        questionnaire=questionnaire,
        suggestions=selection.take,
        now=now_iso(),
        new_event_id=lambda: uuid.uuid4().hex,
    )
    writer = _BatchWriter()
    for batch in batches(plans):
        if writer.stopped:
            # The assessment left the editable states: nothing more can land.
            writer.conflicts.update(dict.fromkeys((p.question_id for p in batch), MOVED))
            continue
        await writer.write(batch)
    order = {qid: i for i, qid in enumerate(question_ids)}
    return BulkOutcome(
        saved=sorted(writer.saved, key=order.__getitem__),
        conflicts=writer.conflicts,
        skipped={**selection.skipped, **refused},
        write_calls=writer.calls,
    )


class _BatchWriter:
    def __init__(self) -> None:
        self.saved: list[str] = []
        self.conflicts: dict[str, str] = {}
        self.calls = 0
        self.stopped = False

    async def write(self, batch: list[AnswerPlan]) -> None:
        """One transaction; on a cancellation, drop the failed answers and send the rest once more."""
        for attempt in range(2):
            prepared = batch_ops(batch)
            self.calls += 1
            try:
                with table_errors_as_domain():
                    await get_table().transact(prepared.ops)
            except TransactionCanceled as exc:
                reasons = exc.reasons
                if reasons and reasons[0] == _FAILED:
                    # META's condition: the assessment is no longer editable. Nothing of this
                    # batch was written, and nothing after it can be.
                    self.stopped = True
                    self.conflicts.update(dict.fromkeys((p.question_id for p in batch), MOVED))
                    return
                lost = {
                    prepared.question_at[i]
                    for i, reason in enumerate(reasons)
                    if reason == _FAILED and i in prepared.question_at
                }
                self.conflicts.update(dict.fromkeys(lost, CONFLICT))
                batch = [p for p in batch if p.question_id not in lost]
                if not batch:
                    return
                if attempt == 0:
                    continue
                # Cancelled twice (another answer lost too, or contention the store could not
                # outwait): what is left is reported, never silently dropped.
                self.conflicts.update(dict.fromkeys((p.question_id for p in batch), BUSY))
                return
            self.saved.extend(p.question_id for p in batch)
            return
