"""Near misses: sentences on the right topic that do not settle the question asked.

Each test holds invented sentences worded the way solution designs, contracts, DPIAs, security
questionnaire replies and meeting minutes put things, for one class of near miss. The engine must
be right or silent: a sentence that only looks like an answer is an abstention, never a Yes or a
No, and never "high".
"""

from __future__ import annotations

import pytest

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage


def _passage(text: str, name: str = "notes.txt") -> Passage:
    return Passage(document_id=name, document_name=name, text=text, score=1.0, page=None, section=None)


def _yes_no(text: str) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="Q-1", text=text, response_type="Yes/No")


def _typed(text: str, kind: str) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="Q-1", text=text, response_type=kind)


def _answer(question: QuestionForSuggestion, *texts: str):
    return suggest_extractive(question, [_passage(text) for text in texts])


# --- 1. a denial of something narrower ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            "Will the service use AI?",
            "The service does not use generative AI to make decisions about customers.",
        ),
        ("Does the vendor use subprocessors?", "The vendor does not use subprocessors outside the EEA."),
        ("Is data encrypted?", "Log files are not encrypted at rest."),
        ("Is data shared with third parties?", "Support tickets are not shared with third parties."),
        ("Is MFA enforced for all users?", "MFA is not enforced for service accounts."),
        (
            "Is the system accessible from the internet?",
            "The admin console is not accessible from the internet.",
        ),
        (
            "Will the supplier have access to personal data?",
            "The supplier will not have access to production backups containing personal data.",
        ),
        ("Will the system process personal data?", "The service does not process payment card data."),
        ("Will the vendor store our data?", "The vendor will not store our data after termination."),
        ("Are users authenticated with MFA?", "Service accounts are not authenticated with MFA."),
        ("Will personal data leave the UK?", "Personal data will not routinely leave the UK."),
    ],
)
def test_a_denial_of_a_narrower_thing_does_not_answer_no_to_the_broader_question(
    question: str, sentence: str
) -> None:
    assert _answer(_yes_no(question), sentence).answer != "No"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Is the system accessible from the internet?", "The system is not accessible from the internet."),
        (
            "Will personal data be shared with third parties?",
            "Personal data will not be sold or shared with third parties.",
        ),
        ("Does the vendor use subprocessors?", "The vendor does not use any subprocessors."),
        ("Will the system store personal data?", "The system will not store personal data at any point."),
        ("Will data be stored outside the UK?", "No data will be stored outside the UK."),
        ("Does the service use AI?", "Acme does not use AI in any form."),
    ],
)
def test_a_denial_of_the_whole_thing_asked_still_answers_no(question: str, sentence: str) -> None:
    assert _answer(_yes_no(question), sentence).answer == "No"


# --- 2. the right topic, the wrong predicate or subject ----------------------------------------


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            "Are individuals monitored?",
            "Token usage is monitored per user and reported to team leaders monthly.",
        ),
        ("Is access limited to staff?", "Administrator access is restricted to staff in the platform team."),
        ("Is access to personal data limited to staff?", "Admin access is limited to staff."),
        (
            "Will access be limited to our own staff?",
            "Access to the admin console is limited to our own staff.",
        ),
        ("Is the vendor certified to ISO 27001?", "The vendor's hosting provider is certified to ISO 27001."),
        (
            "Does the vendor hold a SOC 2 report?",
            "Azure, the vendor's hosting provider, holds a SOC 2 Type II report.",
        ),
        ("Are audit logs retained for 12 months?", "Audit logs are reviewed every 12 months."),
        ("Will staff performance be monitored?", "System performance is monitored by the vendor."),
        ("Is MFA required for all users?", "MFA is required for administrators."),
        (
            "Is personal data used to train AI models?",
            "The AI model is trained by the vendor on public data.",
        ),
    ],
)
def test_a_sentence_on_the_topic_with_another_predicate_or_subject_does_not_answer_yes(
    question: str, sentence: str
) -> None:
    assert _answer(_yes_no(question), sentence).answer != "Yes"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Is access limited to staff?", "Access is limited to staff."),
        ("Are individuals monitored?", "Individual agents are monitored through call recording."),
        ("Is data encrypted at rest?", "Backups are encrypted at rest."),
        ("Is the vendor certified to ISO 27001?", "The vendor is certified to ISO 27001."),
        ("Is MFA required for all users?", "MFA is required for all users."),
        (
            "Is there a business continuity plan?",
            "The business continuity plan covers the vendor's suppliers.",
        ),
    ],
)
def test_the_same_predicate_of_the_same_subject_still_answers_yes(question: str, sentence: str) -> None:
    assert _answer(_yes_no(question), sentence).answer == "Yes"


