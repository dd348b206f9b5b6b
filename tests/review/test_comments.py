"""Comment threads per question: both sides, applicable questions only, resolve and reopen."""

from __future__ import annotations

import pytest

from assessments.domain.review import ThreadStatus, decision_areas
from assessments.errors import NotAllowed, NotFoundError, ValidationFailed
from assessments.services.review import comment_add, thread_reopen, thread_resolve
from assessments.services.review import comments as comments_service
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.review.helpers import collection, decide, drafted, events, everything, submitted, under_review


def _comment(cast, assessment_id, who="assessor", question="Q-01", text="Which vendor hosts it?"):
    return run_sync(
        comment_add, actor=cast.actor(who), assessment_id=assessment_id, question_id=question, text=text
    )


def test_an_assessor_asks_and_the_requestor_replies_on_one_thread(cast, notes):
    assessment_id = under_review(cast)
    version = collection(assessment_id).assessment.version
    notes.clear()

    asked = _comment(cast, assessment_id)
    replied = _comment(cast, assessment_id, who="requestor", text="Acme Cloud, in the EU.")

    found = collection(assessment_id)
    assert found.comments_on("Q-01") == [asked, replied]
    assert [(c.role, c.author, c.round) for c in (asked, replied)] == [
        ("assessor", "assessor", 1),
        ("requestor", "requestor", 1),
    ]
    assert found.threads["Q-01"].status is ThreadStatus.OPEN
    # A comment must not make an open decision form stale.
    assert found.assessment.version == version
    assert [(n.kind, n.recipient_ids) for n in notes] == [
        ("comment", frozenset({cast.requestor.pk})),  # the assessor wrote: the owner
        ("comment", frozenset({cast.assessor.pk})),  # the owner wrote: the assignee
    ]
    assert [
        e["after"]["question_id"] for e in events(assessment_id) if e["event_type"] == "comment_added"
    ] == [
        "Q-01",
        "Q-01",
    ]


def test_a_requestors_comment_on_an_unassigned_assessment_goes_to_every_reviewer(cast, notes):
    assessment_id = submitted(cast)
    notes.clear()

    _comment(cast, assessment_id, who="requestor", text="Anything missing?")

    assert [(n.kind, n.recipient_ids) for n in notes] == [("comment", None)]


def test_resolve_and_reopen_by_either_side_and_a_new_comment_reopens(cast, notes):
    assessment_id = under_review(cast)
    _comment(cast, assessment_id)

    resolved = run_sync(
        thread_resolve, actor=cast.actor("requestor"), assessment_id=assessment_id, question_id="Q-01"
    )
    assert (resolved.status, resolved.changed_by) == (ThreadStatus.RESOLVED, "requestor")
    reopened = run_sync(
        thread_reopen, actor=cast.actor("assessor"), assessment_id=assessment_id, question_id="Q-01"
    )
    assert reopened.status is ThreadStatus.OPEN
    run_sync(thread_resolve, actor=cast.actor("assessor"), assessment_id=assessment_id, question_id="Q-01")

    _comment(cast, assessment_id, who="requestor", text="One more thing.")

    assert collection(assessment_id).threads["Q-01"].status is ThreadStatus.OPEN
    kinds = [e["event_type"] for e in events(assessment_id) if e["event_type"].startswith("comment_")]
    assert kinds == [
        "comment_added",
        "comment_thread_resolved",
        "comment_thread_reopened",
        "comment_thread_resolved",
        "comment_added",
    ]


def test_resolving_a_thread_that_does_not_exist_is_not_found(cast, notes):
    assessment_id = under_review(cast)

    with pytest.raises(NotFoundError, match="no comment thread"):
        run_sync(
            thread_resolve, actor=cast.actor("assessor"), assessment_id=assessment_id, question_id="Q-02"
        )


@pytest.mark.parametrize(
    ("question", "text", "field", "message"),
    [
        ("AI-01", "Is this AI?", "question_id", "does not apply to this assessment"),
        ("NOPE-9", "Hello?", "question_id", "does not apply to this assessment"),
        ("Q-01", "   ", "text", "Write a comment"),
        ("Q-01", "x" * 5001, "text", "5,000"),
        ("Q-01", "Beep\x07", "text", "control character"),
    ],
    ids=["not-applicable", "unknown", "empty", "long", "control"],
)
def test_a_bad_comment_is_refused_clearly_and_writes_nothing(cast, notes, question, text, field, message):
    assessment_id = under_review(cast)
    before = everything(assessment_id)
    notes.clear()

    with pytest.raises(ValidationFailed) as caught:
        _comment(cast, assessment_id, question=question, text=text)

    assert field in caught.value.extra["fields"] and message in caught.value.message + str(caught.value.extra)
    assert everything(assessment_id) == before
    assert notes == []


def test_a_draft_and_a_decided_assessment_take_no_comments(cast, notes):
    draft = drafted(cast)
    with pytest.raises(NotAllowed, match="takes no comments"):
        _comment(cast, draft, who="requestor")

    decided = under_review(cast)
    for area in decision_areas(collection(decided).assessment.active_areas):
        decide(cast, decided, area)
    with pytest.raises(NotAllowed, match="takes no comments"):
        _comment(cast, decided)


def test_another_requestor_cannot_comment_or_even_see_it(cast, notes):
    assessment_id = under_review(cast)
    _comment(cast, assessment_id)

    with pytest.raises(NotFoundError):
        _comment(cast, assessment_id, who="requestor2")
    with pytest.raises(NotFoundError):
        run_sync(
            thread_resolve, actor=cast.actor("requestor2"), assessment_id=assessment_id, question_id="Q-01"
        )


def test_a_comment_is_one_query_and_one_transaction(cast, notes):
    assessment_id = under_review(cast)

    with instrumentation.recording() as calls:
        _comment(cast, assessment_id)

    assert (calls.count("dynamodb", "Query"), calls.count("dynamodb", "TransactWriteItems")) == (1, 1)


def test_two_comments_drawing_the_same_microsecond_both_land(cast, notes, monkeypatch):
    assessment_id = under_review(cast)
    real_now = comments_service.now_iso
    stamps = iter(["2026-01-01T10:00:00.000001Z", "2026-01-01T10:00:00.000001Z"])
    monkeypatch.setattr(comments_service, "now_iso", lambda: next(stamps, None) or real_now())

    first = _comment(cast, assessment_id, text="First.")
    second = _comment(cast, assessment_id, who="requestor", text="Second.")

    assert first.at != second.at
    assert [c.text for c in collection(assessment_id).comments_on("Q-01")] == ["First.", "Second."]
