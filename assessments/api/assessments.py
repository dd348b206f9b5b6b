"""Operations on an assessment as a whole: list mine, open one, read it, submit it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from assessments.api.auth import actor
from assessments.api.errors import ANY, READ_ONE, WRITE, errors
from assessments.api.schemas import (
    AssessmentDetailOut,
    AssessmentIn,
    AssessmentListOut,
    AssessmentOut,
    NextQuestionOut,
    QuestionOut,
)
from assessments.domain.workflow import Action
from assessments.presenters.overview import assessment_overview
from assessments.selectors.assessments import assessments_of_user
from assessments.services.assessments import AssessmentDetails, assessment_create, assessment_transition

router = Router(tags=["assessments"])


@router.get(
    "/assessments",
    response={200: AssessmentListOut, **errors(ANY)},
    summary="My assessments, most recently updated first",
)
async def list_assessments(
    request: HttpRequest,
    cursor: str | None = None,
    limit: int = Query(20, ge=1, le=100),  # noqa: B008 - django-ninja declares parameters this way
) -> dict[str, Any]:
    page = await assessments_of_user(user_id=actor(request).user_id, cursor=cursor, limit=limit)
    return {"items": [AssessmentOut.of(a) for a in page.items], "next_cursor": page.next_cursor}


@router.post(
    "/assessments",
    response={201: AssessmentOut, **errors(WRITE - {404})},
    summary='Open a new assessment on a questionnaire (default "default"; 422 if not active)',
)
async def create_assessment(request: HttpRequest, payload: AssessmentIn) -> Status:
    fields = payload.dict()
    questionnaire = fields.pop("questionnaire")
    record = await assessment_create(
        actor=actor(request), details=AssessmentDetails(**fields), questionnaire=questionnaire
    )
    return Status(201, AssessmentOut.of(record))


@router.get(
    "/assessments/{assessment_id}",
    response={200: AssessmentDetailOut, **errors(READ_ONE)},
    summary="One assessment with progress",
)
async def get_assessment(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    overview = await assessment_overview(actor=actor(request), assessment_id=assessment_id)
    return AssessmentDetailOut.of(overview)


@router.get(
    "/assessments/{assessment_id}/next-question",
    response={200: NextQuestionOut, **errors(READ_ONE)},
    summary="The first applicable question still unanswered",
)
async def next_question(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    overview = await assessment_overview(actor=actor(request), assessment_id=assessment_id)
    return {"question": QuestionOut.of(overview.next_question)}


@router.post(
    "/assessments/{assessment_id}/submit",
    response={200: AssessmentOut, **errors(WRITE)},
    summary="Submit for review (422 listing the required questions still unanswered)",
)
async def submit(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    record = await assessment_transition(
        actor=actor(request), assessment_id=assessment_id, action=Action.SUBMIT
    )
    return AssessmentOut.of(record)
