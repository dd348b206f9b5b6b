"""Yes/No evidence: concepts stated in other words, and questions that join parts with "and"."""

from __future__ import annotations

import pytest

from assessments.suggestions import lexicon
from assessments.suggestions.extractive import retrieval_query, suggest_extractive
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage


def _passage(text: str) -> Passage:
    return Passage(document_id="d", document_name="notes.txt", text=text, score=1.0, page=None, section=None)


def _yes_no(text: str) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="Q-1", text=text, response_type="Yes/No")


@pytest.mark.parametrize(
    ("sentence", "implied"),
    [
        ("The rota tool is a software-as-a-service product supplied by Tillbrook.", "vendor"),
        ("The scoring engine is licensed from Quorra Labs.", "vendor"),
        ("Replies are drafted by a language model.", "ai"),
        ("Voicemails are turned into text with speech-to-text.", "ai"),
        ("The booking form sits on the public website.", "internet"),
        ("Clinicians use it in a browser, and the service is reached over the internet.", "internetfacing"),
        ("Tutors sign in through the college directory.", "login"),
        ("Thirty days' notice is given before any change.", "tell"),
        ("Chat transcripts: 30 days, then automatic deletion.", "retain"),
        ("Backups are kept for six months and then erased.", "retain"),
        ("Firewall alerts are forwarded to Splunk.", "siem"),
        ("Badge reader events are ingested into the monitoring tool.", "send"),
    ],
)
def test_a_sentence_implies_the_broader_concept_it_names_in_other_words(sentence: str, implied: str) -> None:
    assert implied in lexicon.terms(sentence, broader=True)


def test_events_logged_in_a_tool_are_not_a_sign_in() -> None:
    assert "login" not in lexicon.terms("Failed payments are logged in the ledger.", broader=True)


def test_one_part_of_an_and_question_denied_answers_no() -> None:
    question = _yes_no("Were the uptime and latency targets met in the last quarter?")
    passage = _passage(
        "Quarterly report: uptime target met at 99.95%; latency target not met in the last quarter."
    )
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "No"
    assert suggestion.confidence != "high"


def test_a_denial_of_a_part_the_question_does_not_join_with_and_still_abstains() -> None:
    question = _yes_no("Will the kiosk store visitor names?")
    passage = _passage("The kiosk stores visitor names; the tablets do not store visitor photos.")
    assert suggest_extractive(question, [passage]).answer != "No"


def test_a_status_cell_answers_whether_the_work_has_been_done() -> None:
    question = _yes_no("Has the supplier risk review been completed?")
    row = _passage(
        "SR-4 | Supplier risk review signed off by the CFO | Dana Reyes | In progress | 2031-05-01"
    )
    suggestion = suggest_extractive(question, [row])
    assert suggestion.answer == "No"
    assert suggestion.confidence != "high"


def test_a_status_cell_does_not_turn_a_plan_question_into_no() -> None:
    question = _yes_no("Will the supplier notify us of breaches within 48 hours?")
    row = _passage(
        "SR-9 | Supplier notifies breaches within 48 hours | Dana Reyes | Agreed - pending signature"
    )
    assert suggest_extractive(question, [row]).answer == "Yes"


@pytest.mark.parametrize(
    "sentence",
    [
        "Contractor access to the portal is time-limited to 4 hours.",
        "Staff access to the portal only via the corporate VPN.",
    ],
)
def test_a_limit_on_something_else_does_not_answer_a_limited_to_question(sentence: str) -> None:
    question = _yes_no("Will access to the portal be limited to our own staff?")
    assert suggest_extractive(question, [_passage(sentence)]).status == "not_stated"


def test_a_limit_to_the_named_subject_answers_a_limited_to_question() -> None:
    question = _yes_no("Will access to the portal be limited to our own staff?")
    passage = _passage("Access to the portal is limited to employees of the council.")
    assert suggest_extractive(question, [passage]).answer == "Yes"


def test_a_denial_that_the_thing_exists_answers_is_there_a_qualified_one() -> None:
    question = _yes_no(
        "Is there a documented rollback plan for leaving the hosting provider, including data return?"
    )
    row = _passage(
        "R-7 | Hosting concentration | One provider hosts every service | Amber | Rollback plan not written."
    )
    suggestion = suggest_extractive(question, [row])
    assert suggestion.answer == "No"
    assert suggestion.confidence != "high"


def test_a_denial_of_something_else_in_an_is_there_question_still_abstains() -> None:
    question = _yes_no(
        "Is there a documented rollback plan for leaving the hosting provider, including data return?"
    )
    row = _passage(
        "R-7 | Hosting concentration | One provider hosts every service | Amber | Data return not tested."
    )
    assert suggest_extractive(question, [row]).answer != "No"


def test_a_breach_is_a_security_incident() -> None:
    assert {"secur", "incid"} <= set(
        lexicon.terms("A personal data breach is reported within a day.", broader=True)
    )


def test_a_not_started_row_answers_has_it_been_assessed_with_no() -> None:
    question = _yes_no(
        "Have prompt injection and model abuse through the chatbot been assessed and mitigated?"
    )
    row = _passage(
        "T-12 | Testing | Chatbot prompt-injection red-team exercise | Priya Nair | Not started | 2030-01-15"
    )
    suggestion = suggest_extractive(question, [row])
    assert suggestion.answer == "No"
    assert suggestion.confidence != "high"


def test_what_customers_supply_is_not_from_a_third_party() -> None:
    assert "vendor" not in lexicon.terms("Meter readings supplied by customers are checked.", broader=True)


