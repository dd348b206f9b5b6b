"""Control characters and bounds, refused by the services with a message, nothing stored."""

from __future__ import annotations

import dataclasses

import pytest

from assessments.domain.workflow import Action, State
from assessments.errors import ValidationFailed
from assessments.selectors.assessments import assessment_collection
from assessments.services.answers import answer_save
from assessments.services.assessments import assessment_create, assessment_transition
from assessments.services.review import assessment_send_back
from integrations.runtime import run_sync
from tests.web.helpers import DETAILS, answer, answer_everything, create_assessment


def _save(cast, assessment_id, question_id, value):
    return run_sync(
        answer_save,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        question_id=question_id,
        raw_value=value,
        expected_version=None,
    )


def test_it_refuses_a_nul_byte_in_a_text_answer_and_stores_nothing(cast):
    assessment_id = create_assessment(cast)

    with pytest.raises(ValidationFailed, match="control character U\\+0000") as raised:
        _save(cast, assessment_id, "Q-01", "Payroll\x00 export")

    assert raised.value.extra["question_id"] == "Q-01"
    assert "Q-01" not in run_sync(assessment_collection, assessment_id=assessment_id).answers


@pytest.mark.parametrize("field", ["title", "project", "description", "system_id", "business_unit"])
def test_it_refuses_a_control_character_in_the_assessments_text_fields(cast, field):
    details = dataclasses.replace(DETAILS, **{field: getattr(DETAILS, field) + "\x1b[31m"})

    with pytest.raises(ValidationFailed) as raised:
        run_sync(assessment_create, actor=cast.actor("requestor"), details=details)

    assert "control character U+001B" in raised.value.extra["fields"][field]


def test_it_keeps_line_breaks_in_a_description(cast):
    details = dataclasses.replace(DETAILS, description="First line.\r\nSecond\tline.")

    record = run_sync(assessment_create, actor=cast.actor("requestor"), details=details)

    assert record.description == "First line.\r\nSecond\tline."


def test_it_refuses_a_negative_contract_value(cast):
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-04", "Yes")  # a third party: the vendor questions apply
    answer(cast, assessment_id, "TP-06", "Yes")

    with pytest.raises(ValidationFailed, match="cannot be negative"):
        _save(cast, assessment_id, "TP-11", "-1200")

    assert _save(cast, assessment_id, "TP-11", "1200").answer.value == "1200"


def test_it_refuses_a_control_character_in_an_assessors_feedback(cast):
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id)
    run_sync(
        assessment_transition,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        action=Action.SUBMIT,
    )

    with pytest.raises(ValidationFailed, match="control character"):
        run_sync(
            assessment_send_back,
            actor=cast.actor("assessor"),
            assessment_id=assessment_id,
            feedback="Please\x07 fix",
            question_ids=["Q-01"],
        )

    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.state is State.SUBMITTED
