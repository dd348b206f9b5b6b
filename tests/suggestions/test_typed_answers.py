"""Dates, numbers and choices read with their table row, column and meaning (invented documents)."""

from __future__ import annotations

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.table_rows import column_at, header_of, row_of
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage

TRACKER = (
    "Evidence | Issuer | Date issued | Held? | Checked by | Findings | Next review\n"
    "ISO/IEC 27001 certificate for the payments platform | Northgate Certification | 2024-02-11 | Yes | "
    "A. Khan | Covers the hosted service. Valid to 10/02/2027. Annex A reviewed. | 2026-01-15\n"
    "SOC 2 Type II report | Vendor auditor | No | Expected later in the year. | 2026-09-30\n"
    "SOC 2 Type I report | Vendor auditor | 2025-05-02 | Yes | A. Khan | Unqualified opinion. | 2026-05-02\n"
    "Penetration test report | Redwall Testing | 2025-07-19 | Yes | B. Osei | 1 high, 3 low | 2026-07-19\n"
    "Internal penetration test | Greyfort Labs | No | Booked for 14 March 2026 | 2026-03-14\n"
    "Cyber Essentials Plus certificate | Vendor | 2025-03-03 | Yes | A. Khan | Valid | 2026-03-03"
)


def _passage(text: str, *, section: str = "Assurance evidence", document: str = "tracker.xlsx") -> Passage:
    return Passage(
        document_id=document, document_name=document, text=text, score=2.0, page=None, section=section
    )


def _question(text: str, kind: str, options: tuple[str, ...] = ()) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="Q-1", text=text, response_type=kind, options=options)


def test_a_row_fragment_is_read_with_its_whole_row_and_column() -> None:
    row = TRACKER.splitlines()[4]
    assert row_of("1 high, 3 low", TRACKER) == row
    header = header_of(row, TRACKER)
    assert header is not None and column_at(row, header, row.index("2025-07-19")) == "Date issued"
    assert column_at(row, header, row.index("2026-07-19")) == "Next review"


def test_a_when_was_question_skips_dates_still_to_come_and_rows_not_done() -> None:
    question = _question("When was the most recent penetration test completed?", "date")
    suggestion = suggest_extractive(question, [_passage(TRACKER)])
    assert (suggestion.status, suggestion.answer) == ("suggested", "2025-07-19")
    assert suggestion.confidence == "low"
    assert suggestion.citations[0].passage in TRACKER


def test_an_expiry_question_takes_the_date_labelled_valid_to_from_the_row() -> None:
    question = _question(
        "What is the expiry date of the ISO/IEC 27001 certificate, or the end of the latest SOC 2 "
        "Type II period if no ISO certificate is held?",
        "date",
    )
    suggestion = suggest_extractive(question, [_passage(TRACKER)])
    assert suggestion.answer == "2027-02-10"
    assert suggestion.confidence == "low"


def test_a_number_from_partial_evidence_needs_every_such_value_to_agree() -> None:
    agreeing = _passage(
        "Ref | Clause | Status\nC-4 | New sub-processors are announced 45 days ahead, with a right to object | Agreed"
    )
    question = _question("How many days' notice is given before a new sub-processor starts work?", "number")
    assert suggest_extractive(question, [agreeing]).answer == "45"
    disagreeing = _passage(
        "Ref | Clause | Status\nC-4 | New sub-processors are announced 45 days ahead, with a right to object | Agreed\n"
        "C-5 | Model changes need 90 days notice before they start | Agreed"
    )
    assert suggest_extractive(question, [disagreeing]).status == "not_stated"


def test_a_multiple_choice_adds_options_listed_in_other_rows_but_not_denied_or_expected() -> None:
    question = _question(
        "Which assurance reports or certifications has the vendor provided?",
        "multi-choice",
        ("SOC 2 Type II", "SOC 2 Type I", "ISO/IEC 27001", "Cyber Essentials Plus", "PCI DSS"),
    )
    suggestion = suggest_extractive(question, [_passage(TRACKER)])
    assert suggestion.status == "suggested"
    assert set(suggestion.answer or ()) == {"SOC 2 Type I", "ISO/IEC 27001", "Cyber Essentials Plus"}
    assert suggestion.confidence == "low"


