"""The local suggestion engine on worked examples: what it answers, what it quotes, when it abstains."""

from __future__ import annotations

import pytest

from assessments.suggestions.extractive import retrieval_query, suggest_extractive
from assessments.suggestions.types import NOT_STATED_TEXT, QuestionForSuggestion
from integrations.kb.contract import Passage


def _passage(
    text: str, *, page: int | None = 2, section: str | None = "Hosting", score: float = 3.0
) -> Passage:
    return Passage(
        document_id="doc-1", document_name="brief.pdf", text=text, score=score, page=page, section=section
    )


def _yes_no(text: str) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="Q-1", text=text, response_type="Yes/No")


BRIEF = _passage(
    "Brightdesk is a third-party vendor headquartered in Dublin. "
    "Data is encrypted in transit with TLS 1.2 and at rest with AES-256. "
    "Under the contract, the vendor will not use our data to train its models. "
    "Agents sign in through single sign-on; multi-factor authentication is enforced for every user."
)


def test_it_answers_yes_from_a_plain_statement_and_quotes_it() -> None:
    suggestion = suggest_extractive(_yes_no("Is data encrypted at rest?"), [BRIEF])
    assert (suggestion.status, suggestion.answer) == ("suggested", "Yes")
    [citation] = suggestion.citations
    assert citation.passage == "Data is encrypted in transit with TLS 1.2 and at rest with AES-256."
    assert (citation.document_id, citation.document_name, citation.page, citation.section) == (
        "doc-1",
        "brief.pdf",
        2,
        "Hosting",
    )
    assert suggestion.confidence == "high" and suggestion.score >= 0.8
    assert "brief.pdf" in suggestion.rationale and "\n" not in suggestion.rationale


def test_it_answers_no_from_a_negative_statement() -> None:
    question = _yes_no("Will the provider use our data, prompts or outputs to train or improve its models?")
    suggestion = suggest_extractive(question, [BRIEF])
    assert suggestion.answer == "No"
    assert (
        suggestion.citations[0].passage
        == "Under the contract, the vendor will not use our data to train its models."
    )
    assert '"will not"' in suggestion.rationale


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("Customer data never leaves the EU region.", "No"),
        ("Customer data won't leave the EU region.", "No"),
        ("Neither customer data nor logs leave the EU region.", "No"),
        ("No customer data leaves the EU region.", "No"),
        ("Customer data leaves the EU region for support.", "Yes"),
        ("Customer data leaves the EU region no later than a week after upload.", "Yes"),
    ],
)
def test_it_reads_negation_cues(sentence: str, answer: str) -> None:
    suggestion = suggest_extractive(_yes_no("Will customer data leave the EU region?"), [_passage(sentence)])
    assert suggestion.answer == answer


def test_it_reads_a_double_negation() -> None:
    question = _yes_no("Can the kiosk work without a network connection?")
    passage = _passage("The kiosk cannot work without a network connection.")
    assert suggest_extractive(question, [passage]).answer == "No"
    assert (
        suggest_extractive(question, [_passage("The kiosk can work without a network connection.")]).answer
        == "Yes"
    )


def test_it_reads_polarity_from_the_clause_that_answers() -> None:
    passage = _passage("The vendor holds ISO 27001 certification, but it does not have a SOC 2 report.")
    assert (
        suggest_extractive(_yes_no("Does the vendor hold ISO 27001 certification?"), [passage]).answer
        == "Yes"
    )
    assert suggest_extractive(_yes_no("Does the vendor have a SOC 2 report?"), [passage]).answer == "No"


def test_it_counts_an_example_as_the_thing_it_illustrates() -> None:
    question = _yes_no("Will special category data (such as health, biometric or religion) be processed?")
    passage = _passage("Some tickets will contain health information about claimants.")
    assert suggest_extractive(question, [passage]).answer == "Yes"


def test_it_knows_the_vendor_by_name() -> None:
    passage = _passage(
        "Brightdesk is a third-party vendor. Brightdesk engineers will have access to our data during support cases."
    )
    question = _yes_no("Will a vendor, contractor or partner have access to our systems or data?")
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "Yes"
    assert suggestion.citations[0].passage.startswith("Brightdesk engineers")


@pytest.mark.parametrize(
    "question",
    [
        "Has an independent penetration test been carried out in the last 12 months?",
        "Is there a disaster recovery plan covering this system?",
        "Does the contract give us a right to audit the vendor?",
        "Will the privacy notice be updated?",
    ],
)
def test_it_says_not_stated_rather_than_guess(question: str) -> None:
    suggestion = suggest_extractive(_yes_no(question), [BRIEF])
    assert suggestion.status == "not_stated"
    assert suggestion.answer is None
    assert suggestion.rationale == NOT_STATED_TEXT
    assert suggestion.citations == ()
    assert suggestion.confidence == "low" and suggestion.score < 0.5


