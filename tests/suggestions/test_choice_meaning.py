"""Choices named by what the evidence means: regions by their places, a public cloud by its
provider's name, members of the public by a public-facing service (invented documents)."""

from __future__ import annotations

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.places import region_options
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage

REGIONS = ("United Kingdom", "European Economic Area", "United States", "Canada", "Other")
HOSTING = (
    "Public cloud - Amazon Web Services",
    "Public cloud - Microsoft Azure",
    "Other public cloud",
    "Hybrid (cloud and vendor data centre)",
)


def _passage(text: str, *, section: str = "Hosting", document: str = "design.md") -> Passage:
    return Passage(
        document_id=document, document_name=document, text=text, score=2.0, page=None, section=section
    )


def _question(text: str, kind: str, options: tuple[str, ...]) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="Q-1", text=text, response_type=kind, options=options)


_WHERE = "In which regions will our data be stored or processed, including backups? Select all that apply."


def test_a_choice_of_regions_is_named_by_the_cities_and_countries_in_them() -> None:
    text = (
        "Customer records are stored in the Frankfurt data centre, and backups of the data are "
        "replicated to Toronto."
    )
    suggestion = suggest_extractive(_question(_WHERE, "multi-choice", REGIONS), [_passage(text)])
    assert suggestion.answer == ["European Economic Area", "Canada"]
    assert suggestion.confidence == "low"


def test_a_region_the_evidence_denies_is_not_named() -> None:
    text = (
        "Customer data and its backups are stored and processed in London only. "
        "No data or backups are stored in the United States."
    )
    suggestion = suggest_extractive(_question(_WHERE, "multi-choice", REGIONS), [_passage(text)])
    assert suggestion.answer == ["United Kingdom"]


def test_the_pronoun_us_is_not_the_united_states() -> None:
    assert "United States" in region_options(REGIONS)
    text = "Backups of our data are stored by us in Dublin."
    suggestion = suggest_extractive(_question(_WHERE, "multi-choice", REGIONS), [_passage(text)])
    assert suggestion.answer == ["European Economic Area"]


def test_a_public_cloud_option_is_named_by_its_providers_name() -> None:
    question = _question("Which hosting model is used for the production service?", "single-choice", HOSTING)
    text = "Production is hosted in Amazon Web Services, in two availability zones."
    suggestion = suggest_extractive(question, [_passage(text)])
    assert (suggestion.status, suggestion.answer) == ("suggested", "Public cloud - Amazon Web Services")
    assert suggestion.confidence == "low"


def test_a_bracketed_example_does_not_name_whose_tenancy_it_is() -> None:
    options = ("Vendor-hosted SaaS", "Our cloud tenancy (AWS, Azure or GCP)", "Our data centre", "Hybrid")
    question = _question("Where will the system be hosted?", "single-choice", options)
    text = "All records are hosted in Microsoft Azure in two regions."
    suggestion = suggest_extractive(question, [_passage(text)])
    assert suggestion.answer != "Our cloud tenancy (AWS, Azure or GCP)"


def test_a_provider_still_being_considered_names_no_hosting_model() -> None:
    question = _question("Which hosting model is used for the production service?", "single-choice", HOSTING)
    text = "Production hosting may move to Microsoft Azure if the pilot succeeds."
    suggestion = suggest_extractive(question, [_passage(text)])
    assert suggestion.status != "suggested" or suggestion.answer != "Public cloud - Microsoft Azure"


def test_members_of_the_public_are_named_by_a_public_facing_website() -> None:
    options = ("Employees", "Customers", "Members of the public", "Children")
    question = _question("Whose personal data will be processed?", "multi-choice", options)
    text = (
        "The personal data of employees will be processed in the case system. "
        "The booking form is public-facing and collects the personal data visitors type in."
    )
    suggestion = suggest_extractive(question, [_passage(text, section="Personal data")])
    assert suggestion.answer is not None and "Members of the public" in suggestion.answer


def test_a_company_running_the_product_as_a_service_is_the_vendor_who_manages_keys() -> None:
    options = (
        "We do (customer-managed keys)",
        "The vendor",
        "The cloud provider's default keys",
        "Not known",
    )
    question = _question("Who manages the encryption keys?", "single-choice", options)
    text = (
        "Quillon runs Ledgerly as a hosted service. "
        "Every client has its own encryption keys (managed by Quillon in a hardware security module)."
    )
    suggestion = suggest_extractive(question, [_passage(text, section="Encryption")])
    assert (suggestion.answer, suggestion.confidence) == ("The vendor", "low")


def test_a_providers_short_name_names_its_public_cloud_option() -> None:
    question = _question("Which hosting model is used for the production service?", "single-choice", HOSTING)
    text = "Production is hosted in AWS, in two availability zones."
    suggestion = suggest_extractive(question, [_passage(text)])
    assert (suggestion.answer, suggestion.confidence) == ("Public cloud - Amazon Web Services", "low")


def test_a_region_named_for_its_law_or_clock_is_not_where_data_is() -> None:
    text = (
        "Customer data and its backups are stored in Warsaw under UK GDPR terms, "
        "with support from 08:00 to 18:00 UK time."
    )
    suggestion = suggest_extractive(_question(_WHERE, "multi-choice", REGIONS), [_passage(text)])
    assert suggestion.answer == ["European Economic Area"]


def test_a_weakly_covering_row_names_a_region_only_by_a_cell_labelled_as_where_data_is() -> None:
    from types import SimpleNamespace

    from assessments.suggestions.places import LOCATION_CELL_FLOOR, REGION_FLOOR, regions_named

    def scored(text: str, coverage: float) -> SimpleNamespace:
        return SimpleNamespace(coverage=coverage, candidate=SimpleNamespace(text=text))

    weak = (LOCATION_CELL_FLOOR + REGION_FLOOR) / 2
    rows = [
        scored("Sub-processor: Acme Ltd | Location of entity: London | Processing location: Toronto", weak),
        scored("Sub-processor: Brill Ltd | Service: support from Dublin", weak),
    ]
    named = regions_named(REGIONS, rows)
    # Toronto, in the labelled cell; not London (where the company is) nor Dublin (unlabelled).
    assert [option for option, _ in named or []] == ["Canada"]
