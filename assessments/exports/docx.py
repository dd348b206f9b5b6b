"""The DOCX export (python-docx): headings, tables, a header and a footer with page numbers.

Word computes "page x of y" from PAGE and NUMPAGES fields, which python-docx has no API for,
so they are written as field runs (w:fldChar begin / w:instrText / w:fldChar end).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from assessments.exports.content import ExportContent
from assessments.exports.sections import cover_rows, documents_rows

_RED = RGBColor(0xB0, 0x00, 0x20)
_GREY = RGBColor(0x55, 0x55, 0x55)


def _field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(end)


def _header_footer(document: Document, content: ExportContent) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    if content.draft:
        mark = header.add_run("DRAFT  ")
        mark.bold, mark.font.color.rgb = True, _RED
    header.add_run(f"{content.assessment_id} · {content.title}")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{content.assessment_id} · Exported {content.exported_at} · Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def _table(document: Document, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Light Grid Accent 1"
    for cell, title in zip(table.rows[0].cells, headers, strict=True):
        cell.text = title
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value


def render_docx(content: ExportContent) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10.5)
    _header_footer(document, content)
    if content.draft:
        banner = document.add_paragraph()
        run = banner.add_run(f"DRAFT — not final: the assessment is {content.state_label.lower()}.")
        run.bold, run.font.color.rgb = True, _RED
    document.add_heading(f"{content.assessment_id}: {content.title}", level=0)
    _table(document, ["Field", "Value"], [list(r) for r in cover_rows(content)])

    document.add_heading("Decision record", level=1)
    if not content.decisions:
        document.add_paragraph("No area has been decided yet.")
    for d in content.decisions:
        document.add_heading(f"{d.area}: {d.outcome_label}", level=2)
        document.add_paragraph(f"Assessor: {d.assessor} · {d.at}")
        document.add_paragraph(f"Inherent rating: {d.inherent_rating} · Residual rating: {d.residual_rating}")
        document.add_paragraph(f"Rationale: {d.rationale}")
        if d.residual_rationale:
            document.add_paragraph(f"Residual rationale: {d.residual_rationale}")
        for c in d.conditions:
            document.add_paragraph(
                f"Condition: {c.text} (owner {c.owner}, due {c.due_on})", style="List Bullet"
            )

    for area in content.areas:
        document.add_heading(f"{area.name} (inherent rating: {area.inherent_rating})", level=1)
        for answer in area.answers:
            document.add_heading(f"{answer.question_id} · {answer.question}", level=3)
            paragraph = document.add_paragraph()
            paragraph.add_run(answer.answer or "Not answered").bold = True
            label = paragraph.add_run(f"   [{answer.provenance_label}]")
            label.font.color.rgb = _GREY
            if answer.suggested and answer.suggested != answer.answer:
                document.add_paragraph(f"Suggested: {answer.suggested}")
            for c in answer.citations:
                quote = document.add_paragraph(style="Intense Quote")
                quote.add_run(f"“{c.passage}”\n")
                quote.add_run(f"— {c.where}").italic = True
            for comment in answer.comments:
                document.add_paragraph(
                    f"{comment.author} ({comment.role}, round {comment.round}, {comment.at}): {comment.text}",
                    style="List Bullet",
                )

    document.add_heading("Documents", level=1)
    if content.documents:
        _table(document, ["Name", "Kind", "Size", "Uploaded", "SHA-256"], documents_rows(content))
    else:
        document.add_paragraph("No documents.")
    document.core_properties.title = f"{content.assessment_id} {content.title}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