# --- 3. status and modality -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Is data encrypted at rest?", "Data is encrypted at rest where the customer requests it."),
        ("Is data encrypted at rest?", "Data encryption at rest is under consideration."),
        ("Is data encrypted at rest?", "Encryption at rest is recommended."),
        ("Is data encrypted at rest?", "Encryption at rest will be enabled in phase 2."),
        (
            "Is data encrypted at rest?",
            "The vendor has committed to encrypt data at rest by the end of the year.",
        ),
        ("Is audit logging enabled?", "Audit logging should be enabled before go-live."),
        ("Is MFA enforced?", "MFA enforcement is being rolled out."),
        ("Is there an exit plan?", "The exit plan is still being drafted."),
        ("Are backups tested?", "Backup restore tests are to be agreed with the vendor."),
        ("Is the DPIA approved?", "DPIA approval: to be confirmed by the DPO."),
        ("Is the retention period defined?", "Retention period to be confirmed after the workshop."),
        ("Is the vendor ISO 27001 certified?", "The vendor is working towards ISO 27001."),
        ("Will data be stored in the UK?", "Data will be stored in the UK if required by the customer."),
        (
            "Is single sign-on supported?",
            "Single sign-on is available on the Enterprise plan only, on request.",
        ),
        ("Has the security review been completed?", "The security review has been scheduled."),
        ("Was the go-live approved?", "Go-live approval was sought; the board asked for more information."),
    ],
)
def test_a_plan_a_draft_or_a_condition_is_not_taken_as_done(question: str, sentence: str) -> None:
    assert _answer(_yes_no(question), sentence).answer != "Yes"


def test_a_plan_for_later_still_answers_a_question_about_the_future() -> None:
    suggestion = _answer(
        _yes_no("Will data be encrypted at rest?"), "Encryption at rest will be enabled in phase 2."
    )
    assert suggestion.answer == "Yes"


def test_a_plan_answers_a_present_question_only_without_high_confidence() -> None:
    suggestion = _answer(_yes_no("Is data encrypted at rest?"), "Customer data will be encrypted at rest.")
    assert suggestion.confidence != "high"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Is encryption in place?", "Encryption is in place for the pilot; production is pending."),
        (
            "Will the vendor access production data?",
            "Vendor staff will not access production data without a ticket.",
        ),
    ],
)
def test_a_fact_with_an_unfinished_or_conditional_part_is_never_high(question: str, sentence: str) -> None:
    assert _answer(_yes_no(question), sentence).confidence != "high"


def test_a_plan_with_a_done_word_in_it_is_still_a_plan() -> None:
    suggestion = _answer(
        _yes_no("Is a business continuity plan in place?"),
        "A business continuity plan is expected to be in place by go-live.",
    )
    assert suggestion.answer != "Yes"
    assert suggestion.confidence != "high"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Is there a DPA with the vendor?", "The DPA with the vendor must be signed before go-live."),
        ("Is there a DPA with the vendor?", "A DPA with the vendor is a precondition of go-live."),
        (
            "Is customer data used to train models?",
            "Customer data is never used to train models without opt-in.",
        ),
        (
            "Does the vendor have cyber insurance?",
            "The vendor is required to hold cyber insurance of GBP 5m.",
        ),
        ("Is the vendor ISO 27001 certified?", "The vendor was ISO 27001 certified until 2024."),
        ("Is MFA enforced?", "MFA was enforced during the pilot."),
    ],
)
def test_a_requirement_or_a_state_that_has_ended_is_not_a_present_fact(question: str, sentence: str) -> None:
    assert _answer(_yes_no(question), sentence).answer != "Yes"


def test_a_contractual_duty_about_how_it_works_answers_but_not_surely() -> None:
    suggestion = _answer(
        _yes_no("Is data encrypted at rest?"), "The Supplier shall encrypt all Customer Data at rest."
    )
    assert (suggestion.answer, suggestion.confidence != "high") == ("Yes", True)


def test_a_contractual_obligation_still_answers_a_question_about_the_obligation() -> None:
    suggestion = _answer(
        _yes_no("Must the vendor notify us of security incidents within a set time?"),
        "The vendor must notify us of security incidents within 24 hours.",
    )
    assert suggestion.answer == "Yes"


