"""Comment threads per question, for both sides: list them, add one, resolve or reopen a thread."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from assessments.api.auth import actor
from assessments.api.errors import READ_ONE, WRITE, errors
from assessments.api.schemas_comments import CommentIn, CommentOut, ThreadListOut, ThreadOut, ThreadStateOut
from assessments.domain.records import AssessmentCollection
from assessments.selectors.assessments import assessment_for_actor
from assessments.services.review import comment_add, thread_reopen, thread_resolve

router = Router(tags=["comments"])


def threads_of(collection: AssessmentCollection) -> list[dict[str, Any]]:
    """Every question that has comments or a thread state, comments oldest first.

    The collection's comments come sorted by key (question, then time), so grouping keeps
    each thread in order; a thread resolved before its comments were read still shows.
    """
    by_question: dict[str, list[Any]] = {}
    for comment in collection.comments:
        by_question.setdefault(comment.question_id, []).append(comment)
    for question_id in collection.threads:
        by_question.setdefault(question_id, [])
    return [ThreadOut.of(qid, collection.threads.get(qid), comments) for qid, comments in by_question.items()]


@router.get(
    "/assessments/{assessment_id}/comments",
    response={200: ThreadListOut, **errors(READ_ONE)},
    summary="Every comment thread of the assessment, one per question, with its status",
)
async def list_comments(request: HttpRequest, assessment_id: str) -> dict[str, Any]:
    collection = await assessment_for_actor(actor=actor(request), assessment_id=assessment_id)
    return {"items": threads_of(collection)}


@router.post(
    "/assessments/{assessment_id}/comments",
    response={201: CommentOut, **errors(WRITE)},
    summary="Comment on a question (while submitted, under review or sent back; 422 if it does not apply)",
)
async def add_comment(request: HttpRequest, assessment_id: str, payload: CommentIn) -> Status:
    comment = await comment_add(
        actor=actor(request),
        assessment_id=assessment_id,
        question_id=payload.question_id,
        text=payload.text,
    )
    return Status(201, CommentOut.of(comment))


@router.post(
    "/assessments/{assessment_id}/comments/{question_id}/resolve",
    response={200: ThreadStateOut, **errors(WRITE)},
    summary="Mark a question's thread resolved",
)
async def resolve_thread(request: HttpRequest, assessment_id: str, question_id: str) -> dict[str, Any]:
    state = await thread_resolve(actor=actor(request), assessment_id=assessment_id, question_id=question_id)
    return ThreadStateOut.of(state)


@router.post(
    "/assessments/{assessment_id}/comments/{question_id}/reopen",
    response={200: ThreadStateOut, **errors(WRITE)},
    summary="Reopen a resolved thread",
)
async def reopen_thread(request: HttpRequest, assessment_id: str, question_id: str) -> dict[str, Any]:
    state = await thread_reopen(actor=actor(request), assessment_id=assessment_id, question_id=question_id)
    return ThreadStateOut.of(state)
