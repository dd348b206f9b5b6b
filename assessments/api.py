"""The Ninja API: the requestor's use cases over JSON, session-authenticated with CSRF."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Router, Schema, Status
from ninja.errors import HttpError

from assessments.domain.records import AssessmentRecord
from assessments.domain.workflow import Action
from assessments.errors import DomainError
from assessments.questionnaire.model import Question
from assessments.selectors.assessments import assessments_of_user
from assessments.selectors.overview import Overview, assessment_overview, build_overview
from assessments.services.answers import answer_save
from assessments.services.assessments import AssessmentDetails, assessment_create, assessment_transition
from assessments.views.common import actor_of
from integrations.runtime import run_sync

router = Router(tags=["assessments"])


class ErrorOut(Schema):
    message: str
    extra: dict[str, Any] = {}


class AssessmentIn(Schema):
    title: str
    project: str
    description: str = ""
    system_id: str = ""
    data_classification: str
    business_unit: str


class AssessmentOut(Schema):
    id: str
    title: str
    project: str
    description: str
    system_id: str
    data_classification: str
    business_unit: str
    state: str
    owner: str
    questionnaire_version: int
    active_areas: list[str]
    created_at: str
    updated_at: str
    feedback: str

    @staticmethod
    def of(a: AssessmentRecord) -> dict[str, Any]:
        return {
            **{
                k: getattr(a, k)
                for k in ("id", "title", "project", "description", "system_id", "data_classification")
            },
            "business_unit": a.business_unit,
            "state": a.state.value,
            "owner": a.owner_name,
            "questionnaire_version": a.questionnaire_version,
            "active_areas": list(a.active_areas),
            "created_at": a.created_at,
            "updated_at": a.updated_at,
            "feedback": a.feedback,
        }


class AssessmentListOut(Schema):
    items: list[AssessmentOut]
    next_cursor: str | None


class ProgressOut(Schema):
    key: str
    name: str
    answered: int
    total: int
    percent: int


class QuestionOut(Schema):
    id: str
    text: str
    response_type: str
    required: bool
    area: str
    options: list[str]

    @staticmethod
    def of(q: Question) -> dict[str, Any]:
        return {
            "id": q.id,
            "text": q.text,
            "response_type": q.response_type.spelling,
            "required": q.required,
            "area": q.section,
            "options": list(q.options),
        }


class AnswerOut(Schema):
    question_id: str
    value: str | list[str]
    version: int
    source: str


class AssessmentDetailOut(Schema):
    assessment: AssessmentOut
    overall: ProgressOut
    sections: list[ProgressOut]
    answers: list[AnswerOut]
    missing_required: list[str]
    next_question: QuestionOut | None
    allowed_actions: list[str]


class NextQuestionOut(Schema):
    question: QuestionOut | None


class AnswerIn(Schema):
    value: str | list[str]
    expected_version: int | None = None


class SavedAnswerOut(Schema):
    question_id: str
    value: str | list[str] | None
    version: int
    overall: ProgressOut


def _progress(p: Any) -> dict[str, Any]:
    return {"key": p.key, "name": p.name, "answered": p.answered, "total": p.total, "percent": p.percent}


def _detail(o: Overview) -> dict[str, Any]:
    return {
        "assessment": AssessmentOut.of(o.collection.assessment),
        "overall": _progress(o.overall),
        "sections": [_progress(s) for s in o.sections],
        "answers": [
            {"question_id": a.question_id, "value": a.value, "version": a.version, "source": a.source}
            for a in o.collection.answers.values()
        ],
        "missing_required": [q.id for q in o.missing_required],
        "next_question": QuestionOut.of(o.next_question) if o.next_question else None,
        "allowed_actions": [a.value for a in o.actions],
    }


@router.get("/assessments", response=AssessmentListOut, summary="My assessments, most recently updated first")
def list_assessments(request: HttpRequest, cursor: str | None = None, limit: int = 20) -> dict[str, Any]:
    if not 1 <= limit <= 100:
        raise HttpError(422, "limit must be between 1 and 100")
    page = run_sync(assessments_of_user, user_id=request.user.pk, cursor=cursor, limit=limit)
    return {"items": [AssessmentOut.of(a) for a in page.items], "next_cursor": page.next_cursor}


@router.post("/assessments", response={201: AssessmentOut}, summary="Open a new assessment")
def create_assessment(request: HttpRequest, payload: AssessmentIn) -> Status:
    record = run_sync(assessment_create, actor=actor_of(request), details=AssessmentDetails(**payload.dict()))
    return Status(201, AssessmentOut.of(record))


@router.get(
    "/assessments/{assessment_id}", response=AssessmentDetailOut, summary="One assessment with progress"
)
def get_assessment(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    return _detail(run_sync(assessment_overview, actor=actor_of(request), assessment_id=assessment_id))


@router.get("/assessments/{assessment_id}/next-question", response=NextQuestionOut)
def next_question(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    o = run_sync(assessment_overview, actor=actor_of(request), assessment_id=assessment_id)
    return {"question": QuestionOut.of(o.next_question) if o.next_question else None}


@router.put(
    "/assessments/{assessment_id}/answers/{question_id}",
    response={200: SavedAnswerOut},
    summary="Save one answer (409 with the newer value when expected_version is stale)",
)
def save_answer(
    request: HttpRequest, assessment_id: str, question_id: str, payload: AnswerIn
) -> dict[str, Any]:
    actor = actor_of(request)
    saved = run_sync(
        answer_save,
        actor=actor,
        assessment_id=assessment_id,
        question_id=question_id,
        raw_value=payload.value,
        expected_version=payload.expected_version,
    )
    overview = build_overview(actor=actor, collection=saved.collection, questionnaire=saved.questionnaire)
    return {
        "question_id": question_id,
        "value": saved.answer.value if saved.answer else None,
        "version": saved.answer.version if saved.answer else 0,
        "overall": _progress(overview.overall),
    }


@router.post("/assessments/{assessment_id}/submit", response=AssessmentOut, summary="Submit for review")
def submit(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    record = run_sync(
        assessment_transition, actor=actor_of(request), assessment_id=assessment_id, action=Action.SUBMIT
    )
    return AssessmentOut.of(record)


def register(api: NinjaAPI) -> None:
    from assessments.api_documents import router as documents_router

    api.add_router("/", router)
    api.add_router("/", documents_router)

    @api.exception_handler(DomainError)
    def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
        return api.create_response(request, {"message": exc.message, "extra": exc.extra}, status=exc.status)
