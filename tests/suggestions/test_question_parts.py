"""Questions that join two questions with "or", and evidence heard against an answer.

Invented sentences, worded the way contracts, control registers and questionnaire replies put
things; none comes from an evaluation document.
"""

from __future__ import annotations

import pytest

from assessments.suggestions.disjuncts import question_disjuncts
from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage


def _answer(question: str, *texts: str, kind: str = "Yes/No", section: str | None = None):
    """The suggestion for ``question`` from one passage per text (all under ``section``)."""
    passages = [
        Passage(document_id=f"d{i}", document_name=f"d{i}.txt", text=t, score=1.0, page=None, section=section)
        for i, t in enumerate(texts)
    ]
    return suggest_extractive(QuestionForSuggestion(id="Q-1", text=question, response_type=kind), passages)


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "Will our staff sign in to the supplier's portal, or will supplier staff have access to our systems?",
            [
                "Will our staff sign in to the supplier's portal?",
                "Will supplier staff have access to our systems?",
            ],
        ),
        (
            "Does the contract give us a right to inspect the supplier, or to receive yearly assurance reports?",
            [
                "Does the contract give us a right to inspect the supplier?",
                "Does the contract give us a right to receive yearly assurance reports?",
            ],
        ),
        # Word-level alternatives and a list of nouns are the question's term groups: not split.
        ("Will the vendor store or process our data?", ["Will the vendor store or process our data?"]),
        (
            "Will the change involve licensed software, open-source components, or code written for us?",
            ["Will the change involve licensed software, open-source components, or code written for us?"],
        ),
    ],
)
def test_a_question_is_split_only_where_or_joins_two_whole_questions(question: str, parts: list[str]) -> None:
    assert question_disjuncts(question) == parts


def test_a_yes_to_either_part_of_an_or_question_is_a_yes() -> None:
    suggestion = _answer(
        "Will our staff sign in to the supplier's portal, or will supplier engineers have access to our network?",
        "Supplier engineers will have remote access to our network through the bastion for support.",
    )
    assert suggestion.answer == "Yes"


def test_a_no_to_one_part_of_an_or_question_is_no_answer_to_the_whole() -> None:
    suggestion = _answer(
        "Will our staff sign in to the supplier's portal, or will supplier engineers have access to our network?",
        "Supplier engineers will not have any access to our network.",
    )
    assert suggestion.status == "not_stated"


def test_a_no_to_both_parts_of_an_or_question_is_a_no() -> None:
    suggestion = _answer(
        "Will our staff sign in to the supplier's portal, or will supplier engineers have access to our network?",
        "Our staff will not sign in to the supplier's portal; all work is done through our own tools.",
        "Supplier engineers will not have any access to our network.",
    )
    assert suggestion.answer == "No"
    assert len(suggestion.citations) == 2  # each part's denial is cited


def test_a_denial_matching_only_an_example_word_does_not_contradict_the_answer() -> None:
    # "features" illustrates AI in the question; a denial about features is about something else.
    suggestion = _answer(
        "Does the change use artificial intelligence, including AI features built into a vendor's product?",
        "The change uses an AI model to triage incoming claims.",
        "The change does not use the export feature.",
    )
    assert suggestion.answer == "Yes"


def test_a_sentence_on_the_same_subject_read_the_other_way_still_leaves_it_open() -> None:
    suggestion = _answer(
        "Is customer data encrypted at rest?",
        "Customer data is encrypted at rest with AES-256.",
        "Customer data in the reporting replica is not encrypted at rest.",
    )
    assert suggestion.status == "not_stated"


def test_another_right_in_a_register_cell_is_no_right_to_audit() -> None:
    suggestion = _answer(
        "Does the contract give us a right to audit the vendor?",
        "Control ID: C-12 | Control: Vendor contract gives a right to object to new sub-processors | Status: Agreed",
    )
    assert suggestion.status == "not_stated"


def test_a_phrase_break_in_the_question_is_no_word_to_contrast_with() -> None:
    # The question's ")" before "enforced" is no word a sentence could put another one after.
    suggestion = _answer(
        "Is multi-factor authentication (MFA) enforced for all users?",
        "All users sign in through the corporate identity provider with its access policy (managed laptop, MFA).",
    )
    assert suggestion.answer == "Yes"


def test_a_denial_of_only_an_example_of_the_subject_is_no_no() -> None:
    # Accepting a No here would switch the AI area off on a sentence about an export feature.
    suggestion = _answer(
        "Does the change use artificial intelligence, including AI features built into a vendor's product?",
        "The change does not use the export feature.",
    )
    assert suggestion.status == "not_stated"


def test_a_denial_of_an_example_of_a_qualifier_is_a_no_but_only_low() -> None:
    suggestion = _answer(
        "Will the AI make or materially influence decisions about individuals, such as hiring, credit, pricing?",
        "The assistant drafts replies only; it does not make decisions about claims, cover or pricing.",
    )
    assert (suggestion.answer, suggestion.confidence) == ("No", "low")


