"""Saving one answer: read, plan (``domain.answer_plan``), write in one transaction, retry.

In the normal case a save is exactly one Query (the assessment's item collection) and one
TransactWriteItems. Saves of different questions never refuse each other (see the plan's
docstring for how they are still ordered against a submit).
"""

from __future__ import annotations

import asyncio
import random
import uuid
from dataclasses import dataclass

from assessments.domain.answer_plan import (
    ANSWER_OP,
    AnswerPlan,
    AnswerSource,
    plan_answer_save,
    stale_answer,
)
from assessments.domain.documents import CitationRecord
from assessments.domain.records import Actor, AnswerRecord, AssessmentCollection, now_iso
from assessments.errors import ConflictError
from assessments.questionnaire.model import Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.boundary import table_errors_as_domain
from assessments.services.suggestions_precompute import suggestions_enqueue
from integrations.errors import TransactionCanceled
from integrations.table import get_table

__all__ = ["AnswerSaved", "AnswerSource", "answer_save"]

# Each retry re-reads and re-plans. Only a save of a rule-read answer racing another one, a
# state change, or contention that outlasted the table store's own retries come back here.
# Rule-read answers serialise among themselves, so a burst of them (a form's qualifying
# questions saved at once) needs about as many rounds as there are answers in it.
_ATTEMPTS = 16
_BACKOFF_BASE = 0.005
_BACKOFF_CAP = 0.2


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
    citations: tuple[CitationRecord, ...] = (),
    suggested_value: str | list[str] | None = None,
) -> AnswerSaved:
    """Validate and save one answer.

    ``citations`` and ``suggested_value``: the suggestion an accepted or edited answer came
    from, frozen on the answer (a manual save drops them).

    ``expected_version`` is the answer version the user last saw (0 for "unanswered"); a
    different current version raises ConflictError carrying the newer value, never overwriting
    it. ``None`` means "whatever I just read" (API clients that do not track versions).
    """
    for attempt in range(_ATTEMPTS):
        collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        assessment = collection.assessment
        questionnaire = await aquestionnaire_get(
            key=assessment.questionnaire_key, version=assessment.questionnaire_version
        )
        plan = plan_answer_save(
            actor=actor,
            collection=collection,
            questionnaire=questionnaire,
            question_id=question_id,
            raw_value=raw_value,
            expected_version=expected_version,
            source=source,
            now=now_iso(),
            event_id=uuid.uuid4().hex,
            citations=citations,
            suggested_value=suggested_value,
        )
        if plan.changes_nothing:
            return AnswerSaved(plan.answer, collection, questionnaire, applicability_changed=False)
        try:
            with table_errors_as_domain():
                await get_table().transact(plan.ops)
        except TransactionCanceled as exc:
            reasons = exc.reasons
            if len(reasons) > ANSWER_OP and reasons[ANSWER_OP] == "ConditionalCheckFailed":
                # Someone saved this very question first: a real conflict, shown to the user.
                latest = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
                raise stale_answer(latest.answers.get(question_id)) from None
            # META's condition failed: it was submitted (the re-plan refuses), or another
            # rule-read answer changed the areas (the re-plan includes it). Or contention only
            # (TransactionConflict the store could not outwait). Either way: back off a little,
            # jittered so racing savers fall out of step, and read again.
            await asyncio.sleep(random.uniform(0, min(_BACKOFF_CAP, _BACKOFF_BASE * 2 ** min(attempt, 6))))
            continue
        return await _saved(plan, collection, questionnaire)
    raise ConflictError("The assessment is being changed by someone else right now. Please try again.")


async def _saved(
    plan: AnswerPlan, collection: AssessmentCollection, questionnaire: Questionnaire
) -> AnswerSaved:
    collection.assessment = plan.assessment
    if plan.answer:
        collection.answers[plan.answer.question_id] = plan.answer
    else:
        collection.answers.pop(plan.question_id, None)
    if plan.questions_appeared and collection.ready_documents:
        # Questions just appeared: give them suggestions from the documents already there.
        await suggestions_enqueue(plan.assessment.id)
    return AnswerSaved(
        plan.answer, collection, questionnaire, applicability_changed=plan.applicability_changed
    )
