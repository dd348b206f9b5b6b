"""The pure planning step of an answer save: what it writes, and what it refuses, without I/O."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.domain.answer_plan import ANSWER_OP, META_OP, plan_answer_save
from assessments.domain.records import Actor, AnswerRecord, AssessmentCollection, AssessmentRecord
from assessments.domain.roles import Role
from assessments.domain.workflow import State
from assessments.errors import ConflictError, NotAllowed, NotFoundError, ValidationFailed
from assessments.questionnaire.parser import load_questionnaire_yaml
from assessments.selectors.questionnaires import default_questionnaire_path
from integrations.table.contract import Condition, Delete, Put, Update

QUESTIONNAIRE = load_questionnaire_yaml(default_questionnaire_path().read_text())
OWNER = Actor(user_id=7, username="requestor", roles=frozenset({Role.REQUESTOR}))
NOW = "2026-12-02T10:00:00.000000Z"


def _collection(state: State = State.DRAFT, **answers: Any) -> AssessmentCollection:
    record = AssessmentRecord(
        id="TRA-2026-ABCDEF",
        title="t",
        project="p",
        description="",
        system_id="",
        data_classification="Internal",
        business_unit="b",
        state=state,
        owner_id=OWNER.user_id,
        owner_name=OWNER.username,
        questionnaire_key="default",
        questionnaire_version=1,
        active_areas=(),
        created_at=NOW,
        updated_at=NOW,
        submitted_at=None,
        feedback="",
        version=5,
        areas_rev=2,
    )
    collection = AssessmentCollection(assessment=record)
    for qid, value in answers.items():
        collection.answers[qid.replace("_", "-")] = AnswerRecord(
            qid.replace("_", "-"), value, "manual", "x", NOW, 1
        )
    return collection


def _plan(
    collection: AssessmentCollection, question_id: str, value: Any, expected: int | None = None, actor=OWNER
):
    return plan_answer_save(
        actor=actor,
        collection=collection,
        questionnaire=QUESTIONNAIRE,
        question_id=question_id,
        raw_value=value,
        expected_version=expected,
        source="manual",
        now=NOW,
        event_id="e1",
    )


def test_it_adds_to_the_version_under_an_editable_condition_for_an_answer_no_rule_reads():
    plan = _plan(_collection(), "Q-01", "A helpdesk.", expected=0)

    answer, meta, event = plan.ops
    assert isinstance(answer, Put) and answer.condition == Condition.absent()
    assert isinstance(meta, Update)
    assert meta.add == {"version": 1}
    assert set(meta.set) == {"updated_at", "gsi1_sk"}  # no active_areas: this answer cannot move them
    assert meta.condition == Condition.one_of("current_state", ("draft", "sent_back"))
    assert isinstance(event, Put) and event.item["event_type"] == "answer_saved"
    assert plan.assessment.version == 6


def test_it_serialises_an_answer_a_rule_reads_on_areas_rev():
    plan = _plan(_collection(), "Q-04", "Yes")

    meta = plan.ops[META_OP]
    assert isinstance(meta, Update)
    assert meta.add == {"version": 1, "areas_rev": 1}
    assert meta.set["active_areas"] == list(plan.assessment.active_areas) != []
    assert meta.condition == Condition.all_of(
        Condition.one_of("current_state", ("draft", "sent_back")), Condition.counter_is("areas_rev", 2)
    )
    assert plan.applicability_changed and plan.questions_appeared


def test_it_plans_nothing_for_the_value_already_stored():
    assert _plan(_collection(Q_01="Same."), "Q-01", "  Same. ").changes_nothing


def test_it_deletes_a_cleared_answer_on_its_version():
    plan = _plan(_collection(Q_03="2030-01-01"), "Q-03", "")

    assert plan.ops[ANSWER_OP] == Delete("ASSESSMENT#TRA-2026-ABCDEF", "ANSWER#Q-03", Condition.version_is(1))
    assert plan.answer is None and plan.ops[2].item["event_type"] == "answer_cleared"


@pytest.mark.parametrize(
    ("collection", "question_id", "value", "expected", "actor", "error"),
    [
        (_collection(Q_01="Theirs"), "Q-01", "Mine", 0, OWNER, ConflictError),
        (_collection(State.SUBMITTED), "Q-01", "x", None, OWNER, NotAllowed),
        (_collection(), "Q-01", "x", None, Actor(8, "other", frozenset({Role.REQUESTOR})), NotAllowed),
        (_collection(), "NOPE", "x", None, OWNER, NotFoundError),
        (_collection(), "TP-01", "Yes", None, OWNER, ValidationFailed),  # its area is off
        (_collection(), "Q-04", "Perhaps", None, OWNER, ValidationFailed),
    ],
)
def test_it_refuses_with_the_domain_error(collection, question_id, value, expected, actor, error):
    with pytest.raises(error):
        _plan(collection, question_id, value, expected, actor)
