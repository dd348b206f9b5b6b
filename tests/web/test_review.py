"""The assessor's path in the admin: queue, assign, read, comment, send back, resubmit, decide."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from django.urls import reverse

from assessments.domain.workflow import State
from assessments.selectors.assessments import assessment_collection
from assessments.services.review import assessment_assign, assessment_submit, comment_add
from integrations.runtime import run_sync
from tests.web.helpers import answer, answer_everything, create_assessment


def _submitted(cast: Any, **changes: Any) -> str:
    assessment_id = create_assessment(cast, **changes)
    answer_everything(cast, assessment_id, yes=frozenset({"Q-04"}))
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    return assessment_id


def _assigned(cast: Any, who: str = "assessor", **changes: Any) -> str:
    assessment_id = _submitted(cast, **changes)
    run_sync(assessment_assign, actor=cast.actor(who), assessment_id=assessment_id)
    return assessment_id


def _state(assessment_id: str) -> State:
    return run_sync(assessment_collection, assessment_id=assessment_id).assessment.state


def _ids(response: Any) -> list[str]:
    return [e.assessment_id for e in response.context["page"].items]


def test_it_queues_submitted_assessments_newest_first_and_leaves_drafts_out(cast):
    draft = create_assessment(cast, title="Still a draft")
    older = _submitted(cast, title="Older")
    newer = _submitted(cast, title="Newer")
    response = cast.client("assessor").get(reverse("admin:review_queue"))
    assert _ids(response) == [newer, older]
    assert draft not in _ids(response)


def test_it_pages_through_a_long_queue(cast):
    ids = {_submitted(cast, title=f"S{n}") for n in range(27)}
    client = cast.client("assessor")
    first = client.get(reverse("admin:review_queue"))
    second = client.get(reverse("admin:review_queue"), {"cursor": first.context["page"].next_cursor})
    seen = _ids(first) + _ids(second)
    assert len(_ids(first)) == 25 and set(seen) == ids and len(seen) == 27


def test_it_filters_the_queue_and_keeps_the_filters_in_the_next_page_link(cast):
    mine = _assigned(cast, title="Mine")
    waiting = _submitted(cast, title="Waiting", business_unit="Finance")
    client = cast.client("assessor")

    assert _ids(client.get(reverse("admin:review_queue"), {"assignee": "me"})) == [mine]
    assert _ids(client.get(reverse("admin:review_queue"), {"assignee": "none"})) == [waiting]
    assert _ids(client.get(reverse("admin:review_queue"), {"business_unit": "finance"})) == [waiting]
    assert _ids(client.get(reverse("admin:review_queue"), {"q": "mine"})) == [mine]
    assert _ids(client.get(reverse("admin:review_queue"), {"q": waiting.lower()})) == [waiting]
    assert _ids(client.get(reverse("admin:review_queue"), {"state": "under_review"})) == [mine]
    page = client.get(reverse("admin:review_queue"), {"assignee": "me"}).content.decode()
    assert 'data-testid="assignee"' in page and "assessor" in page


def test_it_refuses_bad_filter_values_with_the_forms_message_not_a_500(cast):
    client = cast.client("assessor")
    for bad in ({"state": "finalized"}, {"sort": "nonsense"}, {"assignee": "999999"}, {"cursor": "forged"}):
        response = client.get(reverse("admin:review_queue"), bad)
        assert response.status_code == 400, bad
        assert b'data-testid="filter-error"' in response.content, bad


def test_it_highlights_an_overdue_assessment_in_the_queue_and_on_the_page(cast):
    assessment_id = _submitted(cast)
    client = cast.client("assessor")
    later = date.today() + timedelta(days=30)
    response = client.get(reverse("admin:review_queue"))
    assert b'data-testid="overdue"' not in response.content
    from assessments.presenters import review as presenter

    page = run_sync(
        presenter.review_page, actor=cast.actor("assessor"), assessment_id=assessment_id, today=later
    )
    assert page.overdue


def test_it_assigns_to_me_from_the_queue_and_to_a_colleague_from_the_page(cast):
    assessment_id = _submitted(cast)
    client = cast.client("assessor")
    response = client.post(reverse("admin:review_assign", args=[assessment_id]))
    assert response.status_code == 302
    record = run_sync(assessment_collection, assessment_id=assessment_id).assessment
    assert record.state == State.UNDER_REVIEW and record.assignee_id == cast.assessor.pk

    response = client.post(
        reverse("admin:review_assign", args=[assessment_id]), {"assignee": cast.assessor2.pk}
    )
    assert response.status_code == 302
    record = run_sync(assessment_collection, assessment_id=assessment_id).assessment
    assert record.assignee_id == cast.assessor2.pk
    page = client.get(reverse("admin:review_detail", args=[assessment_id])).content.decode()
    assert "privacy" in page


def test_it_shows_the_answers_by_risk_area_with_their_provenance_and_the_rating(cast):
    assessment_id = _submitted(cast)
    response = cast.client("assessor").get(reverse("admin:review_detail", args=[assessment_id]))
    assert response.status_code == 200
    page = response.context["p"]
    names = [area.name for area in page.areas]
    assert names[0] == "Qualifying questions" and "Third Party Risk" in names
    content = response.content.decode()
    assert 'data-testid="question-TP-01"' in content and "Manual" in content
    assert 'data-testid="rating"' in content and 'data-testid="timeline"' in content


def test_it_adds_a_comment_resolves_and_reopens_the_thread(cast):
    assessment_id = _assigned(cast)
    client = cast.client("assessor")
    url = reverse("admin:review_comment", args=[assessment_id, "TP-01"])
    assert client.post(url, {"text": "Which vendor is this?"}).status_code == 302
    page = client.get(reverse("admin:review_detail", args=[assessment_id]))
    assert "Which vendor is this?" in page.content.decode()
    assert "TP-01" in page.context["p"].open_thread_ids

    client.post(reverse("admin:review_resolve", args=[assessment_id, "TP-01"]))
    assert (
        "TP-01"
        not in client.get(reverse("admin:review_detail", args=[assessment_id])).context["p"].open_thread_ids
    )
    client.post(reverse("admin:review_reopen", args=[assessment_id, "TP-01"]))
    assert (
        "TP-01"
        in client.get(reverse("admin:review_detail", args=[assessment_id])).context["p"].open_thread_ids
    )


def test_an_empty_comment_re_renders_the_page_with_the_message(cast):
    assessment_id = _assigned(cast)
    response = cast.client("assessor").post(
        reverse("admin:review_comment", args=[assessment_id, "TP-01"]), {"text": "   "}
    )
    assert response.status_code == 422
    assert b"This field is required" in response.content


def test_it_pre_ticks_the_questions_with_open_threads_in_the_send_back_form(cast):
    assessment_id = _assigned(cast)
    run_sync(
        comment_add,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        question_id="TP-01",
        text="Which?",
    )
    response = cast.client("assessor").get(reverse("admin:review_detail", args=[assessment_id]))
    form = response.context["send_back_form"]
    assert form.initial["questions"] == ["TP-01"]
    ticked = re.findall(
        r'<input type="checkbox" name="questions" value="([^"]+)"[^>]*checked', response.content.decode()
    )
    assert ticked == ["TP-01"]


def test_send_back_needs_feedback_and_keeps_what_was_typed(cast):
    assessment_id = _assigned(cast)
    response = cast.client("assessor").post(
        reverse("admin:review_send_back", args=[assessment_id]), {"feedback": "", "questions": ["TP-01"]}
    )
    assert response.status_code == 422
    assert response.context["send_back_form"].errors["feedback"]
    assert _state(assessment_id) == State.UNDER_REVIEW


def test_it_sends_back_named_questions_and_shows_the_diff_after_the_resubmission(cast):
    assessment_id = _assigned(cast)
    client = cast.client("assessor")
    response = client.post(
        reverse("admin:review_send_back", args=[assessment_id]),
        {"feedback": "Please name the hosting region.", "questions": ["Q-01"]},
    )
    assert response.status_code == 302
    record = run_sync(assessment_collection, assessment_id=assessment_id).assessment
    assert record.state == State.SENT_BACK and record.sent_back_questions == ("Q-01",)
    archive = client.get(reverse("admin:review_archive"))
    assert assessment_id in _ids(archive)

    answer(cast, assessment_id, "Q-01", "Hosted in the vendor's EU region.")
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    response = client.get(reverse("admin:review_detail", args=[assessment_id]))
    page = response.context["p"]
    assert page.diff is not None and [c.question_id for c in page.diff.changed] == ["Q-01"]
    content = response.content.decode()
    assert "Changed since round 1" in content and "Please name the hosting region." in content
    assert 'data-testid="changed"' in content
    # Resubmitted, it waits again: the assessor who had it takes it again to move it under review.
    assert page.assessment.state == State.SUBMITTED and page.offer_assign_to_me
    assert 'data-testid="assign-to-me"' in content


def test_it_decides_every_area_and_opens_the_frozen_decision_record(cast):
    assessment_id = _assigned(cast)
    client = cast.client("assessor")
    page = client.get(reverse("admin:review_detail", args=[assessment_id])).context["p"]
    open_areas = [area.decision_key for area in page.open_areas]
    assert open_areas
    for n, area_key in enumerate(open_areas):
        prefix = f"d-{area_key}"
        response = client.post(
            reverse("admin:review_decide", args=[assessment_id]),
            {
                "area": area_key,
                f"{prefix}-outcome": "approve",
                f"{prefix}-rationale": f"Controls are adequate ({n}).",
                f"{prefix}-residual_rating": page.areas[0].inherent_level or "low",
                f"{prefix}-residual_rationale": "Mitigated by the vendor's certifications.",
            },
        )
        assert response.status_code == 302, response.content[:2000]
    assert _state(assessment_id) == State.FINALIZED
    assert response.url == reverse("admin:review_record", args=[assessment_id])
    record = client.get(response.url)
    assert record.status_code == 200
    assert (
        b'data-testid="decision-record"' in record.content and b"Controls are adequate (0)." in record.content
    )
    archive = client.get(reverse("admin:review_archive"))
    assert assessment_id in _ids(archive)


def test_a_decision_without_rationale_re_renders_the_form_with_what_was_typed(cast):
    assessment_id = _assigned(cast)
    client = cast.client("assessor")
    area_key = (
        client.get(reverse("admin:review_detail", args=[assessment_id]))
        .context["p"]
        .open_areas[0]
        .decision_key
    )
    prefix = f"d-{area_key}"
    response = client.post(
        reverse("admin:review_decide", args=[assessment_id]),
        {
            "area": area_key,
            f"{prefix}-outcome": "approve_with_conditions",
            f"{prefix}-rationale": "",
            f"{prefix}-condition_0_text": "Sign the DPA",
            f"{prefix}-residual_rating": "low",
        },
    )
    assert response.status_code == 422
    content = response.content.decode()
    assert "Sign the DPA" in content  # nothing lost
    form = response.context["decision_forms"][area_key]
    assert form.errors
    assert _state(assessment_id) == State.UNDER_REVIEW


def test_the_record_page_is_a_404_before_a_decision(cast):
    assessment_id = _assigned(cast)
    assert (
        cast.client("assessor").get(reverse("admin:review_record", args=[assessment_id])).status_code == 404
    )


def test_a_comment_on_a_question_that_does_not_apply_is_refused_and_the_text_kept(cast):
    assessment_id = _assigned(cast)
    page = cast.client("assessor").get(reverse("admin:review_detail", args=[assessment_id])).context["p"]
    shown = {q.question.id for q in page.questions}
    hidden = next(q.id for q in page.questionnaire.all_questions() if q.id not in shown)
    response = cast.client("assessor").post(
        reverse("admin:review_comment", args=[assessment_id, hidden]), {"text": "Keep these words"}
    )
    assert response.status_code == 422
    content = response.content.decode()
    assert 'data-testid="comment-error"' in content and "Keep these words" in content
    assert not run_sync(assessment_collection, assessment_id=assessment_id).comments


def test_it_shows_a_suggestion_sourced_answer_with_its_citation_one_click_away(cast):
    from assessments.domain.documents import CitationRecord, SuggestionRecord
    from assessments.domain.records import AnswerRecord
    from integrations.table import get_table

    assessment_id = _assigned(cast)
    cited = CitationRecord("d1", "vendor-contract.pdf", "The vendor is Acme Helpdesk Ltd.", page=3)
    accepted = AnswerRecord(
        "TP-01",
        "Acme Helpdesk Ltd.",
        "suggestion_accepted",
        "requestor",
        "2026-03-01T00:00:00.000000Z",
        1,
        citations=(cited,),
    )
    edited = AnswerRecord(
        "TP-02",
        "High",
        "suggestion_edited",
        "requestor",
        "2026-03-01T00:00:00.000000Z",
        1,
        suggested_value="Critical",
    )
    # An answer saved before answers kept their citations: the current suggestion's are shown.
    suggestion = SuggestionRecord(
        "TP-02",
        "suggested",
        "Critical",
        "high",
        0.9,
        "",
        (CitationRecord("d1", "sla.pdf", "Tier 1 service."),),
        "",
        "",
        "",
        "",
        "",
    )
    table = get_table()
    for item in (
        accepted.to_item(assessment_id),
        edited.to_item(assessment_id),
        suggestion.to_item(assessment_id),
    ):
        run_sync(table.put, item)

    response = cast.client("assessor").get(reverse("admin:review_detail", args=[assessment_id]))
    content = response.content.decode()
    rows = {q.question.id: q for q in response.context["p"].questions}
    assert (
        rows["TP-01"].origin.label == "Accepted suggestion"
        and rows["TP-01"].origin.citations_from == "answer"
    )
    assert (
        rows["TP-02"].origin.label == "Edited suggestion"
        and rows["TP-02"].origin.citations_from == "suggestion"
    )
    assert '<details class="tra-citation"' in content
    assert "The vendor is Acme Helpdesk Ltd." in content and "vendor-contract.pdf, page 3" in content
    assert "(suggested: Critical)" in content and "Tier 1 service." in content


def test_a_decision_on_a_form_gone_stale_comes_back_with_what_was_typed_and_records_on_a_second_try(cast):
    assessment_id = _assigned(cast)
    first, second = cast.client("assessor"), cast.client("assessor2")
    page = second.get(reverse("admin:review_detail", args=[assessment_id])).context["p"]
    area_a, area_b = (a.decision_key for a in page.open_areas[:2])

    def decision(client: Any, area_key: str, version: int, rationale: str) -> Any:
        prefix = f"d-{area_key}"
        return client.post(
            reverse("admin:review_decide", args=[assessment_id]),
            {
                "area": area_key,
                f"{prefix}-outcome": "approve",
                f"{prefix}-rationale": rationale,
                f"{prefix}-residual_rating": "high",
                f"{prefix}-residual_rationale": "Compensating controls.",
                f"{prefix}-expected_version": str(version),
            },
        )

    opened_at = page.assessment.version
    assert decision(first, area_a, opened_at, "First area is fine.").status_code == 302
    stale = decision(second, area_b, opened_at, "Privacy officer's reasons")
    assert stale.status_code == 409
    assert "Privacy officer&#x27;s reasons" in stale.content.decode()  # nothing lost
    refreshed = stale.context["decision_forms"][area_b]
    retry = decision(
        second, area_b, int(refreshed.data[f"d-{area_b}-expected_version"]), "Privacy officer's reasons"
    )
    assert retry.status_code == 302
    decided = run_sync(assessment_collection, assessment_id=assessment_id).current_decisions()
    assert decided[area_b].assessor == "privacy" and decided[area_a].assessor == "assessor"
