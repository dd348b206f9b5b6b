"""What an upload is, told from its bytes; what we refuse, with a message the requestor can act on."""

from __future__ import annotations

import hashlib
import io

import pytest

from assessments.documents.sniff import DocumentKind, UnsupportedDocument, detect_kind, inspect_upload
from tests.documents.builders import docx_bytes, pdf_bytes, xlsx_bytes, zip_bytes

CSV = b"system,owner,criticality\nCRM,Sales,High\nHR portal,People,Medium\n"
PROSE = b"The vendor hosts the platform in Frankfurt.\nData is encrypted at rest.\n"


@pytest.mark.parametrize(
    ("data", "filename", "kind"),
    [
        (pdf_bytes(["Hello"]), "brief.pdf", DocumentKind.PDF),
        (docx_bytes([("p", "Hello")]), "brief.docx", DocumentKind.DOCX),
        (xlsx_bytes({"Sheet": [["a", "b"]]}), "vendors.xlsx", DocumentKind.XLSX),
        (CSV, "systems.csv", DocumentKind.CSV),
        (PROSE, "notes.txt", DocumentKind.TXT),
        (PROSE, "README.md", DocumentKind.MD),
        (PROSE, "notes", DocumentKind.TXT),
    ],
)
def test_it_recognises_each_accepted_format(data: bytes, filename: str, kind: DocumentKind) -> None:
    assert detect_kind(data, filename) is kind


def test_it_trusts_content_over_a_misleading_name() -> None:
    assert detect_kind(pdf_bytes(["Hello"]), "brief.txt") is DocumentKind.PDF
    assert detect_kind(docx_bytes([("p", "Hello")]), "brief.pdf") is DocumentKind.DOCX
    assert detect_kind(xlsx_bytes({"S": [["a"]]}), "sheet.docx") is DocumentKind.XLSX


def test_it_reads_a_pdf_with_junk_before_the_header() -> None:
    assert detect_kind(b"\r\n" + pdf_bytes(["Hello"]), "scan.pdf") is DocumentKind.PDF


def test_it_accepts_utf8_with_a_byte_order_mark() -> None:
    assert detect_kind(b"\xef\xbb\xbf" + "Café data flows.\n".encode(), "notes.txt") is DocumentKind.TXT


def test_it_reads_a_csv_that_is_not_delimited_as_plain_text() -> None:
    prose = b"This file is called csv but holds a paragraph of prose only.\nAnother line of prose here\n"
    assert detect_kind(prose, "export.csv") is DocumentKind.TXT


def test_it_recognises_semicolon_separated_csv() -> None:
    assert detect_kind(b"name;owner\nCRM;Sales\nERP;Finance\n", "systems.csv") is DocumentKind.CSV


@pytest.mark.parametrize(
    ("data", "filename", "phrase"),
    [
        (b"", "empty.pdf", "empty"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 64, "invoice.pdf", "program"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 32, "notes.txt", "program"),
        (zip_bytes({"photo.jpg": b"\xff\xd8\xff"}), "brief.docx", "zip archive"),
        (
            zip_bytes({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}),
            "deck.docx",
            "PowerPoint",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "old.doc", "legacy"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "old.xls", ".xlsx"),
        (b"plain text\x00with a NUL byte", "notes.txt", "binary"),
        ("Caf\u00e9 in Latin-1".encode("latin-1"), "notes.txt", "UTF-8"),
        (PROSE, "brief.pdf", "plain text"),
        (PROSE, "page.html", "not accepted"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, "diagram.pdf", "image"),
        (b"PK\x03\x04garbage-that-is-not-a-zip", "brief.docx", "damaged"),
        (b"   \n\t\n", "blank.txt", "no text"),
    ],
)
def test_it_refuses_what_it_cannot_read_safely(data: bytes, filename: str, phrase: str) -> None:
    with pytest.raises(UnsupportedDocument) as caught:
        detect_kind(data, filename)
    assert phrase.lower() in caught.value.message.lower()


def test_it_names_the_file_and_the_accepted_formats_when_refusing() -> None:
    with pytest.raises(UnsupportedDocument) as caught:
        detect_kind(b"MZ" + b"\x00" * 64, "setup.pdf")
    assert "setup.pdf" in caught.value.message
    assert "Word (.docx)" in caught.value.message


def test_it_refuses_macro_enabled_office_files() -> None:
    data = zip_bytes(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>", "word/vbaProject.bin": b"\x00"}
    )
    with pytest.raises(UnsupportedDocument, match="macros"):
        detect_kind(data, "brief.docm")


def test_it_refuses_an_upload_over_the_size_limit() -> None:
    with pytest.raises(UnsupportedDocument, match="largest accepted"):
        detect_kind(b"x" * 2048, "big.txt", max_bytes=1024)
    assert detect_kind(b"x" * 1024, "ok.txt", max_bytes=1024) is DocumentKind.TXT


def test_it_hashes_and_measures_a_stream_in_the_same_pass() -> None:
    data = PROSE * 50_000  # several read chunks
    inspection = inspect_upload(io.BytesIO(data), "notes.txt")
    assert (inspection.kind, inspection.size, inspection.sha256) == (
        DocumentKind.TXT,
        len(data),
        hashlib.sha256(data).hexdigest(),
    )


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        (b"\x00\x01binary", "binary data or is not UTF-8"),
        (b"\xff\xfe not utf-8", "binary data or is not UTF-8"),
        (b"\x01\x02\x03" * 200_000, "binary data or is not UTF-8"),
    ],
    ids=["a NUL byte", "invalid UTF-8", "control characters"],
)
def test_it_finds_binary_content_far_into_a_text_file(tail: bytes, message: str) -> None:
    with pytest.raises(UnsupportedDocument, match=message):
        detect_kind(PROSE * 40_000 + tail, "notes.txt")


def test_it_reads_no_further_than_the_size_limit_when_the_declared_size_is_missing() -> None:
    with pytest.raises(UnsupportedDocument, match="is more than .*; the largest accepted upload is 1.0 MB"):
        inspect_upload(io.BytesIO(b"x" * (3 * 1024 * 1024)), "big.txt", max_bytes=1024 * 1024)