def test_the_figure_agreed_for_the_customer_outranks_the_standard_and_reported_ones() -> None:
    suggestion = _answer(
        "What is the recovery point objective (RPO) in hours?",
        "Service level: Recovery Point Objective (RPO) | Vendor standard: 8 hours | Agreed for the Customer: 2 hours",
        "The vendor's reply gives the RPO as 8 hours and the RTO as 24 hours.",
        "ref: SL-4 | metric: Recovery Point Objective (RPO) | target: 8 hours | window: per invocation",
        kind="number",
    )
    assert (suggestion.answer, suggestion.confidence) == ("2", "low")


def test_a_yes_no_reading_takes_what_a_line_is_about_from_its_section_heading() -> None:
    suggestion = _answer(
        "Has a Data Protection Impact Assessment (DPIA) been completed for the change?",
        "DRAFT v0.2 - for discussion with the DPO and the programme.",
        section="Data Protection Impact Assessment",
    )
    assert suggestion.answer == "No"
    assert suggestion.confidence != "high"


def test_a_long_question_is_answered_by_a_sentence_that_leaves_some_qualifiers_unsaid() -> None:
    # Eleven groups: "physically separate data centres" and "automatic failover" go unsaid.
    suggestion = _answer(
        "Is the production service deployed across at least two availability zones or physically separate"
        " data centres, with automatic failover?",
        "Production is deployed across two availability zones.",
        "Support is available 24x7 from the service desk.",
        "The service desk is run from Lisbon.",
        "Invoices are issued quarterly in advance.",
        "Release notes are published monthly.",
        "The data centre team reviews capacity monthly.",
    )
    assert suggestion.answer == "Yes"
    assert suggestion.confidence == "low"


def test_a_label_naming_both_proposed_and_agreed_marks_no_figure_as_agreed() -> None:
    from assessments.suggestions.typed_values import _agreed_value
    from assessments.suggestions.values import find_dates

    row = (
        "ID: R7 | Risk: Session hijack | Mitigation (proposed / agreed): Fix planned Jan 2027 | Residual: TBC"
    )
    (value,) = find_dates(row)
    assert not _agreed_value(row, value, "", "agreed): Fix planned")
    agreed_row = "Service level: RPO | Standard: 4 hours | Agreed for the Customer: 1 March 2027"
    (value,) = find_dates(agreed_row)
    assert _agreed_value(agreed_row, value, "", "")


def test_a_reply_denying_one_example_of_the_kind_asked_is_no_no() -> None:
    suggestion = _answer(
        "Will special category data (such as health, biometric, ethnicity or religion) be processed?",
        "Ref: L.3 | Question: Is biometric data processed? | Response: No | Comment: No biometric data is processed.",
    )
    assert suggestion.status == "not_stated"


def test_an_undated_statement_is_no_yes_to_a_question_about_the_last_months() -> None:
    suggestion = _answer(
        "Have we reviewed the vendor's financial stability (for example a credit report) in the last 12 months?",
        "id: C-11 | control: Vendor financial stability reviewed | status: Implemented | last_reviewed: 2026-12-20 | notes: Relying on the SOC 2 report.",
    )
    assert suggestion.answer != "Yes"


def test_a_yes_to_a_documents_question_about_all_of_another_group_is_no_yes_about_all_users() -> None:
    suggestion = _answer(
        "Is multi-factor authentication (MFA) enforced for all users?",
        "Ref: C.2 | Question: Is MFA enforced for all supplier personnel with access to production? | Response: Yes"
        " | Comment: FIDO2 keys for all engineers.",
    )
    assert suggestion.status == "not_stated"


def test_a_minuted_report_of_what_another_document_had_stated_is_no_fact() -> None:
    suggestion = _answer(
        "Is TLS 1.2 enforced on all external interfaces?",
        "TA noted that the questionnaire response had stated that TLS 1.2 was enforced on all external interfaces.",
    )
    assert suggestion.status == "not_stated"


def test_a_list_of_conditions_to_meet_is_no_fact_that_they_are_met() -> None:
    suggestion = _answer(
        "Have all critical and high findings from the penetration test been remediated and retested?",
        "10.4 The Roll-out Conditions are: (i) remediation and successful retest of all Critical and High"
        " findings from the penetration test; (ii) a successful DR test.",
    )
    assert suggestion.answer != "Yes"


def test_an_open_control_in_a_tracker_is_not_in_place_yet() -> None:
    suggestion = _answer(
        "Is data encrypted in transit using TLS 1.2 or later?",
        "id: SEC-05 | area: Encryption | control_or_metric: Data in transit encrypted with TLS 1.2 or later on the"
        " ingestion endpoint | status: Open | owner: M. Alvarez | due_date: 2027-02-28",
    )
    assert suggestion.answer != "Yes"


def test_a_figure_repeated_in_a_cell_without_the_questions_words_does_not_leave_it_open() -> None:
    suggestion = _answer(
        "Is there a vulnerability management process that patches critical vulnerabilities within 14 days?",
        "id: SEC-11 | area: Vulnerability management | control: Supplier patching of critical vulnerabilities"
        " within 14 days | target: 14 days | status: Implemented",
    )
    assert suggestion.answer == "Yes"


