"""The requestor's journey through the pages: create, answer, see progress, submit."""

from __future__ import annotations

from django.urls import reverse

from assessments.domain.workflow import State
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import questionnaire_get_active
from integrations.runtime import run_sync
from tests.web.helpers import DETAILS, answer, answer_everything, create_assessment, valid_value


def test_it_creates_an_assessment_from_the_form_and_lands_on_the_qualifying_questions(cast):
    client = cast.client("requestor")
    response = client.post(reverse("assessments:new"), {**DETAILS.__dict__})
    assert response.status_code == 302
    assessment_id = response.url.split("/")[2]
    assert response.url == reverse("assessments:section", args=[assessment_id, "qualifying"])
    page = client.get(response.url)
    assert b"Qualifying questions" in page.content
    assert b"Q-04" in page.content
    record = run_sync(assessment_collection, assessment_id=assessment_id).assessment
    assert record.state == State.DRAFT and record.owner_id == cast.requestor.pk


def test_it_shows_each_missing_field_when_the_form_is_incomplete(cast):
    response = cast.client("requestor").post(
        reverse("assessments:new"), {"title": "", "data_classification": "Secret"}
    )
    assert response.status_code == 422
    content = response.content.decode()
    assert content.count("This field is required.") >= 3
    assert "Select a valid choice" in content


def test_it_lists_my_assessments_newest_first_and_paginates(cast):
    ids = [create_assessment(cast, title=f"Change {n}") for n in range(23)]
    answer(cast, ids[0], "Q-04", "Yes")  # touching the oldest makes it the most recent
    client = cast.client("requestor")
    first = client.get(reverse("assessments:list"))
    rows = first.context["page"].items
    assert len(rows) == 20 and rows[0].id == ids[0]
    second = client.get(reverse("assessments:list"), {"cursor": first.context["page"].next_cursor})
    listed = [a.id for a in rows] + [a.id for a in second.context["page"].items]
    assert sorted(listed) == sorted(ids)


def test_it_does_not_list_another_requestors_assessments(cast):
    create_assessment(cast, who="requestor2", title="Not yours")
    response = cast.client("requestor").get(reverse("assessments:list"))
    assert b"Not yours" not in response.content


def test_it_rejects_a_tampered_page_cursor_with_a_clear_message(cast):
    response = cast.client("requestor").get(reverse("assessments:list"), {"cursor": "forged"})
    assert response.status_code == 422
    assert b"page link is not valid" in response.content


def test_it_switches_on_a_risk_area_when_a_qualifying_question_is_answered_yes(cast):
    assessment_id = create_assessment(cast)
    client = cast.client("requestor")
    url = reverse("assessments:answer", args=[assessment_id, "Q-06"])
    response = client.post(
        url, {"value": "Yes", "expected_version": "0", "section": "qualifying"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    detail = client.get(reverse("assessments:detail", args=[assessment_id]))
    assert "data_privacy" in [s.key for s in detail.context["o"].sections]
    area = client.get(reverse("assessments:section", args=[assessment_id, "data_privacy"]))
    assert area.status_code == 200 and b"DP-01" in area.content


def test_it_updates_progress_bars_out_of_band_after_saving(cast):
    assessment_id = create_assessment(cast)
    response = cast.client("requestor").post(
        reverse("assessments:answer", args=[assessment_id, "Q-10"]),
        {"value": "No", "expected_version": "0", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )
    content = response.content.decode()
    assert 'hx-swap-oob="true"' in content and 'data-testid="saved"' in content
    assert response.context["o"].overall.answered == 1


def test_it_keeps_the_typed_value_and_explains_when_an_answer_is_invalid(cast):
    assessment_id = create_assessment(cast)
    response = cast.client("requestor").post(
        reverse("assessments:answer", args=[assessment_id, "Q-03"]),
        {"value": "31/02/2027", "expected_version": "0", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert b"31/02/2027" in response.content
    assert b'data-testid="answer-error"' in response.content
    assert run_sync(assessment_collection, assessment_id=assessment_id).answers == {}


def test_it_resumes_at_the_first_unanswered_applicable_question(cast):
    assessment_id = create_assessment(cast)
    _v, q = questionnaire_get_active(key="default")
    for qid in ("Q-01", "Q-02", "Q-03"):
        answer(cast, assessment_id, qid, valid_value(q.question(qid)))
    detail = cast.client("requestor").get(reverse("assessments:detail", args=[assessment_id]))
    assert detail.context["o"].next_question.id == "Q-04"
    assert reverse("assessments:section", args=[assessment_id, "qualifying"]).encode() in detail.content


def test_it_lists_what_is_missing_instead_of_submitting_an_incomplete_assessment(cast):
    assessment_id = create_assessment(cast)
    response = cast.client("requestor").post(reverse("assessments:submit", args=[assessment_id]))
    assert response.status_code == 422
    assert b'data-testid="missing"' in response.content and b"Q-04" in response.content
    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.state == State.DRAFT


def test_it_submits_when_every_required_question_is_answered_and_then_is_read_only(cast):
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id, yes=frozenset({"Q-06"}))
    client = cast.client("requestor")
    response = client.post(reverse("assessments:submit", args=[assessment_id]))
    assert response.status_code == 302
    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.state == State.SUBMITTED
    section = client.get(reverse("assessments:section", args=[assessment_id, "qualifying"]))
    assert b'data-testid="readonly"' in section.content and b"<fieldset disabled>" in section.content
    blocked = client.post(
        reverse("assessments:answer", args=[assessment_id, "Q-10"]),
        {"value": "Yes", "expected_version": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert blocked.status_code == 403
    assert run_sync(assessment_collection, assessment_id=assessment_id).answers["Q-10"].value == "No"
