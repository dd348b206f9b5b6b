"""Submitting (and resubmitting) an assessment: round n+1 frozen, a due date, the queue entries."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from django.conf import settings

from assessments.domain.queue import add_working_days
from assessments.domain.records import Actor, AssessmentCollection, AssessmentRecord, now_iso
from assessments.domain.review import RoundAnswer, RoundDocument, RoundSnapshot
from assessments.domain.workflow import Action
from assessments.errors import ValidationFailed
from assessments.notifications import NotificationKind
from assessments.questionnaire import engine
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.audit import event_put
from assessments.services.queue_index import queue_entry_ops
from assessments.services.review._common import tell, transact_with_retries, transition_for
from integrations.table.contract import Condition, Put, TransactOp


def due_working_days() -> int:
    return int(settings.TRA_REVIEW_DUE_WORKING_DAYS)


async def assessment_submit(*, actor: Actor, assessment_id: str) -> AssessmentRecord:
    """Submit a draft, or resubmit what was sent back, as round n+1.

    One Query and one TransactWriteItems: META (conditioned on the version read; every answer
    save adds to it, so a submit racing a save re-reads and checks again rather than missing an
    answer that committed first), the round's snapshot, the queue entries and the event.
    """

    async def plan(_attempt: int) -> tuple[list[TransactOp], tuple[AssessmentRecord, AssessmentRecord]]:
        collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        return await _plan(actor, collection)

    before, updated = await transact_with_retries(plan)
    await tell(
        NotificationKind.SUBMITTED,
        assessment=updated,
        actor=actor,
        recipient_ids=None,  # every reviewer, the previous assignee among them
        text=_notice(updated, before),
    )
    return updated


def _notice(updated: AssessmentRecord, before: AssessmentRecord) -> str:
    if updated.round == 1:
        return f"{updated.owner_name} submitted “{updated.title}” for review (due {updated.due_on})."
    held = f" It was with {before.assignee_name}." if before.assignee_name else ""
    return (
        f"{updated.owner_name} resubmitted “{updated.title}” (round {updated.round}, "
        f"due {updated.due_on}).{held}"
    )


async def _plan(
    actor: Actor, collection: AssessmentCollection
) -> tuple[list[TransactOp], tuple[AssessmentRecord, AssessmentRecord]]:
    current = collection.assessment
    transition = transition_for(actor, current, Action.SUBMIT)
    questionnaire = await aquestionnaire_get(
        key=current.questionnaire_key, version=current.questionnaire_version
    )
    missing = engine.missing_required(questionnaire, collection.answer_values())
    if missing:
        raise ValidationFailed(
            f"{len(missing)} required question(s) still need an answer.",
            extra={"missing": [{"id": q.id, "text": q.text, "area": q.area_key} for q in missing]},
        )
    now = now_iso()
    round_number = current.round + 1
    due_on = add_working_days(datetime.now(UTC).date(), due_working_days()).isoformat()
    updated = dataclasses.replace(
        current,
        state=transition.target,
        updated_at=now,
        version=current.version + 1,
        submitted_at=now,
        round=round_number,
        due_on=due_on,
        # The last send back is history now (its REVIEW# item stays); the assignee stays, so
        # the queue can say who had it before.
        feedback="",
        sent_back_by="",
        sent_back_at=None,
        sent_back_questions=(),
        sent_back_areas=(),
        decided_at=None,
    )
    snapshot = RoundSnapshot(
        assessment_id=current.id,
        number=round_number,
        submitted_at=now,
        submitted_by=actor.username,
        questionnaire_version=current.questionnaire_version,
        active_areas=current.active_areas,
        answers={qid: RoundAnswer(value=a.value, source=a.source) for qid, a in collection.answers.items()},
        documents={d.id: RoundDocument(name=d.name, sha256=d.sha256) for d in collection.ready_documents},
    )
    ops: list[TransactOp] = [
        Put(updated.to_item(), Condition.version_is(current.version)),
        Put(snapshot.to_item(), Condition.absent()),
        *queue_entry_ops(updated),
        event_put(
            assessment_id=current.id,
            event_type="state_changed",
            actor=actor,
            before={"state": current.state.value},
            after={
                "state": updated.state.value,
                "action": Action.SUBMIT.value,
                "round": round_number,
                "due_on": due_on,
            },
            at=now,
        ),
    ]
    return ops, (current, updated)
