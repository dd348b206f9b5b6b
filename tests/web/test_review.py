"""The first reviewer path: queue, open, approve or send back with feedback, resubmit."""

from __future__ import annotations

from django.urls import reverse

from assessments.domain.workflow import Action, State
from assessments.selectors.assessments import assessment_collection
from assessments.services.assessments import assessment_transition
from integrations.runtime import run_sync
from tests.web.helpers import answer, answer_everything, create_assessment


def _submitted(cast, **changes):
    assessment_id = create_assessment(cast, **changes)
    answer_everything(cast, assessment_id, yes=frozenset({"Q-04"}))
    run_sync(
        assessment_transition,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        action=Action.SUBMIT,
    )
    return assessment_id


def test_it_queues_submitted_assessments_newest_first_and_leaves_drafts_out(cast):
    draft = create_assessment(cast, title="Still a draft")
    older = _submitted(cast, title="Older")
    newer = _submitted(cast, title="Newer")
    response = cast.client("assessor").get(reverse("admin:review_queue"))
    ids = [a.id for a in response.context["page"].items]
    assert ids == [newer, older]
    assert draft not in ids


def test_it_pages_through_a_long_queue(cast):
    ids = {_submitted(cast, title=f"S{n}") for n in range(27)}
    client = cast.client("assessor")
    first = client.get(reverse("admin:review_queue"))
    second = client.get(reverse("admin:review_queue"), {"cursor": first.context["page"].next_cursor})
    seen = [a.id for a in first.context["page"].items] + [a.id for a in second.context["page"].items]
    assert len(first.context["page"].items) == 25 and set(seen) == ids and len(seen) == 27


def test_it_shows_the_answers_grouped_by_risk_area(cast):
    assessment_id = _submitted(cast)
    response = cast.client("assessor").get(reverse("admin:review_detail", args=[assessment_id]))
    names = [s["progress"].name for s in response.context["sections"]]
    assert names[0] == "Qualifying questions" and "Third Party Risk" in names
    assert b"TP-01" in response.content


def test_it_finalizes_an_approved_assessment_and_records_the_decision(cast):
    assessment_id = _submitted(cast)
    response = cast.client("assessor").post(
        reverse("admin:review_decide", args=[assessment_id]), {"decision": "approve"}
    )
    assert response.status_code == 302
    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    assert collection.assessment.state == State.FINALIZED
    assert [r.decision for r in collection.reviews] == ["approve"]
    queue = cast.client("assessor").get(reverse("admin:review_queue"))
    assert assessment_id not in [a.id for a in queue.context["page"].items]


def test_it_requires_feedback_to_send_back(cast):
    assessment_id = _submitted(cast)
    response = cast.client("assessor").post(
        reverse("admin:review_decide", args=[assessment_id]), {"decision": "send_back", "feedback": "  "}
    )
    assert response.status_code == 422
    assert b"Tell the requestor what to change" in response.content
    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.state == State.SUBMITTED


def test_it_sends_back_and_the_requestor_sees_the_feedback_edits_and_resubmits(cast):
    assessment_id = _submitted(cast)
    cast.client("assessor").post(
        reverse("admin:review_decide", args=[assessment_id]),
        {"decision": "send_back", "feedback": "Please name the hosting region."},
    )
    requestor = cast.client("requestor")
    detail = requestor.get(reverse("assessments:detail", args=[assessment_id]))
    assert b"Please name the hosting region." in detail.content
    assert detail.context["o"].editable
    answer(cast, assessment_id, "Q-01", "Hosted in the vendor's EU region.")
    assert requestor.post(reverse("assessments:submit", args=[assessment_id])).status_code == 302
    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.state == State.SUBMITTED


def test_it_refuses_a_decision_on_an_assessment_that_is_not_submitted(cast):
    assessment_id = create_assessment(cast)
    response = cast.client("assessor").post(
        reverse("admin:review_decide", args=[assessment_id]), {"decision": "approve"}
    )
    assert response.status_code == 302
    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.state == State.DRAFT
