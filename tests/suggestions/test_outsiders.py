"""People outside the organisation using the system settle "limited to our own staff?" as No.

Invented sentences, worded the way designs and questionnaire replies put it.
"""

from __future__ import annotations

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.retrieval import retrieval_query
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage

QUESTION = "Will access to the system be limited to our own staff?"


def _ask(question: str, *texts: str):
    asked = QuestionForSuggestion(id="Q-1", text=question, response_type="Yes/No")
    passages = [
        Passage(document_id=f"d{i}", document_name=f"d{i}.txt", text=t, score=1.0, page=None, section=None)
        for i, t in enumerate(texts)
    ]
    return suggest_extractive(asked, passages)


def test_anonymous_or_public_users_mean_access_is_not_limited_to_staff() -> None:
    chat = _ask(QUESTION, "Chat users are anonymous until they choose to sign in.")
    assert chat.answer == "No" and chat.confidence == "low"
    assert chat.citations[0].passage.startswith("Chat users are anonymous")
    upload = _ask(QUESTION, "Public upload pages use a one-time link sent by text message.")
    assert upload.answer == "No"


def test_the_public_denied_or_only_proposed_settles_nothing() -> None:
    assert _ask(QUESTION, "Members of the public cannot use the planning tool.").answer is None
    assert _ask(QUESTION, "It was proposed that members of the public use the portal.").answer is None
    # Another question about who may do something is not read this way.
    assert _ask("Is the encryption key held only by the vendor?", "Chat users are anonymous.").answer is None


def test_a_stated_limit_with_outsiders_using_it_is_a_conflict() -> None:
    both = _ask(
        QUESTION,
        "Access to the system is limited to our own staff.",
        "Public upload pages use a one-time link sent by text message.",
    )
    assert both.answer is None


def test_a_staff_limit_question_also_searches_for_the_public() -> None:
    query = retrieval_query(QuestionForSuggestion(id="Q-1", text=QUESTION, response_type="Yes/No"))
    assert "anonymous" in query and "public" in query


_OWN_STAFF = (
    "Please confirm the vendor delivers the service entirely with its own staff and infrastructure, "
    "with no sub-processors or subcontractors."
)


def test_a_named_sub_processor_answers_a_question_asking_for_none_no() -> None:
    row = _ask(_OWN_STAFF, "Sub-processor: Quarry Hosting GmbH | Activity: Hosting | Location: Frankfurt")
    assert row.answer == "No" and row.confidence == "low"
    prose = _ask(_OWN_STAFF, "Night-time support is given through our subcontractor Tallow Support Pvt Ltd.")
    assert prose.answer == "No"


def test_sub_processors_denied_or_only_mentioned_name_nobody() -> None:
    assert _ask(_OWN_STAFF, "No sub-processors are used by Quarry Systems Ltd.").answer is None
    assert _ask(_OWN_STAFF, "Changes to sub-processors are notified 30 days ahead.").answer is None
    # A question that does not ask for none is not read this way.
    assert (
        _ask("Are sub-processors reviewed every year?", "Sub-processor: Quarry Hosting GmbH").answer is None
    )
