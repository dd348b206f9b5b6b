"""Deeds the documents show done by being there: a questionnaire answered (the vendor's
response), a contract signed (its signature block). Invented sentences; none comes from an
evaluation document."""

from __future__ import annotations

from tests.suggestions.answering import suggest_from as _answer

QUESTION = "Has the vendor completed our third-party due diligence questionnaire?"


def test_a_response_to_the_questionnaire_among_the_documents_answers_yes_low() -> None:
    title = "Acme Ltd - Response to Northwind Bank Supplier Security Questionnaire (SSQ v2)"
    suggestion = _answer(QUESTION, title)
    assert (suggestion.answer, suggestion.confidence) == ("Yes", "low")
    said = "The questionnaire response (Q-4) said no support is delivered from outside the UK."
    assert _answer(QUESTION, said).answer == "Yes"


def test_a_response_still_to_come_or_an_action_to_reissue_it_is_no_yes() -> None:
    assert (
        _answer(QUESTION, "Acme will send its response to the security questionnaire next week.").answer
        is None
    )
    action = "Action: Acme to reissue the questionnaire response as v1.2 | Owner: J. Bell | Status: Open"
    assert _answer(QUESTION, action).answer is None


def test_a_response_answers_only_a_question_about_a_questionnaire_done() -> None:
    title = "Acme Ltd - Response to Northwind Bank Supplier Security Questionnaire (SSQ v2)"
    assert _answer("Has the vendor provided a SOC 2 report?", title).answer is None


SIGNED_BEFORE = "Will a written contract with the vendor be signed before go-live?"


def test_a_contract_already_signed_is_signed_before_a_later_go_live() -> None:
    block = "Signature | [signed electronically] | [signed electronically]"
    assert (_answer(SIGNED_BEFORE, block).answer, _answer(SIGNED_BEFORE, block).confidence) == ("Yes", "low")
    assert (
        _answer(SIGNED_BEFORE, "The order form was signed on 3 November 2026 by both parties.").answer
        == "Yes"
    )


def test_a_signature_still_pending_or_a_certificate_signed_is_no_contract_signed() -> None:
    assert _answer(SIGNED_BEFORE, "Status: Agreed - contract pending signature").answer is None
    certificate = "A certificate of deletion signed by a director is given within 10 days."
    assert _answer(SIGNED_BEFORE, certificate).answer is None