def test_an_option_is_named_by_what_it_covers() -> None:
    passage = _passage(
        "Personal data | Source | Held\n"
        "Customer email addresses and telephone numbers | CRM | Yes\n"
        "Visitor IP addresses | Website | Yes\n"
        "Health information disclosed by callers | Call notes | Incidentally",
        section="Personal data held",
        document="design.docx",
    )
    question = _question(
        "Which categories of personal data will be processed?",
        "multi-choice",
        (
            "Contact details",
            "Online identifiers",
            "Health data",
            "Biometric data",
            "Other special category data",
        ),
    )
    answer = set(suggest_extractive(question, [passage]).answer or ())
    assert {"Contact details", "Online identifiers", "Health data"} <= answer
    assert "Other special category data" not in answer and "Biometric data" not in answer


def test_a_compound_option_is_not_named_by_its_words_apart() -> None:
    passage = _passage(
        "Every customer gets a separate database with its own encryption keys (managed by the supplier in a key vault).",
        document="design.docx",
    )
    question = _question(
        "Who manages the encryption keys?",
        "single-choice",
        ("We do (customer-managed keys)", "The vendor", "Not known"),
    )
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer != "We do (customer-managed keys)"


def test_who_manages_is_answered_by_the_agent_when_it_is_the_vendor() -> None:
    passage = _passage(
        "Quillon is a third-party supplier of the ticketing service. "
        "Each tenant has its own encryption keys (managed by Quillon in a hardware security module).",
        document="design.docx",
    )
    question = _question(
        "Who manages the encryption keys?",
        "single-choice",
        ("We do (customer-managed keys)", "The vendor", "Not known"),
    )
    suggestion = suggest_extractive(question, [passage])
    assert (suggestion.answer, suggestion.confidence) == ("The vendor", "low")


def test_a_single_choice_option_counts_only_in_the_clause_that_holds_the_question() -> None:
    question = _question(
        "How often are user and privileged access rights reviewed and recertified?",
        "single-choice",
        ("Monthly", "Quarterly", "Annually"),
    )
    named_with_the_question = _passage(
        "ID | Control | Owner | Status\nC-09 | Quarterly user access review of admin roles | IT | Not started"
    )
    assert suggest_extractive(question, [named_with_the_question]).answer == "Quarterly"
    named_elsewhere = _passage(
        "ID | Control | Owner | Status\nC-09 | Privileged access rights are held by two administrators | IT | Quarterly"
    )
    assert suggest_extractive(question, [named_elsewhere]).status == "not_stated"


def test_many_different_dates_in_well_covering_rows_abstain_rather_than_guess() -> None:
    register = _passage(
        "ID | Control | Status | Due date\n"
        "C-1 | Backups tested before go-live | Open | 2026-03-01\n"
        "C-2 | Access review before go-live | Open | 2026-03-08\n"
        "C-3 | Runbook signed off before go-live | Open | 2026-03-15\n"
        "C-4 | Support rota agreed before go-live | Open | 2026-03-22"
    )
    suggestion = suggest_extractive(_question("What is the planned go-live date?", "date"), [register])
    assert suggestion.status == "not_stated"


def test_a_catch_all_option_is_not_named_by_the_common_word() -> None:
    passage = _passage(
        "ID | Control | Owner\nC-2 | Access rights of other users are reviewed by the service owner | IT"
    )
    question = _question(
        "How often are user access rights reviewed?", "single-choice", ("Monthly", "Quarterly", "Other")
    )
    assert suggest_extractive(question, [passage]).status == "not_stated"


def test_a_plan_in_another_clause_does_not_hide_the_date_something_was_done() -> None:
    passage = _passage(
        "The recovery plan was last tested end to end by Halden Ops on 3 May 2025; the next test is planned for May 2026.",
        document="resilience.md",
        section="Recovery testing",
    )
    question = _question("When was the disaster recovery plan last tested end to end?", "date")
    assert suggest_extractive(question, [passage]).answer == "2025-05-03"
