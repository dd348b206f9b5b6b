"""The requestor's side of the review: what a send back asks to fix, the comments beside the
questions and the reply to them, withdrawing, the timeline and the decisions once made."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import lxml.html
import pytest
from django.urls import reverse

from assessments.domain.review import ThreadStatus
from assessments.domain.workflow import State
from assessments.presenters.dom import dom_id
from assessments.services.review import ConditionInput, area_decide, assessment_send_back, comment_add
from integrations.runtime import run_sync
from tests.api.review_scene import TWO_AREAS, sent_back, submitted, under_review
from tests.pipeline.helpers import collection
from tests.web.helpers import create_assessment

QUALIFYING = "qualifying"


def _page(response: Any) -> Any:
    return lxml.html.fromstring(response.content)


def _by_id(page: Any, element_id: str) -> Any:
    found = page.xpath(f'//*[@id="{element_id}"]')
    return found[0] if found else None


def _all(node: Any, testid: str) -> list[Any]:
    return node.xpath(f'.//*[@data-testid="{testid}"]')


def _one(node: Any, testid: str) -> Any:
    found = _all(node, testid)
    return found[0] if found else None


def _text(node: Any) -> str:
    return node.text_content().strip()


def _section(cast: Any, assessment_id: str, who: str = "requestor", section: str = QUALIFYING) -> Any:
    return cast.client(who).get(reverse("assessments:section", args=[assessment_id, section]))


def _thread(page: Any, question_id: str) -> Any:
    return _by_id(page, f"{dom_id(question_id)}-thread")


def _ask(cast: Any, assessment_id: str, text: str, question_id: str = "Q-10", who: str = "assessor") -> None:
    run_sync(
        comment_add, actor=cast.actor(who), assessment_id=assessment_id, question_id=question_id, text=text
    )


def _reply_url(assessment_id: str, question_id: str = "Q-10", action: str = "comment_add") -> str:
    return reverse(f"assessments:{action}", args=[assessment_id, question_id])


def test_the_overview_says_who_sent_it_back_when_why_and_what_to_fix(cast):
    assessment_id = under_review(cast, yes=TWO_AREAS)
    areas = collection(assessment_id).assessment.active_areas
    run_sync(
        assessment_send_back,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        feedback="Access for contractors is unclear.",
        question_ids=["Q-10", "Q-01"],
        flagged_areas=[areas[0]],
    )

    page = _page(cast.client("requestor").get(reverse("assessments:detail", args=[assessment_id])))

    card = _one(page, "sent-back")
    assert "assessor" in _text(_one(card, "sent-back-by"))
    assert "Access for contractors is unclear." in _text(_one(card, "feedback"))
    links = [a.get("href") for a in _one(card, "fix-list").xpath(".//a")]
    section_url = reverse("assessments:section", args=[assessment_id, QUALIFYING])
    # In questionnaire order, each to the question's place in its section.
    assert links == [f"{section_url}#{dom_id('Q-01')}", f"{section_url}#{dom_id('Q-10')}"]
    assert _text(_one(card, "flagged-areas")).startswith("Risk areas flagged")


def test_the_requestor_sees_the_comments_beside_the_question_and_which_need_work(cast):
    assessment_id = under_review(cast)
    _ask(cast, assessment_id, "Do contractors log in too?")
    run_sync(
        assessment_send_back,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        feedback="See my question.",
        question_ids=["Q-10"],
    )

    page = _page(_section(cast, assessment_id))

    form = _by_id(page, dom_id("Q-10"))
    thread = _thread(page, "Q-10")
    # Beside its question: the thread comes right after the question's form.
    assert form.getnext() is thread
    assert _one(thread, "needs-work") is not None
    [comment] = _all(thread, "comment")
    assert _text(_one(comment, "comment-author")) == "assessor"
    assert _text(_one(comment, "comment-role")) == "Assessor"
    assert "Do contractors log in too?" in _text(comment)
    assert _one(_thread(page, "Q-04"), "needs-work") is None


def test_a_reply_by_plain_post_goes_back_to_the_question(cast):
    assessment_id = sent_back(cast)

    response = cast.client("requestor").post(
        _reply_url(assessment_id), {"text": "Two contractors, read only."}
    )

    section_url = reverse("assessments:section", args=[assessment_id, QUALIFYING])
    assert response.status_code == 302 and response["Location"] == f"{section_url}#{dom_id('Q-10')}"
    comments = _all(_thread(_page(_section(cast, assessment_id)), "Q-10"), "comment")
    assert [_text(_one(c, "comment-role")) for c in comments] == ["Requestor"]
    assert "Two contractors, read only." in _text(comments[0])


def test_a_reply_by_htmx_returns_the_thread_with_it(cast):
    assessment_id = submitted(cast)
    _ask(cast, assessment_id, "Which region hosts it?")

    response = cast.client("requestor").post(
        _reply_url(assessment_id), {"text": "Frankfurt."}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    thread = _by_id(_page(response), f"{dom_id('Q-10')}-thread")
    texts = [_text(_one(c, "comment-text")) for c in _all(thread, "comment")]
    assert texts == ["Which region hosts it?", "Frankfurt."]


def test_an_empty_reply_is_refused_and_keeps_the_thread(cast):
    assessment_id = submitted(cast)
    _ask(cast, assessment_id, "Which region hosts it?")
    client = cast.client("requestor")

    by_htmx = client.post(_reply_url(assessment_id), {"text": "  "}, HTTP_HX_REQUEST="true")
    by_post = client.post(_reply_url(assessment_id), {"text": ""})

    assert by_htmx.status_code == 422
    assert _text(_one(_page(by_htmx), "comment-error")) == "Write a comment."
    assert by_post.status_code == 422
    thread = _thread(_page(by_post), "Q-10")
    assert _one(thread, "comment-error") is not None
    assert len(collection(assessment_id).comments) == 1


def test_a_long_reply_that_is_refused_is_not_lost(cast):
    assessment_id = submitted(cast)
    typed = "x" * 5001

    response = cast.client("requestor").post(
        _reply_url(assessment_id), {"text": typed}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 422
    assert _page(response).xpath('//textarea[@name="text"]')[0].text == typed


def test_another_requestor_gets_404_for_the_pages_and_the_reply(cast):
    assessment_id = sent_back(cast)
    other = cast.client("requestor2")

    assert _section(cast, assessment_id, who="requestor2").status_code == 404
    assert other.post(_reply_url(assessment_id), {"text": "Hello"}).status_code == 404
    assert other.post(reverse("assessments:withdraw", args=[assessment_id])).status_code == 404
    assert collection(assessment_id).comments == []


def test_an_assessor_reads_the_requestors_page_without_reply_forms(cast):
    assessment_id = sent_back(cast)
    _ask(cast, assessment_id, "Do contractors log in too?")

    page = _page(_section(cast, assessment_id, who="assessor"))

    thread = _thread(page, "Q-10")
    assert "Do contractors log in too?" in _text(thread)
    assert thread.xpath(".//form") == []
    assert _one(page, "readonly") is not None


def test_the_requestor_resolves_and_reopens_a_thread_from_the_page(cast):
    assessment_id = sent_back(cast)
    _ask(cast, assessment_id, "Do contractors log in too?")
    client = cast.client("requestor")

    resolved = client.post(_reply_url(assessment_id, action="thread_resolve"), HTTP_HX_REQUEST="true")
    assert _one(_page(resolved), "thread-resolved") is not None
    assert collection(assessment_id).threads["Q-10"].status is ThreadStatus.RESOLVED

    reopened = client.post(_reply_url(assessment_id, action="thread_reopen"))
    assert reopened.status_code == 302
    assert collection(assessment_id).threads["Q-10"].status is ThreadStatus.OPEN


def test_the_requestor_withdraws_a_submission_nobody_has_taken_yet(cast):
    assessment_id = submitted(cast)
    client = cast.client("requestor")
    detail = reverse("assessments:detail", args=[assessment_id])
    button = _one(_page(client.get(detail)), "withdraw")
    form = next(button.iterancestors("form"))
    assert form.get("method") == "post" and form.get("data-confirm")

    response = client.post(form.get("action"), {"reason": "Project cancelled."})

    assert response.status_code == 302 and response["Location"] == detail
    assert collection(assessment_id).assessment.state is State.WITHDRAWN
    assert _one(_page(client.get(detail)), "withdraw") is None


def test_there_is_no_withdraw_once_an_assessor_has_it(cast):
    assessment_id = under_review(cast)
    client = cast.client("requestor")

    page = _page(client.get(reverse("assessments:detail", args=[assessment_id])))
    refused = client.post(reverse("assessments:withdraw", args=[assessment_id]))

    assert _one(page, "withdraw") is None
    assert "assessor" in _text(_one(page, "review-status"))
    assert refused.status_code == 403
    assert collection(assessment_id).assessment.state is State.UNDER_REVIEW


def test_the_overview_shows_the_timeline_and_the_decisions_once_made(cast):
    assessment_id = under_review(cast)
    _ask(cast, assessment_id, "All fine?")
    due = (date.today() + timedelta(days=60)).isoformat()
    # Every qualifying question answered No leaves one area on: its decision finalizes.
    [area] = collection(assessment_id).assessment.active_areas
    run_sync(
        area_decide,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        area_key=area,
        outcome="approve_with_conditions",
        rationale="Acceptable with a yearly access review.",
        conditions=[ConditionInput(text="Review contractor access yearly", owner="IT security", due_on=due)],
        residual_rating="low",
        residual_rationale="Access is reviewed.",
    )

    page = _page(cast.client("requestor").get(reverse("assessments:detail", args=[assessment_id])))

    labels = [_text(e) for e in _all(_one(page, "timeline"), "timeline-entry")]
    assert len(labels) >= 4, labels
    decisions = _one(page, "decisions")
    assert _text(_one(decisions, "decision-outcome")) == "Approved with conditions"
    assert "yearly access review" in _text(_one(decisions, "decision-rationale"))
    [condition] = _all(decisions, "condition")
    assert [_text(td) for td in condition.xpath(".//td")] == [
        "Review contractor access yearly",
        "IT security",
        due,
    ]


def test_a_draft_has_no_review_parts_yet(cast):
    assessment_id = create_assessment(cast)

    page = _page(cast.client("requestor").get(reverse("assessments:detail", args=[assessment_id])))

    assert _one(page, "sent-back") is None
    assert _one(page, "decisions") is None
    assert _one(page, "withdraw") is not None  # a draft may be withdrawn too
    assert [_text(e).split()[-1] for e in _all(page, "timeline-entry")] == ["requestor"]
    assert _thread(_page(_section(cast, assessment_id)), "Q-10") is None


def test_saving_an_answer_leaves_the_thread_beside_it_alone(cast):
    assessment_id = sent_back(cast, questions=("Q-01",))
    _ask(cast, assessment_id, "What does it replace?", question_id="Q-01")

    # Q-01 is free text no rule reads: only its form comes back.
    response = cast.client("requestor").post(
        reverse("assessments:answer", args=[assessment_id, "Q-01"]),
        {"value": "It replaces the old ticket tool.", "expected_version": "1", "section": QUALIFYING},
        HTTP_HX_REQUEST="true",
    )

    # The form alone is swapped: a thread in the response would stand twice on the page.
    assert response.status_code == 200, response.content
    assert _by_id(_page(response), dom_id("Q-01")) is not None
    assert _thread(_page(response), "Q-01") is None


def test_a_section_redrawn_by_an_answer_keeps_its_threads_and_reply_forms(cast):
    assessment_id = sent_back(cast)
    _ask(cast, assessment_id, "Do contractors log in too?")

    # Yes to Q-06 switches on Data Privacy: the whole section comes back.
    response = cast.client("requestor").post(
        reverse("assessments:answer", args=[assessment_id, "Q-06"]),
        {"value": "Yes", "expected_version": "1", "section": QUALIFYING},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200, response.content
    thread = _thread(_page(response), "Q-10")
    assert _one(thread, "needs-work") is not None
    assert "Do contractors log in too?" in _text(thread)
    assert thread.xpath('.//textarea[@name="text"]')


# The page endpoints of the review, for every role: signed out to the login page, the owner's
# move done (a redirect back), another requestor finds nothing, a reviewer may talk (as the
# assessor, as in the workspace) but never withdraw someone else's assessment.
PAGE_MOVES = {
    "comment_add": {"anonymous": 302, "requestor": 302, "requestor2": 404, "assessor": 302, "admin": 302},
    "thread_resolve": {"anonymous": 302, "requestor": 302, "requestor2": 404, "assessor": 302, "admin": 302},
    "thread_reopen": {"anonymous": 302, "requestor": 302, "requestor2": 404, "assessor": 302, "admin": 302},
    "withdraw": {"anonymous": 302, "requestor": 302, "requestor2": 404, "assessor": 403, "admin": 403},
}


@pytest.mark.parametrize("role", ["anonymous", "requestor", "requestor2", "assessor", "admin"])
@pytest.mark.parametrize("move", sorted(PAGE_MOVES))
def test_each_review_page_move_is_authorised_like_the_assessment(cast, move, role):
    assessment_id = submitted(cast)
    _ask(cast, assessment_id, "Who logs in?")
    client = cast.client(None if role == "anonymous" else role)
    args = [assessment_id] if move == "withdraw" else [assessment_id, "Q-10"]

    response = client.post(reverse(f"assessments:{move}", args=args), {"text": "Staff only."})

    assert response.status_code == PAGE_MOVES[move][role], response.content[:300]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    state = collection(assessment_id)
    changed = {
        "comment_add": len(state.comments) == 2,
        "thread_resolve": state.threads["Q-10"].status is ThreadStatus.RESOLVED,
        # Reopening an open thread changes nothing, whoever asks.
        "thread_reopen": False,
        "withdraw": state.assessment.state is State.WITHDRAWN,
    }[move]
    assert changed == (PAGE_MOVES[move][role] == 302 and role != "anonymous" and move != "thread_reopen")
