"""Building small questionnaire spreadsheets for the spreadsheet tests."""

from __future__ import annotations

import csv
import io

HEADER = (
    "id",
    "level",
    "area",
    "area_name",
    "question",
    "response_type",
    "options",
    "required",
    "depends_on",
    "risk",
)
# With the '#name' line as row 1 and the header as row 2, these are rows 3-6 (the row numbers
# a spreadsheet program shows for the CSV file).
GOOD_ROWS: tuple[dict[str, str], ...] = (
    {"id": "Q-1", "area": "qualifying", "question": "Is a vendor involved?", "response_type": "Yes/No",
     "required": "yes"},
    {"id": "V-1", "area": "vendor", "area_name": "Vendor Risk", "question": "Which tier?",
     "response_type": "single-choice", "options": "Tier 1\nTier 2", "risk": "Tier 1: high"},
    {"id": "V-2", "area": "vendor", "question": "Since when?", "response_type": "date",
     "depends_on": "V-1 = Tier 1"},
    {"id": "V-3", "area": "vendor", "question": "Does it hold our data?", "response_type": "Yes/No",
     "risk": "Yes: medium"},
)  # fmt: skip


def sheet_csv(
    rows: tuple[dict[str, str], ...] | list[dict[str, str]] = GOOD_ROWS,
    *,
    header: tuple[str, ...] = HEADER,
    name: str | None = "Small vendor TRA",
) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    if name is not None:
        writer.writerow(["#name", name])
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


def with_row(index: int, **cells: str) -> list[dict[str, str]]:
    """GOOD_ROWS with row ``index`` (0-based) changed."""
    rows = [dict(r) for r in GOOD_ROWS]
    rows[index].update(cells)
    return rows
