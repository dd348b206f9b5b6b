"""The spreadsheet layout: its columns, its size limits and the error that names a cell."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assessments.questionnaire.errors import QuestionnaireError

# Limits on what an import will read: generous for a real questionnaire (ours has ~90
# questions), small enough that a wrong or hostile file fails fast with a clear message.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_QUESTION_ROWS = 2000
MAX_CELL_CHARS = 10_000
# The Assessment sheet's free-form entries (navigation rules, instructions) are longer texts;
# Excel itself stops at 32,767 characters a cell.
MAX_EXTRA_CHARS = 32_000

QUALIFYING_AREA = "qualifying"
QUESTIONS_SHEET = "Questions"
ASSESSMENT_SHEET = "Assessment"
README_SHEET = "README"
HEAD_FIELDS = ("name", "version", "description")


@dataclass(frozen=True)
class Column:
    name: str
    width: int
    meaning: str
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("id", 10, "The question's id, kept exactly as written (e.g. TP-01). Never renumber.", True),
    Column("level", 7, "Optional level label (L1, L2…)."),
    Column(
        "area",
        20,
        f"'{QUALIFYING_AREA}' for a qualifying question, else the risk area's key (e.g. third_party).",
        True,
    ),
    Column(
        "area_name", 24, "The risk area's display name (on any one row of the area; others may be blank)."
    ),
    Column(
        "area_triggered_by", 14, "Qualifying question ids that switch the area on (one per line or comma)."
    ),
    Column("question", 60, "The question text.", True),
    Column("response_type", 14, "Yes/No, free-text, single-choice, multi-choice, date or number.", True),
    Column("options", 30, "For single- and multi-choice: one option per line. Leave blank otherwise."),
    Column("required", 9, "yes or no (blank: no)."),
    Column("depends_on", 16, "Shown once another question has this answer: 'Q-04 = Yes'."),
    Column("show_questions", 16, "Follow-up question ids shown by a Yes (one per line or comma)."),
    Column("parent_question", 12, "The id of the question this one follows up."),
    Column("skip_if", 16, "Hidden when any of these holds: one 'ID = answer' per line."),
    Column("show_if_any", 16, "Shown only when one of these holds: one 'ID = answer' per line."),
    Column(
        "on_yes",
        26,
        "What a Yes does: 'show_all_questions: <risk area>' (optional second line 'level: L2'), "
        "or 'skip_questions: ID, ID'.",
    ),
    Column("on_no", 26, "What a No does, written like on_yes."),
    Column("min", 8, "Number questions: the lowest allowed answer."),
    Column("max", 8, "Number questions: the highest allowed answer."),
    Column("not_before", 11, "Date questions: 'today' or YYYY-MM-DD, the earliest allowed date."),
    Column("not_after", 11, "Date questions: 'today' or YYYY-MM-DD, the latest allowed date."),
    Column(
        "risk",
        22,
        "Scoring: one 'answer: level' per line (levels very_low, low, medium, high, very_high); "
        "numbers compare: '>= 100000: high'.",
    ),
    Column("type", 11, "Optional label (context, qualifying, control…)."),
    Column("comments", 30, "Notes for the questionnaire's authors."),
)
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
_BY_NORMAL = {re.sub(r"[^a-z]", "", name): name for name in COLUMN_NAMES}

# Where the parser's keys are written in the sheet.
KEY_COLUMNS = {"triggered_by": "area_triggered_by", "name": "area_name"}


class SpreadsheetError(QuestionnaireError):
    """A questionnaire spreadsheet is broken; ``str()`` starts with the row and column at fault.

    ``str()`` reads e.g. "Row 14, column 'options', question 'TP-03': …" (a workbook's sheet
    first: "Sheet 'Questions', row 14, …"); ``row`` and ``column`` are kept for callers.
    """

    def __init__(
        self,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        sheet: str = "",
        question: str | None = None,
    ) -> None:
        self.row = row
        self.column = column
        parts = [f"sheet '{sheet}'"] if sheet else []
        if row is not None:
            parts.append(f"row {row}")
        if column is not None:
            parts.append(f"column '{column}'")
        if question is not None:
            parts.append(f"question '{question}'")
        if not parts:
            message = message[:1].upper() + message[1:]
        super().__init__(message, where=", ".join(parts) or None)


def column_for_header(header: str) -> str | None:
    """``Response Type``, ``response-type``, ``response_type`` → response_type (None if unknown)."""
    return _BY_NORMAL.get(re.sub(r"[^a-z]", "", header.casefold()))


def is_ignored_header(header: str) -> bool:
    """A blank header or one starting with '#' marks a column of notes the import skips."""
    return not header.strip() or header.strip().startswith("#")


# --- formula injection -----------------------------------------------------------------------
# A cell starting with one of these is run as a formula by spreadsheet programs. The import
# never evaluates anything (XLSX formulas are refused, CSV cells are plain text); the export
# writes such texts so that no program will run them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_escape(text: str) -> str:
    """A CSV cell that no spreadsheet runs: a leading ' before a formula start (OWASP's advice).

    Text that itself starts with ' before such a character gets one more, so csv_unescape
    gives back exactly what was written.
    """
    if text.startswith(FORMULA_STARTS) or (text[:1] == "'" and text[1:2] and text[1] in "=+-@\t\r'"):
        return "'" + text
    return text


def csv_unescape(text: str) -> str:
    if text[:1] == "'" and len(text) > 1 and text[1] in "=+-@\t\r'":
        return text[1:]
    return text
