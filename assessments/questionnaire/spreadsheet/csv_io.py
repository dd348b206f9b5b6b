"""Questionnaires as CSV: '#field,value' lines for the questionnaire's own fields, then the
header row and one row per question (the columns of columns.py).

Every cell is text: nothing is evaluated. On export a cell that a spreadsheet would run as a
formula gets a leading ' (csv_escape), which the import takes off again.
"""

from __future__ import annotations

import csv
import io

from assessments.domain.text import control_character_problem
from assessments.questionnaire.model import Questionnaire
from assessments.questionnaire.spreadsheet.columns import (
    COLUMN_NAMES,
    MAX_CELL_CHARS,
    MAX_EXTRA_CHARS,
    MAX_FILE_BYTES,
    MAX_QUESTION_ROWS,
    SpreadsheetError,
    csv_escape,
    csv_unescape,
)
from assessments.questionnaire.spreadsheet.headers import read_headers
from assessments.questionnaire.spreadsheet.rows import Head, Sheet, build_questionnaire
from assessments.questionnaire.spreadsheet.writer import head_rows, question_rows

_MISSING = "Add a line '#{name},<value>' before the header row."


def questionnaire_from_csv(text: str) -> Questionnaire:
    if len(text) > MAX_FILE_BYTES:
        raise SpreadsheetError(
            f"the file is over {MAX_FILE_BYTES:,} characters; that is too large for a questionnaire."
        )
    head = Head(sheet="", missing_hint=_MISSING)
    sheet: Sheet | None = None
    columns: list[str | None] = []
    reader = csv.reader(io.StringIO(text))
    try:
        for number, record in enumerate(reader, start=1):
            cells = [csv_unescape(cell) for cell in record]
            if not any(cell.strip() for cell in cells):
                continue
            if sheet is None and cells[0].strip().startswith("#"):
                name = cells[0].strip().lstrip("#").strip()
                value = cells[1] if len(cells) > 1 else ""
                _check_cell(value, MAX_EXTRA_CHARS, number, cells[0].strip())
                head.values[name] = (number, value)
                continue
            if sheet is None:
                headers, columns = read_headers(cells, row=number, sheet="")
                sheet = Sheet(name="", headers=headers, header_row=number)
                continue
            if len(sheet.rows) >= MAX_QUESTION_ROWS:
                raise SpreadsheetError(
                    f"more than {MAX_QUESTION_ROWS:,} question rows; split the questionnaire or trim it.",
                    row=number,
                )
            row: dict[str, str] = {}
            for index, cell in enumerate(cells):
                column = columns[index] if index < len(columns) else None
                if column is None:
                    if index >= len(columns) and cell.strip():
                        raise SpreadsheetError(
                            "this cell has no column header.", row=number, column=f"#{index + 1}"
                        )
                    continue
                _check_cell(cell, MAX_CELL_CHARS, number, sheet.headers[column])
                row[column] = cell
            sheet.rows.append((number, row))
    except csv.Error as exc:
        # Raised for a field past csv's own size limit, or a malformed quote.
        raise SpreadsheetError(f"the file is not valid CSV: {exc}.", row=reader.line_num) from None
    if sheet is None:
        raise SpreadsheetError("the file has no header row (id, area, question, response_type…).")
    return build_questionnaire(sheet, head)


def questionnaire_to_csv(questionnaire: Questionnaire) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for name, value in head_rows(questionnaire):
        writer.writerow([f"#{name}", csv_escape(value)])
    writer.writerow(COLUMN_NAMES)
    for row in question_rows(questionnaire):
        writer.writerow([csv_escape(cell) for cell in row])
    return out.getvalue()


def _check_cell(text: str, limit: int, row: int, column: str) -> None:
    # An XLSX cell cannot hold a control character either: refusing them keeps both formats equal.
    problem = control_character_problem(text)
    if problem:
        raise SpreadsheetError(problem, row=row, column=column)
    if len(text) > limit:
        raise SpreadsheetError(
            f"the cell holds {len(text):,} characters; the limit is {limit:,}.", row=row, column=column
        )
