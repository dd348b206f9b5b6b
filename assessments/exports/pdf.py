"""The PDF export (reportlab platypus): real flowing layout, not a picture of a page.

Every page has a header (the id and title, DRAFT when the assessment is not decided) and a
footer (the export time and "Page x of y"). The total is only known once every page is laid
out, so the canvas keeps each page's state and draws the footers at the end (reportlab's
documented two-pass canvas pattern). A draft also carries a diagonal DRAFT watermark.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from assessments.exports.content import AnswerContent, ExportContent
from assessments.exports.sections import cover_rows, documents_rows

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_MARGIN = 18 * mm
_INK = colors.HexColor("#1f2933")
_ACCENT = colors.HexColor("#1f3a5f")
_MUTED = colors.HexColor("#5f6b7a")
_DRAFT_RED = colors.HexColor("#b00020")


def _fonts() -> tuple[str, str]:
    """DejaVu Sans where the system has it (it covers far more than Latin-1), else Helvetica."""
    regular, bold = _FONT_DIR / "DejaVuSans.ttf", _FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        if "TRASans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("TRASans", str(regular)))
            pdfmetrics.registerFont(TTFont("TRASans-Bold", str(bold)))
        return "TRASans", "TRASans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _styles(font: str, bold: str) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=base["BodyText"], fontName=font, fontSize=9.5, leading=13, textColor=_INK
    )
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=20, leading=25, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11, textColor=_MUTED, spaceAfter=10),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=bold,
            fontSize=14,
            leading=18,
            textColor=_ACCENT,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3
        ),
        "q": ParagraphStyle("q", parent=body, fontName=bold, fontSize=9.5, spaceBefore=7),
        "body": body,
        "muted": ParagraphStyle("muted", parent=body, fontSize=8.5, textColor=_MUTED),
        "quote": ParagraphStyle(
            "quote",
            parent=body,
            fontSize=8.5,
            leading=11.5,
            leftIndent=10,
            borderPadding=(3, 3, 3, 6),
            borderColor=colors.HexColor("#c8d1dc"),
            borderWidth=0.5,
            backColor=colors.HexColor("#f3f6f9"),
            spaceBefore=2,
            spaceAfter=4,
            alignment=TA_LEFT,
        ),
        "draft": ParagraphStyle("draft", parent=body, fontName=bold, textColor=_DRAFT_RED, fontSize=11),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _numbered_canvas(content: ExportContent, font: str, bold: str) -> type[pdfcanvas.Canvas]:
    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = A4
            self.saveState()
            if content.draft:
                self.setFont(bold, 90)
                self.setFillColor(colors.Color(0.69, 0, 0.13, alpha=0.12))
                self.translate(width / 2, height / 2)
                self.rotate(45)
                self.drawCentredString(0, -30, "DRAFT")
                self.rotate(-45)
                self.translate(-width / 2, -height / 2)
            self.setStrokeColor(colors.HexColor("#c8d1dc"))
            self.line(_MARGIN, height - 13 * mm, width - _MARGIN, height - 13 * mm)
            self.line(_MARGIN, 13 * mm, width - _MARGIN, 13 * mm)
            self.setFillColor(_MUTED)
            self.setFont(font, 8)
            title = content.title if len(content.title) <= 70 else content.title[:69] + "…"
            self.drawString(_MARGIN, height - 11 * mm, f"{content.assessment_id} · {title}")
            if content.draft:
                self.setFillColor(_DRAFT_RED)
                self.setFont(bold, 9)
                self.drawRightString(width - _MARGIN, height - 11 * mm, "DRAFT — not final")
                self.setFillColor(_MUTED)
                self.setFont(font, 8)
            else:
                self.drawRightString(width - _MARGIN, height - 11 * mm, content.state_label)
            self.drawString(_MARGIN, 9 * mm, f"{content.assessment_id} · Exported {content.exported_at}")
            self.drawRightString(width - _MARGIN, 9 * mm, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas


def _grid(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#c8d1dc")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6ecf3")))
    table.setStyle(TableStyle(commands))
    return table


def _answer(answer: AnswerContent, s: dict[str, ParagraphStyle]) -> list[Any]:
    parts: list[Any] = [
        _p(f"{answer.question_id} · {answer.question}", s["q"]),
        Paragraph(
            f"{escape(answer.answer or 'Not answered')} "
            f"<font color='#5f6b7a' size='8'>[{escape(answer.provenance_label)}]</font>",
            s["body"],
        ),
    ]
    if answer.suggested and answer.suggested != answer.answer:
        parts.append(_p(f"Suggested: {answer.suggested}", s["muted"]))
    for c in answer.citations:
        parts.append(
            Paragraph(f"“{escape(c.passage)}”<br/><i>— {escape(c.where)}</i>", s["quote"]),
        )
    for comment in answer.comments:
        who = f"{comment.author} ({comment.role}, round {comment.round}, {comment.at[:10]})"
        parts.append(_p(f"Comment — {who}: {comment.text}", s["muted"]))
    return [KeepTogether(parts[:2]), *parts[2:]]


def render_pdf(content: ExportContent) -> bytes:
    font, bold = _fonts()
    s = _styles(font, bold)
    width = A4[0] - 2 * _MARGIN
    story: list[Any] = []
    if content.draft:
        story.append(_p(f"DRAFT — not final: the assessment is {content.state_label.lower()}.", s["draft"]))
    story += [
        _p(content.title, s["title"]),
        _p(f"Technology Risk Assessment {content.assessment_id}", s["subtitle"]),
        _grid(
            [[_p(k, s["cell"]), _p(v, s["cell"])] for k, v in cover_rows(content)],
            [0.32 * width, 0.68 * width],
            header=False,
        ),
        PageBreak(),
        _p("Decision record", s["h1"]),
    ]
    if not content.decisions:
        story.append(_p("No area has been decided yet.", s["body"]))
    for d in content.decisions:
        block: list[Any] = [
            _p(f"{d.area}: {d.outcome_label}", s["h2"]),
            _p(
                f"Assessor {d.assessor} · {d.at[:10]} · inherent {d.inherent_rating} · residual {d.residual_rating}",
                s["muted"],
            ),
            _p(f"Rationale: {d.rationale}", s["body"]),
        ]
        if d.residual_rationale:
            block.append(_p(f"Residual rationale: {d.residual_rationale}", s["body"]))
        if d.conditions:
            rows = [[_p(h, s["cell"]) for h in ("Condition", "Owner", "Due")]]
            rows += [
                [_p(c.text, s["cell"]), _p(c.owner, s["cell"]), _p(c.due_on, s["cell"])] for c in d.conditions
            ]
            block.append(_grid(rows, [0.6 * width, 0.25 * width, 0.15 * width]))
        story.append(KeepTogether(block))
    for area in content.areas:
        story.append(_p(f"{area.name} — inherent rating {area.inherent_rating}", s["h1"]))
        if not area.answers:
            story.append(_p("No applicable questions.", s["muted"]))
        for answer in area.answers:
            story += _answer(answer, s)
    story.append(_p("Documents", s["h1"]))
    if content.documents:
        rows = [[_p(h, s["cell"]) for h in ("Name", "Kind", "Size", "Uploaded", "SHA-256")]]
        rows += [[_p(v, s["cell"]) for v in row] for row in documents_rows(content)]
        story.append(_grid(rows, [0.3 * width, 0.1 * width, 0.13 * width, 0.25 * width, 0.22 * width]))
    else:
        story.append(_p("No documents.", s["body"]))
    story.append(Spacer(1, 6))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=f"{content.assessment_id} {content.title}",
        author="TRA",
        subject="Technology Risk Assessment report" + (" (DRAFT)" if content.draft else ""),
    )
    doc.build(story, canvasmaker=_numbered_canvas(content, font, bold))
    return out.getvalue()
