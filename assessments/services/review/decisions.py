"""Deciding one risk area; the last decision of a round finalizes (or rejects) the assessment
and freezes its decision record, in the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from assessments.domain.rating import RiskLevel, worst
from assessments.domain.records import Actor, AssessmentCollection, AssessmentRecord, now_iso
from assessments.domain.review import (
    OVERALL_AREA_NAME,
    AreaDecision,
    DecisionRecord,
    Outcome,
    RoundAnswer,
    decision_areas,
)
from assessments.domain.workflow import Action, State
from assessments.errors import ConflictError, NotAllowed, ValidationFailed
from assessments.notifications import NotificationKind
from assessments.questionnaire.model import Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.audit import event_put
from assessments.services.queue_index import queue_entry_ops
from assessments.services.reuse_index import library_items, library_write, review_date_ops
from assessments.services.review._common import tell, transact_with_retries, transition_for
from assessments.services.review.decision_input import ConditionInput, clean_decision
from assessments.services.review.rating import area_level, rating_of
from integrations.table.contract import Condition, Put, TransactOp

__all__ = ["AreaDecided", "ConditionInput", "area_decide"]

STALE_MESSAGE = "The assessment changed since you opened it; reload."


@dataclass(frozen=True)
class AreaDecided:
    record: AssessmentRecord  # the assessment after the decision
    decision: AreaDecision
    finalized: bool  # this decision was the last: the assessment is finalized or rejected
    decision_record: DecisionRecord | None = None  # the frozen record, when finalized
    library_items: tuple[dict[str, Any], ...] = ()  # the answer library's, when finalized


async def area_decide(
    *,
    actor: Actor,
    assessment_id: str,
    area_key: str,
    outcome: Outcome | str,
    rationale: str,
    conditions: Sequence[ConditionInput],
    residual_rating: str | None,
    residual_rationale: str = "",
    expected_version: int | None = None,
) -> AreaDecided:
    """Decide ``area_key`` for the current round (under review only).

    ``expected_version`` is the version the form was opened on: a first read that finds another
    is a stale form (ConflictError, nothing written). Once the form was current, a cancellation
    (two assessors deciding the last two areas at once: both condition on META's version) is
    retried on a fresh read, and the retry of the one that lost is what finalizes.
    """

    async def plan(attempt: int) -> tuple[list[TransactOp], AreaDecided]:
        collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        current = collection.assessment
        if attempt == 0 and expected_version is not None and current.version != expected_version:
            raise ConflictError(STALE_MESSAGE, extra={"current_version": current.version})
        _ensure_decidable(actor, current)
        areas = decision_areas(current.active_areas)
        if area_key not in areas:
            message = f"“{area_key}” is not a risk area to decide here (choose one of: {', '.join(areas)})."
            raise ValidationFailed(message, extra={"fields": {"area_key": message}})
        taken = collection.current_decisions().get(area_key)
        if taken is not None:
            when = taken.at[:16].replace("T", " ")
            raise ConflictError(
                f"{taken.assessor} already decided this area ({taken.outcome.label.lower()}, {when} UTC).",
                extra={"decided_by": taken.assessor, "current_version": current.version},
            )
        questionnaire = await aquestionnaire_get(
            key=current.questionnaire_key, version=current.questionnaire_version
        )
        return _plan(actor, collection, questionnaire, area_key, areas, inputs)

    inputs = {
        "outcome": outcome,
        "rationale": rationale,
        "conditions": tuple(conditions),
        "residual_rating": residual_rating,
        "residual_rationale": residual_rationale,
    }
    result = await transact_with_retries(plan)
    # The answer library: its items were planned from the read; written once the decision holds.
    await library_write(assessment_id=result.record.id, items=result.library_items)
    if result.finalized:
        await tell(
            NotificationKind.DECIDED,
            assessment=result.record,
            actor=actor,
            recipient_ids=[result.record.owner_id],
            text=_decided_text(result.record),
        )
    return result


def _ensure_decidable(actor: Actor, current: AssessmentRecord) -> None:
    if current.state is State.SUBMITTED and actor.is_reviewer:
        raise NotAllowed("Assign the assessment (to yourself or a colleague) before deciding its risk areas.")
    transition_for(actor, current, Action.DECIDE)


def _decided_text(record: AssessmentRecord) -> str:
    if record.state is State.REJECTED:
        return f"“{record.title}” was rejected. Open it to read each risk area's decision and rationale."
    return f"“{record.title}” was finalized. Open it to read each risk area's decision and any conditions."


def _plan(
    actor: Actor,
    collection: AssessmentCollection,
    questionnaire: Questionnaire,
    area_key: str,
    areas: tuple[str, ...],
    inputs: dict[str, Any],
) -> tuple[list[TransactOp], AreaDecided]:
    current = collection.assessment
    rating = rating_of(collection, questionnaire)
    inherent = area_level(rating, area_key)
    clean, errors = clean_decision(**inputs, inherent=inherent, today=datetime.now(UTC).date())
    if clean is None:
        raise ValidationFailed("Please correct the highlighted fields.", extra={"fields": errors})
    now = now_iso()
    decision = AreaDecision(
        assessment_id=current.id,
        round=current.round,
        area_key=area_key,
        outcome=clean.outcome,
        rationale=clean.rationale,
        conditions=clean.conditions,
        assessor=actor.username,
        assessor_id=actor.user_id,
        at=now,
        inherent_rating=inherent,
        residual_rating=clean.residual.value,
        residual_rationale=clean.residual_rationale,
    )
    decided = {**collection.current_decisions(), area_key: decision}
    final = all(a in decided for a in areas)
    ops: list[TransactOp] = [
        Put(decision.to_item(), Condition.absent()),
        event_put(
            assessment_id=current.id,
            event_type="area_decided",
            actor=actor,
            after={
                "area": area_key,
                "area_name": questionnaire.area_name(area_key)
                if area_key in current.active_areas
                else OVERALL_AREA_NAME,
                "outcome": decision.outcome.value,
                "round": current.round,
                "residual_rating": decision.residual_rating,
                "conditions": len(decision.conditions),
            },
            at=now,
        ),
    ]
    record: DecisionRecord | None = None
    if not final:
        updated = dataclasses.replace(current, updated_at=now, version=current.version + 1)
    else:
        ordered = tuple(decided[a] for a in areas)
        action = Action.REJECT if any(d.outcome is Outcome.REJECT for d in ordered) else Action.FINALIZE
        transition = transition_for(actor, current, action)
        updated = dataclasses.replace(
            current, state=transition.target, updated_at=now, version=current.version + 1, decided_at=now
        )
        record = DecisionRecord(
            assessment_id=current.id,
            round=current.round,
            outcome=transition.target.value,
            decided_at=now,
            decisions=ordered,
            answers={
                qid: RoundAnswer(value=a.value, source=a.source) for qid, a in collection.answers.items()
            },
            inherent_overall=rating.overall.value if rating.overall else None,
            residual_overall=_worst_residual(ordered),
            questionnaire_key=current.questionnaire_key,
            questionnaire_version=current.questionnaire_version,
        )
        ops += [
            Put(record.to_item(), Condition.absent()),
            event_put(
                assessment_id=current.id,
                event_type="state_changed",
                actor=actor,
                before={"state": current.state.value},
                after={"state": updated.state.value, "action": action.value, "round": current.round},
                at=now,
            ),
        ]
    library: tuple[dict[str, Any], ...] = ()
    if record is not None:  # finalized: a review date on META and in "due for reassessment"
        updated, review_ops = review_date_ops(updated, record.residual_overall)
        ops += review_ops
        if updated.state is State.FINALIZED:
            library = tuple(library_items(dataclasses.replace(collection, assessment=updated), questionnaire))
    # Every decision moves META's version, so two of them never both see "one area left".
    ops += [Put(updated.to_item(), Condition.version_is(current.version)), *queue_entry_ops(updated)]
    return ops, AreaDecided(
        record=updated, decision=decision, finalized=final, decision_record=record, library_items=library
    )


def _worst_residual(decisions: Sequence[AreaDecision]) -> str | None:
    level = worst(RiskLevel.parse(d.residual_rating) for d in decisions if d.residual_rating)
    return level.value if level else None
