"""Assigning and sending back: who may, what is checked, what is written, who is told."""

from __future__ import annotations

import asyncio

import pytest

from assessments.domain.workflow import State
from assessments.errors import ConflictError, NotAllowed, NotFoundError, ValidationFailed
from assessments.services.review import assessment_assign, assessment_send_back, assessment_submit
from assessments.services.review import assign as assign_service
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.review.helpers import (
    collection,
    decide,
    events,
    everything,
    queue_ids,
    reads_meet,
    sent_back,
    submitted,
    under_review,
)


def _assign(cast, assessment_id, who="assessor", assignee=None):
    return run_sync(
        assessment_assign, actor=cast.actor(who), assessment_id=assessment_id, assignee_id=assignee
    )


def _send_back(cast, assessment_id, who="assessor", **changes):
    arguments = {"feedback": "Describe the vendor's hosting.", "question_ids": ["Q-01"], **changes}
    return run_sync(assessment_send_back, actor=cast.actor(who), assessment_id=assessment_id, **arguments)


def test_assign_to_me_puts_it_under_review_with_me_and_tells_no_one(cast, notes):
    assessment_id = submitted(cast)
    notes.clear()

    record = _assign(cast, assessment_id)

    assert (record.state, record.assignee_id, record.assignee_name) == (
        State.UNDER_REVIEW,
        cast.assessor.pk,
        "assessor",
    )
    assert collection(assessment_id).assessment == record
    assert notes == []
    (event,) = [e for e in events(assessment_id) if e["event_type"] == "assigned"]
    assert event["before"]["assignee_id"] is None and event["after"]["assignee_id"] == cast.assessor.pk


def test_handing_it_to_a_colleague_tells_the_colleague_and_updates_the_queue(cast, notes):
    assessment_id = under_review(cast)
    notes.clear()

    record = _assign(cast, assessment_id, assignee=cast.assessor2.pk)

    assert record.assignee_name == "privacy" and record.state is State.UNDER_REVIEW
    assert [(n.kind, n.recipient_ids) for n in notes] == [("assigned", frozenset({cast.assessor2.pk}))]
    handed = [e for e in events(assessment_id) if e["event_type"] == "assigned"][-1]
    assert (handed["before"]["assignee"], handed["after"]["assignee"]) == ("assessor", "privacy")
    assert assessment_id in queue_ids("open", "due")
    entry = collection(assessment_id).assessment.queue_entry()
    assert entry.assignee_id == cast.assessor2.pk


def test_assigning_to_someone_who_is_not_a_reviewer_names_the_assignee_field(cast, notes):
    assessment_id = submitted(cast)
    before = everything(assessment_id)

    with pytest.raises(ValidationFailed) as caught:
        _assign(cast, assessment_id, assignee=cast.requestor2.pk)

    assert "assignee" in caught.value.extra["fields"]
    assert everything(assessment_id) == before


def test_assigning_it_to_whoever_has_it_writes_nothing(cast, notes):
    assessment_id = under_review(cast)
    before = everything(assessment_id)

    _assign(cast, assessment_id)

    assert everything(assessment_id) == before


