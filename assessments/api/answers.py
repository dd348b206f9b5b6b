"""Saving one answer, with the optimistic version check."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from assessments.api.auth import actor
from assessments.api.errors import WRITE, errors
from assessments.api.schemas import AnswerIn, ProgressOut, SavedAnswerOut
from assessments.presenters.overview import build_overview
from assessments.services.answers import answer_save

router = Router(tags=["answers"])


@router.put(
    "/assessments/{assessment_id}/answers/{question_id}",
    response={200: SavedAnswerOut, **errors(WRITE)},
    summary="Save one answer (409 with the newer value when expected_version is stale)",
)
async def save_answer(
    request: HttpRequest, assessment_id: str, question_id: str, payload: AnswerIn
) -> dict[str, Any]:
    who = actor(request)
    saved = await answer_save(
        actor=who,
        assessment_id=assessment_id,
        question_id=question_id,
        raw_value=payload.value,
        expected_version=payload.expected_version,
    )
    overview = build_overview(actor=who, collection=saved.collection, questionnaire=saved.questionnaire)
    return {
        "question_id": question_id,
        "value": saved.answer.value if saved.answer else None,
        "version": saved.answer.version if saved.answer else 0,
        "overall": ProgressOut.of(overview.overall),
    }
