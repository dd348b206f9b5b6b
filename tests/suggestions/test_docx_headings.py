"""Word documents formatted by hand: short bold or numbered paragraphs are their headings."""

from __future__ import annotations

import io

import docx

from assessments.documents.extract import extract


def _document(*paragraphs: tuple[str, bool]) -> bytes:
    document = docx.Document()
    for text, bold in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = bold
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_it_reads_short_bold_paragraphs_as_sections() -> None:
    data = _document(
        ("Hosting", True),
        ("The service runs in Azure UK South.", False),
        ("Retention", True),
        ("Transcripts are kept for 18 months.", False),
    )
    blocks = extract(data, "docx").blocks
    assert [(b.section, b.text) for b in blocks] == [
        ("Hosting", "The service runs in Azure UK South."),
        ("Retention", "Transcripts are kept for 18 months."),
    ]


def test_it_reads_numbered_paragraphs_as_sections_and_keeps_them_out_of_the_text() -> None:
    data = _document(("3.1 Data residency", False), ("All processing is in the UK.", False))
    [block] = extract(data, "docx").blocks
    assert (block.section, block.text) == ("3.1 Data residency", "All processing is in the UK.")


def test_it_keeps_bold_sentences_and_long_bold_paragraphs_as_text() -> None:
    data = _document(("Important: data never leaves the UK.", True), ("Body text follows here.", False))
    [block] = extract(data, "docx").blocks
    assert block.section is None
    assert block.text == "Important: data never leaves the UK.\nBody text follows here."


def test_it_trusts_heading_styles_once_the_document_uses_them() -> None:
    document = docx.Document()
    document.add_paragraph("Overview", style="Heading 1")
    document.add_paragraph().add_run("Bold aside").bold = True
    document.add_paragraph("Some text.")
    out = io.BytesIO()
    document.save(out)
    [block] = extract(out.getvalue(), "docx").blocks
    assert (block.section, block.text) == ("Overview", "Bold aside\nSome text.")
