"""The requestor's actions on AI suggestions: list, accept (as is or edited), dismiss."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from assessments.api.auth import actor
from assessments.api.errors import READ_ONE, WRITE, errors
from assessments.api.schemas import AcceptedOut, AcceptIn, SuggestionOut
from assessments.selectors.assessments import assessment_for_actor
from assessments.services.suggestion_actions import suggestion_apply, suggestion_dismiss

router = Router(tags=["suggestions"])


@router.get(
    "/assessments/{assessment_id}/suggestions",
    response={200: list[SuggestionOut], **errors(READ_ONE)},
    summary="The suggestions drawn from the assessment's documents",
)
async def list_suggestions(request: HttpRequest, assessment_id: str) -> list[dict[str, Any]]:
    collection = await assessment_for_actor(actor=actor(request), assessment_id=assessment_id)
    answers = collection.answers
    return [
        SuggestionOut.of(s, answers[s.question_id].value if s.question_id in answers else None)
        for s in collection.suggestions.values()
    ]


@router.post(
    "/assessments/{assessment_id}/suggestions/{question_id}/accept",
    response={200: AcceptedOut, **errors(WRITE)},
    summary="Accept a suggestion, or an edit of it, as the answer",
)
async def accept_suggestion(
    request: HttpRequest, assessment_id: str, question_id: str, payload: AcceptIn
) -> dict[str, Any]:
    saved = await suggestion_apply(
        actor=actor(request),
        assessment_id=assessment_id,
        question_id=question_id,
        expected_version=payload.expected_version,
        edited_value=payload.value,
    )
    answer = saved.answer
    return {
        "question_id": question_id,
        "value": answer.value if answer else None,
        "version": answer.version if answer else 0,
        "source": answer.source if answer else "",
    }


@router.post(
    "/assessments/{assessment_id}/suggestions/{question_id}/dismiss",
    response={200: SuggestionOut, **errors(WRITE)},
    summary="Dismiss a suggestion",
)
async def dismiss_suggestion(request: HttpRequest, assessment_id: str, question_id: str) -> dict[str, Any]:
    record = await suggestion_dismiss(
        actor=actor(request), assessment_id=assessment_id, question_id=question_id
    )
    return SuggestionOut.of(record)
