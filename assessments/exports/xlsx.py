"""The XLSX export (openpyxl): a summary sheet, then one sheet per risk area.

Each area sheet has one row per applicable question: id, question, answer, provenance,
citation, comment count; the header row is frozen, filtered, and every column has a width.
A draft's summary sheet says DRAFT in its first row and every sheet's header/footer too.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assessments.exports.content import AnswerContent, ExportContent

AREA_HEADERS = ("ID", "Question", "Answer", "Provenance", "Citation", "Comments")
AREA_WIDTHS = (10, 60, 40, 22, 70, 11)
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
_WRAP = Alignment(wrap_text=True, vertical="top")
# Excel refuses these in a sheet title, and a title is at most 31 characters.
_BAD_TITLE = re.compile(r"[\\/*?:\[\]]")


def _sheet_title(name: str, taken: set[str]) -> str:
    base = _BAD_TITLE.sub(" ", name).strip()[:31] or "Area"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def citation_text(answer: AnswerContent) -> str:
    return "\n".join(f'{c.where}: "{c.passage}"' for c in answer.citations)


def _as_text(sheet: Worksheet) -> None:
    """Every string stays a string: openpyxl stores one that starts with "=" as a formula, and
    a user's answer must never run in the reader's spreadsheet (formula injection)."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"


def _marks(sheet: Worksheet, content: ExportContent) -> None:
    prefix = "DRAFT - " if content.draft else ""
    sheet.oddHeader.center.text = f"{prefix}{content.assessment_id} {content.title}"
    sheet.oddFooter.left.text = f"Exported {content.exported_at}"
    sheet.oddFooter.right.text = "Page &P of &N"


def _header(sheet: Worksheet, headers: tuple[str, ...], widths: tuple[int, ...], row: int = 1) -> None:
    for column, (title, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=row, column=column, value=title)
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        sheet.column_dimensions[get_column_letter(column)].width = width


def _summary(sheet: Worksheet, content: ExportContent) -> None:
    sheet.title = "Summary"
    rows: list[tuple[str, object]] = []
    if content.draft:
        rows.append(("DRAFT", f"Not final: the assessment is {content.state_label.lower()}."))
    rows += [
        ("ID", content.assessment_id),
        ("Title", content.title),
        ("Project", content.project),
        ("System", content.system_id),
        ("Business unit", content.business_unit),
        ("Classification", content.classification),
        ("Requestor", content.requestor),
        ("State", content.state_label),
        ("Created", content.created_at),
        ("Submitted", content.submitted_at),
        ("Decided", content.decided_at),
        ("Questionnaire", content.questionnaire),
        ("Overall inherent rating", content.overall_inherent),
        ("Overall residual rating", content.overall_residual or "not decided"),
        ("Exported", f"{content.exported_at} by {content.exported_by}"),
    ]
    _header(sheet, ("Field", "Value"), (26, 70))
    for field, value in rows:
        sheet.append([field, value])
    if content.draft:
        sheet["A2"].font = Font(bold=True, color="B00020")
    sheet.append([])
    start = sheet.max_row + 1
    sheet.append(["Area", "Inherent rating", "Decision", "Residual rating", "Conditions", "Answers"])
    for cell in sheet[start]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    decisions = {d.area: d for d in content.decisions}
    for area in content.areas:
        decision = decisions.get(area.name)
        sheet.append(
            [
                area.name,
                area.inherent_rating,
                decision.outcome_label if decision else "not decided",
                decision.residual_rating if decision else "",
                "\n".join(f"{c.text} ({c.owner}, by {c.due_on})" for c in decision.conditions)
                if decision
                else "",
                len(area.answers),
            ]
        )
    for column, width in zip("CDEF", (26, 18, 60, 10), strict=True):
        sheet.column_dimensions[column].width = max(sheet.column_dimensions[column].width or 0, width)
    sheet.freeze_panes = "A2"
    _as_text(sheet)
    _marks(sheet, content)


def _area_sheet(sheet: Worksheet, answers: tuple[AnswerContent, ...], content: ExportContent) -> None:
    _header(sheet, AREA_HEADERS, AREA_WIDTHS)
    for answer in answers:
        sheet.append(
            [
                answer.question_id,
                answer.question,
                answer.answer,
                answer.provenance_label,
                citation_text(answer),
                len(answer.comments),
            ]
        )
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _WRAP
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(AREA_HEADERS))}{max(sheet.max_row, 1)}"
    _as_text(sheet)
    _marks(sheet, content)


def render_xlsx(content: ExportContent) -> bytes:
    book = Workbook()
    _summary(book.active, content)
    taken = {"summary"}
    for area in content.areas:
        _area_sheet(book.create_sheet(_sheet_title(area.name, taken)), area.answers, content)
    book.properties.title = f"{content.assessment_id} {content.title}"
    book.properties.creator = "TRA"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
