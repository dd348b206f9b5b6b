"""Readings the fresh dev-e case showed were missing: a deed of another thing, a failed status,
a milestone or precondition, a count of some, an agent after a list, a place outside the
regions asked, a right granted by "may", an integration as a connection.

Invented sentences, worded the way contracts, registers and questionnaire replies put things;
none comes from an evaluation document.
"""

from __future__ import annotations

from assessments.suggestions.question_terms import question_groups
from tests.suggestions.answering import suggest_from as _answer


def test_a_deed_stated_of_another_thing_in_its_clause_does_not_answer_has_it_been_done() -> None:
    question = "Has a Data Protection Impact Assessment (DPIA) been completed for the change?"
    history = (
        "Version: 0.2 | Author: P. Lund | Change: Screening checklist completed; DPIA confirmed as required"
    )
    assert _answer(question, history).answer is None
    # The deed said of the DPIA itself, or a bare status in its row, still answers.
    assert _answer(question, "The DPIA was completed and signed off on 4 May.").answer == "Yes"
    assert _answer(question, "Item: DPIA for the change | Status: Completed").answer == "Yes"


def test_a_failed_status_is_no_yes_to_whether_the_target_was_achieved() -> None:
    row = "Control: stated RTO and RPO achieved in the DR test | Status: Failed - retest required"
    assert _answer("Were the stated RTO and RPO achieved in the most recent test?", row).answer is None


def test_the_agent_after_a_list_of_deeds_is_no_alternative_to_them() -> None:
    question = "Is any customer data used to train, fine-tune or evaluate models, by the vendor or by its model providers?"
    (deeds,) = [
        g for g in question_groups(question, "Yes/No") if any(a.terms == ("train",) for a in g.alternatives)
    ]
    assert {a.terms for a in deeds.alternatives} == {("train",), ("fine", "tune"), ("evalu",)}
    # So a denial of the training answers, whoever the question's agent list names.
    assert _answer(question, "Customer data is not used to train or evaluate models.").answer == "No"


def test_a_no_whose_own_comment_names_a_place_outside_the_regions_asked_is_read_by_the_place() -> None:
    question = "Will the vendor store or process our data outside the UK/EU?"
    row = (
        "Ref: H.2 | Question: Is any data accessed from outside the UK or EEA? | Response: No | "
        "Comment: All processing is in London, with third-line support from Toronto."
    )
    # The reply's No is the vendor's gloss; its comment says data is reached from Canada.
    read = _answer(question, row)
    assert read.answer == "Yes" and read.confidence == "low"
    # A comment naming only places inside those regions leaves the No standing.
    inside = row.replace(", with third-line support from Toronto", "")
    assert _answer(question, inside).answer == "No"


def test_a_precondition_of_go_live_or_a_count_of_some_is_no_yes_to_all_done() -> None:
    question = "Have all critical and high severity findings from the penetration test been remediated?"
    condition = (
        "Go-Live shall not take place until: (a) each high finding in the penetration test report "
        "has been remediated and verified by a retest; (b) the DPIA is approved."
    )
    assert _answer(question, condition).answer is None
    assert (
        _answer(question, "Two high severity findings from the penetration test were remediated.").answer
        is None
    )
    assert (
        _answer(question, "All critical and high findings from the penetration test were remediated.").answer
        == "Yes"
    )


def test_a_milestone_row_with_its_target_date_is_no_deed_done() -> None:
    question = "Has the penetration test been completed?"
    milestone = (
        "Ref: M2 | Milestone: Penetration test completed and report issued | Target date: 5 March 2031"
    )
    assert _answer(question, milestone).answer is None
    # With a status saying how it stands, the row is read as usual.
    assert _answer(question, milestone + " | Status: Completed").answer == "Yes"


def test_may_grants_the_right_a_question_asks_about() -> None:
    question = "Does the contract give us a right to audit the vendor?"
    assert (
        _answer(question, "The Customer may audit the Supplier once in each Contract Year.").answer == "Yes"
    )
    # Another condition beside "may" still leaves it open.
    assert _answer(question, "The Customer may audit the Supplier if a breach occurs.").answer is None
    # And "may" stays a condition where no right is asked about.
    assert (
        _answer(
            "Will the vendor audit its sub-processors?", "The vendor may audit its sub-processors."
        ).answer
        is None
    )


def test_data_handled_in_a_place_outside_the_regions_asked_is_a_low_yes() -> None:
    question = "Will personal data be transferred outside the UK/EEA?"
    row = (
        "Sub-processor: Tallow Support Pvt Ltd | Service: Night-time support | Processing location: India (Pune)"
        " | Transfer mechanism: IDTA"
    )
    read = _answer(question, row)
    assert read.answer == "Yes" and read.confidence == "low"
    # A place inside the regions, a denied or a planned one, or a place with no data handled there, is not.
    assert _answer(question, row.replace("India (Pune)", "Ireland (Dublin)")).answer is None
    assert _answer(question, "No personal data is processed in India.").answer is None
    assert _answer(question, "Tallow Support Pvt Ltd has its head office in Pune, India.").answer is None


def test_a_system_integrated_with_others_connects_to_them() -> None:
    question = "Will the change connect to our network or other systems?"
    assert (
        _answer(
            question, "Pellar integrates with three other systems: the ledger, Entra ID and telephony."
        ).answer
        == "Yes"
    )
