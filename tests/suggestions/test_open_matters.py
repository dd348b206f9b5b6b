"""Readings the dev-g case showed were wrong: a matter the documents say is still open, a
statement pointing at its own exception, a group narrower than "all", a part a question adds
with ", including".

Invented sentences, worded the way DPIAs, registers and questionnaire replies put things; none
comes from an evaluation document.
"""

from __future__ import annotations

from tests.suggestions.answering import suggest_from as _answer


def test_a_matter_said_to_be_under_review_is_no_yes() -> None:
    question = "Will health data be processed?"
    assert (
        _answer(question, "Whether wellbeing check-ins amount to health data is under review.").answer is None
    )
    assert _answer(question, "Health data from wellbeing check-ins is processed.").answer == "Yes"


def test_a_standing_review_or_a_condition_is_no_open_matter() -> None:
    question = "Will health data be processed?"
    kept = "Health data from wellbeing check-ins is processed and kept under review by the DPO."
    assert _answer(question, kept).answer == "Yes"


def test_a_statement_pointing_at_its_own_exception_answers_nothing() -> None:
    question = "Will personal data be transferred outside the UK/EEA?"
    assert (
        _answer(question, "No personal data is transferred outside the UK (but see section 9).").answer
        is None
    )
    assert _answer(question, "No personal data is transferred outside the UK.").answer == "No"


def test_a_no_is_withheld_while_another_part_of_the_question_is_open() -> None:
    question = "Will special category data (such as health, biometric or ethnicity data) be processed?"
    denial = "No special category data is processed."
    open_part = "Whether the fatigue alerts are health data is unresolved; legal advice is awaited."
    assert _answer(question, denial).answer == "No"
    assert _answer(question, denial, open_part).answer is None


def test_an_open_matter_answers_a_question_about_a_deed_done_no() -> None:
    # Still under review is not yet approved: the open matter is the No, not a reason to abstain.
    question = "Has the DPIA been approved by the DPO?"
    assert _answer(question, "The DPIA has not been approved by the DPO; it is under review.").answer == "No"


def test_a_group_named_with_its_own_qualifier_is_not_all_of_them() -> None:
    question = "Is multi-factor authentication (MFA) enforced for all users?"
    assert _answer(question, "Office users sign in by SAML with MFA enforced.").answer is None
    assert _answer(question, "MFA is enforced for all portal users.").answer == "Yes"
    # "all critical and high findings" names no group of people: a count is read as before.
    fixed = "Have all critical and high findings from the penetration test been fixed?"
    assert _answer(fixed, "Penetration test: 0 critical, 2 high (both fixed).").answer != "No"


def test_a_documents_own_question_about_a_narrower_group_without_all_is_not_said_of_all() -> None:
    question = "Is MFA enforced for all users?"
    reply = "Question: Is MFA enforced for supplier staff with administrative access? | Answer: Yes"
    assert _answer(question, reply).answer is None


def test_a_part_added_with_including_must_not_be_denied() -> None:
    question = (
        "Does the service support single sign-on via SAML 2.0 or OpenID Connect, "
        "including automated de-provisioning (SCIM)?"
    )
    sso = "Question: Do you support SAML 2.0 or OIDC single sign-on? | Answer: Yes"
    scim = "Question: Do you support SCIM de-provisioning? | Answer: Partially | Comment: on the roadmap."
    assert _answer(question, sso).answer == "Yes"
    assert _answer(question, sso, scim).answer is None


def test_an_inclusion_naming_a_kind_of_what_is_asked_widens_the_question() -> None:
    # "AI, including AI features in a vendor's product": a denial of a feature is no denial of AI.
    question = (
        "Does the change use artificial intelligence, including AI features built into a vendor's product?"
    )
    uses = "The change uses artificial intelligence to summarise calls."
    other = "Question: Is the vendor's AI search feature enabled? | Answer: No"
    assert _answer(question, uses, other).answer == "Yes"


def test_a_place_read_elsewhere_does_not_settle_a_question_the_best_sentence_leaves_open() -> None:
    question = "Will personal data be transferred outside the UK/EEA?"
    place = "Personal data is accessed by the out-of-hours support desk in Pune, India."
    assert _answer(question, place).answer == "Yes"
    pointed = "No personal data is transferred outside the UK (but see section 9)."
    assert _answer(question, pointed, place).answer is None


def test_a_denial_matching_the_subject_only_through_an_example_with_a_part_unmatched_is_no_no() -> None:
    question = "Have we reviewed the vendor's financial stability (for example audited accounts) this year?"
    row = "Control: Audit log exported monthly | Status: Planned | Last reviewed: 2026-11-27"
    assert _answer(question, row).answer is None
    assert (
        _answer(question, "We have not reviewed the vendor's financial stability this year.").answer == "No"
    )


def test_a_plain_no_beside_a_denial_with_an_exception_is_no_no() -> None:
    question = "Will any of our data be accessed from outside the UK/EEA?"
    reply = "Question: Is customer data accessed from outside the UK/EEA? | Response: No"
    excepted = "No customer data is accessed from outside the UK/EEA, other than chat inference by Halcyon."
    assert _answer(question, reply).answer == "No"
    assert _answer(question, reply, excepted).answer != "No"
