"""Operations on the questionnaire catalogue: which questionnaires an assessment may be opened on."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from assessments.api.errors import ANY, errors
from assessments.api.schemas import QuestionnaireListOut, QuestionnaireOut
from assessments.selectors.questionnaire_catalog import questionnaires_active

router = Router(tags=["questionnaires"])


@router.get(
    "/questionnaires",
    response={200: QuestionnaireListOut, **errors(ANY)},
    summary='The active questionnaires (pass a key as "questionnaire" when opening an assessment)',
)
async def list_questionnaires(request: HttpRequest) -> dict[str, Any]:
    return {"items": [QuestionnaireOut.of(q) for q in await questionnaires_active()]}
