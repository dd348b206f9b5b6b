"""Reassessment and the answer library over JSON: clone a finalized assessment, confirm a carried
answer, the "due for reassessment" list, a question's library offers and using one."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from assessments.api.auth import actor
from assessments.api.errors import ANY, READ_ONE, WRITE, errors
from assessments.selectors.answer_library import library_offers, reassessments_due
from assessments.services.library_use import library_answer_use
from assessments.services.reassessment import assessment_clone, carried_answer_confirm

router = Router(tags=["reassessment"])


class CloneIn(Schema):
    questionnaire_version: Literal["same", "latest"] = Field(
        "latest", description="The questionnaire version of the new draft: the source's, or the active one."
    )
    carry_documents: bool = Field(False, description="Copy the source's documents (re-processed).")


class DroppedOut(Schema):
    question_id: str
    reason: str


class ClonedOut(Schema):
    id: str = Field(description="The new draft's id.")
    source_id: str
    questionnaire_version: int
    carried: list[str] = Field(description="Questions carried over, each 'Carried over — confirm'.")
    dropped: list[DroppedOut] = Field(description="Answers not carried, and why.")
    documents_carried: list[str]
    documents_not_carried: list[str]


class DueOut(Schema):
    id: str
    title: str
    business_unit: str
    decided_at: str
    review_due_on: str
    residual_overall: str | None
    owner_name: str | None = Field(description="Reviewers only; null for the requestor's own list.")


class OfferOut(Schema):
    assessment_id: str = Field(description="The finalized assessment the answer was approved in.")
    decided_on: str
    label: str = Field(description="'Approved in TRA-… on <date>'.")
    value: str | list[str]
    provenance: str = Field(description="How the requestor had arrived at it (manual, suggestion, …).")
    citations: list[str]
    stale: bool = Field(description="Older than TRA_LIBRARY_STALE_DAYS.")
    matched_by: Literal["question", "text"]


class UseIn(Schema):
    from_assessment: str | None = Field(
        None, description="The offer's assessment id; absent: the newest offer."
    )
    expected_version: int | None = None


class AnswerSourceOut(Schema):
    question_id: str
    value: str | list[str]
    source: str
    version: int


@router.post(
    "/assessments/{assessment_id}/clone",
    response={201: ClonedOut, **errors(WRITE)},
    summary="Reassess a finalized assessment: a new draft with its answers carried over",
)
async def clone_assessment(
    request: HttpRequest, assessment_id: str, payload: CloneIn
) -> tuple[int, dict[str, Any]]:
    done = await assessment_clone(
        actor=actor(request),
        assessment_id=assessment_id,
        questionnaire_version=payload.questionnaire_version,
        carry_documents=payload.carry_documents,
    )
    body = {
        "id": done.record.id,
        "source_id": done.source_id,
        "questionnaire_version": done.record.questionnaire_version,
        "carried": list(done.carried),
        "dropped": [{"question_id": d.question_id, "reason": d.reason} for d in done.dropped],
        "documents_carried": list(done.documents_carried),
        "documents_not_carried": list(done.documents_not_carried),
    }
    return Status(201, body)


@router.post(
    "/assessments/{assessment_id}/answers/{question_id}/confirm",
    response={200: AnswerSourceOut, **errors(WRITE)},
    summary="Confirm a carried-over answer as it is",
)
async def confirm_carried_answer(
    request: HttpRequest, assessment_id: str, question_id: str
) -> dict[str, Any]:
    answer = await carried_answer_confirm(
        actor=actor(request), assessment_id=assessment_id, question_id=question_id
    )
    return {
        "question_id": answer.question_id,
        "value": answer.value,
        "source": answer.source,
        "version": answer.version,
    }


@router.get(
    "/reassessments/due",
    response={200: list[DueOut], **errors(ANY)},
    summary="Finalized assessments due for reassessment by a date (reviewers: all; requestors: their own)",
)
async def due_for_reassessment(
    request: HttpRequest,
    by: date | None = None,
    limit: int = Query(50, ge=1, le=200),  # noqa: B008 - django-ninja declares parameters this way
) -> list[dict[str, Any]]:
    """``by``: the day (ISO) the list runs to, today when absent; soonest first, ``limit`` of them."""
    who = actor(request)
    entries = await reassessments_due(actor=who, by=by or date.today(), limit=limit)
    return [
        {
            "id": e.assessment_id,
            "title": e.title,
            "business_unit": e.business_unit,
            "decided_at": e.decided_at,
            "review_due_on": e.review_due_on,
            "residual_overall": e.residual_overall,
            "owner_name": e.owner_name if who.is_reviewer else None,
        }
        for e in entries
    ]


@router.get(
    "/assessments/{assessment_id}/library/{question_id}",
    response={200: list[OfferOut], **errors(READ_ONE)},
    summary="Approved answers from finalized assessments offered for one question (never applied)",
)
async def library_for_question(
    request: HttpRequest, assessment_id: str, question_id: str
) -> list[dict[str, Any]]:
    found = await library_offers(actor=actor(request), assessment_id=assessment_id, question_id=question_id)
    return [o.as_dict() for o in found]


@router.post(
    "/assessments/{assessment_id}/library/{question_id}/use",
    response={200: AnswerSourceOut, **errors(WRITE)},
    summary="Use one library offer as the answer (saved with source 'library')",
)
async def use_library_answer(
    request: HttpRequest, assessment_id: str, question_id: str, payload: UseIn
) -> dict[str, Any]:
    saved = await library_answer_use(
        actor=actor(request),
        assessment_id=assessment_id,
        question_id=question_id,
        from_assessment=payload.from_assessment,
        expected_version=payload.expected_version,
    )
    answer = saved.answer
    assert answer is not None  # library_answer_use refuses an empty value before saving
    return {
        "question_id": answer.question_id,
        "value": answer.value,
        "source": answer.source,
        "version": answer.version,
    }
