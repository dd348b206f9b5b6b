"""A questionnaire reply laid out as a table (a vendor's answers to a security questionnaire,
read from a PDF or Word table as labelled rows): its question cell, its reply cell."""

from __future__ import annotations

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.row_cells import answering_cells, is_question_cell
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage

_ROW = "No.: {no} | Question: {question} | Response: {reply} | Comment / evidence: {comment}"


def _passage(text: str) -> Passage:
    return Passage(
        document_id="reply.pdf", document_name="reply.pdf", text=text, score=2.0, page=2, section=None
    )


def _ask(text: str, response_type: str = "Yes/No") -> QuestionForSuggestion:
    return QuestionForSuggestion(id="VQ-1", text=text, response_type=response_type)


def test_the_reply_cell_of_a_row_answers_the_rows_question_even_when_a_cell_before_it_reads_no() -> None:
    row = _ROW.format(
        no="A3",
        question="Do you hold Cyber Essentials or Cyber Essentials Plus certification?",
        reply="No",
        comment="We have not pursued the UK scheme and rely on ISO 27001 instead.",
    )
    suggestion = suggest_extractive(
        _ask("Does the supplier hold Cyber Essentials certification?"), [_passage(row)]
    )
    assert (suggestion.status, suggestion.answer) == ("suggested", "No")


def test_a_reply_hedged_in_the_comment_cell_is_not_a_plain_yes() -> None:
    row = _ROW.format(
        no="C2",
        question="Is MFA enforced for all user access?",
        reply="Yes",
        comment="Only for administrative access; customers sign in with a password.",
    )
    suggestion = suggest_extractive(
        _ask("Is multi-factor authentication enforced for all users?"), [_passage(row)]
    )
    assert suggestion.answer != "Yes"


def test_a_free_text_answer_quotes_the_reply_not_the_question_cell_that_repeats_the_question() -> None:
    row = _ROW.format(
        no="B3",
        question="List all sub-processors with access to customer data, their location and role.",
        reply="Yes",
        comment="Amazon Web Services EMEA SARL (hosting, Ireland); Tarang Services Pvt Ltd (support, Pune, India).",
    )
    assert is_question_cell("Question: List all sub-processors.")
    assert is_question_cell("Do you encrypt backups?")
    assert not is_question_cell("Comment / evidence: Backups are encrypted.")
    cut = answering_cells(row, lambda cell: "sub-processors" in cell or "Services" in cell)
    assert cut.startswith("Comment / evidence: Amazon Web Services")


def test_a_figure_in_the_default_terms_column_gives_way_to_the_agreed_one_in_the_same_row() -> None:
    from assessments.suggestions.values import find_numbers, superseded

    row = "Service level: Recovery Time Objective (RTO) | Standard Table v3.1: 12 hours | Agreed for the Customer: 4 hours"
    marks = {v.value: superseded(row, v) for v in find_numbers(row)}
    assert marks.get("12") is True and marks.get("4") is False


def test_a_country_naming_business_hours_is_not_where_data_is_processed() -> None:
    question = QuestionForSuggestion(
        id="VQ-2",
        text="In which regions will our data be stored or processed? Select all that apply.",
        response_type="multi-choice",
        options=("United Kingdom", "European Economic Area", "India"),
    )
    row = (
        "Sub-processor: Acme Support Ltd | Activity: Second-line support outside UK business hours"
        " | Processing location: India (remote access to the Ireland region)"
    )
    suggestion = suggest_extractive(question, [_passage(row)])
    assert suggestion.answer is None or "United Kingdom" not in suggestion.answer


def test_a_condition_precedent_that_a_finding_is_fixed_by_a_deadline_is_no_yes_to_has_it_been_fixed() -> None:
    clause = (
        "It is a condition precedent to the go-live date that finding H2 from the penetration test of October"
        " is remediated and confirmed by retest no later than 15 March."
    )
    suggestion = suggest_extractive(
        _ask(
            "Have all critical and high severity findings from the penetration test been remediated and retested?"
        ),
        [_passage(clause)],
    )
    assert suggestion.answer != "Yes"


def test_a_plain_statement_rephrasing_the_question_is_not_taken_for_another_predicate() -> None:
    from assessments.suggestions.vetting import contrasted

    question = "Does the vendor hold a current SOC 2 Type II report or ISO/IEC 27001 certification covering the service?"
    sentence = (
        "The vendor holds ISO/IEC 27001 certification and has given us its most recent SOC 2 Type II report."
    )
    assert not contrasted(question, sentence, {"cover"})
    assert not contrasted(question, sentence, {"current"})
    signed = "Once this assessment is complete, the written contract will be signed in December, well before go-live."
    assert not contrasted(
        "Will a written contract with the vendor be signed before go-live?", signed, {"vendor"}
    )
    assert contrasted("Are audit logs retained?", "Audit logs are reviewed every month.", {"retain"})


