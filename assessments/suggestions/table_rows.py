"""Table rows as evidence: the whole row a sentence sits in, and the column a value sits under.

Extracted spreadsheets and document tables arrive as lines of cells joined by " | ". Sentence
splitting cuts a row at every full stop inside a cell, so "Valid to 19/03/2028." can stand alone,
away from the "ISO/IEC 27001 certificate" that begins its row. A value's meaning lives in its
row (what it is about) and its column header ("Date of document" vs "Next due"), so dates and
numbers are read from the row, which is cited whole (it is verbatim passage text).
"""

from __future__ import annotations

import re

CELL = " | "
_DIGITS = re.compile(r"\d")


def row_of(text: str, passage_text: str) -> str | None:
    """The table row (line with cells) of ``passage_text`` that holds ``text``, if it is in one."""
    at = passage_text.find(text)
    if at < 0:
        return None
    start = passage_text.rfind("\n", 0, at) + 1
    end = passage_text.find("\n", at + len(text))
    end = len(passage_text) if end < 0 else end
    line = passage_text[start:end].strip()
    if CELL not in line or "\n" in text:
        return None
    return line


def header_of(row: str, passage_text: str) -> list[str] | None:
    """The column names of ``row``'s table, when the table's first line is in the passage and
    has as many cells as the row (rows whose empty cells were dropped cannot be aligned)."""
    lines = passage_text.splitlines()
    try:
        index = next(i for i, line in enumerate(lines) if line.strip() == row)
    except StopIteration:
        return None
    top = index
    while top > 0 and CELL in lines[top - 1]:
        top -= 1
    if top == index:
        return None
    header = [cell.strip() for cell in lines[top].split(CELL)]
    # A header names columns; a line of figures is a data row (the chunk began mid-table).
    if _DIGITS.search(lines[top]) or len(header) != len(row.split(CELL)):
        return None
    return header


def column_at(row: str, header: list[str] | None, offset: int) -> str | None:
    """The header of the cell of ``row`` that holds character ``offset``."""
    if header is None:
        return None
    cell = row[:offset].count(CELL)
    return header[cell] if cell < len(header) else None


def cell_at(row: str, offset: int) -> str:
    """The text of the cell of ``row`` that holds character ``offset``."""
    start = row.rfind(CELL, 0, offset)
    start = 0 if start < 0 else start + len(CELL)
    end = row.find(CELL, offset)
    return row[start : len(row) if end < 0 else end]


# A labelled cell, as ``assessments.documents.tables`` writes them: "Status: Not started".
_CELL_LABEL = re.compile(r"^\s*([^:|]{1,40}):\s")


def cell_label(cell: str) -> str | None:
    """The column label a labelled cell opens with ("Status" of "Status: Open"), if any."""
    match = _CELL_LABEL.match(cell)
    return match.group(1) if match else None


def cell_value(cell: str) -> str:
    """A labelled cell's value without its label ("Open" of "Status: Open"); the cell otherwise."""
    label = cell_label(cell)
    return cell[len(label) :].lstrip(" :") if label else cell
