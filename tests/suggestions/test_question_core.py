"""A long Yes/No question read on its core: a denial of the core answers it, a statement does not."""

from __future__ import annotations

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.question_core import question_core
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage

LONG = (
    "Is there a documented and tested continuity plan that lets us resume critical operations "
    "within four hours at an alternate site, with named owners for each step?"
)
# Sentences about other things, so the question's words are weighed as in a real document.
FILLER = (
    "The warehouse team ships orders from two depots. "
    "Invoices are approved by the finance manager before payment. "
    "Staff receive induction training in their first week. "
    "The helpdesk answers calls between 8am and 6pm."
)


def _passage(text: str, name: str = "register.xlsx") -> Passage:
    return Passage(document_id=name, document_name=name, text=text, score=2.0, page=None, section=None)


def _ask(question: str, *texts: str) -> tuple[str, str | None, str, list[str]]:
    passages = [_passage(FILLER, "notes.md"), *(_passage(t, f"doc-{i}.txt") for i, t in enumerate(texts))]
    suggestion = suggest_extractive(
        QuestionForSuggestion(id="Q-1", text=question, response_type="Yes/No"), passages
    )
    return (
        suggestion.status,
        suggestion.answer,
        suggestion.confidence,
        [c.passage for c in suggestion.citations],
    )


def test_the_core_of_a_long_question_leaves_out_its_qualities_and_relative_clauses() -> None:
    core = question_core(LONG)
    assert core is not None
    assert core.terms == {"continu", "plan"}
    assert {"document", "test"} <= core.restricting


def test_a_short_question_is_its_own_core() -> None:
    assert question_core("Is data encrypted at rest?") is None


def test_a_denial_of_the_core_answers_a_long_question_no_without_high_confidence() -> None:
    denial = "Risk R-12 | Title: Supplier outage | Owner: Operations | Notes: Continuity plan not drafted."
    status, answer, confidence, cited = _ask(LONG, denial)
    assert (status, answer) == ("suggested", "No")
    assert confidence != "high"
    assert cited == [denial]


def test_a_statement_of_the_core_alone_does_not_answer_a_long_question_yes() -> None:
    status, answer, _, _ = _ask(LONG, "The continuity plan was approved by the board in March.")
    assert (status, answer) == ("not_stated", None)


def test_a_denial_of_the_core_is_not_heard_when_another_passage_states_the_core() -> None:
    status, _, _, _ = _ask(
        LONG,
        "Notes: Continuity plan not drafted.",
        "The continuity plan was approved by the board in March.",
    )
    assert status == "not_stated"


def test_a_denial_of_a_quality_the_question_does_not_ask_about_is_no_denial_of_the_core() -> None:
    question = (
        "Is there a continuity plan that lets us resume critical operations within four hours "
        "at an alternate site, with named owners for each step?"
    )
    status, _, _, _ = _ask(question, "The continuity plan has not been audited.")
    assert status == "not_stated"


def test_a_supposition_with_without_is_no_denial_of_the_core() -> None:
    status, _, _, _ = _ask(LONG, "Without a continuity plan, an outage at the depot would halt orders.")
    assert status == "not_stated"


def test_a_denial_of_one_item_of_a_listed_core_does_not_answer_no() -> None:
    question = (
        "Does the supplier keep, copy or share our customer records with affiliated companies "
        "that then use them for analytics or advertising?"
    )
    status, _, _, _ = _ask(question, "The supplier does not copy customer records.")
    assert status == "not_stated"


def test_a_denial_of_something_else_about_the_core_is_no_denial_of_it() -> None:
    for other in ("Continuity plan not shared with the landlord.", "Continuity Plan Not Audited By Grantham"):
        status, _, _, _ = _ask(LONG, other)
        assert status == "not_stated", other


def test_a_named_subject_may_deny_the_core() -> None:
    status, answer, _, _ = _ask(LONG, "Notes: Grantham has not yet drafted a continuity plan.")
    assert (status, answer) == ("suggested", "No")


def test_a_capitalised_opening_word_is_no_name_that_may_be_left_unread() -> None:
    status, _, _, _ = _ask(LONG, "Notes: Outsourced continuity plan not drafted.")
    assert status == "not_stated"