def test_it_says_not_stated_without_passages() -> None:
    suggestion = suggest_extractive(_yes_no("Is data encrypted at rest?"), [])
    assert (suggestion.status, suggestion.answer, suggestion.score) == ("not_stated", None, 0.0)


def test_it_picks_the_option_a_passage_names() -> None:
    question = QuestionForSuggestion(
        id="CS-08",
        text="Who manages the encryption keys?",
        response_type="single-choice",
        options=("We do (customer-managed keys)", "The vendor", "Not known"),
    )
    passage = _passage("We manage the encryption keys ourselves with customer-managed keys in our own KMS.")
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "We do (customer-managed keys)"
    assert suggestion.citations[0].passage == passage.text


def test_it_lists_every_option_named_for_a_multiple_choice() -> None:
    question = QuestionForSuggestion(
        id="TP-05",
        text="Which assurance reports or certifications has the vendor provided?",
        response_type="multi-choice",
        options=("SOC 2 Type II", "ISO/IEC 27001", "PCI DSS"),
    )
    passage = _passage(
        "The vendor provided its ISO/IEC 27001 certificate and a SOC 2 Type II report as assurance."
    )
    assert suggest_extractive(question, [passage]).answer == ["SOC 2 Type II", "ISO/IEC 27001"]


def test_it_reads_a_date_next_to_the_words_of_the_question() -> None:
    question = QuestionForSuggestion(
        id="Q-03", text="What is the planned go-live date?", response_type="date"
    )
    passage = _passage(
        "The contract will be signed on 15 December 2025, well before go-live.\nGo-live | 2 March 2026 | Operations"
    )
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "2026-03-02"
    assert suggestion.citations[0].passage == "Go-live | 2 March 2026 | Operations"


def test_it_reads_the_number_the_question_asks_for() -> None:
    question = QuestionForSuggestion(
        id="TP-11", text="What is the expected annual contract value in GBP?", response_type="number"
    )
    passage = _passage(
        "The contract costs about GBP 420,000 a year, with one-off implementation costs of GBP 150,000."
    )
    assert suggest_extractive(question, [passage]).answer == "420000"


def test_it_says_not_stated_when_the_matching_sentence_has_no_number() -> None:
    question = QuestionForSuggestion(
        id="CS-10", text="For how many days are security logs kept?", response_type="number"
    )
    passage = _passage("Security logs are kept by the vendor.")
    assert suggest_extractive(question, [passage]).status == "not_stated"


def test_it_quotes_the_sentence_for_free_text() -> None:
    question = QuestionForSuggestion(
        id="DP-09",
        text="State the retention period and how the data is deleted or anonymised.",
        response_type="free-text",
    )
    passage = _passage(
        "Agents work in three sites. Closed tickets are retained for seven years and then deleted automatically."
    )
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "Closed tickets are retained for seven years and then deleted automatically."
    assert [c.passage for c in suggestion.citations] == [suggestion.answer]


def test_it_weighs_sentences_about_today_below_sentences_about_the_change() -> None:
    question = _yes_no("Will the system be hosted in our data centre?")
    passages = [
        _passage("Today the ticketing system is hosted in our data centre in Leeds."),
        _passage("The new system will not be hosted in our data centre; the vendor hosts it."),
    ]
    assert suggest_extractive(question, passages).answer == "No"


def test_it_builds_the_query_from_the_question_terms_and_options() -> None:
    question = QuestionForSuggestion(
        id="CS-01",
        text="Describe where the system will be hosted.",
        response_type="single-choice",
        options=("Vendor-hosted SaaS", "Our data centre"),
    )
    query = retrieval_query(question)
    assert "hosted" in query and "Vendor-hosted SaaS" in query and "Our data centre" in query
    assert "Describe" not in query


def test_it_says_which_risk_areas_accepting_a_qualifying_answer_removes() -> None:
    question = QuestionForSuggestion(
        id="Q-6",
        text="Will the change process personal data?",
        response_type="Yes/No",
        gates=(("Yes", "Data Privacy"),),
    )
    no = suggest_extractive(question, [_passage("The change does not process personal data.")])
    assert (no.answer, no.removes_areas) == ("No", ("Data Privacy",))
    yes = suggest_extractive(question, [_passage("The change processes personal data of customers.")])
    assert (yes.answer, yes.removes_areas) == ("Yes", ())


