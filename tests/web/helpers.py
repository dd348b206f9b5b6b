"""Small builders the web tests share."""

from __future__ import annotations

from typing import Any

from assessments.services.answers import answer_save
from assessments.services.assessments import AssessmentDetails, assessment_create
from integrations.runtime import run_sync

DETAILS = AssessmentDetails(
    title="Customer support platform",
    project="Helpdesk renewal",
    description="Move support tickets to a SaaS helpdesk.",
    system_id="SYS-042",
    data_classification="Confidential",
    business_unit="Customer Operations",
)


def create_assessment(cast: Any, who: str = "requestor", **changes: Any) -> str:
    details = AssessmentDetails(**{**DETAILS.__dict__, **changes})
    return run_sync(assessment_create, actor=cast.actor(who), details=details).id


def answer(cast: Any, assessment_id: str, question_id: str, value: Any, who: str = "requestor") -> Any:
    return run_sync(
        answer_save,
        actor=cast.actor(who),
        assessment_id=assessment_id,
        question_id=question_id,
        raw_value=value,
        expected_version=None,
    )
