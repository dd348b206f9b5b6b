"""Table rows read with their column headers, for sheets, CSV files and Word tables."""

from __future__ import annotations

import io

import pytest

from assessments.documents.extract import ExtractLimits, TooLarge, extract
from assessments.documents.sniff import DocumentKind
from assessments.documents.tables import is_header
from tests.documents.builders import docx_bytes, pdf_table_bytes, xlsx_bytes


def test_each_row_of_a_sheet_carries_its_column_headers_and_an_empty_cell_keeps_the_columns_aligned() -> None:
    data = xlsx_bytes(
        {
            "Actions": [
                ["Ref", "Action", "Owner", "Status", "Due"],
                ["A-7", "Write the supplier exit plan", "Procurement", "Not written", None],
                ["A-8", "Rotate the API keys", None, "Done", "2025-06-30"],
            ]
        }
    )
    assert extract(data, DocumentKind.XLSX).blocks[0].text.split("\n") == [
        "Ref | Action | Owner | Status | Due",
        "Ref: A-7 | Action: Write the supplier exit plan | Owner: Procurement | Status: Not written",
        "Ref: A-8 | Action: Rotate the API keys | Status: Done | Due: 2025-06-30",
    ]


def test_a_title_row_above_the_header_stays_and_the_header_below_it_is_found() -> None:
    data = xlsx_bytes(
        {"Log": [["Supplier review log"], ["Supplier", "Reviewer", "Outcome"], ["Acme", "J. Ode", "Passed"]]}
    )
    assert extract(data, DocumentKind.XLSX).blocks[0].text.split("\n") == [
        "Supplier review log",
        "Supplier | Reviewer | Outcome",
        "Supplier: Acme | Reviewer: J. Ode | Outcome: Passed",
    ]


def test_a_sheet_whose_first_row_is_data_reads_as_before() -> None:
    data = xlsx_bytes({"Costs": [["Licence", "Annual", 12000.0], ["Support", "Annual", 3000.0]]})
    assert (
        extract(data, DocumentKind.XLSX).blocks[0].text == "Licence | Annual | 12000\nSupport | Annual | 3000"
    )


def test_a_two_column_key_value_table_is_not_labelled() -> None:
    # Its first column already labels the second: "Owner | Facilities" reads well as it is.
    data = docx_bytes([("table", [["Owner", "Facilities"], ["Version", "2.1"], ["Status", "Draft"]])])
    assert (
        extract(data, DocumentKind.DOCX).blocks[0].text == "Owner | Facilities\nVersion | 2.1\nStatus | Draft"
    )


def test_a_word_table_row_carries_its_headers_and_a_merged_cell_labels_its_first_column() -> None:
    from docx import Document

    document = Document()
    table = document.add_table(rows=3, cols=4)
    for row, values in enumerate(
        [
            ["System", "Data held", "Encrypted?", "Notes"],
            ["Payroll", "Bank details", "Yes", "Vendor hosted"],
            ["Intranet", "Staff names", "", "Retired in May"],
        ]
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    # "Staff names" spans two grid columns: the notes after it still meet "Notes".
    table.cell(2, 1).merge(table.cell(2, 2)).text = "Staff names"
    buffer = io.BytesIO()
    document.save(buffer)
    assert extract(buffer.getvalue(), DocumentKind.DOCX).blocks[0].text.split("\n") == [
        "System | Data held | Encrypted? | Notes",
        "System: Payroll | Data held: Bank details | Encrypted: Yes | Notes: Vendor hosted",
        "System: Intranet | Data held: Staff names | Notes: Retired in May",
    ]


def test_a_question_header_does_not_make_its_row_read_as_a_question_and_answer() -> None:
    data = b"Asset,Backed up?,Tested?\nFile server,Yes,No\n"
    line = extract(data, DocumentKind.CSV).blocks[0].text.split("\n")[1]
    assert line == "Asset: File server | Backed up: Yes | Tested: No"
    assert "?" not in line


def test_a_group_label_alone_in_the_first_column_is_not_labelled() -> None:
    data = b"Risk,Owner,Rating\nPhase two,,\nData loss,CISO,High\n"
    assert extract(data, DocumentKind.CSV).blocks[0].text.split("\n")[1:] == [
        "Phase two",
        "Risk: Data loss | Owner: CISO | Rating: High",
    ]


def test_a_table_nested_in_a_cell_reads_as_part_of_that_cell() -> None:
    from docx import Document

    document = Document()
    outer = document.add_table(rows=2, cols=3)
    for column, value in enumerate(["Area", "Details", "Owner"]):
        outer.cell(0, column).text = value
    outer.cell(1, 0).text = "Backups"
    inner = outer.cell(1, 1).add_table(rows=1, cols=3)
    for column, value in enumerate(["Daily", "Encrypted", "Offsite"]):
        inner.cell(0, column).text = value
    outer.cell(1, 2).text = "IT Operations"
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract(buffer.getvalue(), DocumentKind.DOCX).blocks[0].text
    assert (
        text.split("\n")[1] == "Area: Backups | Details: Daily | Encrypted | Offsite | Owner: IT Operations"
    )


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["Control", "Owner", "Status"], True),
        (["Control", "", "Status", "Due date"], True),  # an unlabelled column
        (["Owner", "Facilities"], False),  # two columns: a key and its value
        (["Backups", "Daily", "2024-01-05"], False),  # a date is data
        (["Yes", "No", "Partly"], False),  # answers, not labels
        (["Status", "Status", "Owner"], False),  # repeated labels tell no columns apart
        (["Control", "The vendor encrypts all backups at rest.", "Owner"], False),  # a sentence
    ],
)
def test_a_header_row_is_short_distinct_labels(cells: list[str], expected: bool) -> None:
    assert is_header(cells) is expected