def test_it_abstains_on_a_denial_of_something_narrower_than_the_question() -> None:
    question = _yes_no("Will the change collect or process personal data?")
    passage = _passage("No health, biometric or criminal record data is collected.")
    assert suggest_extractive(question, [passage]).status == "not_stated"


def test_it_does_not_read_a_plan_or_a_draft_as_done() -> None:
    question = _yes_no("Has a data protection impact assessment been completed?")
    for sentence in ("The DPIA will be completed before go-live.", "The DPIA completion is in progress."):
        suggestion = suggest_extractive(question, [_passage(sentence)])
        # Not done yet: No, and never "high" (the reading rests on the statement's tense).
        assert (suggestion.answer, suggestion.confidence) == ("No", "medium"), sentence
    assert suggest_extractive(question, [_passage("A DPIA completion may be needed.")]).status == "not_stated"
    assert suggest_extractive(question, [_passage("The DPIA was completed in May.")]).answer == "Yes"
    future = _yes_no("Will the DPIA be completed before go-live?")
    assert (
        suggest_extractive(future, [_passage("The DPIA will be completed before go-live.")]).answer == "Yes"
    )


def test_it_gives_a_duration_in_the_unit_the_question_asks_for() -> None:
    question = QuestionForSuggestion(
        id="Q-1", text="What is the recovery point objective in hours?", response_type="number"
    )
    passage = _passage("The agreed RPO is 15 minutes; our standard is RPO 1 hour.")
    assert suggest_extractive(question, [passage]).answer == "0.25"


def test_it_takes_no_answer_from_a_sentence_that_asks() -> None:
    question = _yes_no("Is any of our data used for model training?")
    passage = _passage("Open points from the call.\n4. Is any of our data used for model training?")
    assert suggest_extractive(question, [passage]).status == "not_stated"


def test_it_reads_the_reply_a_document_gives_to_its_own_question() -> None:
    question = _yes_no("Is customer data encrypted at rest?")
    passage = _passage("Is customer data encrypted at rest?\nNo. Encryption at rest is on the 2027 roadmap.")
    suggestion = suggest_extractive(question, [passage])
    assert suggestion.answer == "No"
    assert suggestion.citations[0].passage.startswith("Is customer data encrypted at rest?\nNo.")
    hedged = _passage("Is customer data encrypted at rest?\nYes, but only for the database tier.")
    assert suggest_extractive(question, [hedged]).answer != "No"


def test_an_examples_word_that_another_part_of_the_question_asks_for_does_not_match_the_examples_part() -> (
    None
):
    from assessments.suggestions.question_terms import question_groups

    groups = question_groups(
        "If the AI model becomes unavailable, does the service degrade gracefully (fallback model)?", "yes/no"
    )
    degrade = next(g for g in groups if any("degrad" in a.terms for a in g.alternatives))
    assert all(a.terms != ("model",) for a in degrade.alternatives)


def test_a_purpose_that_only_restates_what_the_change_is_for_is_not_asked_of_the_evidence() -> None:
    from assessments.suggestions.question_terms import question_groups

    groups = question_groups(
        "Will the vendor use sub-processors or subcontractors to deliver the service?", "yes/no"
    )
    terms = {t for g in groups for a in g.alternatives for t in a.terms}
    assert "deliv" not in terms and "subprocessor" in terms


def test_a_denial_of_a_narrower_kind_is_no_denial_of_the_kind_asked() -> None:
    # "Biometric data" is personal data, so its presence affirms the broader question, but its
    # absence says nothing of personal data as a whole.
    question = _yes_no("Will the change collect, store, process or transmit personal data?")
    denial = _passage(
        "Ref: DAT-07 | Question: Do you collect biometric data? | Response: No | Comment: Not collected."
    )
    assert suggest_extractive(question, [denial]).status == "not_stated"
    affirms = _passage("The service will collect biometric data (fingerprints) at the gate.")
    assert suggest_extractive(question, [affirms]).answer == "Yes"


def test_a_denial_in_the_questions_own_narrower_word_still_answers_it() -> None:
    # "Breach" implies a security incident, but the question names the breach itself.
    question = _yes_no(
        "In the last 36 months, has the vendor suffered a personal data breach or security incident "
        "that was reported to the ICO or any other supervisory authority?"
    )
    denial = _passage(
        "Question: Have you suffered any personal data breach reportable to a supervisory authority in the"
        " last 36 months? | Response: No | Comment: No breaches reported to the ICO or any other authority."
    )
    assert suggest_extractive(question, [denial]).answer == "No"
