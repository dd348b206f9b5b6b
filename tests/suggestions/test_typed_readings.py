"""Typed answers read as values: a choice of amounts, a figure called the standard terms, a date
two documents agree on.

Invented sentences, worded the way contracts, minutes and questionnaire replies put things;
none comes from an evaluation document.
"""

from __future__ import annotations

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage


def _passages(texts: tuple[str, ...]) -> list[Passage]:
    return [
        Passage(document_id=f"d{i}", document_name=f"d{i}.txt", text=t, score=1.0, page=None, section=None)
        for i, t in enumerate(texts)
    ]


def _answer(question: str, *texts: str, kind: str):
    return suggest_extractive(
        QuestionForSuggestion(id="Q-1", text=question, response_type=kind), _passages(texts)
    )


def _choice(question: str, options: tuple[str, ...], *texts: str):
    asked = QuestionForSuggestion(id="Q-1", text=question, response_type="single-choice", options=options)
    return suggest_extractive(asked, _passages(texts))


_NOTICE = ("24 hours", "48 hours", "72 hours", "More than 72 hours", "No contractual commitment")


def test_a_choice_of_amounts_is_answered_by_the_amount_stated_placed_among_the_options() -> None:
    question = "Within what period after becoming aware of a personal data breach will the vendor notify us?"
    stated = _choice(
        question,
        _NOTICE,
        "The vendor shall notify us of a personal data breach within 48 hours of becoming aware of it.",
    )
    # Placed by its amount, not named: never "high".
    assert stated.answer == "48 hours" and stated.confidence != "high"
    # An amount above every listed one falls in the bounded option; one between them in none.
    longer = _choice(
        question,
        _NOTICE,
        "The vendor shall notify us of a personal data breach within 5 days of becoming aware of it.",
    )
    assert longer.answer == "More than 72 hours"
    # Beside "More than 72 hours", each listed amount is a limit: 36 hours is within 48 hours.
    between = _choice(
        question,
        _NOTICE,
        "The vendor shall notify us of a personal data breach within 36 hours of becoming aware of it.",
    )
    assert between.answer == "48 hours"


def test_between_listed_availabilities_the_one_committed_is_at_least_the_lower() -> None:
    from assessments.suggestions.quantity_options import amount_options, option_for

    levels = ("99.99% or higher", "99.95%", "99.9%", "99.5%", "Below 99.5%", "No contractual SLA")
    parsed = amount_options(levels)
    assert parsed is not None
    assert option_for(99.7, parsed[1]) == "99.5%"
    assert option_for(99.995, parsed[1]) == "99.99% or higher"
    assert option_for(99.0, parsed[1]) == "Below 99.5%"
    # A list with no open end says nothing of what lies between its amounts.
    closed = amount_options(("24 hours", "48 hours"))
    assert closed is not None and option_for(36 * 3600.0, closed[1]) is None


def test_a_figure_called_the_vendors_standard_gives_way_to_the_one_in_the_contract() -> None:
    suggestion = _choice(
        "Within what period after becoming aware of a personal data breach will the vendor notify us?",
        _NOTICE,
        "Question: Within what time will you notify a personal data breach? | Response: Yes | Comment: within 72 "
        "hours of becoming aware of a personal data breach, in line with our standard DPA.",
        "6.1 The Supplier shall notify the Customer without undue delay, and in any event within twenty-four "
        "(24) hours, after becoming aware of a personal data breach.",
    )
    assert suggestion.answer == "24 hours"
    assert suggestion.citations[0].document_name == "d1.txt"


def test_a_date_two_documents_give_for_partly_covered_evidence_answers_when_no_other_has_two() -> None:
    question = "When was the most recent penetration test completed?"
    reply = (
        "No.: E2 | Question: Is independent penetration testing carried out at least annually? | Response: Yes"
        " | Comment: Annual, by a CREST firm. Most recent: Acme Assurance, 3–14 March 2026."
    )
    minutes = "Security: the board noted the most recent Acme Assurance penetration test (3–14 March 2026)."
    # Another date by the test, in a third document: one source each, which is asked nothing tells.
    other = "Acme reviewed the firewall rules on 2 April 2026 after the penetration test."
    both = _answer(question, reply, minutes, other, kind="date")
    assert (both.answer, both.confidence) == ("2026-03-14", "low")
    one = _answer(question, reply, other, kind="date")
    assert one.answer is None


def test_a_duration_spelt_out_is_read_as_one_written_in_digits() -> None:
    from assessments.suggestions.values import find_quantities

    assert [q.amount for q in find_quantities("on at least six months’ notice")] == [6 * 2629800.0]
    assert [q.amount for q in find_quantities("within five working days")] == [5 * 86400.0]
    # "thirty (30) days" is read once, from its digits; a number word without a unit is no duration.
    assert [q.amount for q in find_quantities("within thirty (30) days")] == [30 * 86400.0]
    assert find_quantities("one of the three findings") == []
    notice = _answer(
        "What notice period, in days, must we give to terminate for convenience?",
        "We may terminate for convenience on at least six months' notice.",
        kind="number",
    )
    assert notice.answer == "182.6"


def test_a_unit_written_onto_the_figure_belongs_to_it() -> None:
    from assessments.suggestions.values import find_quantities

    assert [(q.amount, q.unit) for q in find_quantities("DR meets RPO 1h / RTO 4h")] == [
        (3600.0, "seconds"),
        (4 * 3600.0, "seconds"),
    ]
    assert [q.amount for q in find_quantities("restored in 6h 40m")] == [6 * 3600.0, 40 * 60.0]
    # After a currency sign, "m" and "k" scale the amount; letters that are no unit stay apart.
    assert [q.amount for q in find_quantities("a cap of £1.5m, and £250k for data claims")] == [1.5e6, 2.5e5]
    assert find_quantities("a 5G network") == []
    # Milliseconds are not minutes.
    assert [q.unit for q in find_quantities("latency of 200 ms")] == [None]


