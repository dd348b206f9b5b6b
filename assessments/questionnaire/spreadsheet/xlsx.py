"""Questionnaires as XLSX workbooks: a Questions sheet (one row per question), an Assessment
sheet (name, version, description, free-form entries as YAML) and a README sheet.

Reading never evaluates: a formula cell is refused with its row and column. Writing stores a
text that starts like a formula (= + - @) as text, so no spreadsheet program runs it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError, InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assessments.questionnaire.model import Questionnaire, ResponseType
from assessments.questionnaire.spreadsheet.columns import (
    ASSESSMENT_SHEET,
    COLUMN_NAMES,
    COLUMNS,
    FORMULA_STARTS,
    MAX_CELL_CHARS,
    MAX_EXTRA_CHARS,
    MAX_FILE_BYTES,
    MAX_QUESTION_ROWS,
    QUALIFYING_AREA,
    QUESTIONS_SHEET,
    README_SHEET,
    SpreadsheetError,
)
from assessments.questionnaire.spreadsheet.headers import read_headers
from assessments.questionnaire.spreadsheet.rows import Head, Sheet, build_questionnaire
from assessments.questionnaire.spreadsheet.writer import head_rows, question_rows

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_MAX_COLUMNS = 100  # past the known columns and some notes: nothing a questionnaire needs
# An XLSX file is a zip archive: a small file can unpack to gigabytes. Ours unpacks to ~100 kB.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
_MISSING = f"Add a '{{name}}' row to the {ASSESSMENT_SHEET} sheet."


# --- reading ---------------------------------------------------------------------------------


def questionnaire_from_xlsx(data: bytes) -> Questionnaire:
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError(
            f"the file is over {MAX_FILE_BYTES:,} bytes; that is too large for a questionnaire."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise SpreadsheetError(
                f"the workbook unpacks to {unpacked:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}."
            )
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise SpreadsheetError(f"the file is not a readable XLSX workbook ({exc}).") from None
    try:
        questions = _questions_sheet(book)
        head = Head(sheet=ASSESSMENT_SHEET, missing_hint=_MISSING)
        if ASSESSMENT_SHEET.casefold() in _names(book):
            _read_head(book[_names(book)[ASSESSMENT_SHEET.casefold()]], head)
        sheet = _read_questions(questions)
    finally:
        book.close()
    return build_questionnaire(sheet, head)


def _names(book: Any) -> dict[str, str]:
    return {name.casefold(): name for name in book.sheetnames}


def _questions_sheet(book: Any) -> Any:
    names = _names(book)
    if QUESTIONS_SHEET.casefold() in names:
        return book[names[QUESTIONS_SHEET.casefold()]]
    others = [
        n
        for n in book.sheetnames
        if n.casefold() not in (ASSESSMENT_SHEET.casefold(), README_SHEET.casefold())
    ]
    if not others:
        raise SpreadsheetError(f"the workbook has no '{QUESTIONS_SHEET}' sheet.")
    return book[others[0]]


def _read_questions(ws: Any) -> Sheet:
    sheet: Sheet | None = None
    columns: list[str | None] = []
    for number, cells in enumerate(ws.iter_rows(max_col=_MAX_COLUMNS), start=1):
        labels = [
            sheet.headers[columns[i]]
            if sheet and i < len(columns) and columns[i]
            else get_column_letter(i + 1)
            for i in range(len(cells))
        ]
        texts = [
            _text(cell, ws.title, number, MAX_CELL_CHARS, label)
            for cell, label in zip(cells, labels, strict=True)
        ]
        if not any(t.strip() for t in texts):
            continue
        if sheet is None:
            headers, columns = read_headers(texts, row=number, sheet=ws.title)
            sheet = Sheet(name=ws.title, headers=headers, header_row=number)
            continue
        if len(sheet.rows) >= MAX_QUESTION_ROWS:
            raise SpreadsheetError(
                f"more than {MAX_QUESTION_ROWS:,} question rows; split the questionnaire or trim it.",
                row=number,
                sheet=ws.title,
            )
        row: dict[str, str] = {}
        for index, text in enumerate(texts):
            column = columns[index] if index < len(columns) else None
            if column is not None:
                row[column] = text
            elif index >= len(columns) and text.strip():
                raise SpreadsheetError(
                    "this cell has no column header.",
                    row=number,
                    column=get_column_letter(index + 1),
                    sheet=ws.title,
                )
        sheet.rows.append((number, row))
    if sheet is None:
        raise SpreadsheetError(
            "the sheet has no header row (id, area, question, response_type…).", sheet=ws.title
        )
    return sheet


def _read_head(ws: Any, head: Head) -> None:
    for number, cells in enumerate(ws.iter_rows(max_col=2), start=1):
        texts = [_text(cell, ws.title, number, MAX_EXTRA_CHARS, "AB"[i]) for i, cell in enumerate(cells)]
        name = texts[0].strip() if texts else ""
        if not name or (number == 1 and name.casefold() == "field"):
            continue
        head.values[name] = (number, texts[1] if len(texts) > 1 else "")


def _text(cell: Any, sheet: str, row: int, limit: int, column: str) -> str:
    """A cell as the text a person typed; formulas and error values are refused, never evaluated."""
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        raise SpreadsheetError(
            "the cell holds a formula; the import never evaluates formulas: type the value itself.",
            row=row,
            column=column,
            sheet=sheet,
        )
    if getattr(cell, "data_type", None) == "e":
        raise SpreadsheetError(
            f"the cell holds the error value {value}.", row=row, column=column, sheet=sheet
        )
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    else:
        text = str(value)
    if len(text) > limit:
        raise SpreadsheetError(
            f"the cell holds {len(text):,} characters; the limit is {limit:,}.",
            row=row,
            column=column,
            sheet=sheet,
        )
    return text


# --- writing ---------------------------------------------------------------------------------


def questionnaire_to_xlsx(questionnaire: Questionnaire) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = QUESTIONS_SHEET
    _write_table(ws, list(COLUMN_NAMES), question_rows(questionnaire))
    for index, column in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    rows = ws.max_row
    if rows > 1:
        _validation(ws, "response_type", ",".join(t.spelling for t in ResponseType), rows)
        _validation(ws, "required", "yes,no", rows)
    ws.auto_filter.ref = ws.dimensions

    head = book.create_sheet(ASSESSMENT_SHEET)
    _write_table(head, ["field", "value"], [list(row) for row in head_rows(questionnaire)])
    head.column_dimensions["A"].width = 24
    head.column_dimensions["B"].width = 100

    readme = book.create_sheet(README_SHEET)
    _write_readme(readme)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_table(ws: Worksheet, header: list[str], rows: list[list[str]]) -> None:
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if value:
                _put_text(ws, r, c, value).alignment = wrap


def _put_text(ws: Worksheet, row: int, column: int, text: str) -> Any:
    try:
        cell = ws.cell(row=row, column=column, value=text)
    except IllegalCharacterError:
        # Only a YAML escape ("\a") can put one in a questionnaire; XLSX has no way to store it.
        raise SpreadsheetError(
            f"the text {text[:40]!r} holds a control character, which an XLSX file cannot store.",
            row=row,
            column=str(ws.cell(row=1, column=column).value),
            sheet=ws.title,
        ) from None
    if text.startswith(FORMULA_STARTS):
        # openpyxl would store "=…" as a formula; as a string with Excel's quote prefix it stays
        # text, also when someone edits the cell later.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _validation(ws: Worksheet, column: str, choices: str, rows: int) -> None:
    letter = get_column_letter(COLUMN_NAMES.index(column) + 1)
    # A warning, not a stop: the import also reads looser spellings (yes-no, free text…).
    rule = DataValidation(
        type="list", formula1=f'"{choices}"', allow_blank=True, showErrorMessage=True, errorStyle="warning"
    )
    rule.error = f"Expected one of: {choices.replace(',', ', ')}."
    rule.add(f"{letter}2:{letter}{rows}")
    ws.add_data_validation(rule)


_README_INTRO = (
    "A TRA questionnaire, one row per question on the Questions sheet. Import it with "
    "manage.py import_questionnaire FILE.xlsx --key KEY [--activate]; it is checked exactly like "
    "a YAML file (docs/questionnaire-format.md), and a fault is reported by sheet, row and column.",
    f"Qualifying questions have '{QUALIFYING_AREA}' in the area column and come first; each risk "
    "area's questions follow in order. Lists take one item per line in the cell (Alt+Enter in Excel). "
    "A row with only the area columns filled in declares a risk area without questions.",
    "The Assessment sheet holds the questionnaire's name, version and description; any other row "
    "there is a free-form entry (e.g. navigation_rules) written as YAML.",
    "Formulas are never evaluated: a cell holding one is refused. Columns whose header starts with # are notes "
    "and are skipped.",
)


def _write_readme(ws: Worksheet) -> None:
    ws.append(["About this workbook"])
    ws["A1"].font = Font(bold=True, size=13)
    for line in _README_INTRO:
        ws.append([line])
    ws.append([])
    ws.append(["column", "required", "meaning"])
    start = ws.max_row
    for cell in ws[start]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        ws.append([column.name, "yes" if column.required else "", column.meaning])
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 9
    ws.column_dimensions["C"].width = 110