def test_an_open_risk_is_not_unfinished_work() -> None:
    question = _yes_no("Has the flood risk to the depot been assessed?")
    row = _passage("RK-3 | Flood risk to the depot assessed by the surveyor | Lee Hart | Open | 2031-02-01")
    assert suggest_extractive(question, [row]).answer != "No"


def test_saml_is_single_sign_on_but_not_high_confidence_by_implication() -> None:
    question = _yes_no("Will users sign in through our single sign-on (SSO)?")
    passage = _passage("Users sign in through the corporate directory using SAML 2.0.")
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "Yes"
    assert suggestion.confidence != "high"


def test_the_status_of_follow_up_work_is_not_the_status_of_the_work_asked_about() -> None:
    question = _yes_no("Has a penetration test been carried out?")
    row = _passage("PT-2 | Penetration test remediation | Sam Ode | In progress | 2030-01-01")
    assert suggest_extractive(question, [row]).answer != "No"


def test_denying_an_unasked_quality_does_not_deny_the_thing_exists() -> None:
    untested = _passage("The incident response plan has not been tested.")
    assert (
        suggest_extractive(_yes_no("Is there an incident response plan for the service?"), [untested]).answer
        != "No"
    )
    asked = _yes_no("Is there a tested incident response plan for the service?")
    assert suggest_extractive(asked, [untested]).answer == "No"


def test_a_conjunction_across_a_preposition_is_still_a_conjunction() -> None:
    question = _yes_no("Is data encrypted at rest and in transit?")
    passage = _passage("Data is encrypted at rest; it is not encrypted in transit between the two sites.")
    assert suggest_extractive(question, [passage]).answer == "No"


def test_a_rest_api_is_not_data_at_rest() -> None:
    assert "rest" not in lexicon.terms("Orders arrive over a REST API from the shop.", broader=True)
    assert "rest" not in lexicon.terms("The feed is polled through a RESTful endpoint.", broader=True)


def test_encrypted_backups_are_encryption_at_rest() -> None:
    question = _yes_no("Is data encrypted at rest?")
    passage = _passage("Nightly database backups are encrypted with keys the council holds.")
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "Yes"
    assert suggestion.confidence != "high"


def test_a_public_website_is_reachable_from_the_internet() -> None:
    question = _yes_no("Will the booking system be reachable from the internet?")
    passage = _passage("The booking system's form is embedded in the public website for residents.")
    assert suggest_extractive(question, [passage]).answer == "Yes"


def test_the_query_for_an_internet_question_looks_for_public_websites() -> None:
    assert "website" in retrieval_query(_yes_no("Will the system be reachable from the internet?")).split()


def test_a_finished_row_about_the_thing_does_not_say_the_deed_asked_was_done() -> None:
    question = _yes_no("Has a business continuity plan been tested?")
    row = _passage("BC-1 | Business continuity plan | Ops | Completed | 2030-01-01")
    assert suggest_extractive(question, [row]).status == "not_stated"
    tested = _passage("The business continuity plan was tested in March.")
    assert suggest_extractive(question, [tested]).answer == "Yes"


def test_a_plan_as_a_noun_is_not_a_plan_to_do_something() -> None:
    question = _yes_no("Is there a business continuity plan covering the service?")
    passage = _passage("The business continuity plan covers the service and its suppliers.")
    assert suggest_extractive(question, [passage]).answer == "Yes"


_PERSONAL_DATA = (
    "Will the change collect, store or process personal data (information about identifiable people "
    "such as customers or staff)?"
)


def test_denying_one_kind_of_data_is_no_answer_to_a_question_about_personal_data() -> None:
    # "data" from the question's gloss ("information about ...") is found in any sentence about data.
    suggestion = suggest_extractive(
        _yes_no(_PERSONAL_DATA), [_passage("The kiosk does not take, process or store payment card data.")]
    )
    assert suggestion.status == "not_stated"


def test_denying_personal_data_itself_still_answers_no() -> None:
    suggestion = suggest_extractive(
        _yes_no(_PERSONAL_DATA), [_passage("The kiosk does not store personal data of any kind.")]
    )
    assert (suggestion.status, suggestion.answer) == ("suggested", "No")


def test_a_narrower_denial_beside_a_clause_naming_the_asked_concept_answers_yes() -> None:
    # The denial is of one field; the other clause states the question's concept outright.
    question = _yes_no("Will personal data of shoppers be processed?")
    passage = _passage("No shopper number is sent as a field, but free text can still contain personal data.")
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "Yes"
    assert suggestion.confidence != "high"  # the sentence also denies something


def test_a_narrower_denial_beside_a_clause_missing_an_asked_concept_still_abstains() -> None:
    # The question asks about a third party too; the affirming clause does not name one.
    from assessments.suggestions.evidence import read_yes_no

    reading = read_yes_no(
        "Will personal data of shoppers go to a third party?",
        "No shopper number is kept as a field, but free text can still contain personal data.",
        frozenset({"shopper", "personaldata"}),
        frozenset(),
    )
    assert reading.answer is None


def test_a_narrower_denial_beside_a_conditional_clause_still_abstains() -> None:
    question = _yes_no("Will personal data of shoppers be processed?")
    passage = _passage("No shopper number is sent as a field, but free text may contain personal data.")
    assert suggest_extractive(question, [passage]).answer is None


def test_a_period_followed_by_other_work_is_no_retention_period() -> None:
    assert "retain" not in lexicon.terms("Critical fixes within 30 days, then a retest.", broader=True)


def test_a_stated_period_with_deletion_at_its_end_answers_whether_retention_is_set() -> None:
    question = _yes_no(
        "Has a retention period been set for the personal data, with deletion at the end of it?"
    )
    passage = _passage("Recorded personal data in the booking app: 12 months, then automatic deletion.")
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "Yes"