# --- 5. questionnaire replies -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("Is data encrypted at rest?", "Q: Is customer data encrypted at rest? | A: Partially"),
        (
            "Is data encrypted at rest?",
            "Question | Response\nIs customer data encrypted at rest? | Partially",
        ),
        (
            "Is data encrypted at rest?",
            "Question | Response\nIs customer data encrypted at rest? | In progress",
        ),
        ("Is MFA supported?", "Do you support MFA for all users? | N/A"),
        (
            "Does the vendor have a SOC 2 report?",
            "Do you have a SOC 2 Type II report? | Available on request",
        ),
        (
            "Does the vendor hold ISO 27001 certification?",
            "Do you hold ISO 27001 certification? | Planned Q2 2027",
        ),
        (
            "Is there a penetration test?",
            "Has an independent penetration test been performed? | Yes (planned Q2 2027)",
        ),
        (
            "Does the vendor have a SOC 2 report?",
            "Control | Response\nSOC 2 Type II report | Available on request",
        ),
        ("Is data encrypted at rest?", "Requirement | Compliant\nData encrypted at rest | Partial"),
        ("Is data encrypted at rest?", "Requirement | Compliant\nData encrypted at rest | Roadmap"),
        (
            "Is data encrypted at rest?",
            "Requirement | Compliant\nData encrypted at rest | Yes - roadmap item for 2027",
        ),
        (
            "Is there a documented incident response plan?",
            "Control | Status\nDocumented incident response plan | Not applicable",
        ),
        ("Is there an incident response plan?", "Incident response plan | Under development"),
        ("Is there an incident response plan?", "Incident response plan | See attached"),
        ("Is there an incident response plan?", "Incident response plan | Not in scope"),
        ("Do you have cyber insurance?", "Cyber insurance | Being renewed"),
        ("Is MFA enforced?", "MFA enforced for all accounts? | Customer responsibility"),
        ("Is data encrypted at rest?", "Data encrypted at rest | No"),
        ("Is data encrypted at rest?", "Requirement | Compliant\nData encrypted at rest | No"),
        ("Is data shared with third parties?", "Sharing with third parties | None for marketing"),
        ("Will personal data be processed?", "Personal data processed: No special category data."),
    ],
)
def test_a_qualified_questionnaire_reply_is_not_read_as_yes(question: str, text: str) -> None:
    assert _answer(_yes_no(question), text).answer != "Yes"


def test_a_plain_questionnaire_reply_is_still_read() -> None:
    suggestion = _answer(
        _yes_no("Is data encrypted at rest?"), "Is customer data encrypted at rest? | Yes, AES-256"
    )
    assert suggestion.answer == "Yes"


# --- 6. meeting minutes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("Will the vendor use subprocessors?", "AP-3: Vendor to confirm whether subprocessors are used."),
        ("Has the DPIA been signed off?", "Action: DPO to sign off the DPIA by 14 March."),
        (
            "Has the data retention period been agreed?",
            "J. Smith to confirm whether the 30-day retention period is acceptable.",
        ),
        ("Will data be encrypted at rest?", "Minutes: the team recommended that data be encrypted at rest."),
        (
            "Will customer data be used for AI training?",
            "Suggested that customer data be used to train the model; no decision taken.",
        ),
        (
            "Is the go-live approved?",
            "The steering group discussed approving go-live but deferred the decision.",
        ),
        (
            "Will the system use AI?",
            "Decision: AI features will be used in the pilot.\nUpdate: the decision to use AI features has been withdrawn.",
        ),
        (
            "Will customer data leave the UK?",
            "Agreed that customer data would not leave the UK. This was reopened at the next meeting.",
        ),
        (
            "Is SSO required?",
            "The board agreed SSO would be required. This decision was later reversed at the March meeting.",
        ),
        (
            "Will the chatbot be launched to the public?",
            "Proposal: launch the chatbot to the public in June.",
        ),
        ("Will data be stored in the EU?", "Option A: store data in the EU. Option B: store data in the US."),
        (
            "Is the vendor approved?",
            "The vendor was approved at the January meeting. In March the approval was suspended pending the audit.",
        ),
    ],
)
def test_a_minuted_proposal_action_or_reversed_decision_is_not_a_fact(question: str, text: str) -> None:
    assert _answer(_yes_no(question), text).status == "not_stated"


@pytest.mark.parametrize(
    ("question", "texts"),
    [
        (
            "Will AI be used to make decisions about customers?",
            [
                "AI will not be used to make decisions about customers.",
                "Update: the AI scoring pilot now makes decisions about customers for low-value claims.",
            ],
        ),
        (
            "Will personal data be stored outside the UK?",
            [
                "Minutes 3 March: agreed that personal data will be stored in the UK only.",
                "Minutes 7 April: the board reversed the 3 March decision on UK-only storage.",
            ],
        ),
        (
            "Is data encrypted at rest?",
            ["Encryption at rest: Yes, for production; No, for test environments."],
        ),
    ],
)
def test_a_later_update_or_a_mixed_reply_leaves_the_answer_open(question: str, texts: list[str]) -> None:
    assert _answer(_yes_no(question), *texts).status == "not_stated"


