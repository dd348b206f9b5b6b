"""Accepting a section's high-confidence suggestions at once: batched writes, same evidence."""

from __future__ import annotations

import math
from typing import Any

import pytest

from assessments.domain.bulk_plan import ANSWERED, ANSWERS_PER_CALL, RULE_INPUT
from assessments.errors import NotAllowed, NotFoundError
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.bulk.helpers import (
    accept_all,
    after_the_read,
    citation,
    long_assessment,
    question_ids,
    store_suggestions,
    suggestion,
)
from tests.review.helpers import collection, events
from tests.web.helpers import answer


def test_thirty_answers_take_one_write_call_and_each_has_its_event_and_citations(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(30)])
    before = collection(assessment_id).assessment.version

    with instrumentation.recording() as calls:
        outcome = accept_all(cast, assessment_id)

    assert outcome.saved == question_ids(30)
    assert outcome.conflicts == {}
    assert calls.count("dynamodb", "TransactWriteItems") == math.ceil(30 / ANSWERS_PER_CALL) == 1
    assert outcome.write_calls == 1
    stored = collection(assessment_id)
    for question_id in question_ids(30):
        answer_record = stored.answers[question_id]
        assert answer_record.source == "suggestion_accepted"
        assert answer_record.value == f"Control for {question_id} is in the runbook."
        assert answer_record.citations == (citation(question_id),)
        assert answer_record.version == 1
    accepted = [e for e in events(assessment_id) if e["event_type"] == "suggestion_accepted"]
    assert sorted(e["after"]["question_id"] for e in accepted) == question_ids(30)
    assert {e["after"]["source"] for e in accepted} == {"suggestion_accepted"}
    # The assessment's version moves as if the 30 had been saved one by one.
    assert stored.assessment.version == before + 30


def test_sixty_answers_take_two_write_calls(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(60)])

    with instrumentation.recording() as calls:
        outcome = accept_all(cast, assessment_id)

    assert len(outcome.saved) == 60
    assert calls.count("dynamodb", "TransactWriteItems") == math.ceil(60 / ANSWERS_PER_CALL) == 2
    assert len(collection(assessment_id).answers) == 61  # and QL-1


def test_it_takes_only_high_confidence_suggestions_of_unanswered_questions(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    answer(cast, assessment_id, "OP-03", "Our own words.")
    store_suggestions(
        assessment_id,
        [
            suggestion("OP-01"),
            suggestion("OP-02", confidence="medium"),
            suggestion("OP-03"),
            suggestion("OP-04", confidence="low"),
            suggestion("OP-00", answer="Yes"),  # a show rule reads it
        ],
    )

    outcome = accept_all(cast, assessment_id)

    assert outcome.saved == ["OP-01"]
    assert outcome.skipped == {"OP-00": RULE_INPUT, "OP-03": ANSWERED}
    answers = collection(assessment_id).answers
    assert answers["OP-03"].value == "Our own words."
    assert "OP-02" not in answers and "OP-04" not in answers and "OP-00" not in answers


def test_it_refuses_anyone_but_the_owner(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion("OP-01")])

    with pytest.raises(NotFoundError):
        accept_all(cast, assessment_id, who="requestor2")
    with pytest.raises(NotAllowed):
        accept_all(cast, assessment_id, who="assessor")
    assert "OP-01" not in collection(assessment_id).answers


def test_it_refuses_once_the_assessment_is_submitted(cast: Any) -> None:
    from assessments.domain.workflow import Action
    from assessments.services.assessments import assessment_transition

    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion("OP-01")])  # no question is required
    run_sync(
        assessment_transition,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        action=Action.SUBMIT,
    )
    with pytest.raises(NotAllowed):
        accept_all(cast, assessment_id)
    assert "OP-01" not in collection(assessment_id).answers


def test_an_unknown_section_is_not_found(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    with pytest.raises(NotFoundError):
        accept_all(cast, assessment_id, section="no_such_area")


def test_a_suggested_value_the_question_refuses_is_skipped_for_that_question_only(cast: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion("OP-01"), suggestion("OP-02", answer="x" * 20_000)])

    outcome = accept_all(cast, assessment_id)

    assert outcome.saved == ["OP-01"]
    assert list(outcome.skipped) == ["OP-02"]
    assert "OP-02" not in collection(assessment_id).answers


def test_a_submit_between_the_read_and_the_write_saves_nothing_and_says_why(
    cast: Any, monkeypatch: Any
) -> None:
    from assessments.domain.bulk_plan import ANSWERS_PER_CALL
    from assessments.domain.workflow import Action
    from assessments.services.assessments import assessment_transition
    from assessments.services.bulk_accept import MOVED

    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(60)])
    requestor = cast.actor("requestor")

    async def other_tab_submits() -> None:
        await assessment_transition(actor=requestor, assessment_id=assessment_id, action=Action.SUBMIT)

    after_the_read(monkeypatch, other_tab_submits)

    outcome = accept_all(cast, assessment_id)

    assert outcome.saved == []
    assert outcome.conflicts == dict.fromkeys(question_ids(60), MOVED)
    # The first batch is refused by META's editable condition; the second is not even sent.
    assert outcome.write_calls == 1 < math.ceil(60 / ANSWERS_PER_CALL)
    assert set(collection(assessment_id).answers) == {"QL-1"}


def test_contention_that_outlasts_the_retry_is_reported_never_dropped(cast: Any, monkeypatch: Any) -> None:
    from assessments.services import bulk_accept
    from assessments.services.bulk_accept import BUSY
    from integrations.errors import TransactionCanceled

    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(3)])

    class Contended:
        """The store after its own retries: cancelled by other transactions, no condition failed."""

        async def transact(self, ops: Any) -> None:
            raise TransactionCanceled("busy", [None] + ["TransactionConflict"] * (len(ops) - 1))

    monkeypatch.setattr(bulk_accept, "get_table", Contended)

    outcome = accept_all(cast, assessment_id)

    assert outcome.saved == []
    assert outcome.conflicts == dict.fromkeys(question_ids(3), BUSY)
    assert outcome.write_calls == 2  # the first try and the one retry