def test_figures_that_disagree_are_answered_by_the_one_two_documents_name_alike() -> None:
    question = "What is the recovery time objective (RTO) in hours?"
    reply = "Ref: BCK-3 | Question: What are your RPO and RTO? | Response: RPO 1 hour; RTO 8 hours"
    contract = (
        "The Supplier shall achieve a recovery point objective (RPO) of 1 hour and a recovery time"
        " objective (RTO) of 4 hours for the core modules, and an RPO of 24 hours and RTO of 48 hours"
        " for reporting."
    )
    tracker = "control_id: C-9 | control: DR meets RPO 1h / RTO 4h | status: Met"
    agreed = _answer(question, reply, contract, tracker, kind="number")
    # Two documents give 4 beside "RTO"; 8 and 48 one each. The disagreement keeps it "low".
    assert agreed.answer == "4" and agreed.confidence == "low"
    # Without the second document, nothing tells 4 from 8 and 48.
    assert _answer(question, reply, contract, kind="number").answer is None


def test_of_two_figures_the_one_whose_clause_names_the_questions_rarer_words_answers() -> None:
    question = "What notice period, in days, does the vendor require for termination for convenience?"
    answer = _answer(
        question,
        "15.1 The Customer may terminate for convenience on at least six months' notice.",
        "15.4 The Supplier may terminate only if undisputed Fees remain unpaid 60 days after written notice.",
        "16.1 The Supplier shall deliver an exit plan within 60 days of the Effective Date.",
        kind="number",
    )
    # "convenience" is named by one clause only; "notice" and "terminate" by both.
    assert answer.answer == "182.6"


def test_a_phrase_after_a_comma_opening_with_a_preposition_still_says_what_the_figure_is_of() -> None:
    question = "Within what period after becoming aware of a personal data breach will the vendor notify us?"
    answer = _choice(
        question,
        _NOTICE,
        "9.2 The Processor shall notify the Controller promptly, and in any event within 36 hours,"
        " after becoming aware of a personal data breach, and shall also phone the duty manager"
        " within 24 hours of becoming aware of any major outage affecting the data centre.",
    )
    # The 36 hours is the breach notice; the 24 hours is a phone call about an outage.
    assert answer.answer == "48 hours"


def test_a_date_without_a_year_is_read_in_the_one_year_its_passage_dates_are_in() -> None:
    from assessments.suggestions.values import find_dates, passage_year

    minutes = (
        "Meeting held 18 November 2026. The test ran 19-30 October and the report was issued 6 November."
    )
    year = passage_year(minutes)
    assert year == 2026
    assert [v.value for v in find_dates(minutes, year)] == ["2026-11-18", "2026-10-30", "2026-11-06"]
    # Dates in several years leave the year unknown, and no date is read without one.
    assert passage_year("Signed 3 May 2026; go-live 1 February 2027; review 6 June.") is None
    assert [v.value for v in find_dates("review 6 June")] == []


def test_a_partly_covering_figure_named_by_most_of_the_question_answers_when_two_documents_give_it() -> None:
    question = "How many days' notice will be given before a new sub-processor begins processing our data?"
    contract = "7.2 The Supplier shall give at least 30 days' notice of any new or replacement Sub-processor."
    termination = "15.3 The Customer may end the pilot on three months' notice."
    reply = (
        "Ref: S-5 | Question: Will you give advance notice of changes to sub-processors? | Response: Yes"
        " | Evidence / comment: 30 days' notice by email."
    )
    assert _answer(question, contract, termination, reply, kind="number").answer == "30"
    # One document alone: the figure is not corroborated, and the question is only partly covered.
    assert _answer(question, contract, termination, kind="number").answer is None


def test_a_fee_per_annum_in_a_column_labelled_in_pounds_is_money_not_a_percentage() -> None:
    from assessments.suggestions.values import find_quantities

    (fee,) = find_quantities("Item: Total fees | Fee (GBP): 358,200 per annum")
    assert (fee.amount, fee.unit) == (358200.0, "currency")
    assert [q.unit for q in find_quantities("uptime of 99.5 per cent")] == ["%"]


_FEES = (
    "Item: Hosting subscription | Basis: Per Contract Year | Fee (GBP): 52,000 per annum\n"
    "Item: Support subscription | Basis: Up to 40 users | Fee (GBP): 18,000 per annum\n"
    "Item: Total annual subscription fees | Basis: At full rates | Fee (GBP): 70,000 per annum"
)


def test_a_question_about_the_whole_is_answered_by_a_fee_tables_total_row() -> None:
    whole = _answer("What is the expected annual contract value in GBP?", _FEES, kind="number")
    assert whole.answer == "70000" and whole.confidence == "low"
    # A question naming one item is answered by that item's row.
    item = _answer("What is the annual fee for the support subscription, in GBP?", _FEES, kind="number")
    assert item.answer == "18000"


def test_a_liability_limited_to_an_amount_is_the_cap_not_the_insurance_beside_it() -> None:
    question = "What is the vendor's proposed aggregate liability cap under the contract, in GBP?"
    answer = _answer(
        question,
        "13.1 The Supplier shall maintain: professional indemnity GBP 5,000,000 each claim; cyber liability"
        " GBP 10,000,000 in aggregate; public liability GBP 10,000,000 each occurrence.",
        "12.2 The Supplier's total aggregate liability under the contract in each Contract Year is limited to GBP 1,000,000.",
        "12.3 The Supplier's liability for data protection breaches is limited to GBP 4,000,000 over the Term.",
        kind="number",
    )
    assert answer.answer == "1000000" and answer.confidence != "high"
