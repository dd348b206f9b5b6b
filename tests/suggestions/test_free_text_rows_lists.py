"""Free-text answers quoted from table rows, and questions asking for several things."""

from __future__ import annotations

from assessments.suggestions.extractive import suggest_extractive
from assessments.suggestions.free_text import _ASKS_LIST
from assessments.suggestions.row_cells import answering_cells
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage


def _passage(text: str, *, document: str = "register.xlsx") -> Passage:
    return Passage(
        document_id=document, document_name=document, text=text, score=2.0, page=None, section=None
    )


def _free_text(text: str) -> QuestionForSuggestion:
    return QuestionForSuggestion(id="FT-2", text=text, response_type="free-text")


def test_a_table_row_is_quoted_as_the_cells_that_answer_not_every_label() -> None:
    question = _free_text("State the retention period for support tickets.")
    row = (
        "Ref: K-12 | Area: Records | Rule: Support tickets are retained for six years"
        " | Owner: Priya Lane | Status: Agreed | Due: 2031-01-09"
    )
    suggestion = suggest_extractive(question, [_passage(row)])
    assert suggestion.status == "suggested"
    assert "six years" in suggestion.answer
    assert "Priya Lane" not in suggestion.answer and "K-12" not in suggestion.answer
    # The quote is one run of the row's cells: still verbatim passage text.
    (citation,) = suggestion.citations
    assert citation.passage in row
    assert suggestion.answer == citation.passage


def test_answering_cells_keeps_the_cells_between_the_first_and_last_that_answer() -> None:
    row = "A: one | B: two | C: three | D: four"
    assert answering_cells(row, lambda cell: "two" in cell or "three" in cell) == "B: two | C: three"
    assert answering_cells(row, lambda cell: "two" in cell or "four" in cell) == "B: two | C: three | D: four"


def test_text_that_is_not_one_table_line_or_where_no_cell_answers_is_quoted_whole() -> None:
    assert answering_cells("Tickets are kept for six years.", lambda cell: True) == (
        "Tickets are kept for six years."
    )
    row = "A: one | B: two"
    assert answering_cells(row, lambda cell: False) == row
    assert answering_cells("A: one | B: two\nA: three | B: four", lambda cell: True).count("\n") == 1


def test_which_or_what_asking_for_a_plural_is_a_list_question() -> None:
    assert _ASKS_LIST.search("In which countries will the data be held?")
    assert _ASKS_LIST.search("What controls stop misuse?")
    assert not _ASKS_LIST.search("What does the service do?")
    assert not _ASKS_LIST.search("What is the access process?")
    assert not _ASKS_LIST.search("Which region hosts the service?")


def test_of_equally_close_sentences_the_one_holding_more_asked_things_is_quoted_first() -> None:
    question = _free_text("List the sub-processors and where each one is based.")
    # The part comes first in the passages; quoted first, it would make the whole a near-repeat.
    passages = [
        _passage("The helpdesk sub-processor is based in Canada.", document="email.txt"),
        _passage(
            "The hosting sub-processor is based in Ireland; the helpdesk sub-processor is based in Canada.",
            document="notes.txt",
        ),
    ]
    suggestion = suggest_extractive(question, passages)
    assert suggestion.status == "suggested"
    assert "Ireland" in suggestion.answer and "Canada" in suggestion.answer
    assert suggestion.confidence == "low"


_INVENTORY = (
    "Field | Origin | Stored | Comment\n"
    "Record type: Customer email address | Origin: Signup form | Stored: Yes | Comment: For receipts\n"
    "Record type: Delivery postcode | Origin: Checkout | Stored: Yes | Comment: Kept 12 months\n"
    "Record type: Card number | Origin: Checkout | Stored: No | Comment: Sent to the payment gateway"
)


def test_a_list_question_naming_a_column_is_answered_by_the_rows_of_that_column() -> None:
    question = _free_text("Please list each record type the shop stores about customers.")
    suggestion = suggest_extractive(question, [_passage(_INVENTORY, document="inventory.docx")])
    assert suggestion.status == "suggested"
    assert suggestion.confidence == "low"
    for item in ("Customer email address", "Delivery postcode", "Card number"):
        assert item in suggestion.answer
    # Each row is quoted whole, so "Stored: No" stays with the card number, and cited verbatim.
    assert "Card number | Origin: Checkout | Stored: No" in suggestion.answer
    assert len(suggestion.citations) == 3
    assert all(c.passage in _INVENTORY for c in suggestion.citations)


def test_rows_sharing_only_a_generic_label_with_the_question_do_not_answer_it() -> None:
    history = (
        "Date: 3 March 2025 | Author: R. Chen | Change: First draft\n"
        "Date: 9 April 2025 | Author: R. Chen | Change: Review comments"
    )
    question = _free_text("List each date on which the backup restore was tested.")
    suggestion = suggest_extractive(question, [_passage(history, document="plan.docx")])
    assert suggestion.status == "not_stated"


def test_one_row_is_not_a_list() -> None:
    row = "Record type: Customer email address | Origin: Signup form | Stored: Yes | Comment: For receipts"
    question = _free_text("Please list each record type the shop stores about customers.")
    suggestion = suggest_extractive(question, [_passage(row, document="inventory.docx")])
    assert suggestion.status == "not_stated"


_SUBPROCESSORS = (
    "Sub-processor: Acme Hosting Ltd | Service: Hosting and backups | Location: Ireland\n"
    "Sub-processor: Brightline Support Inc. (Helpdesk) | Service: First-line support | Location: India\n"
    "Sub-processor: Cobalt Messaging Ltd | Service: SMS reminders | Location: United States\n"
    "Sub-processor: Dune Analytics Ltd | Service: Usage analytics | Location: Germany"
)


def test_rows_naming_the_very_things_a_question_lists_answer_it_one_row_per_thing() -> None:
    question = _free_text("List the sub-processors, what each one does and where each one is based.")
    reply = "Sub-processor: Cobalt Messaging Ltd | Purpose: SMS | Location: USA"
    suggestion = suggest_extractive(
        question,
        [_passage(_SUBPROCESSORS, document="contract.docx"), _passage(reply, document="reply.pdf")],
    )
    assert suggestion.status == "suggested" and suggestion.confidence == "low"
    for name in (
        "Acme Hosting Ltd",
        "Brightline Support Inc. (Helpdesk)",
        "Cobalt Messaging Ltd",
        "Dune Analytics",
    ):
        assert name in suggestion.answer
    # The reply's row for a sub-processor already listed repeats it.
    assert len(suggestion.citations) == 4 and "Purpose: SMS" not in suggestion.answer


def test_a_company_suffix_before_a_bracket_does_not_end_the_sentence() -> None:
    from assessments.documents.chunking import sentence_spans

    text = "Sub-processor: Brightline Support Inc. (Helpdesk) | Service: support. Acme Ltd. The next."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Sub-processor: Brightline Support Inc. (Helpdesk) | Service: support.",
        "Acme Ltd.",
        "The next.",
    ]
