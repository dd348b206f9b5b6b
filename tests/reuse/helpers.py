"""Builders for the reuse tests: a finalized assessment and a new questionnaire version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from assessments.domain.review import decision_areas
from assessments.selectors.questionnaires import default_questionnaire_path
from assessments.services.questionnaires import questionnaire_import
from assessments.services.review import assessment_assign, assessment_submit
from integrations.runtime import run_sync
from tests.review.helpers import TWO_AREAS, collection, decide
from tests.web.helpers import answer_everything, create_assessment


def finalized(
    cast: Any,
    yes: frozenset[str] = TWO_AREAS,
    before_submit: Callable[[str], None] | None = None,
    classification: str = "Confidential",
    **decision: Any,
) -> str:
    """A finalized assessment of ``requestor``: every area approved by ``assessor``."""
    assessment_id = create_assessment(cast, data_classification=classification)
    answer_everything(cast, assessment_id, yes=yes)
    if before_submit:
        before_submit(assessment_id)
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    for area in decision_areas(collection(assessment_id).assessment.active_areas):
        decide(cast, assessment_id, area, **decision)
    return assessment_id


def import_without(question_id: str = "TP-01") -> int:
    """Import and activate a new version of the default questionnaire without one question
    (TP-01: no rule, trigger or dependency names it)."""
    definition = yaml.safe_load(default_questionnaire_path().read_text())
    for area in definition["risk_areas"].values():
        area["questions"] = [q for q in area["questions"] if q["id"] != question_id]
    return questionnaire_import(text=yaml.safe_dump(definition), key="default", activate=True).version
