"""Free-text answers: the kind of thing a question asks for, and answers quoted from several sentences."""

from __future__ import annotations

import pytest

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.free_text import asked_kinds, things_of_kind
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage


def _passage(text: str, *, document: str = "notes.docx") -> Passage:
    return Passage(
        document_id=document, document_name=document, text=text, score=2.0, page=None, section=None
    )


def _free_text(text: str) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="FT-1", text=text, response_type="free-text")


FILLER = (
    "The pilot starts in the north region. Team leaders review dashboards weekly. "
    "Training material is prepared by the service desk. The steering group meets monthly."
)


def test_a_sentence_naming_the_vendor_answers_a_name_question_it_covers_only_in_part() -> None:
    question = _free_text("What is the vendor's legal name, and which product or service are we buying?")
    passages = [
        _passage(FILLER),
        _passage(
            "Legal have reviewed the draft terms. "
            "Deskflow is a hosted helpdesk product supplied by Northwind Tools Ltd."
        ),
    ]
    suggestion = suggest_extractive(question, passages)
    assert suggestion.status == "suggested"
    assert "Northwind Tools Ltd" in suggestion.answer
    assert [c.passage for c in suggestion.citations] == [
        "Deskflow is a hosted helpdesk product supplied by Northwind Tools Ltd."
    ]
    assert suggestion.confidence != "high"


def test_a_retention_answer_is_composed_from_distinct_sentences_each_cited() -> None:
    question = _free_text("State the retention period and how the data is deleted or anonymised.")
    passages = [
        _passage(FILLER),
        _passage("Support tickets are retained for six years, then deleted automatically."),
        _passage(
            "Call recordings are retained for 90 days and then deleted by a nightly job.",
            document="register.xlsx",
        ),
    ]
    suggestion = suggest_extractive(question, passages)
    assert suggestion.status == "suggested"
    assert "six years" in suggestion.answer and "90 days" in suggestion.answer
    # The answer is made of the cited sentences, verbatim.
    assert suggestion.answer == " ".join(c.passage for c in suggestion.citations)
    assert {c.document_name for c in suggestion.citations} == {"notes.docx", "register.xlsx"}


def test_a_sentence_repeating_a_quoted_fact_is_not_quoted_again() -> None:
    question = _free_text("State the retention period and how the data is deleted or anonymised.")
    passages = [
        _passage("Support tickets are retained for six years, then deleted automatically."),
        _passage(
            "Retention: support tickets six years, then deleted automatically.", document="register.xlsx"
        ),
    ]
    suggestion = suggest_extractive(question, passages)
    assert len(suggestion.citations) == 1


def test_a_duration_in_a_sentence_about_something_else_is_not_added() -> None:
    question = _free_text("State the retention period and how the data is deleted or anonymised.")
    passages = [
        _passage("Support tickets are retained for six years, then deleted automatically."),
        _passage("The supplier must give 30 days notice of any change to the service."),
    ]
    suggestion = suggest_extractive(question, passages)
    assert suggestion.answer == "Support tickets are retained for six years, then deleted automatically."


def test_a_name_question_abstains_when_no_sentence_is_about_it() -> None:
    question = _free_text("Name the model provider, the model and its version.")
    passages = [_passage(FILLER), _passage("The intranet was upgraded to Portal 4.2 last spring.")]
    assert suggest_extractive(question, passages).status == "not_stated"


def test_a_place_the_question_names_itself_answers_nothing() -> None:
    question = _free_text(
        "Please list each country outside the UK/EEA and the transfer mechanism relied on for it."
    )
    passages = [_passage("All processing stays in the UK and the EEA; no transfer mechanism is needed.")]
    assert things_of_kind(passages[0].text, asked_kinds(question.text), question.text) == frozenset()
    assert suggest_extractive(question, passages).status == "not_stated"


def test_a_sign_in_description_quotes_the_method_and_where_credentials_are_kept() -> None:
    question = _free_text(
        "Describe how users will authenticate and how passwords or credentials are managed."
    )
    passages = [
        _passage(FILLER),
        _passage(
            "Users authenticate through single sign-on with SAML 2.0, and MFA is enforced. "
            "Administrator credentials are managed in a password vault with check-out approval."
        ),
    ]
    suggestion = suggest_extractive(question, passages)
    assert suggestion.status == "suggested"
    assert "SAML 2.0" in suggestion.answer and "password vault" in suggestion.answer
    assert len(suggestion.citations) == 2


