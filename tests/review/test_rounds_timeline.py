"""Rounds and their diff after send back → change → resubmit; the timeline both roles see."""

from __future__ import annotations

import pytest

from assessments.domain.review import decision_areas
from assessments.errors import NotFoundError
from assessments.selectors.review import assessment_rounds, assessment_timeline, round_with_diff
from assessments.services.review import (
    assessment_assign,
    assessment_send_back,
    assessment_submit,
    comment_add,
)
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.documents.builders import docx_bytes
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import upload
from tests.review.helpers import collection, decide, drafted, submitted
from tests.web.helpers import answer


def _loop(cast) -> str:
    """Submit → assign → comment → send back Q-01 → reply, fix → resubmit."""
    assessment_id = submitted(cast)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    run_sync(
        comment_add,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        question_id="Q-01",
        text="Say who the vendor is.",
    )
    run_sync(
        assessment_send_back,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        feedback="Name the vendor.",
        question_ids=["Q-01"],
    )
    run_sync(
        comment_add,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        question_id="Q-01",
        text="Done: Acme Cloud.",
    )
    answer(cast, assessment_id, "Q-01", "Move support tickets to Acme Cloud's helpdesk.")
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    return assessment_id


def test_round_two_shows_what_changed_since_round_one(cast, notes):
    assessment_id = _loop(cast)
    before = collection(assessment_id)

    first, diff_one = run_sync(
        round_with_diff, actor=cast.actor("assessor"), assessment_id=assessment_id, number=1
    )
    second, diff = run_sync(
        round_with_diff, actor=cast.actor("assessor"), assessment_id=assessment_id, number=2
    )

    assert diff_one is None and (first.number, second.number) == (1, 2)
    assert diff is not None and diff.changed_question_ids() == {"Q-01"}
    (change,) = diff.answers_changed
    assert change.after == "Move support tickets to Acme Cloud's helpdesk." and change.before != change.after
    assert not diff.answers_added and not diff.answers_removed and not diff.documents_added
    assert second.answers["Q-01"].value == before.answers["Q-01"].value
    # The earlier round's comments stay, marked with their round.
    assert [c.round for c in before.comments_on("Q-01")] == [1, 1]


def test_a_round_that_does_not_exist_is_not_found(cast, notes):
    assessment_id = submitted(cast)

    with pytest.raises(NotFoundError, match="no round 2"):
        run_sync(round_with_diff, actor=cast.actor("assessor"), assessment_id=assessment_id, number=2)


def test_rounds_are_one_get_and_one_query_and_a_404_for_another_requestor(cast, notes):
    assessment_id = submitted(cast)

    with instrumentation.recording() as calls:
        rounds = run_sync(assessment_rounds, actor=cast.actor("requestor"), assessment_id=assessment_id)

    assert [r.number for r in rounds] == [1]
    assert (
        calls.count("dynamodb", "GetItem"),
        calls.count("dynamodb", "Query"),
        calls.count("dynamodb"),
    ) == (
        1,
        1,
        2,
    )
    with pytest.raises(NotFoundError):
        run_sync(assessment_rounds, actor=cast.actor("requestor2"), assessment_id=assessment_id)
    with pytest.raises(NotFoundError):
        run_sync(assessment_timeline, actor=cast.actor("requestor2"), assessment_id=assessment_id)