@pytest.mark.parametrize(
    ("question", "text", "answer"),
    [
        (
            "Has the retention period been agreed?",
            "It was agreed that call recordings are retained for 90 days.",
            "Yes",
        ),
        ("Will data be stored in the UK?", "Decision: data will be stored in the UK only.", "Yes"),
        ("Is MFA enabled?", "Action closed: MFA enabled for all users on 3 March.", "Yes"),
        (
            "Will customer data be used for AI training?",
            "The vendor confirmed that customer data will not be used for AI training.",
            "No",
        ),
    ],
)
def test_a_minuted_decision_or_a_closed_action_is_still_read(question: str, text: str, answer: str) -> None:
    assert _answer(_yes_no(question), text).answer == answer


def test_a_minuted_decision_that_stands_is_still_read() -> None:
    suggestion = _answer(
        _yes_no("Will customer data leave the UK?"),
        "Agreed: customer data will not leave the UK. Next meeting on 4 May.",
    )
    assert suggestion.answer == "No"


# --- 4. the wrong one of two figures ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "sentence", "answer"),
    [
        (
            "What is the RTO in hours?",
            "number",
            "The vendor's standard RTO is 24 hours; for this contract it is 4 hours.",
            "4",
        ),
        (
            "What is the RTO in hours?",
            "number",
            "Current RTO: 24 hours. Target RTO after migration: 4 hours.",
            "4",
        ),
        (
            "What is the RTO in hours?",
            "number",
            "The RTO will be 4 hours, improved from 24 hours today.",
            "4",
        ),
        ("What is the RPO in hours?", "number", "RPO 15 minutes / RTO 4 hours.", "0.25"),
        (
            "How many users will the system have?",
            "number",
            "The legacy system has 900 users; the new system will have 250 users.",
            "250",
        ),
        (
            "How many users will the system have?",
            "number",
            "Per clause 7, the system will have 250 users.",
            "250",
        ),
        (
            "What is the contract value?",
            "number",
            "The contract value is GBP 420,000 (see clause 9.2 and schedule 4).",
            "420000",
        ),
        (
            "What is the contract renewal date?",
            "date",
            "The contract starts on 1 April 2026 for an initial term of three years, with renewal on 1 April 2029.",
            "2029-04-01",
        ),
        (
            "When is the DPIA due to be completed?",
            "date",
            "Meeting held on 3 March 2026. Action: DPO to complete the DPIA by 31 March 2026.",
            "2026-03-31",
        ),
    ],
)
def test_the_figure_of_the_thing_asked_is_taken_not_an_older_one_or_a_clause_number(
    question: str, kind: str, sentence: str, answer: str
) -> None:
    assert _answer(_typed(question, kind), sentence).answer == answer


@pytest.mark.parametrize(
    "sentence",
    [
        "The CRM's RTO is 24 hours and the new platform's RTO is 4 hours.",
        "Disaster recovery: RTO 4 hours for the portal, RTO 24 hours for reporting.",
    ],
)
def test_two_figures_of_two_systems_equally_near_the_question_abstain(sentence: str) -> None:
    assert _answer(_typed("What is the RTO in hours?", "number"), sentence).status == "not_stated"


@pytest.mark.parametrize(
    ("question", "texts"),
    [
        (
            "When was the DPIA approved?",
            ["DPIA v0.3 circulated on 2 March 2026; approval expected by 30 March 2026."],
        ),
        (
            "What is the go-live date?",
            [
                "Go-live is planned for 1 March 2026.",
                "Update 20 February 2026: go-live has moved to 15 April 2026.",
            ],
        ),
        (
            "What is the go-live date?",
            ["Go-live: 1 March 2026 (revised to 15 April 2026 at the February board)."],
        ),
    ],
)
def test_a_date_of_another_event_or_one_since_replaced_is_not_the_answer(
    question: str, texts: list[str]
) -> None:
    suggestion = _answer(_typed(question, "date"), *texts)
    assert suggestion.answer not in ("2026-03-02", "2026-03-01", "2026-02-20")
    assert suggestion.confidence != "high"


def test_a_figure_still_to_be_confirmed_is_never_high() -> None:
    suggestion = _answer(
        _typed("What is the RTO in hours?", "number"),
        "Target RTO: 4 hours (to be confirmed after the DR test).",
    )
    assert suggestion.confidence != "high"


