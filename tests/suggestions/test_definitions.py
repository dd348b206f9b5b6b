"""What the documents say their system is answers questions about the system as a whole.

Invented sentences, worded the way designs and DPIAs introduce a system; none comes from an
evaluation document.
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


def _choice(question: str, options: tuple[str, ...], *texts: str):
    asked = QuestionForSuggestion(id="Q-1", text=question, response_type="single-choice", options=options)
    return suggest_extractive(asked, _passages(texts))


def _yes_no(question: str, *texts: str):
    asked = QuestionForSuggestion(id="Q-1", text=question, response_type="Yes/No")
    return suggest_extractive(asked, _passages(texts))


_KINDS = (
    "New system built in-house",
    "New SaaS or cloud product",
    "Integration between existing systems",
    "Other",
)
_HOSTING = ("Vendor-hosted SaaS", "Our cloud tenancy (AWS, Azure or GCP)", "Our data centre", "Hybrid")


def test_what_the_documents_say_their_system_is_answers_a_question_about_the_system_as_a_whole() -> None:
    documents = (
        "Pellar is a software-as-a-service platform supplied by Quillon Systems Ltd.",
        "Pellar connects to the ledger through a nightly file and to Entra ID for sign-in.",
        "Pellar will be rolled out to the Leeds office first.",
    )
    kind = _choice("What kind of change is this?", _KINDS, *documents)
    assert kind.answer == "New SaaS or cloud product" and kind.confidence == "low"
    assert kind.citations[0].passage.startswith("Pellar is a software-as-a-service platform")
    # Software as a service is hosted by its provider, by definition.
    assert _choice("Where will the system be hosted?", _HOSTING, *documents).answer == "Vendor-hosted SaaS"


def test_a_definition_answers_only_for_the_system_the_documents_are_about_and_only_when_settled() -> None:
    neighbour = (
        "Pellar is the new case-management workspace for the claims team.",
        "Pellar sends its call records to Tonewire, and Pellar users sign in with Entra ID.",
        "Tonewire is a SaaS telephony platform we already use.",
    )
    # Tonewire, mentioned less, is a neighbouring system, not the change.
    assert _choice("What kind of change is this?", _KINDS, *neighbour).answer is None
    proposed = ("Pellar is a platform that could be offered as SaaS if the board agrees.",)
    assert _choice("Where will the system be hosted?", _HOSTING, *proposed).answer is None
    # A question about more than what the system is (its backups) is not answered by a definition.
    backups = _choice(
        "Where will the backups be hosted?",
        _HOSTING,
        "Pellar is a software-as-a-service platform supplied by Quillon Systems Ltd.",
    )
    assert backups.answer is None


def test_a_yes_no_question_every_word_of_which_the_definition_names_or_implies_is_yes() -> None:
    documents = (
        "Pellar is a software-as-a-service platform supplied by Quillon Systems Ltd.",
        "Pellar will be rolled out to the Leeds office first.",
    )
    # Software as a service is licensed from its supplier, by definition.
    licensed = _yes_no("Will software be licensed from a third party for this change?", *documents)
    assert licensed.answer == "Yes" and licensed.confidence == "low"
    # Words the definition does not name (keys, encryption) leave the question to the other readings.
    assert _yes_no("Will the data be encrypted with our own keys?", *documents).answer is None
    # A definition never answers No.
    plain = ("Pellar is a case-management platform built by our own developers.",)
    assert _yes_no("Will software be licensed from a third party for this change?", *plain).answer is None


def test_a_supplier_providing_a_named_platform_defines_it_and_a_party_is_no_system() -> None:
    documents = (
        "(A) Quillon provides a software-as-a-service planning platform known as Pellar.",
        "Hartfield is the controller and Quillon the processor; Hartfield staff use Pellar daily.",
        "Hartfield is the controller for all Hartfield records.",
    )
    # Hartfield is named most, but is said to be a party, not a system: Pellar is the system.
    assert _choice("What kind of change is this?", _KINDS, *documents).answer == "New SaaS or cloud product"


def test_a_row_replying_not_applicable_names_no_option() -> None:
    row = "Ref: H.5 | Question: Which of our data centres will host the system? | Response: N/A"
    assert _choice("Where will the system be hosted?", _HOSTING, row).answer is None


def test_a_key_details_row_naming_the_service_defines_it() -> None:
    row = "Service | Ledgerly accounts platform, provided as software-as-a-service (see clause 3)"
    licence = _choice(
        "What type of licence will be used?", ("Perpetual", "Subscription", "Per user", "Other"), row
    )
    assert (licence.answer, licence.confidence) == ("Subscription", "low")
    # A row naming no system ("Service | 24 x 7 support") defines nothing.
    support = "Service | Support desk, available 24 x 7"
    assert (
        _choice("What type of licence will be used?", ("Perpetual", "Subscription"), support).answer is None
    )


def test_a_system_introduced_in_apposition_mid_sentence_is_defined() -> None:
    sentence = (
        "Northwind Bank is replacing its ageing case tool with CaseFlow, a SaaS case-management "
        "platform provided by Acme Ltd under Order Form AC-12."
    )
    suggestion = _choice("What kind of change is this?", _KINDS, sentence)
    assert (suggestion.answer, suggestion.confidence) == ("New SaaS or cloud product", "low")
    # A party introduced the same way is no system: a company is not a platform.
    party = "The order is placed with Acme Ltd, a company registered in England."
    assert _choice("What kind of change is this?", _KINDS, party).answer is None
