"""Yes/No questions settled by comparing a stated value with the question's (invented documents)."""

from __future__ import annotations

import datetime as dt

import pytest

from assessments.suggestions import comparisons
from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage

TODAY = dt.date(2031, 6, 15)


@pytest.fixture(autouse=True)
def _reference_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(comparisons, "reference_day", lambda: TODAY)


def _passage(text: str, document: str = "notes.md") -> Passage:
    return Passage(
        document_id=document, document_name=document, text=text, score=2.0, page=None, section=None
    )


def _ask(question: str, *texts: str):
    q = QuestionForSuggestion(id="Q-1", text=question, response_type="Yes/No")
    return suggest_extractive(q, [_passage(t, f"doc{i}.md") for i, t in enumerate(texts)])


def test_a_question_names_its_comparison_operator_quantity_and_unit() -> None:
    (money,) = comparisons.comparisons("Is the annual licence fee above GBP 300,000?")
    assert (money.op, money.amount, money.unit) == (">", 300000.0, "currency")
    (limit,) = comparisons.comparisons("Is the recovery point objective 4 hours or less?")
    assert (limit.op, limit.amount, limit.unit) == ("<=", 4 * 3600.0, "seconds")
    (window,) = comparisons.comparisons("Has the failover been rehearsed in the last 6 months?")
    assert window.op == "window" and window.unit == "seconds"
    (count,) = comparisons.comparisons("Does the tool serve more than 500 users?")
    assert (count.op, count.amount, count.noun) == (">", 500.0, "users")


def test_a_version_or_a_bare_number_is_no_comparison() -> None:
    assert comparisons.comparisons("Is traffic protected with TLS 1.2 or higher?") == []
    assert comparisons.comparisons("Was the platform live before 2020?") == []


def test_a_stated_amount_above_the_limit_answers_yes_citing_its_sentence() -> None:
    suggestion = _ask(
        "Is the annual licence fee above GBP 300,000?",
        "The annual licence fee is £480,000, payable quarterly in advance.",
    )
    assert suggestion.answer == "Yes"
    assert suggestion.confidence in ("medium", "low")
    assert "£480,000" in suggestion.citations[0].passage


def test_a_superseded_amount_is_not_the_one_compared() -> None:
    suggestion = _ask(
        "Is the annual licence fee above GBP 300,000?",
        "The annual licence fee is now £210,000, down from £480,000 in the first quote.",
    )
    assert suggestion.answer == "No"


def test_a_duration_is_converted_before_it_is_compared() -> None:
    question = "Is the recovery point objective for the ledger 4 hours or less?"
    assert _ask(question, "The recovery point objective for the ledger is 30 minutes.").answer == "Yes"
    assert _ask(question, "The recovery point objective for the ledger is 1 day.").answer == "No"


def test_values_that_disagree_about_the_answer_abstain_rather_than_read_the_words() -> None:
    suggestion = _ask(
        "Is the recovery point objective for the ledger 4 hours or less?",
        "The recovery point objective for the ledger is 1 hour in the primary region.",
        "The recovery point objective for the ledger is 12 hours in the secondary region.",
    )
    assert suggestion.status == "not_stated"


def test_a_negated_figure_is_a_target_missed_not_a_value_achieved() -> None:
    suggestion = _ask(
        "Is the recovery point objective for the ledger 4 hours or less?",
        "The recovery point objective for the ledger of 2 hours was not met in the last rehearsal.",
    )
    assert suggestion.answer != "Yes"


def test_a_notification_period_shorter_than_the_limit_is_within_it() -> None:
    suggestion = _ask(
        "Must the supplier notify us of security incidents within 72 hours?",
        "The supplier must notify us of security incidents within 24 hours of becoming aware.",
    )
    assert suggestion.answer == "Yes"


def test_a_done_date_inside_the_window_answers_yes_and_one_still_to_come_does_not() -> None:
    question = "Has a failover rehearsal been carried out in the last 12 months?"
    done = _ask(question, "The last failover rehearsal was completed on 3 March 2031 with no data loss.")
    assert done.answer == "Yes"
    planned = _ask(question, "A failover rehearsal is planned for 3 September 2031.")
    assert planned.answer is None


def test_an_old_date_answers_no_only_from_a_sentence_covering_the_question() -> None:
    suggestion = _ask(
        "Has a failover rehearsal been carried out in the last 12 months?",
        "The most recent failover rehearsal took place on 9 February 2029.",
    )
    assert suggestion.answer == "No"
    assert suggestion.confidence != "high"


def test_an_or_question_is_yes_when_either_part_is() -> None:
    suggestion = _ask(
        "Is the annual licence fee above GBP 300,000, or will the licence term run for longer than 24 months?",
        "The annual licence fee is £90,000.",
        "The licence term will run for 36 months from signature.",
    )
    assert suggestion.answer == "Yes"


def test_an_or_question_is_no_only_when_both_parts_are() -> None:
    question = (
        "Is the annual licence fee above GBP 300,000, or will the licence term run for longer than 24 months?"
    )
    only_one = _ask(question, "The annual licence fee is £90,000.")
    assert only_one.answer != "No"
    both = _ask(question, "The annual licence fee is £90,000.", "The licence term will run for 12 months.")
    assert both.answer == "No"


def test_a_figure_about_something_else_in_the_sentence_is_not_compared() -> None:
    suggestion = _ask(
        "Is the annual licence fee above GBP 300,000?",
        "The annual licence fee was agreed at the steering group, which has a budget of £2,000,000 for all tools.",
    )
    assert suggestion.answer != "Yes"


def test_a_window_opened_by_a_date_compares_with_that_date() -> None:
    question = "Has the failover rehearsal been carried out since 1 January 2031?"
    after = _ask(question, "The failover rehearsal was carried out on 3 March 2031.")
    assert after.answer == "Yes"
    before = _ask(question, "The most recent failover rehearsal took place on 9 October 2030.")
    assert before.answer == "No"


def test_working_days_are_compared_only_when_their_weekends_cannot_change_the_answer() -> None:
    stated = "The supplier must notify us of security incidents within 5 working days."
    longer = _ask("Must the supplier notify us of security incidents within 72 hours?", stated)
    assert longer.answer == "No"
    shorter = _ask("Must the supplier notify us of security incidents within 10 days?", stated)
    assert shorter.answer == "Yes"
    borderline = _ask("Must the supplier notify us of security incidents within 5 days?", stated)
    assert borderline.status == "not_stated"


def test_a_register_row_dating_the_deed_answers_yes_though_it_never_says_covering_this_system() -> None:
    question = "Is there a disaster recovery plan covering this system, tested in the last 12 months?"
    row = (
        "No.: K2 | Question: When was the BCP/DR plan last tested? | Response: Yes | "
        "Comment: 3 March 2031 (full cross-region restore)."
    )
    suggestion = _ask(question, row)
    # "DR" in capitals is disaster recovery; "covering this system" is only generic words.
    assert suggestion.answer == "Yes" and suggestion.confidence == "low"
    # "Dr" is a doctor: the same row about a doctor's plan dates no disaster recovery test.
    doctor = row.replace("BCP/DR plan", "Dr Lowe's rota plan")
    assert _ask(question, doctor).answer is None
