"""The reuse pages as a requestor and an assessor see them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from assessments.services.reassessment import assessment_clone
from assessments.services.review import assessment_assign, assessment_submit
from integrations.runtime import run_sync
from tests.reuse.helpers import finalized, import_without
from tests.review.helpers import collection, drafted
from tests.web.helpers import answer, create_assessment


def reassessment_of(cast: Any, source: str) -> str:
    return run_sync(assessment_clone, actor=cast.actor("requestor"), assessment_id=source).record.id


def test_the_owner_reassesses_from_the_overview_and_is_told_what_was_dropped(cast: Any) -> None:
    source = finalized(cast)
    import_without("TP-01")
    client = cast.client("requestor")
    page = client.get(reverse("assessments:detail", args=[source])).content.decode()
    assert 'data-testid="reassess-button"' in page

    response = client.post(
        reverse("assessments:reassess", args=[source]), {"questionnaire_version": "latest"}, follow=True
    )

    new_id = response.redirect_chain[-1][0].rstrip("/").rsplit("/", 1)[-1]
    assert new_id != source and collection(new_id).assessment.state.value == "draft"
    text = response.content.decode()
    assert f"opened from {source}" in text and "TP-01" in text


def test_no_reassess_button_on_a_draft_or_for_a_reviewer(cast: Any) -> None:
    draft = drafted(cast)
    assert (
        'data-testid="reassess"'
        not in cast.client("requestor").get(reverse("assessments:detail", args=[draft])).content.decode()
    )
    source = finalized(cast)
    assert (
        'data-testid="reassess"'
        not in cast.client("assessor").get(reverse("assessments:detail", args=[source])).content.decode()
    )


def test_a_carried_answer_shows_carried_over_confirm_until_confirmed(cast: Any) -> None:
    new_id = reassessment_of(cast, finalized(cast))
    client = cast.client("requestor")
    section = reverse("assessments:section", args=[new_id, "qualifying"])
    page = client.get(section).content.decode()
    assert "Carried over — confirm" in page and 'data-testid="carried-confirm"' in page

    response = client.post(
        reverse("assessments:carried_confirm", args=[new_id, "Q-01"]), {"section": "qualifying"}
    )

    assert response.status_code == 302 and response.url == section
    assert collection(new_id).answers["Q-01"].source == "manual"


def test_the_library_page_offers_the_approved_answer_and_use_saves_it(cast: Any) -> None:
    source = finalized(cast)
    fresh = create_assessment(cast)
    answer(cast, fresh, "Q-04", "Yes")
    client = cast.client("requestor")
    decided = collection(source).assessment.decided_at[:10]

    page = client.get(reverse("assessments:library_offers", args=[fresh, "TP-01"])).content.decode()

    assert f"Approved in {source} on {decided}" in page
    assert collection(fresh).answers.get("TP-01") is None  # offered only
    client.post(reverse("assessments:library_use", args=[fresh, "TP-01"]), {"from_assessment": source})
    assert collection(fresh).answers["TP-01"].source == "library"


def test_the_due_list_shows_requestors_their_own_and_reviewers_everyones(cast: Any) -> None:
    source = finalized(cast)
    url = reverse("assessments:reassessments_due") + "?by=2100-01-01"
    assert source in cast.client("requestor").get(url).content.decode()
    assert source in cast.client("assessor").get(url).content.decode()
    assert source not in cast.client("requestor2").get(url).content.decode()


def test_the_review_page_marks_an_unconfirmed_carried_answer(cast: Any) -> None:
    new_id = reassessment_of(cast, finalized(cast))
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=new_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=new_id)
    page = cast.client("assessor").get(reverse("admin:review_detail", args=[new_id])).content.decode()
    assert "Carried over, not confirmed" in page


def test_the_offers_load_into_the_questions_card_and_use_submits_its_form(cast: Any) -> None:
    source = finalized(cast)
    fresh = create_assessment(cast)
    answer(cast, fresh, "Q-04", "Yes")
    client = cast.client("requestor")
    section = client.get(reverse("assessments:section", args=[fresh, "third_party"])).content.decode()
    assert 'data-testid="library-link"' in section and "Approved in" not in section  # loaded on request

    fragment = client.get(
        reverse("assessments:library_offers", args=[fresh, "TP-01"]), headers={"HX-Request": "true"}
    ).content.decode()

    assert "<html" not in fragment and f"Approved in {source}" in fragment
    assert f'name="from_assessment" value="{source}"' in fragment
    response = client.post(
        reverse("assessments:library_use", args=[fresh, "TP-01"]),
        {"from_assessment": source, "section": "third_party", "value": "ignored"},
    )
    assert response.url == reverse("assessments:section", args=[fresh, "third_party"])
    assert collection(fresh).answers["TP-01"].source == "library"