def test_the_timeline_tells_the_whole_story_the_same_to_both_roles(cast, notes):
    assessment_id = _loop(cast)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    areas = decision_areas(collection(assessment_id).assessment.active_areas)
    for n, area in enumerate(areas):
        decide(cast, assessment_id, area, who="assessor2" if n else "assessor")

    with instrumentation.recording() as calls:
        seen_by_requestor = run_sync(
            assessment_timeline, actor=cast.actor("requestor"), assessment_id=assessment_id
        )
    seen_by_assessor = run_sync(
        assessment_timeline, actor=cast.actor("assessor"), assessment_id=assessment_id
    )

    assert seen_by_requestor == seen_by_assessor
    assert calls.count("dynamodb", "Query") == 1
    labels = [e.label for e in seen_by_requestor]
    assert labels[:8] == [
        "Created",
        "Submitted (round 1)",
        "Assigned to assessor",
        "Commented on Q-01",
        "Sent back (Q-01)",
        "Commented on Q-01",
        "Resubmitted (round 2)",
        "Assigned to assessor",
    ]
    assert labels[-1] == "Finalized"
    decided = [e for e in seen_by_requestor if e.kind == "area_decided"]
    assert len(decided) == len(areas) and all(": approved" in e.label for e in decided)
    assert [e.at for e in seen_by_requestor] == sorted(e.at for e in seen_by_requestor)
    sent = next(e for e in seen_by_requestor if e.kind == "sent_back")
    assert (sent.actor, sent.detail) == ("assessor", "Name the vendor.")
    assert not any("answer" in e.kind for e in seen_by_requestor)  # answer saves are the diff's business


def test_the_timeline_names_a_hand_over_to_a_colleague(cast, notes):
    assessment_id = submitted(cast)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    run_sync(
        assessment_assign,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        assignee_id=cast.assessor2.pk,
    )

    timeline = run_sync(assessment_timeline, actor=cast.actor("requestor"), assessment_id=assessment_id)

    assert [e.label for e in timeline][-2:] == ["Assigned to assessor", "Handed from assessor to privacy"]


def test_each_round_freezes_the_ready_documents_and_the_diff_names_one_added(
    cast, notes, pipeline, run_tasks
):
    assessment_id = drafted(cast)
    upload(cast, assessment_id, ("brief.docx", brief("docx")))
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    run_sync(
        assessment_send_back,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        feedback="Attach the hosting contract.",
        question_ids=["Q-01"],
    )
    upload(cast, assessment_id, ("contract.docx", docx_bytes([("p", "Hosting in the EU, 99.9% uptime.")])))
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)

    first, second = run_sync(assessment_rounds, actor=cast.actor("assessor"), assessment_id=assessment_id)
    _snapshot, diff = run_sync(
        round_with_diff, actor=cast.actor("assessor"), assessment_id=assessment_id, number=2
    )

    assert [d.name for d in first.documents.values()] == ["brief.docx"]
    assert sorted(d.name for d in second.documents.values()) == ["brief.docx", "contract.docx"]
    assert all(len(d.sha256) == 64 for d in second.documents.values())
    assert diff is not None and [d.name for d in diff.documents_added] == ["contract.docx"]
    assert not diff.documents_removed


def test_the_timeline_keeps_the_latest_entries_within_its_limit_oldest_first(cast, notes):
    assessment_id = _loop(cast)

    full = run_sync(assessment_timeline, actor=cast.actor("assessor"), assessment_id=assessment_id)
    latest = run_sync(assessment_timeline, actor=cast.actor("assessor"), assessment_id=assessment_id, limit=3)

    assert latest == full[-3:] and [e.label for e in latest][-1] == "Resubmitted (round 2)"


def test_the_timeline_is_one_query_however_many_answer_saves_the_audit_trail_holds(cast, notes):
    assessment_id = drafted(cast)
    for n in range(40):  # answer saves write audit events the timeline leaves out
        answer(cast, assessment_id, "Q-01", f"Version {n} of the description.")
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)

    with instrumentation.recording() as calls:
        entries = run_sync(
            assessment_timeline, actor=cast.actor("requestor"), assessment_id=assessment_id, limit=5
        )

    assert calls.by_operation() == {("dynamodb", "GetItem"): 1, ("dynamodb", "Query"): 1}
    assert [e.label for e in entries] == ["Created", "Submitted (round 1)"]


def test_every_event_the_timeline_labels_is_indexed_for_it_and_no_other():
    from assessments.domain.records import TIMELINE_EVENT_TYPES
    from assessments.selectors.review import _LABELLERS

    assert set(_LABELLERS) == TIMELINE_EVENT_TYPES
