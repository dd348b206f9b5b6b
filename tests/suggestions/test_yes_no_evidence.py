"""Yes/No evidence: concepts stated in other words, and questions that join parts with "and"."""

from __future__ import annotations

import pytest

from assessments.suggestions import lexicon
from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage


def _passage(text: str) -> Passage:
    return Passage(document_id="d", document_name="notes.txt", text=text, score=1.0, page=None, section=None)


def _yes_no(text: str) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="Q-1", text=text, response_type="Yes/No")


@pytest.mark.parametrize(
    ("sentence", "implied"),
    [
        ("The rota tool is a software-as-a-service product supplied by Tillbrook.", "vendor"),
        ("The scoring engine is licensed from Quorra Labs.", "vendor"),
        ("Replies are drafted by a language model.", "ai"),
        ("Voicemails are turned into text with speech-to-text.", "ai"),
        ("The booking form sits on the public website.", "internet"),
        ("Tutors sign in through the college directory.", "login"),
        ("Thirty days' notice is given before any change.", "tell"),
    ],
)
def test_a_sentence_implies_the_broader_concept_it_names_in_other_words(sentence: str, implied: str) -> None:
    assert implied in lexicon.terms(sentence, broader=True)


def test_events_logged_in_a_tool_are_not_a_sign_in() -> None:
    assert "login" not in lexicon.terms("Failed payments are logged in the ledger.", broader=True)


def test_one_part_of_an_and_question_denied_answers_no() -> None:
    question = _yes_no("Were the uptime and latency targets met in the last quarter?")
    passage = _passage(
        "Quarterly report: uptime target met at 99.95%; latency target not met in the last quarter."
    )
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "No"
    assert suggestion.confidence != "high"


def test_a_denial_of_a_part_the_question_does_not_join_with_and_still_abstains() -> None:
    question = _yes_no("Will the kiosk store visitor names?")
    passage = _passage("The kiosk stores visitor names; the tablets do not store visitor photos.")
    assert suggest_extractive(question, [passage]).answer != "No"