def test_send_back_names_the_questions_keeps_this_rounds_decisions_and_tells_the_owner(cast, notes):
    assessment_id = under_review(cast)
    area = collection(assessment_id).assessment.active_areas[0]
    decide(cast, assessment_id, area)
    notes.clear()

    record = _send_back(cast, assessment_id, question_ids=["TP-01", "Q-01"], flagged_areas=[area])

    assert record.state is State.SENT_BACK
    assert record.sent_back_questions == ("Q-01", "TP-01")  # questionnaire order
    assert (record.sent_back_by, record.sent_back_areas) == ("assessor", (area,))
    assert record.feedback == "Describe the vendor's hosting."
    found = collection(assessment_id)
    assert found.assessment == record
    (review,) = found.reviews
    assert (review.decision, review.round, review.questions, review.flagged_areas) == (
        "send_back",
        1,
        ("Q-01", "TP-01"),
        (area,),
    )
    assert [d.area_key for d in found.decisions] == [area]  # the round's history stays
    assert assessment_id in queue_ids("archive", "updated") and assessment_id not in queue_ids("open")
    assert [(n.kind, n.recipient_ids) for n in notes] == [("sent_back", frozenset({cast.requestor.pk}))]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"feedback": "  "}, "feedback", "what to change"),
        ({"feedback": "x" * 5001}, "feedback", "5,000"),
        ({"feedback": "Fix\x00 this"}, "feedback", "control character"),
        ({"question_ids": []}, "questions", "at least one question"),
        ({"question_ids": ["Q-01", "NOPE-1"]}, "questions", "not in the questionnaire: NOPE-1"),
        ({"question_ids": ["AI-01"]}, "questions", "not applicable to this assessment: AI-01"),
        (
            {"flagged_areas": ["artificial_intelligence"]},
            "flagged_areas",
            "not active: artificial_intelligence",
        ),
    ],
    ids=[
        "no-feedback",
        "long-feedback",
        "control",
        "no-questions",
        "unknown",
        "not-applicable",
        "inactive-area",
    ],
)
def test_send_back_refuses_bad_input_clearly_and_writes_nothing(cast, notes, changes, field, message):
    assessment_id = under_review(cast)
    before = everything(assessment_id)
    notes.clear()

    with pytest.raises(ValidationFailed, match=message) as caught:
        _send_back(cast, assessment_id, **changes)

    assert field in caught.value.extra["fields"]
    assert everything(assessment_id) == before
    assert notes == []


def test_send_back_is_refused_to_the_owner_and_a_404_for_another_requestor(cast, notes):
    assessment_id = submitted(cast)

    with pytest.raises(NotAllowed):
        _send_back(cast, assessment_id, who="requestor")
    with pytest.raises(NotFoundError):
        _send_back(cast, assessment_id, who="requestor2")
    with pytest.raises(NotFoundError):
        _assign(cast, assessment_id, who="requestor2")


def test_send_back_straight_from_the_queue_is_one_query_and_one_transaction(cast, notes):
    assessment_id = submitted(cast)

    with instrumentation.recording() as calls:
        _send_back(cast, assessment_id)

    assert (calls.count("dynamodb", "Query"), calls.count("dynamodb", "TransactWriteItems")) == (1, 1)


def test_two_reviewers_taking_it_at_once_one_gets_it_and_the_other_is_told_who(cast, notes, monkeypatch):
    assessment_id = submitted(cast)
    actors = (cast.actor("assessor"), cast.actor("assessor2"))

    async def both():
        readers.append(reads_meet(monkeypatch, assign_service))
        return await asyncio.gather(
            *(assessment_assign(actor=actor, assessment_id=assessment_id) for actor in actors),
            return_exceptions=True,
        )

    readers: list[list[str]] = []
    results = run_sync(both)

    assert len(readers[0]) == 3  # both read first; the loser read again
    winners = [r for r in results if not isinstance(r, BaseException)]
    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(winners) == 1 and len(losers) == 1
    assert isinstance(losers[0], ConflictError) and winners[0].assignee_name in losers[0].message
    assert collection(assessment_id).assessment.assignee_id == winners[0].assignee_id


def test_taking_a_resubmission_at_once_with_whoever_had_it_does_not_steal_it(cast, notes, monkeypatch):
    assessment_id = sent_back(cast)  # it was the first assessor's
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    actors = (cast.actor("assessor"), cast.actor("assessor2"))
    readers: list[list[str]] = []

    async def both():
        readers.append(reads_meet(monkeypatch, assign_service))
        return await asyncio.gather(
            *(assessment_assign(actor=actor, assessment_id=assessment_id) for actor in actors),
            return_exceptions=True,
        )

    results = run_sync(both)

    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(losers) == 1 and isinstance(losers[0], ConflictError)
    winner = next(r for r in results if not isinstance(r, BaseException))
    assert collection(assessment_id).assessment.assignee_id == winner.assignee_id
