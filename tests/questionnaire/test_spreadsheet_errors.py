"""A broken questionnaire spreadsheet is refused with a message that names its row and column."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import Workbook

from assessments.questionnaire.parser import load_questionnaire_yaml
from assessments.questionnaire.spreadsheet import (
    SpreadsheetError,
    questionnaire_from_csv,
    questionnaire_from_xlsx,
    questionnaire_to_xlsx,
)
from assessments.questionnaire.spreadsheet.columns import MAX_CELL_CHARS, MAX_QUESTION_ROWS
from tests.questionnaire.spreadsheets import GOOD_ROWS, HEADER, sheet_csv, with_row


def _error(text: str) -> str:
    with pytest.raises(SpreadsheetError) as caught:
        questionnaire_from_csv(text)
    return str(caught.value)


def test_the_good_sheet_reads_as_the_questionnaire_it_describes() -> None:
    questionnaire = questionnaire_from_csv(sheet_csv())

    assert questionnaire.name == "Small vendor TRA"
    assert [q.id for q in questionnaire.qualifying] == ["Q-1"]
    vendor = questionnaire.area("vendor")
    assert vendor.name == "Vendor Risk" and [q.id for q in vendor.questions] == ["V-1", "V-2", "V-3"]
    assert questionnaire.question("V-1").options == ("Tier 1", "Tier 2")
    assert questionnaire.question("Q-1").required is True
    assert questionnaire.question("V-2").depends_on is not None
    assert [r.level.value for r in questionnaire.question("V-3").risk] == ["medium"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            with_row(1, response_type="Maybe"),
            "Row 4, column 'response_type', question 'V-1': unknown response type 'Maybe'",
            id="unknown response type",
        ),
        pytest.param(
            with_row(0, options="Yes\nNo\nNot sure"),
            "Row 3, column 'options', question 'Q-1': a Yes/No question takes no options",
            id="options on Yes/No",
        ),
        pytest.param(
            with_row(2, depends_on="V-9 = Yes"),
            "Row 5, column 'depends_on', question 'V-2': refers to unknown question 'V-9'.",
            id="depends_on a missing id",
        ),
        pytest.param(
            with_row(3, risk="Yes: severe"),
            "Row 6, column 'risk', question 'V-3': answer 'Yes': 'severe' is not a risk level",
            id="bad risk level",
        ),
        pytest.param(
            with_row(2, id="V-1"), "Row 5, column 'id': id 'V-1' is already used on row 4.", id="duplicate id"
        ),
        pytest.param(
            with_row(2, depends_on="V-1 is Tier 1"),
            "Row 5, column 'depends_on', question 'V-2': 'V-1 is Tier 1' is not a condition: write 'QUESTION-ID = answer'",
            id="condition without =",
        ),
        pytest.param(
            with_row(0, required="perhaps"),
            "Row 3, column 'required', question 'Q-1': must be true or false, not 'perhaps'.",
            id="required neither yes nor no",
        ),
        pytest.param(
            with_row(1, options=""),
            "Row 4, column 'options', question 'V-1': a single-choice question needs an 'options' list.",
            id="choice without options",
        ),
        pytest.param(
            with_row(2, area=""),
            "Row 5, column 'area', question 'V-2': give the risk area's key, or 'qualifying'",
            id="no area",
        ),
        pytest.param(
            with_row(3, area_name="Supplier Risk"),
            "Row 6, column 'area_name', question 'V-3': risk area 'vendor' already has a different name on row 4.",
            id="two names for one area",
        ),
    ],
)
def test_a_bad_row_is_named_by_row_and_column(rows: list[dict[str, str]], expected: str) -> None:
    assert _error(sheet_csv(rows)).startswith(expected)


def test_a_missing_required_column_is_named_on_the_header_row() -> None:
    header = tuple(h for h in HEADER if h != "response_type")

    message = _error(sheet_csv(header=header))

    assert message.startswith("Row 2, column 'response_type': the header row has no 'response_type' column")


def test_an_unknown_column_is_refused_but_a_notes_column_is_skipped() -> None:
    assert _error(sheet_csv(header=(*HEADER, "respone type"))).startswith(
        "Row 2, column 'respone type': unknown column."
    )
    notes = questionnaire_from_csv(sheet_csv(header=(*HEADER, "# reviewer notes")))
    assert notes == questionnaire_from_csv(sheet_csv())


def test_headers_may_be_written_the_way_people_write_them() -> None:
    spelt = ",".join(h.replace("_", " ").title() for h in HEADER)  # "Response Type", "Area Name"…
    text = sheet_csv().replace(",".join(HEADER), spelt, 1)

    assert spelt in text
    assert questionnaire_from_csv(text) == questionnaire_from_csv(sheet_csv())


def test_a_sheet_without_a_name_says_how_to_add_one() -> None:
    assert _error(sheet_csv(name=None)) == (
        "The questionnaire has no name. Add a line '#name,<value>' before the header row."
    )


def test_too_many_rows_is_refused_before_any_question_is_read() -> None:
    rows = [{**GOOD_ROWS[0], "id": f"Q-{n}"} for n in range(MAX_QUESTION_ROWS + 1)]

    message = _error(sheet_csv(rows))

    assert message == (
        f"Row {MAX_QUESTION_ROWS + 3}: more than {MAX_QUESTION_ROWS:,} question rows; "
        "split the questionnaire or trim it."
    )


def test_an_overlong_cell_is_refused_with_its_row_and_column() -> None:
    message = _error(sheet_csv(with_row(3, question="x" * (MAX_CELL_CHARS + 1))))

    assert message == (
        f"Row 6, column 'question': the cell holds {MAX_CELL_CHARS + 1:,} characters; "
        f"the limit is {MAX_CELL_CHARS:,}."
    )


# --- XLSX --------------------------------------------------------------------------------------


def _workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Questions"
    sheet.append(["id", "area", "question", "response_type", "required"])
    for row in rows:
        sheet.append(row)
    head = book.create_sheet("Assessment")
    head.append(["field", "value"])
    head.append(["name", "From Excel"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_error_names_the_sheet_row_and_column() -> None:
    content = _workbook(
        [
            ["Q-1", "qualifying", "Is a vendor involved?", "Yes/No", True],
            ["Q-2", "qualifying", "When?", "soon"],
        ]
    )

    with pytest.raises(SpreadsheetError) as caught:
        questionnaire_from_xlsx(content)

    assert str(caught.value).startswith(
        "Sheet 'Questions', row 3, column 'response_type', question 'Q-2': unknown response type 'soon'"
    )
    assert (caught.value.row, caught.value.column) == (3, "response_type")


def test_a_formula_in_a_workbook_is_refused_and_never_evaluated() -> None:
    content = _workbook([["Q-1", "qualifying", '=WEBSERVICE("http://evil.example")', "Yes/No"]])

    with pytest.raises(SpreadsheetError) as caught:
        questionnaire_from_xlsx(content)

    assert str(caught.value) == (
        "Sheet 'Questions', row 2, column 'question': the cell holds a formula; the import never evaluates "
        "formulas: type the value itself."
    )


def test_excel_typed_cells_read_as_the_text_a_person_typed() -> None:
    # Excel turns 7 into a number and TRUE into a boolean; the questionnaire wants text.
    content = _workbook([[7, "qualifying", "Is a vendor involved?", "Yes/No", True]])

    questionnaire = questionnaire_from_xlsx(content)

    assert questionnaire.question("7").required is True
    assert questionnaire.name == "From Excel"


def test_a_file_that_is_not_a_workbook_is_refused_plainly() -> None:
    with pytest.raises(SpreadsheetError) as caught:
        questionnaire_from_xlsx(b"id,area\nQ-1,qualifying\n")

    assert str(caught.value).startswith("The file is not a readable XLSX workbook")


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_opened(monkeypatch: Any) -> None:
    content = _workbook([["Q-1", "qualifying", "Is a vendor involved?", "Yes/No"]])
    monkeypatch.setattr("assessments.questionnaire.spreadsheet.xlsx.MAX_UNPACKED_BYTES", 1000)

    with pytest.raises(SpreadsheetError) as caught:
        questionnaire_from_xlsx(content)

    assert str(caught.value).startswith("The workbook unpacks to ")
    assert str(caught.value).endswith("bytes; the limit is 1,000.")


def test_a_control_character_in_a_csv_cell_is_refused_with_its_row_and_column() -> None:
    message = _error(sheet_csv(with_row(1, question="Which\x07 tier?")))

    assert message.startswith("Row 4, column 'question': Remove the control character U+0007")


def test_a_questionnaire_with_a_control_character_cannot_be_written_to_xlsx_and_says_where() -> None:
    questionnaire = load_questionnaire_yaml(
        'assessment: {name: Bell}\nqualifying_questions:\n  - {id: Q-1, question: "Ring\\a", response_type: Yes/No}\n'
    )

    with pytest.raises(SpreadsheetError) as caught:
        questionnaire_to_xlsx(questionnaire)

    assert str(caught.value) == (
        "Sheet 'Questions', row 2, column 'question': the text 'Ring\\x07' holds a control character, "
        "which an XLSX file cannot store."
    )