def test_a_description_quotes_at_most_two_sentences_and_a_list_at_most_three() -> None:
    sentences = [
        "Users authenticate with SSO through the corporate identity provider.",
        "Contractor users authenticate with MFA using hardware tokens.",
        "Service users authenticate with client certificates issued yearly.",
    ]
    passages = [_passage(" ".join(sentences))]
    described = suggest_extractive(_free_text("Describe how users will authenticate."), passages)
    listed = suggest_extractive(_free_text("List each way users will authenticate."), passages)
    assert len(described.citations) == 2
    assert len(listed.citations) == 3


@pytest.mark.parametrize(
    ("question", "sentence", "thing"),
    [
        ("Who is the supplier?", "The platform is licensed from Acme Data GmbH.", "acme data gmbh"),
        ("Who is the supplier?", "The service is provided by Orbit Systems.", "provided by orbit systems"),
        ("Which model and version?", "Answers are drafted by Quill Writer 2.5.", "quill writer 2.5"),
        ("Which model and version?", "It is pinned to scribe-4.1-2025-02-01.", "scribe-4.1-2025-02-01"),
        ("Which model and version?", "Drafts come from Scribe-4o 2025-02-01.", "scribe-4o 2025-02-01"),
        ("Where is data stored?", "Backups are kept in Germany.", "germany"),
        ("How long is data kept?", "Logs are kept for twelve months.", "twelve months"),
    ],
)
def test_things_of_the_kind_asked_are_recognised_by_general_patterns(
    question: str, sentence: str, thing: str
) -> None:
    assert thing in things_of_kind(sentence, asked_kinds(question), question)


@pytest.mark.parametrize(
    "sentence",
    ["See Section 4.2 for the details.", "Risk RSK-05 is open.", "Control AC-12 is tested yearly."],
)
def test_document_numbering_and_register_ids_are_not_versioned_names(sentence: str) -> None:
    question = "Which model and version?"
    assert things_of_kind(sentence, asked_kinds(question), question) == frozenset()


def test_a_close_sentence_holding_no_name_does_not_answer_a_name_question() -> None:
    question = _free_text("What is the vendor's legal name?")
    passages = [_passage("The vendor's legal name will be confirmed by procurement.")]
    assert suggest_extractive(question, passages).status == "not_stated"


def test_a_description_question_is_still_answered_by_its_closest_sentence() -> None:
    question = _free_text("Describe how the data is backed up.")
    passages = [_passage(FILLER), _passage("The data is backed up nightly to a second site.")]
    suggestion = suggest_extractive(question, passages)
    assert suggestion.answer == "The data is backed up nightly to a second site."
    assert suggestion.confidence == "low"


def test_a_company_registration_number_is_part_of_a_legal_identity() -> None:
    question = "Please state the full legal name and company registration number of the vendor."
    sentence = "Pelican Systems Limited is registered in Scotland under number SC654321."
    found = things_of_kind(sentence, asked_kinds(question), question)
    assert "pelican systems limited" in found
    assert any(thing.endswith("sc654321") for thing in found)


def test_an_answer_from_an_enumerated_list_quotes_its_sibling_items_in_order() -> None:
    clause = _passage(
        "11.1 The AI Components are:\n"
        "(a) the Riskwise Model, version 2.3, a classification model developed by the Supplier; and\n"
        "(b) Helpdesk Chat, which uses the large language model Orca Sage 3.5 provided by Orca AI, Inc."
    )
    aside = _passage(
        "The fairness report arrived in May but covers Riskwise Model v2.2, not v2.3.", document="minutes.pdf"
    )
    suggestion = suggest_extractive(
        _free_text("Name the model provider, the model and its version."), [clause, aside]
    )
    assert suggestion.answer.startswith("(a) the Riskwise Model, version 2.3")
    assert "(b) Helpdesk Chat" in suggestion.answer
    assert "fairness report" not in suggestion.answer


def test_registered_under_number_answers_a_question_asking_the_registration_number() -> None:
    from tests.suggestions.answering import suggest_from

    question = (
        "Please state the full legal name, company registration number and country of incorporation "
        "of the vendor entity that will contract with us."
    )
    parties = (
        "This Order Form is made between (1) Acme Widgets Ltd, a company registered in England and Wales under "
        'number 01234567, of 1 High Street, Leeds ("Supplier"); and (2) Northwind Bank plc ("Customer").'
    )
    others = (
        "The Supplier shall provide the Services from the United Kingdom.",
        "The contract runs for 36 months from the Effective Date.",
        "Fees are payable quarterly in advance.",
    )
    suggestion = suggest_from(question, parties, *others, kind="free-text")
    assert suggestion.answer is not None and "01234567" in suggestion.answer
