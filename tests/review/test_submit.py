"""Submitting: round n+1 frozen with its answers and documents, a due date, the queue entries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assessments.domain.queue import QueuePhase, add_working_days
from assessments.domain.workflow import State
from assessments.errors import NotFoundError, ValidationFailed
from assessments.selectors.review import assessment_rounds
from assessments.services.review import assessment_submit, assessment_withdraw
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.review.helpers import collection, drafted, everything, queue_ids, sent_back
from tests.web.helpers import answer, create_assessment


def _submit(cast, assessment_id, who="requestor"):
    return run_sync(assessment_submit, actor=cast.actor(who), assessment_id=assessment_id)


def test_it_freezes_round_one_with_every_answer_and_sets_the_due_date(cast, notes, settings):
    settings.TRA_REVIEW_DUE_WORKING_DAYS = 3
    assessment_id = drafted(cast)
    answers = collection(assessment_id).answers

    record = _submit(cast, assessment_id)

    assert record.state is State.SUBMITTED and record.round == 1
    assert record.due_on == add_working_days(datetime.now(UTC).date(), 3).isoformat()
    (snapshot,) = run_sync(assessment_rounds, actor=cast.actor("assessor"), assessment_id=assessment_id)
    assert snapshot.number == 1 and snapshot.submitted_by == "requestor"
    assert {q: (a.value, a.source) for q, a in snapshot.answers.items()} == {
        q: (a.value, a.source) for q, a in answers.items()
    }
    assert snapshot.active_areas == record.active_areas
    assert collection(assessment_id).assessment == record


def test_it_puts_the_submission_in_the_open_queue_and_tells_every_reviewer(cast, notes):
    assessment_id = drafted(cast)

    _submit(cast, assessment_id)

    assert assessment_id in queue_ids(QueuePhase.OPEN.value, "due")
    assert assessment_id in queue_ids(QueuePhase.OPEN.value, "submitted")
    assert assessment_id not in queue_ids(QueuePhase.ARCHIVE.value, "updated")
    assert [(n.kind, n.recipient_ids) for n in notes] == [("submitted", None)]


def test_a_draft_is_in_no_queue(cast, notes):
    assessment_id = drafted(cast)

    assert assessment_id not in queue_ids("open") + queue_ids("archive")


def test_it_refuses_an_incomplete_assessment_naming_what_is_missing_and_writes_nothing(cast, notes):
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-01", "Only the first answer.")
    before = everything(assessment_id)

    with pytest.raises(ValidationFailed, match="required question") as caught:
        _submit(cast, assessment_id)

    assert {m["id"] for m in caught.value.extra["missing"]} >= {"Q-02", "Q-04"}
    assert everything(assessment_id) == before
    assert notes == []


def test_another_requestors_assessment_is_a_404(cast, notes):
    assessment_id = drafted(cast)

    with pytest.raises(NotFoundError):
        _submit(cast, assessment_id, who="requestor2")

    assert collection(assessment_id).assessment.state is State.DRAFT


def test_a_resubmission_is_round_two_clears_the_send_back_and_keeps_who_had_it(cast, notes):
    assessment_id = sent_back(cast)
    before = collection(assessment_id).assessment
    assert before.sent_back_questions == ("Q-01",) and before.feedback

    record = _submit(cast, assessment_id)

    assert record.round == 2 and record.state is State.SUBMITTED
    assert (record.feedback, record.sent_back_by, record.sent_back_questions) == ("", "", ())
    assert record.assignee_name == "assessor"  # "previously with assessor"
    assert [r.decision for r in collection(assessment_id).reviews] == ["send_back"]  # history stays
    rounds = run_sync(assessment_rounds, actor=cast.actor("requestor"), assessment_id=assessment_id)
    assert [r.number for r in rounds] == [1, 2]
    assert "It was with assessor" in notes[-1].text and notes[-1].recipient_ids is None
    assert assessment_id in queue_ids("open", "due") and assessment_id not in queue_ids("archive", "updated")


def test_it_is_one_query_and_one_transaction(cast, notes):
    assessment_id = drafted(cast)

    with instrumentation.recording() as calls:
        _submit(cast, assessment_id)

    assert calls.count("dynamodb", "Query") == 1
    assert calls.count("dynamodb", "TransactWriteItems") == 1
    assert calls.count("dynamodb") == 2


def test_withdrawing_a_submission_moves_it_to_the_archive_with_the_reason(cast, notes):
    assessment_id = drafted(cast)
    _submit(cast, assessment_id)

    record = run_sync(
        assessment_withdraw,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        reason="Project cancelled.",
    )

    assert record.state is State.WITHDRAWN
    assert assessment_id in queue_ids("archive", "updated") and assessment_id not in queue_ids("open")
    assert collection(assessment_id).assessment == record


@pytest.mark.parametrize(("reason", "message"), [("x" * 2001, "2,000"), ("Bell\x07", "control character")])
def test_withdraw_refuses_a_bad_reason_and_writes_nothing(cast, notes, reason, message):
    assessment_id = drafted(cast)
    before = everything(assessment_id)

    with pytest.raises(ValidationFailed, match=message) as caught:
        run_sync(
            assessment_withdraw, actor=cast.actor("requestor"), assessment_id=assessment_id, reason=reason
        )

    assert "reason" in caught.value.extra["fields"]
    assert everything(assessment_id) == before


def test_a_draft_withdrawn_before_any_submission_stays_out_of_the_archive(cast, notes):
    assessment_id = drafted(cast)

    run_sync(assessment_withdraw, actor=cast.actor("requestor"), assessment_id=assessment_id)

    assert assessment_id not in queue_ids("archive", "updated")
    assert collection(assessment_id).assessment.state is State.WITHDRAWN
