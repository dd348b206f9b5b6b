"""Suggestions on the section pages: shown, accepted, edited, dismissed, retried, streamed."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.test import AsyncClient
from django.urls import reverse

from assessments.presenters.questions import dom_id
from assessments.selectors.assessments import assessment_collection
from assessments.services.suggestion_actions import suggestion_dismiss, suggestion_regenerate
from integrations.errors import Unavailable
from integrations.kb.local import LocalKnowledgeBase
from integrations.runtime import run_sync
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import collection, upload
from tests.web.helpers import create_assessment

pytestmark = pytest.mark.usefixtures("on_the_briefs_day")

DATE_QUESTION = "Q-03"  # the go-live date: the brief states it; answering changes no areas
VENDOR_QUESTION = "Q-04"  # a third party involved: the brief says Yes, which adds Third Party Risk
THIRD_PARTY = "third_party"


def text_of(response: Any) -> str:
    return html.unescape(response.content.decode())


def question_html(page: str, question_id: str) -> str:
    """One question's form out of a page or fragment."""
    match = re.search(rf'<form id="{dom_id(question_id)}".*?</form>', page, re.DOTALL)
    assert match, f"{question_id} is not on the page"
    return match.group(0)


def section_url(assessment_id: str, section: str = "qualifying") -> str:
    return reverse("assessments:section", args=[assessment_id, section])


@pytest.fixture
def suggested(cast: Any, pipeline: Any, run_tasks: Any) -> str:
    """An assessment whose brief is processed, with suggestions for the qualifying questions."""
    assessment_id = create_assessment(cast)
    upload(cast, assessment_id, ("brief.docx", brief("docx")))
    suggestions = collection(assessment_id).suggestions
    assert suggestions[DATE_QUESTION].status == "suggested"
    assert suggestions[VENDOR_QUESTION].status == "suggested" and suggestions[VENDOR_QUESTION].answer == "Yes"
    return assessment_id


@pytest.fixture
def owner(cast: Any) -> Any:
    return cast.client("requestor")


def test_it_shows_the_owner_a_suggestion_with_its_passage_and_actions(
    cast: Any, owner: Any, suggested: str
) -> None:
    suggestion = collection(suggested).suggestions[DATE_QUESTION]

    page = text_of(owner.get(section_url(suggested)))

    question = question_html(page, DATE_QUESTION)
    assert 'data-testid="suggestion"' in question
    assert f'<strong data-testid="suggested-answer">{suggestion.answer_text}</strong>' in question
    assert suggestion.citations and suggestion.citations[0].passage in question
    assert "brief.docx" in question  # the citation says where the passage came from
    for action in ("suggestion-accept", "suggestion-edit", "suggestion-dismiss"):
        assert f'data-testid="{action}"' in question
    assert reverse("assessments:suggestion_accept", args=[suggested, DATE_QUESTION]) in question


def test_it_shows_no_suggestions_to_the_assessor(cast: Any, suggested: str) -> None:
    response = cast.client("assessor").get(section_url(suggested))

    assert response.status_code == 200
    page = text_of(response)
    assert 'data-testid="suggestion"' not in page
    for action in ("suggestion-accept", "suggestion-edit", "suggestion-dismiss", "suggestion-retry"):
        assert f'data-testid="{action}"' not in page


