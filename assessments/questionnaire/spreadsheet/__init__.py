"""Questionnaires as spreadsheets (XLSX and CSV): one row per question.

Reading builds the same mapping the YAML parser reads and runs the same validation
(``parser.parse_questionnaire``); a fault is reported with the row and column it came from.
Writing turns any questionnaire into a sheet that reads back as the same questionnaire.
The columns are documented in docs/questionnaire-format.md ("Spreadsheets") and in the README
sheet of every exported workbook.
"""

from __future__ import annotations

from pathlib import Path

from assessments.questionnaire.model import Questionnaire
from assessments.questionnaire.spreadsheet.columns import MAX_FILE_BYTES, SpreadsheetError
from assessments.questionnaire.spreadsheet.csv_io import questionnaire_from_csv, questionnaire_to_csv
from assessments.questionnaire.spreadsheet.xlsx import questionnaire_from_xlsx, questionnaire_to_xlsx

__all__ = [
    "SPREADSHEET_SUFFIXES",
    "SpreadsheetError",
    "is_spreadsheet",
    "questionnaire_from_csv",
    "questionnaire_from_file",
    "questionnaire_from_xlsx",
    "questionnaire_to_csv",
    "questionnaire_to_xlsx",
]

SPREADSHEET_SUFFIXES = (".xlsx", ".csv")


def is_spreadsheet(path: Path) -> bool:
    return path.suffix.casefold() in SPREADSHEET_SUFFIXES


def questionnaire_from_file(path: Path) -> Questionnaire:
    """Read an .xlsx or .csv file (by its extension); OSError when it cannot be read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SpreadsheetError(
            f"the file is {size:,} bytes; a questionnaire spreadsheet may be at most {MAX_FILE_BYTES:,}."
        )
    if path.suffix.casefold() == ".xlsx":
        return questionnaire_from_xlsx(path.read_bytes())
    if path.suffix.casefold() == ".csv":
        # utf-8-sig: Excel's "CSV UTF-8" starts the file with a byte-order mark.
        return questionnaire_from_csv(path.read_text(encoding="utf-8-sig"))
    raise SpreadsheetError(f"'{path.suffix}' is not a spreadsheet: use .xlsx or .csv.")
