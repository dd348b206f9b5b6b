"""Small builders the web tests share."""

from __future__ import annotations

from datetime import date, timedelta
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


def valid_value(question: Any, yes_no: str = "No") -> Any:
    """A valid answer for any question type (Yes/No answered ``yes_no``)."""
    kind = question.response_type.value
    return {
        "yes_no": yes_no,
        "free_text": "Described in the project brief.",
        "single_choice": question.options[0] if question.options else "",
        "multi_choice": [question.options[0]] if question.options else [],
        # A year ahead: a go-live date in the past is refused.
        "date": (date.today() + timedelta(days=365)).isoformat(),
        "number": "10",
    }[kind]


def answer_everything(
    cast: Any, assessment_id: str, yes: frozenset[str] = frozenset(), who: str = "requestor"
) -> int:
    """Answer every applicable question in order (Yes for ids in ``yes``, else No); returns how many."""
    from assessments.questionnaire import engine
    from assessments.selectors.questionnaires import questionnaire_get_active

    _version, questionnaire = questionnaire_get_active(key="default")
    answers: dict[str, Any] = {}
    count = 0
    while (question := engine.next_question(questionnaire, answers)) is not None:
        value = valid_value(question, "Yes" if question.id in yes else "No")
        answer(cast, assessment_id, question.id, value, who=who)
        answers[question.id] = value
        count += 1
    return count
