"""A right to opt out granted by a contract's promise that the thing does not happen. Invented
sentences; none comes from an evaluation document."""

from __future__ import annotations

from tests.suggestions.answering import suggest_from as _answer

QUESTION = "Has the provider confirmed in writing that we can opt out of training on our data?"


def test_a_contract_promising_no_training_without_opt_in_grants_the_opt_out() -> None:
    clause = "7.2 Supplier shall not use Customer Data to train any model unless Customer opts in in writing."
    suggestion = _answer(QUESTION, clause)
    assert (suggestion.answer, suggestion.confidence) == ("Yes", "low")


def test_a_statement_in_a_design_or_an_email_promises_nothing_in_writing() -> None:
    assert _answer(QUESTION, "Our data will not be used to train the vendor's models.").answer != "Yes"
    assert _answer(QUESTION, "Your data is not used to train our models.").answer != "Yes"


def test_a_sentence_about_opting_out_itself_is_read_as_usual() -> None:
    assert _answer(QUESTION, "Customers cannot opt out of training on their data.").answer != "Yes"


def test_a_promise_about_something_else_grants_no_opt_out() -> None:
    assert _answer(QUESTION, "Supplier shall not transfer Customer Data outside the UK.").answer is None
