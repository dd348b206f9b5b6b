"""Readings the dev-f case showed were missing or over-confident: a No to one of a question's
alternatives, a date given only as a bound, a target per item, a fee table's named row, labelled
dates that differ, a kind of claim, a row cell's state, a question under a condition.

Invented sentences, worded the way contracts, registers and questionnaire replies put things;
none comes from an evaluation document.
"""

from __future__ import annotations

from assessments.suggestions.evidence import read_yes_no
from tests.suggestions.answering import suggest_from as _answer


def test_a_no_to_one_alternative_of_the_question_is_never_high() -> None:
    question = "Will the tool make or materially influence decisions about individuals?"
    reply = "Question: Does the tool make decisions about individuals? | Response: No | Comment: It does not."
    suggestion = _answer(question, reply)
    assert suggestion.answer == "No"
    assert suggestion.confidence != "high"
    # Denying every alternative may be high.
    both = "The tool does not make or influence any decisions about individuals."
    assert _answer(question, both).confidence == "high"


def test_a_date_given_only_as_a_bound_is_not_high() -> None:
    question = "When does the contract end?"
    bound = "The contract ends no later than 30 November 2031."
    suggestion = _answer(question, bound, kind="date")
    assert suggestion.answer == "2031-11-30"
    assert suggestion.confidence == "low"
    assert _answer(question, "The contract ends on 30 November 2029.", kind="date").confidence != "low"


def test_a_recovery_objective_given_per_module_is_the_strictest_one_and_low() -> None:
    # A table as extraction renders it: the header row, then each row with its cells labelled.
    table = (
        "Module | Recovery Point Objective (RPO) | Recovery Time Objective (RTO)\n"
        "Module: Analytics | Recovery Point Objective (RPO): 24 hours | Recovery Time Objective (RTO): 48 hours\n"
        "Module: Case Management | Recovery Point Objective (RPO): 4 hours | Recovery Time Objective (RTO): 8 hours\n"
        "Module: Booking | Recovery Point Objective (RPO): 4 hours | Recovery Time Objective (RTO): 12 hours"
    )
    rto = _answer("What is the recovery time objective (RTO) in hours?", table, kind="number")
    assert (rto.answer, rto.confidence) == ("8", "low")
    rpo = _answer("What is the recovery point objective (RPO) in hours?", table, kind="number")
    assert (rpo.answer, rpo.confidence) == ("4", "low")


def test_a_fee_table_answers_with_the_row_whose_item_the_question_names() -> None:
    # A long table split over two passages: the second has no header row, so its amounts are
    # not labelled as the first passage's are.
    modules = (
        "Fee item | Basis | Amount (GBP, excl. VAT)\n"
        "Fee item: Chat module | Basis: Annual subscription, 350,000 messages per Contract Year; excess £0.045"
        " per message | Amount (GBP, excl. VAT): £21,000\n"
        "Fee item: Booking module | Basis: Annual subscription, 180,000 SMS per Contract Year; excess £0.034"
        " per SMS | Amount (GBP, excl. VAT): £14,200"
    )
    totals = "Fee item: Annual Subscription Fees (list) | Basis: Per Contract Year | Amount (GBP, excl. VAT): £148,600"
    suggestion = _answer("What is the expected annual contract value in GBP?", modules, totals, kind="number")
    assert (suggestion.answer, suggestion.confidence) == ("148600", "low")


def test_of_two_labelled_dates_the_one_whose_evidence_covers_clearly_more_answers_low() -> None:
    question = (
        "What is the expiry date of the ISO/IEC 27001 certificate, or the end date of the most recent SOC 2"
        " Type II reporting period if no ISO certificate is held?"
    )
    iso = "Certificate | Expiry date\nCertificate: ISO/IEC 27001 certificate NC-4471, held | Expiry date: 14 March 2027"
    soc = "Report | End date\nReport: SOC 2 report, most recent | End date: 30 June 2026"
    suggestion = _answer(question, iso, soc, kind="date")
    assert (suggestion.answer, suggestion.confidence) == ("2027-03-14", "low")


def test_a_kind_of_claim_named_in_a_clause_is_no_claim_reported() -> None:
    question = "Does the vendor indemnify us against third-party intellectual property infringement claims?"
    clause = (
        "16.4 The Supplier shall indemnify the Customer against all losses arising from any claim that the"
        " Customer's use of the Services infringes a third party's intellectual property rights."
    )
    assert _answer(question, clause).answer == "Yes"
    # What someone claims is still no fact.
    reported = (
        "The Supplier claims that it indemnifies customers against intellectual property infringement claims."
    )
    assert _answer(question, reported).answer is None


def test_integration_connectors_for_a_system_connect_to_it() -> None:
    question = "Will the change store or process company data, or connect to the internet, our network or other systems?"
    clause = (
        "(e) integration connectors for the student records system, single sign-on and the timetable system."
    )
    assert _answer(question, clause).answer == "Yes"


def test_a_row_cell_naming_little_of_the_question_takes_its_state_from_the_cells_about_it() -> None:
    question = "Have all critical and high severity findings from that penetration test been remediated and retested?"
    row = (
        "Ref: R09 | Risk: Vulnerability in the platform leads to a breach | Severity: Severe | Inherent: High"
        " | Measures: ISO/IEC 27001; pre-pilot penetration test (9-20 November 2026, planned); remediation before pilot (cl."
    )
    # The cell "Inherent: High" names only "high"; the Measures cell says the test is planned.
    matched = frozenset({"high", "pentest", "remedi", "sever"})
    assert read_yes_no(question, row, matched, frozenset()).answer != "Yes"


def test_a_question_under_a_condition_needs_evidence_of_what_it_asks_not_of_the_condition() -> None:
    question = (
        "If the AI model or its provider becomes unavailable, does the service degrade gracefully"
        " (fallback model, or a non-AI mode that still lets our users work)?"
    )
    provider = "Sub-processor: Halcyon AI, Inc. | Service: language model inference | Transfer mechanism: SCCs as fallback"
    assert _answer(question, provider).answer is None
    degrades = "The service degrades gracefully to a non-AI mode during an outage of the AI model."
    assert _answer(question, degrades).answer == "Yes"
