"""Reading a header row: which column each cell is, in either spelling, with clear errors."""

from __future__ import annotations

from assessments.questionnaire.spreadsheet.columns import (
    COLUMN_NAMES,
    SpreadsheetError,
    column_for_header,
    is_ignored_header,
)


def read_headers(cells: list[str], *, row: int, sheet: str) -> tuple[dict[str, str], list[str | None]]:
    """(column → header as written, the column of each cell position or None for a notes column)."""
    headers: dict[str, str] = {}
    positions: list[str | None] = []
    for cell in cells:
        if is_ignored_header(cell):
            positions.append(None)
            continue
        column = column_for_header(cell)
        if column is None:
            raise SpreadsheetError(
                f"unknown column. The columns are: {', '.join(COLUMN_NAMES)} "
                "(a header starting with # marks a column of notes that the import skips).",
                row=row,
                column=cell.strip(),
                sheet=sheet,
            )
        if column in headers:
            raise SpreadsheetError(
                f"the column appears twice (also as '{headers[column]}').",
                row=row,
                column=cell.strip(),
                sheet=sheet,
            )
        headers[column] = cell.strip()
        positions.append(column)
    return headers, positions
