"""The text of each accepted format, in order, with where each piece came from."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from assessments.documents.extract import ExtractionFailed, extract
from assessments.documents.sniff import DocumentKind
from tests.documents.builders import docx_bytes, pdf_bytes, xlsx_bytes, zip_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


def test_it_keeps_docx_paragraphs_and_tables_in_order_under_their_headings() -> None:
    data = docx_bytes(
        [
            ("p", "Prepared by Customer Operations."),
            ("h1", "Scope"),
            ("p", "The change covers email support."),
            ("table", [["System", "Owner"], ["Brightdesk", "Customer Operations"]]),
            ("p", "Telephony is out of scope."),
            ("h2", "Hosting"),
            ("p", "The vendor hosts the platform in Frankfurt."),
        ]
    )
    extracted = extract(data, DocumentKind.DOCX)
    assert [(b.section, b.text) for b in extracted.blocks] == [
        (None, "Prepared by Customer Operations."),
        (
            "Scope",
            "The change covers email support.\nSystem | Owner\nBrightdesk | Customer Operations\nTelephony is out of scope.",
        ),
        ("Hosting", "The vendor hosts the platform in Frankfurt."),
    ]
    assert all(block.page is None for block in extracted.blocks)


def test_it_quotes_a_merged_table_cell_once() -> None:
    data = docx_bytes([("merged", [["Milestones", "", ""], ["Go-live", "2 March 2026", "Operations"]])])
    assert extract(data, "docx").blocks[0].text == "Milestones\nGo-live | 2 March 2026 | Operations"


def test_it_extracts_every_pdf_page_with_its_number() -> None:
    data = pdf_bytes(["Page one says hello.", "", "Page three says goodbye.", "Page four is last."])
    extracted = extract(data, DocumentKind.PDF)
    assert extracted.page_count == 4
    assert [(b.page, b.text) for b in extracted.blocks] == [
        (1, "Page one says hello."),
        (3, "Page three says goodbye."),
        (4, "Page four is last."),
    ]


def test_it_joins_lines_a_pdf_wrapped_mid_sentence() -> None:
    page = (
        "The vendor will not use our data to train its models, and it will keep our data in\n"
        "Frankfurt for the whole of the contract term with no exceptions at all.\n"
        "Short closing line."
    )
    text = extract(pdf_bytes([page]), "pdf").blocks[0].text
    assert "keep our data in Frankfurt for the whole" in text
    assert "Short closing line." in text


def test_it_drops_running_footers_and_keeps_a_sentence_split_by_a_page_break_whole() -> None:
    pages = [
        "Introduction to the change.\nThe support engineers may access our data, so personal data will be",
        "transferred outside the UK. Data is encrypted at rest.",
        "Final page text.",
    ]
    extracted = extract(pdf_bytes(pages, footer="Project brief, page {page}"), "pdf")
    assert "Project brief" not in extracted.text
    first, second = extracted.blocks[0], extracted.blocks[1]
    assert first.text.endswith("so personal data will be transferred outside the UK.")
    assert (second.page, second.text) == (2, "Data is encrypted at rest.")


def test_it_reports_a_password_protected_pdf() -> None:
    with pytest.raises(ExtractionFailed, match="password"):
        extract(pdf_bytes(["Secret"], password="s3cret"), "pdf")


def test_it_reports_a_damaged_pdf() -> None:
    data = pdf_bytes(["Hello there."])
    with pytest.raises(ExtractionFailed, match="damaged"):
        extract(data[: len(data) // 3], "pdf")


def test_it_reports_a_pdf_without_text() -> None:
    with pytest.raises(ExtractionFailed, match="no extractable text"):
        extract(pdf_bytes(["", ""]), "pdf")


def test_it_reports_a_damaged_docx() -> None:
    with pytest.raises(ExtractionFailed, match="damaged"):
        extract(docx_bytes([("p", "Hello")])[:400], "docx")


@pytest.mark.parametrize(
    ("build", "kind", "part"),
    [
        (lambda: docx_bytes([("p", "Hello")]), "docx", "word/document.xml"),
        (lambda: xlsx_bytes({"Sheet": [["a"]]}), "xlsx", "xl/worksheets/sheet1.xml"),
    ],
)
def test_it_reports_malformed_xml_inside_an_office_file(build, kind: str, part: str) -> None:  # noqa: ANN001
    with zipfile.ZipFile(io.BytesIO(build())) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files[part] = b"<broken"
    with pytest.raises(ExtractionFailed, match="damaged"):
        extract(zip_bytes(files), kind)


def test_it_reads_every_non_empty_cell_of_every_sheet() -> None:
    data = xlsx_bytes(
        {
            "Vendors": [
                ["Vendor", "Service", "Reviewed"],
                ["Brightdesk", "Support", dt.datetime(2025, 10, 1)],
                [],
            ],
            "Costs": [["Item", None, "GBP"], ["Licence", None, 420000.0], [None, None, None]],
        }
    )
    extracted = extract(data, DocumentKind.XLSX)
    assert [(b.section, b.text) for b in extracted.blocks] == [
        # A header row of three labels: later rows carry them (tests/documents/test_tables.py).
        (
            "Vendors",
            "Vendor | Service | Reviewed\nVendor: Brightdesk | Service: Support | Reviewed: 2025-10-01",
        ),
        ("Costs", "Item | GBP\nLicence | 420000"),
    ]


def test_it_reads_csv_rows() -> None:
    data = b'system,owner,notes\nCRM,Sales,"hosted, in EU"\n\nERP,Finance,\n'
    assert extract(data, DocumentKind.CSV).blocks[0].text == (
        "system | owner | notes\nsystem: CRM | owner: Sales | notes: hosted, in EU\nsystem: ERP | owner: Finance"
    )


def test_it_uses_markdown_headings_as_sections() -> None:
    text = (
        "Intro line.\n\n# Hosting\nThe vendor hosts the platform\nin Frankfurt.\n\n"
        "- data stays in the EU\n- backups daily\n\nRetention\n---------\nSeven years.\n"
    )
    extracted = extract(text.encode(), DocumentKind.MD)
    assert [(b.section, b.text) for b in extracted.blocks] == [
        (None, "Intro line."),
        ("Hosting", "The vendor hosts the platform in Frankfurt.\n- data stays in the EU\n- backups daily"),
        ("Retention", "Seven years."),
    ]


def test_it_reads_plain_text_with_windows_line_ends() -> None:
    data = b"First paragraph.\r\n\r\nSecond paragraph.\r\n"
    assert extract(data, DocumentKind.TXT).text == "First paragraph.\nSecond paragraph."


def test_it_reports_text_that_is_not_utf8() -> None:
    with pytest.raises(ExtractionFailed, match="UTF-8"):
        extract("Caf\u00e9".encode("latin-1"), DocumentKind.TXT)


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_it_reads_the_same_facts_from_both_versions_of_the_project_brief(suffix: str) -> None:
    extracted = extract((FIXTURES / f"project_brief.{suffix}").read_bytes(), suffix)
    text = " ".join(extracted.text.split())
    assert "Under the contract, the vendor will not use our data to train its models" in text
    assert "Go-live" in text and "2 March 2026" in text
    if suffix == "pdf":
        assert [b.page for b in extracted.blocks] == list(range(1, extracted.page_count + 1))
        assert extracted.page_count >= 3
    else:
        assert "5. The AI assistant" in {b.section for b in extracted.blocks}
        assert (
            "Milestone: Go-live | Planned date: 2 March 2026 | Owner: Head of Customer Operations"
            in extracted.text
        )
