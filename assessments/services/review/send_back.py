"""Sending an assessment back to its requestor, naming the questions that need work."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from assessments.domain.records import Actor, AssessmentCollection, AssessmentRecord, ReviewRecord, now_iso
from assessments.domain.workflow import Action
from assessments.errors import ValidationFailed
from assessments.notifications import NotificationKind
from assessments.questionnaire import engine
from assessments.questionnaire.model import Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.audit import event_put
from assessments.services.queue_index import queue_entry_ops
from assessments.services.review._common import clean_text, tell, transact_with_retries, transition_for
from integrations.table.contract import Condition, Put, TransactOp

FEEDBACK_MAX_LENGTH = 5000


async def assessment_send_back(
    *,
    actor: Actor,
    assessment_id: str,
    feedback: str,
    question_ids: Sequence[str],
    flagged_areas: Sequence[str] = (),
) -> AssessmentRecord:
    """Submitted or under review → sent back, with feedback (required), the questions that need
    work (at least one, each applicable now) and optionally flagged risk areas (active ones).

    This round's area decisions stay as they are: they are the history of this round.
    """

    async def plan(_attempt: int) -> tuple[list[TransactOp], AssessmentRecord]:
        collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        current = collection.assessment
        transition = transition_for(actor, current, Action.SEND_BACK)
        text = clean_text(
            feedback,
            field="feedback",
            limit=FEEDBACK_MAX_LENGTH,
            required=True,
            required_message="Tell the requestor what to change.",
        )
        questionnaire = await aquestionnaire_get(
            key=current.questionnaire_key, version=current.questionnaire_version
        )
        questions = _questions(questionnaire, collection, question_ids)
        areas = _areas(current, flagged_areas)
        now = now_iso()
        updated = dataclasses.replace(
            current,
            state=transition.target,
            updated_at=now,
            version=current.version + 1,
            feedback=text,
            sent_back_by=actor.username,
            sent_back_at=now,
            sent_back_questions=questions,
            sent_back_areas=areas,
        )
        review = ReviewRecord(
            decision=Action.SEND_BACK.value,
            feedback=text,
            assessor=actor.username,
            at=now,
            risk_areas=current.active_areas,
            round=current.round,
            questions=questions,
            flagged_areas=areas,
        )
        ops: list[TransactOp] = [
            Put(updated.to_item(), Condition.version_is(current.version)),
            Put(review.to_item(current.id), Condition.absent()),
            *queue_entry_ops(updated),
            event_put(
                assessment_id=current.id,
                event_type="state_changed",
                actor=actor,
                before={"state": current.state.value},
                after={
                    "state": updated.state.value,
                    "action": Action.SEND_BACK.value,
                    "feedback": text,
                    "round": current.round,
                    "questions": list(questions),
                    "flagged_areas": list(areas),
                },
                at=now,
            ),
        ]
        return ops, updated

    record = await transact_with_retries(plan)
    count = len(record.sent_back_questions)
    await tell(
        NotificationKind.SENT_BACK,
        assessment=record,
        actor=actor,
        recipient_ids=[record.owner_id],
        text=f"{actor.username} sent “{record.title}” back: "
        f"{count} question{'' if count == 1 else 's'} {'needs' if count == 1 else 'need'} your attention.",
    )
    return record


def _questions(
    questionnaire: Questionnaire, collection: AssessmentCollection, question_ids: Sequence[str]
) -> tuple[str, ...]:
    ids = [question_ids] if isinstance(question_ids, str) else question_ids  # one id, not its letters
    wanted = list(dict.fromkeys(str(q).strip() for q in ids if str(q).strip()))
    if not wanted:
        message = "Name at least one question that needs work."
        raise ValidationFailed(message, extra={"fields": {"questions": message}})
    evaluation = engine.evaluate(questionnaire, collection.answer_values())  # once for every id
    unknown = [q for q in wanted if not questionnaire.has_question(q)]
    hidden = [q for q in wanted if q not in unknown and not evaluation.is_applicable(q)]
    if unknown or hidden:
        parts = []
        if unknown:
            parts.append(f"not in the questionnaire: {', '.join(unknown)}")
        if hidden:
            parts.append(f"not applicable to this assessment: {', '.join(hidden)}")
        message = "Some questions cannot be sent back (" + "; ".join(parts) + ")."
        raise ValidationFailed(
            message,
            extra={"fields": {"questions": message}, "unknown": unknown, "not_applicable": hidden},
        )
    # In questionnaire order, so the requestor's list of what to fix reads like the form.
    return tuple(sorted(wanted, key=questionnaire.position))


def _areas(current: AssessmentRecord, flagged_areas: Sequence[str]) -> tuple[str, ...]:
    areas = [flagged_areas] if isinstance(flagged_areas, str) else flagged_areas
    wanted = list(dict.fromkeys(str(a).strip() for a in areas if str(a).strip()))
    inactive = [a for a in wanted if a not in current.active_areas]
    if inactive:
        message = f"Only active risk areas can be flagged (not active: {', '.join(inactive)})."
        raise ValidationFailed(message, extra={"fields": {"flagged_areas": message}})
    return tuple(a for a in current.active_areas if a in wanted)