def test_the_labels_count_against_the_character_limit() -> None:
    header = ["Long label for column " + word for word in ("one", "two", "three")]
    rows = [header] + [["x", "y", "z"]] * 40
    data = xlsx_bytes({"Tiny": rows})
    plain_chars = len("x | y | z") * 40 + len(" | ".join(header))
    extract(data, DocumentKind.XLSX, ExtractLimits(max_chars=plain_chars * 20))
    with pytest.raises(TooLarge):
        extract(data, DocumentKind.XLSX, ExtractLimits(max_chars=plain_chars * 2))


# --- PDF tables --------------------------------------------------------------------------------

_REPLY_HEADER = ["No.", "Question", "Response", "Comment / evidence"]


def test_each_row_of_a_ruled_pdf_table_is_one_line_labelled_by_its_header_with_the_page_text_around_it() -> (
    None
):
    data = pdf_table_bytes(
        [
            (
                "Section C. Identity and access management",
                [
                    _REPLY_HEADER,
                    [
                        "C2",
                        "Is MFA enforced for all user access?",
                        "Partially",
                        "Enforced for administrators; end customers using the public upload page do not authenticate.",
                    ],
                ],
                "Answers reviewed by the Head of Security.",
            )
        ]
    )
    blocks = extract(data, DocumentKind.PDF).blocks
    assert [b.page for b in blocks] == [1]
    assert blocks[0].text.split("\n") == [
        "Section C. Identity and access management",
        "No. | Question | Response | Comment / evidence",
        "No.: C2 | Question: Is MFA enforced for all user access? | Response: Partially | Comment / evidence: "
        "Enforced for administrators; end customers using the public upload page do not authenticate.",
        "Answers reviewed by the Head of Security.",
    ]


def test_a_pdf_table_continued_on_the_next_page_without_its_header_keeps_the_columns_labels() -> None:
    data = pdf_table_bytes(
        [
            ("", [_REPLY_HEADER, ["A1", "Do you hold ISO 27001?", "Yes", "Certificate provided."]], ""),
            ("", [["A2", "Do you hold a SOC 2 Type II report?", "No", "Planned for 2027."]], ""),
        ]
    )
    lines = extract(data, DocumentKind.PDF).text.split("\n")
    assert (
        "No.: A2 | Question: Do you hold a SOC 2 Type II report? | Response: No | Comment / evidence: Planned for 2027."
        in lines
    )


def test_a_pdf_table_drawn_without_rules_keeps_the_text_as_pypdf_reads_it() -> None:
    rows = [_REPLY_HEADER, ["A1", "Do you hold ISO 27001?", "Yes", "Certificate provided."]]
    lines = extract(pdf_table_bytes([("", rows, "")], ruled=False), DocumentKind.PDF).text.split("\n")
    assert not any(" | " in line for line in lines)
    assert "Do you hold ISO 27001?" in " ".join(lines)


def test_an_abbreviated_column_label_such_as_no_dot_still_makes_a_header() -> None:
    assert is_header(["No.", "Question", "Response"])
    assert is_header(["Ref.", "Control", "Owner"])
    assert not is_header(["No.", "Yes", "N/A"])


def test_a_column_label_may_name_a_version_or_a_year_but_a_row_mostly_of_numbered_cells_is_data() -> None:
    assert is_header(["Service level", "Standard Table v3.1", "Agreed for the Customer"])
    assert is_header(["Fee element", "Contract Year 1", "Contract Year 2", "Contract Year 3", "Total"])
    assert not is_header(["Phase 2", "Home claims", "autumn 2027"])
    assert not is_header(["SL-15", "Disaster recovery", "4 hours"])