def test_a_denial_that_holds_only_until_something_happens_is_no_no() -> None:
    sentence = "Until this is confirmed in writing, the drafting service shall not be used with customer personal data."
    suggestion = suggest_extractive(
        _ask("Will personal data be sent to or processed by the AI model?"), [_passage(sentence)]
    )
    assert suggestion.answer != "No"


def test_a_numbered_paragraphs_own_number_is_no_quantity() -> None:
    from assessments.suggestions.values import find_numbers

    assert [v.value for v in find_numbers("5.1 Transfers of personal data rely on adequacy.")] == []
    assert [v.value for v in find_numbers("4.2(b) invoices are payable within 30 days")] == ["30"]
    assert [v.value for v in find_numbers("540 handlers in Leeds use it")] == ["540"]
    assert [v.value for v in find_numbers("2.5 hours of downtime were recorded")] == ["2.5"]


def test_a_count_question_takes_no_duration_or_amount_and_a_money_question_only_an_amount() -> None:
    from assessments.suggestions.values import asked_unit, find_quantities, in_asked_unit

    text = "within sixty (60) days, about 1,200 staff, and GBP 41,000 per block of 50 users"
    count = asked_unit("Approximately how many people's personal data will be processed?")
    money = asked_unit("What is the expected annual contract value in GBP?")
    assert [in_asked_unit(q, count) for q in find_quantities(text)] == [None, "1200", None, "50"]
    assert [in_asked_unit(q, money) for q in find_quantities(text)] == [None, None, "41000", None]


def test_a_modifier_is_the_word_right_before_a_noun_and_maintaining_a_certificate_is_holding_it() -> None:
    from assessments.suggestions.vetting import contrasted

    question = "Does the vendor hold a current SOC 2 Type II report or ISO/IEC 27001 certification?"
    sentence = "The Supplier shall maintain ISO/IEC 27001 certification and shall provide its SOC 2 Type II report annually."
    assert not contrasted(question, sentence, {"hold"})
    assert not contrasted(question, sentence, {"current"})
    assert contrasted("Is staff performance monitored?", "System performance is monitored daily.", {"staff"})


def test_a_yes_said_of_one_group_is_no_yes_for_all_users() -> None:
    sentence = (
        "For vendor staff, MFA (hardware keys) is enforced for all administrative and production access."
    )
    suggestion = suggest_extractive(
        _ask("Is multi-factor authentication (MFA) enforced for all users?"), [_passage(sentence)]
    )
    assert suggestion.answer != "Yes"
    plain = "MFA is enforced for all users through the identity provider."
    assert (
        suggest_extractive(
            _ask("Is multi-factor authentication (MFA) enforced for all users?"), [_passage(plain)]
        ).answer
        == "Yes"
    )


def test_an_original_or_superseded_date_gives_way_to_the_one_that_replaced_it() -> None:
    from assessments.suggestions.values import find_dates, superseded

    row = "Target go-live date | 19 April 2027 (supersedes the date of 1 March 2027 in the draft)"
    assert {v.value: superseded(row, v) for v in find_dates(row)} == {"2027-04-19": False, "2027-03-01": True}
    prose = "The original go-live of 1 March 2027 is no longer achievable."
    assert all(superseded(prose, v) for v in find_dates(prose))


def test_a_minuted_request_is_no_statement_even_for_a_free_text_answer() -> None:
    from assessments.suggestions.modality import unsettled_sentence

    assert unsettled_sentence("LB asked JvL to confirm that the error monitoring service is on the list.")
    assert unsettled_sentence("The DPO requested that transcripts be kept for 18 months.")
    assert not unsettled_sentence("Users are asked to sign in with MFA.")
    question = QuestionForSuggestion(
        id="FT", text="Which sub-processors will the vendor use?", response_type="free-text"
    )
    request = (
        "LB asked JvL to confirm that Sentry, a US error monitoring service, is on the sub-processor list."
    )
    assert suggest_extractive(question, [_passage(request)]).status != "suggested"


def test_a_denial_of_listed_excluded_items_is_no_no_about_the_whole_kind() -> None:
    clause = (
        'The following are expressly excluded from the Services: (a) fleet claims; (b) the "AutoSettle" module'
        ' and the "Auto-Decline" rule set, neither of which is licensed to the Customer.'
    )
    question = _ask("Will software or content be licensed from a third party for this change?")
    assert suggest_extractive(question, [_passage(clause)]).answer != "No"