@pytest.mark.parametrize(
    ("question", "row", "answer"),
    [
        (
            "Will any of our data be accessed from outside the UK?",
            "Ref: B.2 | Question: Will any customer data be accessed from outside the UK? | Response: Partially"
            " | Comment: Remote support from Austin and Manila.",
            "Yes",
        ),
        (
            "Is MFA enforced for all users?",
            "Ref: C.2 | Question: Is MFA enforced for all user access? | Response: Partially | Comment: Staff only.",
            "No",
        ),
    ],
)
def test_a_partial_reply_is_a_yes_to_any_and_a_no_to_all(question: str, row: str, answer: str) -> None:
    suggestion = _answer(question, row)
    assert suggestion.answer == answer
    assert suggestion.confidence != "high"


@pytest.mark.parametrize(("question", "answer"), [("RPO", "1"), ("RTO", "8")])
def test_a_slashed_pair_of_figures_is_read_against_its_slashed_pair_of_labels(
    question: str, answer: str
) -> None:
    suggestion = _answer(
        f"What is the {question} in hours?",
        "Service: Disaster recovery | Metric: RPO / RTO | Service Level: 1 hour / 8 hours",
        kind="number",
    )
    assert suggestion.answer == answer


def test_values_a_sentence_says_it_replaces_are_old_figures() -> None:
    from assessments.suggestions.values import Value, superseded

    text = "The RPO and RTO in Table 2 replace the values of 4 hours and 24 hours stated in the response."
    start = text.index("4 hours")
    assert superseded(text, Value(start, start + 1, "4"))


def test_a_date_in_a_cell_labelled_with_another_event_is_not_the_date_asked() -> None:
    suggestion = _answer(
        "Proposed contract start date",
        "id: PRV-11 | control: Photo retention per contract 6.6 | status: Implemented | last_reviewed: 2027-01-08",
        kind="date",
    )
    assert suggestion.status == "not_stated"


def test_a_citation_of_a_regulation_is_no_part_of_what_a_sentence_must_say() -> None:
    from assessments.suggestions.question_terms import without_references

    assert without_references("Is it a material outsourcing under PRA SS2/21 or FCA SYSC 8?") == (
        "Is it a material outsourcing ?"
    )
    assert without_references("Is data kept under lock and key?") == "Is data kept under lock and key?"
    suggestion = _answer(
        "Is the arrangement a material outsourcing under PRA SS2/21 or FCA SYSC 8?",
        "The bank treats the services as a material outsourcing arrangement.",
    )
    assert suggestion.answer == "Yes"


@pytest.mark.parametrize(
    "sentence",
    [
        "Claimants upload photos through a public upload page.",
        "The assistant answers delivery queries on the carrier's website.",
        "Patients book through bookings.example.co.uk.",
    ],
)
def test_a_public_page_a_website_or_a_web_address_is_reachable_from_the_internet(sentence: str) -> None:
    assert _answer("Will the system be reachable from the internet?", sentence).answer == "Yes"


def test_a_practice_done_at_least_as_often_as_the_window_answers_a_question_about_the_window() -> None:
    question = "Are backups taken, and has a restore been tested in the last 12 months?"
    often = _answer(
        question,
        "Ref: 7.2 | Question: Describe backup arrangements. | Response: Yes | Comment: Backups are taken "
        "nightly and kept 30 days; a full restore is tested quarterly.",
    )
    assert (often.answer, often.confidence) == ("Yes", "low")
    # Less often than the window, or no frequency at all: no dated evidence, no Yes.
    seldom = _answer(
        question,
        "Ref: 7.2 | Question: Describe backup arrangements. | Response: Yes | Comment: Backups are taken "
        "nightly and kept 30 days; a full restore is tested every two years.",
    )
    assert seldom.answer is None


def test_a_phrase_break_is_no_word_put_in_the_place_of_a_question_word() -> None:
    # "taken," ends a phrase in the question: "snapshots and" in the sentence is no other word
    # after something where the question has "taken".
    suggestion = _answer(
        "Are backups taken, and has a restore been tested?",
        "Backups: daily snapshots and hourly logs; a full restore is tested every quarter.",
    )
    assert suggestion.answer == "Yes"


def test_a_status_of_work_under_way_answers_a_question_about_what_will_be_done() -> None:
    row = (
        "id: PRV-3 | area: Transparency | control: Privacy notice for the new service | "
        "target: Published before launch | status: In progress | owner: A. Lee"
    )
    will = _answer("Will the privacy notice for the new service be published?", row)
    assert will.answer == "Yes" and will.confidence != "high"
    # "Partially" is a qualified reply whatever the question asks.
    partial = _answer(
        "Will the privacy notice for the new service be published?", row.replace("In progress", "Partially")
    )
    assert partial.answer is None


def test_partially_to_the_documents_question_about_the_same_things_is_no_to_all_of_them() -> None:
    suggestion = _answer(
        "Have all critical and high findings from the penetration test been fixed?",
        "No.: E3 | Question: What is the status of critical and high findings from the penetration test? | "
        "Response: Partially | Comment: C1 fixed and retested; H2 fix planned for January.",
    )
    assert suggestion.answer == "No" and suggestion.confidence != "high"
