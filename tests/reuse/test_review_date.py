"""The review date of a finalized assessment, the "due for reassessment" list and its reminder."""

from __future__ import annotations

from datetime import date
from typing import Any

from assessments.domain import keys, reuse
from assessments.notifications.reassessment_reminders import reassessment_reminders_send
from assessments.selectors.answer_library import reassessments_due
from assessments.services.reassessment import assessment_clone
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.reuse.helpers import finalized
from tests.review.helpers import collection, decide, under_review

FAR = date(2100, 1, 1)


def meta(assessment_id: str) -> dict[str, Any]:
    return run_sync(get_table().get, keys.assessment_pk(assessment_id), keys.META)


def decided_on(assessment_id: str) -> date:
    return date.fromisoformat(collection(assessment_id).assessment.decided_at[:10])


def due(cast: Any, who: str, by: date = FAR) -> list[str]:
    return [e.assessment_id for e in run_sync(reassessments_due, actor=cast.actor(who), by=by)]


def test_a_finalized_assessment_is_due_again_twelve_months_after_its_decision(cast: Any) -> None:
    assessment_id = finalized(cast, residual_rating="low", residual_rationale="Mitigated by the DPA.")
    expected = reuse.add_months(decided_on(assessment_id), 12).isoformat()
    assert meta(assessment_id)["review_due_on"] == expected
    entry = run_sync(reassessments_due, actor=cast.actor("assessor"), by=FAR)[0]
    assert (entry.assessment_id, entry.review_due_on) == (assessment_id, expected)


def test_a_high_residual_rating_overall_brings_it_to_six_months(cast: Any) -> None:
    assessment_id = finalized(cast, residual_rating="high", residual_rationale="The vendor holds our data.")
    assert meta(assessment_id)["review_due_on"] == reuse.add_months(decided_on(assessment_id), 6).isoformat()


def test_the_months_come_from_the_settings(cast: Any, settings: Any) -> None:
    settings.TRA_REVIEW_MONTHS_DEFAULT = 24
    assessment_id = finalized(cast, residual_rating="low", residual_rationale="Mitigated.")
    assert meta(assessment_id)["review_due_on"] == reuse.add_months(decided_on(assessment_id), 24).isoformat()


def test_months_are_added_on_the_calendar() -> None:
    assert reuse.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert reuse.add_months(date(2026, 1, 15), 12) == date(2027, 1, 15)


def test_a_rejected_assessment_has_no_review_date(cast: Any) -> None:
    assessment_id = under_review(cast)
    decide(cast, assessment_id, "third_party", outcome="reject", rationale="No DPA possible.")
    assert "review_due_on" not in meta(assessment_id)
    assert due(cast, "assessor") == []


def test_the_due_list_is_one_query_reviewers_see_all_and_requestors_their_own(cast: Any) -> None:
    first = finalized(cast)
    second = finalized(cast)
    with instrumentation.recording() as calls:
        assert sorted(due(cast, "assessor")) == sorted([first, second])
    assert calls.count("dynamodb", "Query") == 1 and calls.count("dynamodb") == 1
    with instrumentation.recording() as calls:
        assert sorted(due(cast, "requestor")) == sorted([first, second])
    assert calls.count("dynamodb") == 1
    assert due(cast, "requestor2") == []


def test_the_list_holds_only_what_is_due_by_the_day_asked(cast: Any) -> None:
    assessment_id = finalized(cast)
    review_on = date.fromisoformat(meta(assessment_id)["review_due_on"])
    assert due(cast, "assessor", by=date.fromordinal(review_on.toordinal() - 1)) == []
    assert due(cast, "assessor", by=review_on) == [assessment_id]


def test_reassessing_takes_it_off_the_list(cast: Any) -> None:
    assessment_id = finalized(cast)
    run_sync(assessment_clone, actor=cast.actor("requestor"), assessment_id=assessment_id)
    assert due(cast, "assessor") == [] and due(cast, "requestor") == []


def test_the_owner_is_reminded_once_when_the_review_date_comes(cast: Any) -> None:
    from assessments.notifications.selectors import unread_count

    assessment_id = finalized(cast)
    review_on = date.fromisoformat(meta(assessment_id)["review_due_on"])
    before = run_sync(unread_count, user_id=cast.requestor.pk)

    early = run_sync(reassessment_reminders_send, today=date.fromordinal(review_on.toordinal() - 1))
    first = run_sync(reassessment_reminders_send, today=review_on)
    again = run_sync(reassessment_reminders_send, today=review_on)

    assert early == ([], 0) and first == ([assessment_id], 0) and again == ([], 1)
    assert run_sync(unread_count, user_id=cast.requestor.pk) == before + 1


def test_the_command_reports_what_it_sent(cast: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    assessment_id = finalized(cast)
    day = meta(assessment_id)["review_due_on"]
    out = StringIO()
    call_command("send_reassessment_reminders", "--today", day, stdout=out)
    call_command("send_reassessment_reminders", "--today", day, stdout=out)
    assert (
        out.getvalue()
        == "reassessment due: 1, already reminded: 0\nreassessment due: 0, already reminded: 1\n"
    )
