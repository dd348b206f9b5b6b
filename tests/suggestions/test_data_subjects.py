"""Whose personal data: a multiple choice of kinds of people read from a data-subjects list in
the business's own words. Invented sentences, worded the way DPIAs and processing schedules
list their data subjects; none comes from an evaluation document."""

from __future__ import annotations

from assessments.suggestions.data_subjects import kind_of, people_options
from assessments.suggestions.retrieval import retrieval_query
from assessments.suggestions.types import QuestionForSuggestion
from tests.suggestions.answering import suggest_from

OPTIONS = ("Employees", "Contractors", "Job applicants", "Customers", "Members of the public", "Children")
QUESTION = "Whose personal data will be processed?"


def _answer(*texts: str, section: str | None = None) -> list[str] | None:
    passages = list(texts)
    from assessments.suggestions.extractive import suggest_extractive
    from integrations.kb.contract import Passage

    suggestion = suggest_extractive(
        QuestionForSuggestion(id="DP-1", text=QUESTION, response_type="multi-choice", options=OPTIONS),
        [
            Passage(
                document_id=f"d{i}", document_name="dpia.docx", text=t, score=1.0, page=None, section=section
            )
            for i, t in enumerate(passages)
        ],
    )
    return suggestion.answer  # type: ignore[return-value]


def test_the_options_are_kinds_of_people_and_other_lists_are_not() -> None:
    assert people_options(OPTIONS)
    assert [kind_of(o) for o in OPTIONS] == [
        "employee",
        "contractor",
        "applicant",
        "customer",
        "public",
        "child",
    ]
    assert not people_options(("SaaS", "On-premises", "Hybrid"))


def test_a_data_subjects_sentence_names_kinds_in_the_business_words() -> None:
    sentence = (
        "Data subjects are policyholders and claimants, the Customer's staff, agency workers "
        "and bystanders captured in photographs."
    )
    assert _answer(sentence) == ["Employees", "Contractors", "Customers", "Members of the public"]


def test_a_row_under_a_data_subjects_heading_names_its_first_cell() -> None:
    rows = (
        "Category: Tenants and leaseholders | Approx. number: 21,000 | Notes: includes members of the public who call\n"
        "Category: Household members (including children) | Approx. number: c. 9,000 | Notes: named on tenancy"
    )
    assert _answer(rows, section="3.2 Data subjects") == ["Customers", "Children"]


def test_a_denied_kind_and_a_data_subject_request_name_nobody() -> None:
    assert _answer("Data subjects: tenants and their carers; no children.") == ["Customers"]
    assert _answer("The Supplier shall answer data subject requests from customers within 5 days.") is None


def test_customer_capitalised_is_the_contracts_party_not_its_customers() -> None:
    assert _answer("Data subjects are Customer's drivers and members of the public.") == [
        "Members of the public"
    ]


def test_the_query_for_kinds_of_people_searches_the_data_subjects_lists() -> None:
    question = QuestionForSuggestion(id="DP-1", text=QUESTION, response_type="multi-choice", options=OPTIONS)
    assert "data subjects" in retrieval_query(question)
    assert (
        suggest_from("Is personal data processed?", "Personal data of customers is processed.").answer
        == "Yes"
    )
