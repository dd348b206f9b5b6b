"""The review over JSON: assign, send back, withdraw, rounds and their diffs, per-area decisions,
the timeline, and the review queue (reviewers only)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Path, Query, Router

from assessments.api.auth import actor
from assessments.api.errors import ANY, READ_ONE, WRITE, errors
from assessments.api.schemas import DataClassification, StateName
from assessments.api.schemas_review import (
    AreaDecidedOut,
    AssessmentReviewOut,
    AssignIn,
    DecisionIn,
    DecisionOut,
    DecisionRecordOut,
    DecisionsOut,
    QueueEntryOut,
    QueueOrderName,
    QueuePageOut,
    QueuePhaseName,
    RatingOut,
    SendBackIn,
    TimelineEntryOut,
    TimelineOut,
    WithdrawIn,
)
from assessments.api.schemas_rounds import RoundDetailOut, RoundListOut, RoundOut
from assessments.domain.queue import QueueFilters, QueueOrder, QueuePhase
from assessments.domain.records import Actor
from assessments.domain.review import OVERALL_AREA, OVERALL_AREA_NAME, decision_areas
from assessments.domain.workflow import State
from assessments.errors import NotAllowed, ValidationFailed
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.selectors.review import assessment_rounds, assessment_timeline, round_with_diff
from assessments.selectors.review_queue import review_queue_page
from assessments.services.review import (
    ConditionInput,
    area_decide,
    assessment_assign,
    assessment_send_back,
    assessment_withdraw,
    rating_of,
)

router = Router(tags=["review"])

QUEUE_FOR_REVIEWERS = "The review queue is for assessors; your own assessments are at /api/assessments."


@contextmanager
def fields_named(names: dict[str, str]) -> Iterator[None]:
    """A use case's ValidationFailed with its fields named as this operation's body names them
    (the use case says ``area_key`` and ``questions``; the body says ``area`` and ``question_ids``)."""
    try:
        yield
    except ValidationFailed as exc:
        fields = exc.extra.get("fields", {})
        renamed = {names.get(key, key): message for key, message in fields.items()}
        raise ValidationFailed(exc.message, extra={**exc.extra, "fields": renamed}) from None


# --- moves ---------------------------------------------------------------------------------------


@router.post(
    "/assessments/{assessment_id}/assign",
    response={200: AssessmentReviewOut, **errors(WRITE)},
    summary="Assign to a reviewer (assignee null or omitted: to me); starts the review",
)
async def assign(request: HttpRequest, assessment_id: str, payload: AssignIn) -> dict[str, Any]:
    record = await assessment_assign(
        actor=actor(request), assessment_id=assessment_id, assignee_id=payload.assignee
    )
    return AssessmentReviewOut.of(record)


@router.post(
    "/assessments/{assessment_id}/send-back",
    response={200: AssessmentReviewOut, **errors(WRITE)},
    summary="Send back to the requestor with feedback, naming the questions that need work",
)
async def send_back(request: HttpRequest, assessment_id: str, payload: SendBackIn) -> dict[str, Any]:
    with fields_named({"questions": "question_ids"}):
        record = await assessment_send_back(
            actor=actor(request),
            assessment_id=assessment_id,
            feedback=payload.feedback,
            question_ids=payload.question_ids,
            flagged_areas=payload.flagged_areas,
        )
    return AssessmentReviewOut.of(record)


@router.post(
    "/assessments/{assessment_id}/withdraw",
    response={200: AssessmentReviewOut, **errors(WRITE)},
    summary="Withdraw my assessment (before an assessor has taken it)",
)
async def withdraw(request: HttpRequest, assessment_id: str, payload: WithdrawIn) -> dict[str, Any]:
    record = await assessment_withdraw(
        actor=actor(request), assessment_id=assessment_id, reason=payload.reason
    )
    return AssessmentReviewOut.of(record)


# --- rounds and the timeline -----------------------------------------------------------------------


@router.get(
    "/assessments/{assessment_id}/rounds",
    response={200: RoundListOut, **errors(READ_ONE)},
    summary="Each submission (round 1, 2, ...) with who submitted it, when, and what it held",
)
async def rounds(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    snapshots = await assessment_rounds(actor=actor(request), assessment_id=assessment_id)
    return {"items": [RoundOut.of(r) for r in snapshots]}


@router.get(
    "/assessments/{assessment_id}/rounds/{number}",
    response={200: RoundDetailOut, **errors(READ_ONE)},
    summary="One round's frozen answers and documents, and what changed since the round before",
)
async def round_detail(
    request: HttpRequest,
    assessment_id: str,
    number: int = Path(..., ge=1, le=10_000),
) -> dict[str, Any]:
    snapshot, diff = await round_with_diff(actor=actor(request), assessment_id=assessment_id, number=number)
    return RoundDetailOut.of(snapshot, diff)


@router.get(
    "/assessments/{assessment_id}/timeline",
    response={200: TimelineOut, **errors(READ_ONE)},
    summary="What happened to the assessment, oldest first: created, submitted, assigned, commented...",
)
async def timeline(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    entries = await assessment_timeline(actor=actor(request), assessment_id=assessment_id)
    return {"items": [TimelineEntryOut.of(e) for e in entries]}


# --- decisions -----------------------------------------------------------------------------------


@router.get(
    "/assessments/{assessment_id}/decisions",
    response={200: DecisionsOut, **errors(READ_ONE)},
    summary="This round's decision per risk area, the areas still open, the inherent rating, the record",
)
async def decisions(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    collection = await assessment_for_actor(actor=actor(request), assessment_id=assessment_id)
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    decided = collection.current_decisions()
    areas = decision_areas(a.active_areas)
    record = next((r for r in collection.decision_records if r.round == a.round), None)
    return {
        "round": a.round,
        "state": a.state.value,
        "version": a.version,
        "areas": [
            {
                "area": key,
                "name": OVERALL_AREA_NAME if key == OVERALL_AREA else questionnaire.area_name(key),
                "decision": DecisionOut.of(decided[key]) if key in decided else None,
            }
            for key in areas
        ],
        "open_areas": [key for key in areas if key not in decided],
        "rating": RatingOut.of(rating_of(collection, questionnaire)),
        "record": DecisionRecordOut.of(record),
    }


@router.post(
    "/assessments/{assessment_id}/decisions",
    response={200: AreaDecidedOut, **errors(WRITE)},
    summary="Decide one risk area (the last open one finalizes or rejects the assessment)",
)
async def decide(request: HttpRequest, assessment_id: str, payload: DecisionIn) -> dict[str, Any]:
    with fields_named({"area_key": "area"}):
        decided = await area_decide(
            actor=actor(request),
            assessment_id=assessment_id,
            area_key=payload.area,
            outcome=payload.outcome,
            rationale=payload.rationale,
            conditions=[ConditionInput(c.text, c.owner, c.due_on) for c in payload.conditions],
            residual_rating=payload.residual_rating,
            residual_rationale=payload.residual_rationale,
            expected_version=payload.expected_version,
        )
    return {
        "decision": DecisionOut.of(decided.decision),
        "finalized": decided.finalized,
        "state": decided.record.state.value,
        "version": decided.record.version,
    }


# --- the queue -----------------------------------------------------------------------------------


def _filters(
    who: Actor,
    *,
    states: list[str] | None,
    business_unit: str,
    data_classification: str,
    risk_areas: list[str] | None,
    assignee: str,
    overdue: bool,
    text: str,
) -> QueueFilters:
    return QueueFilters(
        states=frozenset(State(s) for s in states or ()),
        business_unit=business_unit.strip(),
        data_classification=data_classification,
        risk_areas=frozenset(risk_areas or ()),
        assignee_id=who.user_id if assignee == "me" else (int(assignee) if assignee.isdigit() else None),
        unassigned=assignee == "unassigned",
        overdue=overdue,
        text=text.strip(),
    )


# django-ninja declares parameters with Query(...) defaults.
# ruff: noqa: B008
@router.get(
    "/review/queue",
    response={200: QueuePageOut, **errors(ANY | {403})},
    summary="The review queue (phase=open) or the archive of decided ones (phase=archive), filtered",
)
async def review_queue(
    request: HttpRequest,
    phase: QueuePhaseName = QueuePhase.OPEN.value,
    order: QueueOrderName = QueueOrder.SUBMITTED.value,
    descending: bool = False,
    state: list[StateName] = Query([], description="Repeatable: any of these states"),
    business_unit: str = Query("", max_length=200),
    data_classification: DataClassification | None = None,
    risk_area: list[str] = Query([], description="Repeatable: active in any of these areas"),
    assignee: str = Query(
        "", pattern=r"^(|me|unassigned|[1-9][0-9]{0,9})$", description="me, unassigned or a user id"
    ),
    overdue: bool = False,
    q: str = Query("", max_length=200, description="An assessment id, or words of the title"),
    cursor: str | None = Query(None, max_length=4000),
    limit: int = Query(25, ge=1, le=100),
) -> dict[str, Any]:
    who = actor(request)
    if not who.is_reviewer:
        # A role refusal, as for any other move a requestor may not make (403, NotAllowed).
        raise NotAllowed(QUEUE_FOR_REVIEWERS)
    filters = _filters(
        who,
        states=state,
        business_unit=business_unit,
        data_classification=data_classification or "",
        risk_areas=risk_area,
        assignee=assignee,
        overdue=overdue,
        text=q,
    )
    today = date.today()
    page = await review_queue_page(
        phase=QueuePhase(phase),
        order=QueueOrder(order),
        descending=descending,
        filters=filters,
        cursor=cursor,
        limit=limit,
        today=today,
    )
    return {"items": [QueueEntryOut.of(e, today=today) for e in page.items], "next_cursor": page.next_cursor}
