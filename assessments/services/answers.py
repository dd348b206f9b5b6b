"""Saving one answer: its own item, written only if nobody changed it since the user saw it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from asgiref.sync import sync_to_async

from assessments.domain import keys
from assessments.domain.records import Actor, AnswerRecord, AssessmentCollection, now_iso
from assessments.domain.workflow import EDITABLE_STATES
from assessments.errors import ConflictError, NotAllowed, NotFoundError, ValidationFailed
from assessments.questionnaire import engine
from assessments.questionnaire.errors import AnswerInvalid
from assessments.questionnaire.model import Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import questionnaire_get
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import TransactionCanceled
from integrations.table import get_table
from integrations.table.contract import Condition, Delete, Put, TransactOp

AnswerSource = Literal["manual", "suggestion_accepted", "suggestion_edited"]
_META_RETRIES = 4


@dataclass(frozen=True)
class AnswerSaved:
    answer: AnswerRecord | None  # None when the answer was cleared
    collection: AssessmentCollection  # the assessment as it is after the save
    questionnaire: Questionnaire
    applicability_changed: bool  # other questions appeared or disappeared


async def answer_save(
    *,
    actor: Actor,
    assessment_id: str,
    question_id: str,
    raw_value: str | list[str],
    expected_version: int | None,
    source: AnswerSource = "manual",
) -> AnswerSaved:
    """Validate and save one answer.

    ``expected_version`` is the answer version the user last saw (0 for "unanswered"); a
    different current version raises ConflictError carrying the newer value, never overwriting
    it. ``None`` means "whatever I just read" (API clients that do not track versions).
    """
    for _attempt in range(_META_RETRIES):
        collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        assessment = collection.assessment
        if assessment.owner_id != actor.user_id:
            raise NotAllowed("Only the requestor who owns this assessment can change its answers.")
        if assessment.state not in EDITABLE_STATES:
            raise NotAllowed(
                "This assessment has been submitted; its answers are read-only until it is sent back."
            )
        questionnaire = await sync_to_async(questionnaire_get)(
            key=assessment.questionnaire_key, version=assessment.questionnaire_version
        )
        if not questionnaire.has_question(question_id):
            raise NotFoundError("No such question in this assessment's questionnaire.")
        question = questionnaire.question(question_id)
        answers = collection.answer_values()
        if not engine.is_applicable(questionnaire, question, answers):
            raise ValidationFailed("This question does not apply given your other answers.")
        try:
            value = engine.validate_answer(question, raw_value)
        except AnswerInvalid as exc:
            raise ValidationFailed(str(exc), extra={"question_id": question_id, "value": raw_value}) from None

        existing = collection.answers.get(question_id)
        seen = existing.version if existing else 0
        if expected_version is not None and expected_version != seen:
            raise _conflict(existing)
        if (existing and existing.value == value) or (existing is None and value in ("", [])):
            return AnswerSaved(existing, collection, questionnaire, applicability_changed=False)

        now = now_iso()
        new_answers = dict(answers)
        answer: AnswerRecord | None
        if value in ("", []):
            new_answers.pop(question_id, None)
            answer = None
            answer_op: TransactOp = Delete(
                keys.assessment_pk(assessment.id), keys.answer_sk(question_id), Condition.version_is(seen)
            )
        else:
            new_answers[question_id] = value
            answer = AnswerRecord(question_id, value, source, actor.username, now, seen + 1)
            answer_op = Put(
                {
                    "pk": keys.assessment_pk(assessment.id),
                    "sk": keys.answer_sk(question_id),
                    "question_id": question_id,
                    "value": value,
                    "source": source,
                    "answered_by": actor.username,
                    "answered_at": now,
                    "version": seen + 1,
                },
                Condition.version_is(seen) if existing else Condition.absent(),
            )
        updated_meta = dataclasses.replace(
            assessment,
            updated_at=now,
            version=assessment.version + 1,
            active_areas=tuple(engine.active_areas(questionnaire, new_answers)),
        )
        event = event_put(
            assessment_id=assessment.id,
            # An answer taken from a suggestion is recorded as such (suggestion_accepted/_edited).
            event_type=("answer_saved" if source == "manual" else source) if answer else "answer_cleared",
            actor=actor,
            before={"question_id": question_id, "value": existing.value if existing else None},
            after={"question_id": question_id, "value": value or None, "source": source},
            at=now,
        )
        # The META write is conditional too: it serialises with a concurrent submit, so an
        # answer can never land on an assessment that has just been submitted.
        ops = [answer_op, Put(updated_meta.to_item(), Condition.version_is(assessment.version)), event]
        try:
            with table_errors_as_domain():
                await get_table().transact(ops)
        except TransactionCanceled as exc:
            if exc.reasons and exc.reasons[0]:
                latest = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
                raise _conflict(latest.answers.get(question_id)) from None
            continue  # only META moved (another answer, or a state change): re-read and re-check
        before_ids = {q.id for q in engine.applicable_questions(questionnaire, answers)}
        after_ids = {q.id for q in engine.applicable_questions(questionnaire, new_answers)}
        collection.assessment = updated_meta
        if answer:
            collection.answers[question_id] = answer
        else:
            collection.answers.pop(question_id, None)
        if after_ids - before_ids and collection.ready_documents:
            # Questions just appeared: give them suggestions from the documents already there.
            from assessments.tasks import suggestions_precompute_task

            await suggestions_precompute_task.aenqueue(assessment.id)
        return AnswerSaved(answer, collection, questionnaire, applicability_changed=before_ids != after_ids)
    raise ConflictError("The assessment is being changed by someone else right now. Please try again.")


def _conflict(current: AnswerRecord | None) -> ConflictError:
    return ConflictError(
        "Someone else changed this answer after you opened it. Their version is shown; review it and save again.",
        extra={
            "current_value": current.value if current else None,
            "current_version": current.version if current else 0,
            "answered_by": current.answered_by if current else None,
        },
    )