def test_an_approximate_figure_is_never_high() -> None:
    suggestion = _answer(
        _typed("How many records will be migrated?", "number"),
        "About 2 million records will be migrated (see appendix 3, table 4).",
    )
    assert suggestion.answer == "2000000"
    assert suggestion.confidence != "high"


# --- "high" only for direct, unhedged evidence ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Data is generally encrypted at rest.",
        "Data is encrypted at rest in most cases.",
        "The vendor states that data is encrypted at rest.",
        "According to the vendor, data is encrypted at rest.",
        "Data is encrypted at rest by default.",
        "Data is encrypted at rest, pending confirmation from the vendor.",
        "Data is encrypted at rest (per vendor, not yet evidenced).",
        "Data is encrypted at rest, except for logs.",
        "Is customer data encrypted at rest? Yes, in most environments.",
        "Is customer data encrypted at rest? Yes*",
    ],
)
def test_a_hedged_or_unverified_statement_is_never_high(sentence: str) -> None:
    suggestion = _answer(_yes_no("Is data encrypted at rest?"), sentence)
    assert suggestion.answer != "No"  # "not yet evidenced" denies the evidence, not the encryption
    assert suggestion.confidence != "high"


def test_a_direct_unhedged_statement_can_be_high() -> None:
    suggestion = _answer(_yes_no("Is data encrypted at rest?"), "Data is encrypted at rest with AES-256.")
    assert (suggestion.answer, suggestion.confidence) == ("Yes", "high")


def test_a_proposed_option_is_not_chosen() -> None:
    question = QuestionForSuggestion(
        id="Q-1", text="Where will data be hosted?", response_type="single-choice", options=("UK", "EU", "US")
    )
    assert _answer(question, "It was proposed that data be hosted in the US.").status == "not_stated"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("Is the RTO 4 hours or less?", "The vendor proposed an RTO of 4 hours; not yet agreed."),
        ("Is the RTO 4 hours or less?", "RTO: 4 hours (to be confirmed)."),
        ("Must breaches be notified within 72 hours?", "Breach notification within 24 hours is proposed."),
        (
            "Must breaches be notified within 72 hours?",
            "Action: vendor to confirm breach notification within 48 hours.",
        ),
        (
            "Are logs retained for at least 12 months?",
            "Logs are retained for 12 months where the customer requests it.",
        ),
    ],
)
def test_a_proposed_or_conditional_figure_does_not_settle_a_comparison(question: str, sentence: str) -> None:
    assert _answer(_yes_no(question), sentence).status == "not_stated"


def test_a_clause_number_does_not_settle_a_comparison() -> None:
    suggestion = _answer(
        _yes_no("Is the contract value above GBP 250,000?"),
        "Per clause 300, the contract value is GBP 200,000.",
    )
    assert suggestion.answer == "No"


# --- guards: plain statements are still answered -------------------------------------------------


@pytest.mark.parametrize(
    ("question", "sentence", "answer"),
    [
        (
            "Is the vendor ISO 27001 certified?",
            "The vendor holds ISO 27001 certification (certificate valid to 2027).",
            "Yes",
        ),
        ("Is the contract signed?", "The contract was signed on 10 January 2026.", "Yes"),
        (
            "Has a DPIA been completed?",
            "The DPIA was completed and approved by the DPO on 3 March 2026.",
            "Yes",
        ),
        ("Does the vendor use subprocessors?", "The vendor uses two subprocessors: AWS and Zendesk.", "Yes"),
        ("Is access limited to named staff?", "Access is limited to named staff in the support team.", "Yes"),
        ("Does the vendor have a SOC 2 report?", "Do you have a SOC 2 Type II report? | Yes", "Yes"),
        ("Is MFA used?", "Staff use MFA to verify their identity.", "Yes"),
        ("Is MFA required?", "Users are required to sign in with MFA.", "Yes"),
        (
            "Will data be stored outside the UK?",
            "All data is stored in the UK; no data is stored outside the UK.",
            "No",
        ),
        ("Is there an exit plan?", "There is no exit plan.", "No"),
    ],
)
def test_a_plain_statement_is_still_answered(question: str, sentence: str, answer: str) -> None:
    assert _answer(_yes_no(question), sentence).answer == answer


@pytest.mark.parametrize(
    "sentence",
    [
        "The vendor must notify us of any personal data breach within 24 hours.",
        "The vendor shall notify the customer of breaches without undue delay.",
    ],
)
def test_a_contract_term_answers_a_question_about_what_will_be_done(sentence: str) -> None:
    assert _answer(_yes_no("Will the vendor notify us of breaches?"), sentence).answer == "Yes"
