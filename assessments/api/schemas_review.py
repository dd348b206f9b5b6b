"""What the review's API operations take and give (assignment, decisions, the timeline and
the queue), and how the review's records become those shapes; the rounds' shapes are in
``schemas_rounds``, the comment threads' in ``schemas_comments``.

As in ``schemas``, every choice is built from the values the server validates with (the
outcomes, the five-level scale, the queue's phases and orders), so the OpenAPI schema lists
exactly what is accepted.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from assessments.api.schemas import AssessmentOut, StateName
from assessments.api.schemas_rounds import RoundAnswerOut
from assessments.domain.queue import QueueEntry, QueueOrder, QueuePhase
from assessments.domain.rating import AreaRating, InherentRating, RiskFactor, RiskLevel
from assessments.domain.records import AssessmentRecord
from assessments.domain.review import AreaDecision, ConditionItem, DecisionRecord, Outcome

OutcomeName = Literal[tuple(o.value for o in Outcome)]  # type: ignore[valid-type]
RiskLevelName = Literal[tuple(level.value for level in RiskLevel)]  # type: ignore[valid-type]
QueuePhaseName = Literal[tuple(p.value for p in QueuePhase)]  # type: ignore[valid-type]
QueueOrderName = Literal[tuple(o.value for o in QueueOrder)]  # type: ignore[valid-type]

# Generous bounds that still keep one item well under DynamoDB's 400 KB.
AREA_KEY_MAX = 64
FEEDBACK_MAX = 5000
RATIONALE_MAX = 5000
CONDITION_TEXT_MAX = 2000
CONDITION_OWNER_MAX = 200
MAX_CONDITIONS = 50
MAX_NAMED = 200  # questions named in one send back


# --- the workflow's review moves -------------------------------------------------------------


class AssignIn(Schema):
    # Omitted or null: the caller ("assign to me").
    assignee: int | None = Field(None, ge=1, le=2**31 - 1)


class SendBackIn(Schema):
    # Both required (422 naming them when empty): checked by the use case, as for the admin form.
    feedback: str = Field("", max_length=FEEDBACK_MAX)
    question_ids: list[str] = Field(default_factory=list, max_length=MAX_NAMED)
    flagged_areas: list[str] = Field(default_factory=list, max_length=MAX_NAMED)


class WithdrawIn(Schema):
    reason: str = Field("", max_length=FEEDBACK_MAX)


class ReviewStatusOut(Schema):
    """Where the assessment stands in its review (fields AssessmentOut does not carry)."""

    round: int
    assignee_id: int | None
    assignee: str
    submitted_at: str | None
    due_on: str | None
    overdue: bool
    sent_back_by: str
    sent_back_at: str | None
    sent_back_questions: list[str]
    sent_back_areas: list[str]
    decided_at: str | None
    version: int

    @staticmethod
    def of(a: AssessmentRecord, *, today: date | None = None) -> dict[str, Any]:
        return {
            "round": a.round,
            "assignee_id": a.assignee_id,
            "assignee": a.assignee_name,
            "submitted_at": a.submitted_at,
            "due_on": a.due_on,
            "overdue": a.queue_entry().is_overdue(today or date.today()),
            "sent_back_by": a.sent_back_by,
            "sent_back_at": a.sent_back_at,
            "sent_back_questions": list(a.sent_back_questions),
            "sent_back_areas": list(a.sent_back_areas),
            "decided_at": a.decided_at,
            "version": a.version,
        }


class AssessmentReviewOut(Schema):
    assessment: AssessmentOut
    review: ReviewStatusOut

    @staticmethod
    def of(a: AssessmentRecord) -> dict[str, Any]:
        return {"assessment": AssessmentOut.of(a), "review": ReviewStatusOut.of(a)}


# --- decisions and the rating ------------------------------------------------------------------


class ConditionIn(Schema):
    # Blank or missing parts are refused by the use case, naming the field (conditions.0.owner).
    text: str = Field("", max_length=CONDITION_TEXT_MAX)
    owner: str = Field("", max_length=CONDITION_OWNER_MAX)
    due_on: str = Field("", max_length=10, description="YYYY-MM-DD, not in the past")


class ConditionOut(Schema):
    text: str
    owner: str
    due_on: str

    @staticmethod
    def of(c: ConditionItem) -> dict[str, Any]:
        return {"text": c.text, "owner": c.owner, "due_on": c.due_on}


class DecisionIn(Schema):
    area: str = Field(min_length=1, max_length=AREA_KEY_MAX)
    outcome: OutcomeName
    # Required (422 naming it when blank): checked by the use case, as for the page's form.
    rationale: str = Field("", max_length=RATIONALE_MAX)
    conditions: list[ConditionIn] = Field(default_factory=list, max_length=MAX_CONDITIONS)
    residual_rating: RiskLevelName | None = None
    residual_rationale: str = Field("", max_length=RATIONALE_MAX)
    # The assessment's version as last read (GET .../decisions gives it): 409 if it moved since.
    expected_version: int | None = Field(None, ge=0)


class DecisionOut(Schema):
    area: str
    round: int
    outcome: OutcomeName
    outcome_label: str
    rationale: str
    conditions: list[ConditionOut]
    assessor: str
    at: str
    inherent_rating: str | None
    residual_rating: str | None
    residual_rationale: str

    @staticmethod
    def of(d: AreaDecision) -> dict[str, Any]:
        return {
            "area": d.area_key,
            "round": d.round,
            "outcome": d.outcome.value,
            "outcome_label": d.outcome.label,
            "rationale": d.rationale,
            "conditions": [ConditionOut.of(c) for c in d.conditions],
            "assessor": d.assessor,
            "at": d.at,
            "inherent_rating": d.inherent_rating,
            "residual_rating": d.residual_rating,
            "residual_rationale": d.residual_rationale,
        }


class RiskFactorOut(Schema):
    question_id: str
    question_text: str
    answer: str
    level: RiskLevelName
    explanation: str

    @staticmethod
    def of(f: RiskFactor) -> dict[str, Any]:
        return {
            "question_id": f.question_id,
            "question_text": f.question_text,
            "answer": f.answer,
            "level": f.level.value,
            "explanation": f.explanation,
        }


class AreaRatingOut(Schema):
    area: str
    name: str
    level: RiskLevelName | None  # null: not rated (no question here is scored)
    factors: list[RiskFactorOut]
    explanation: str

    @staticmethod
    def of(r: AreaRating) -> dict[str, Any]:
        return {
            "area": r.area_key,
            "name": r.area_name,
            "level": r.level.value if r.level else None,
            "factors": [RiskFactorOut.of(f) for f in r.factors],
            "explanation": r.explanation,
        }


class RatingOut(Schema):
    overall: RiskLevelName | None
    explanation: str
    qualifying: AreaRatingOut | None
    areas: list[AreaRatingOut]

    @staticmethod
    def of(r: InherentRating) -> dict[str, Any]:
        return {
            "overall": r.overall.value if r.overall else None,
            "explanation": r.explanation,
            "qualifying": AreaRatingOut.of(r.qualifying) if r.qualifying else None,
            "areas": [AreaRatingOut.of(a) for a in r.areas.values()],
        }


class DecisionRecordOut(Schema):
    round: int
    outcome: str  # the final state: "finalized" | "rejected"
    decided_at: str
    decisions: list[DecisionOut]
    inherent_overall: str | None
    residual_overall: str | None
    questionnaire: str
    questionnaire_version: int
    answers: list[RoundAnswerOut]

    @staticmethod
    def of(r: DecisionRecord | None) -> dict[str, Any] | None:
        if r is None:
            return None
        return {
            "round": r.round,
            "outcome": r.outcome,
            "decided_at": r.decided_at,
            "decisions": [DecisionOut.of(d) for d in r.decisions],
            "inherent_overall": r.inherent_overall,
            "residual_overall": r.residual_overall,
            "questionnaire": r.questionnaire_key,
            "questionnaire_version": r.questionnaire_version,
            "answers": [
                {"question_id": qid, "value": a.value, "source": a.source} for qid, a in r.answers.items()
            ],
        }


class AreaStatusOut(Schema):
    area: str
    name: str
    decision: DecisionOut | None  # null: still open this round


class DecisionsOut(Schema):
    round: int
    state: StateName
    # The assessment's version: send it back as expected_version with a decision.
    version: int
    areas: list[AreaStatusOut]
    open_areas: list[str]
    rating: RatingOut
    record: DecisionRecordOut | None


class AreaDecidedOut(Schema):
    decision: DecisionOut
    # True when this was the last open area: the assessment is now finalized or rejected.
    finalized: bool
    state: StateName
    version: int


# --- the timeline ------------------------------------------------------------------------------


class TimelineEntryOut(Schema):
    at: str
    actor: str
    kind: str
    label: str
    detail: str

    @staticmethod
    def of(e: Any) -> dict[str, Any]:
        detail = getattr(e, "detail", "")
        return {
            "at": e.at,
            "actor": e.actor,
            "kind": str(e.kind),
            "label": e.label,
            "detail": detail if isinstance(detail, str) else str(detail or ""),
        }


class TimelineOut(Schema):
    items: list[TimelineEntryOut]


# --- the queue -----------------------------------------------------------------------------------


class QueueEntryOut(Schema):
    id: str
    title: str
    state: StateName
    owner: str
    business_unit: str
    data_classification: str
    active_areas: list[str]
    assignee_id: int | None
    assignee: str
    submitted_at: str
    due_on: str
    overdue: bool
    round: int
    updated_at: str
    decided_at: str

    @staticmethod
    def of(e: QueueEntry, *, today: date) -> dict[str, Any]:
        return {
            "id": e.assessment_id,
            "title": e.title,
            "state": e.state.value,
            "owner": e.owner_name,
            "business_unit": e.business_unit,
            "data_classification": e.data_classification,
            "active_areas": list(e.active_areas),
            "assignee_id": e.assignee_id,
            "assignee": e.assignee_name,
            "submitted_at": e.submitted_at,
            "due_on": e.due_on,
            "overdue": e.is_overdue(today),
            "round": e.round,
            "updated_at": e.updated_at,
            "decided_at": e.decided_at,
        }


class QueuePageOut(Schema):
    items: list[QueueEntryOut]
    next_cursor: str | None