def test_it_accepts_a_suggestion(cast: Any, owner: Any, suggested: str) -> None:
    suggestion = collection(suggested).suggestions[DATE_QUESTION]

    response = owner.post(
        reverse("assessments:suggestion_accept", args=[suggested, DATE_QUESTION]),
        {"expected_version": "0", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    fragment = question_html(text_of(response), DATE_QUESTION)
    assert '<span class="badge" data-testid="answer-source">Accepted suggestion</span>' in fragment
    assert 'data-testid="suggestion-accept"' not in fragment  # the answer now is the suggestion
    answer = collection(suggested).answers[DATE_QUESTION]
    assert answer.value == suggestion.answer
    assert answer.source == "suggestion_accepted"
    detail = text_of(owner.get(reverse("assessments:detail", args=[suggested])))
    assert "1 answer came from document suggestions." in detail


def test_it_records_an_edited_suggestion(cast: Any, owner: Any, suggested: str) -> None:
    suggestion = collection(suggested).suggestions[DATE_QUESTION]
    assert suggestion.answer != "2031-04-01"

    response = owner.post(
        reverse("assessments:answer", args=[suggested, DATE_QUESTION]),
        {"value": "2031-04-01", "from_suggestion": "1", "expected_version": "0", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert "Edited suggestion" in question_html(text_of(response), DATE_QUESTION)
    answer = collection(suggested).answers[DATE_QUESTION]
    assert answer.value == "2031-04-01"
    assert answer.source == "suggestion_edited"


def test_it_keeps_an_edit_whose_suggestion_has_gone_as_the_requestors_own_answer(
    cast: Any, owner: Any
) -> None:
    # Edit was clicked, then the documents (and so the suggestion) went away in another tab.
    assessment_id = create_assessment(cast)
    response = owner.post(
        reverse("assessments:answer", args=[assessment_id, DATE_QUESTION]),
        {"value": "2031-04-01", "from_suggestion": "1", "expected_version": "0", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    answer = collection(assessment_id).answers[DATE_QUESTION]
    assert (answer.value, answer.source) == ("2031-04-01", "manual")


def test_a_suggestion_that_differs_from_the_saved_answer_says_so_and_offers_to_replace_it(
    cast: Any, owner: Any, suggested: str
) -> None:
    before = question_html(text_of(owner.get(section_url(suggested))), VENDOR_QUESTION)
    assert 'data-testid="suggestion-contradicts"' not in before  # unanswered: a plain offer
    owner.post(
        reverse("assessments:answer", args=[suggested, VENDOR_QUESTION]),
        {"value": "No", "expected_version": "0", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )

    question = question_html(text_of(owner.get(section_url(suggested))), VENDOR_QUESTION)

    assert 'data-testid="suggestion-contradicts"' in question
    assert "You answered “No”" in question
    accept = re.search(r'<button[^>]*data-testid="suggestion-accept"[^>]*>([^<]*)</button>', question)
    assert accept and accept.group(1) == "Replace my answer"


def test_it_hides_a_dismissed_suggestion(cast: Any, owner: Any, suggested: str) -> None:
    response = owner.post(
        reverse("assessments:suggestion_dismiss", args=[suggested, DATE_QUESTION]),
        {"section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert 'data-testid="suggestion"' not in question_html(text_of(response), DATE_QUESTION)
    assert collection(suggested).suggestions[DATE_QUESTION].dismissed is True
    assert DATE_QUESTION not in collection(suggested).answers
    page = text_of(owner.get(section_url(suggested)))
    assert 'data-testid="suggestion"' not in question_html(page, DATE_QUESTION)


def test_it_offers_a_retry_for_an_unavailable_suggestion_and_retries(
    cast: Any, owner: Any, suggested: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def kb_down(self: Any, **kwargs: Any) -> Any:
        raise Unavailable("the knowledge base is not answering")

    monkeypatch.setattr(LocalKnowledgeBase, "retrieve", kb_down)
    record = run_sync(
        suggestion_regenerate,
        actor=cast.actor("requestor"),
        assessment_id=suggested,
        question_id=VENDOR_QUESTION,
    )
    assert record.status == "unavailable"
    monkeypatch.undo()

    page = text_of(owner.get(section_url(suggested)))
    question = question_html(page, VENDOR_QUESTION)
    assert "Suggestion unavailable" in question
    assert 'data-testid="suggestion-retry"' in question
    assert 'data-testid="suggestion-accept"' not in question

    response = owner.post(
        reverse("assessments:suggestion_retry", args=[suggested, VENDOR_QUESTION]),
        {"section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    retried = question_html(text_of(response), VENDOR_QUESTION)
    assert "Suggestion unavailable" not in retried
    assert 'data-testid="suggestion-accept"' in retried
    stored = collection(suggested).suggestions[VENDOR_QUESTION]
    assert stored.status == "suggested" and stored.answer == "Yes" and stored.error == ""


def test_it_shows_what_a_suggested_yes_would_add_without_adding_it(
    cast: Any, owner: Any, suggested: str
) -> None:
    page = text_of(owner.get(section_url(suggested)))

    switches_on = re.search(r'data-testid="switches-on">([^<]*)<', question_html(page, VENDOR_QUESTION))
    assert switches_on and "Third Party Risk" in switches_on.group(1)
    # Suggested, not answered: the risk area stays off until the requestor answers.
    assert owner.get(section_url(suggested, THIRD_PARTY)).status_code == 404
    detail = text_of(owner.get(reverse("assessments:detail", args=[suggested])))
    assert 'data-testid="risk-area-hints"' in detail
    assert section_url(suggested, THIRD_PARTY) not in detail

    owner.post(
        reverse("assessments:suggestion_accept", args=[suggested, VENDOR_QUESTION]),
        {"expected_version": "0", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )

    assert owner.get(section_url(suggested, THIRD_PARTY)).status_code == 200
    assert collection(suggested).answers[VENDOR_QUESTION].source == "suggestion_accepted"


def test_it_renders_one_question_as_a_fragment(cast: Any, owner: Any, suggested: str) -> None:
    response = owner.get(reverse("assessments:question", args=[suggested, VENDOR_QUESTION]))

    assert response.status_code == 200
    fragment = text_of(response)
    assert fragment.lstrip().startswith(f'<form id="{dom_id(VENDOR_QUESTION)}"')
    assert 'data-question-id="Q-04"' in fragment
    assert reverse("assessments:answer", args=[suggested, VENDOR_QUESTION]) in fragment
    assert 'data-testid="suggestion"' in fragment
    assert "<html" not in fragment


def test_it_404s_the_fragment_of_an_unknown_question(cast: Any, owner: Any, suggested: str) -> None:
    response = owner.get(reverse("assessments:question", args=[suggested, "Q-999"]))
    assert response.status_code == 404


@pytest.fixture
def dismissed(cast: Any, suggested: str) -> str:
    """``suggested``, with the date question's suggestion dismissed (so a new one is visible)."""
    run_sync(
        suggestion_dismiss, actor=cast.actor("requestor"), assessment_id=suggested, question_id=DATE_QUESTION
    )
    return suggested


@pytest.mark.django_db(transaction=True)
async def test_it_streams_a_regenerated_suggestion_and_stores_it(cast: Any, dismissed: str) -> None:
    before = (await assessment_collection(assessment_id=dismissed)).suggestions[DATE_QUESTION]
    client = AsyncClient()
    await client.aforce_login(cast.requestor)

    response = await client.post(reverse("assessments:suggestion_stream", args=[dismissed, DATE_QUESTION]))

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = b"".join([chunk async for chunk in response.streaming_content]).decode()
    after = (await assessment_collection(assessment_id=dismissed)).suggestions[DATE_QUESTION]
    assert after.status == "suggested"
    assert body == after.answer_text == before.answer_text  # the extractive answer, sent once
    assert after.dismissed is False
    assert after.generated_at >= before.generated_at


@pytest.mark.django_db(transaction=True)
async def test_it_refuses_to_stream_for_anyone_but_the_owner(cast: Any, suggested: str) -> None:
    url = reverse("assessments:suggestion_stream", args=[suggested, DATE_QUESTION])
    anonymous = await AsyncClient().post(url)
    assessor = AsyncClient()
    await assessor.aforce_login(cast.assessor)
    refused = await assessor.post(url)

    assert anonymous.status_code == 401 and anonymous.content == b"Sign in first."
    assert refused.status_code == 403
    assert not refused.streaming
