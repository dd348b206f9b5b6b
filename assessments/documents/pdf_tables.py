"""Ruled tables on PDF pages, read row by row with their column headers.

pypdf writes a PDF table's cells one per line, in drawing order: a questionnaire reply such as
"A2 | Do you hold a SOC 2 report? | Partially | Bridge letter only" comes out as four unrelated
lines, and a cell that wraps is cut mid-sentence. On pages that hold a ruled table (one drawn
with cell borders, which is how word processors, reportlab and most reporting tools draw them),
pdfplumber finds the cells from the rules; each row then becomes one line, labelled by the
table's header row exactly as a Word table or a sheet is (``tables.TableLines``), and the text
around the tables is kept in reading order. Pages without a ruled table keep pypdf's text.

A table that runs over a page break usually repeats its header; when it does not, the first
table of the next page is read with the previous page's header if it has as many columns.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence

from assessments.documents.limits import Budget
from assessments.documents.tables import TableLines, is_header

logger = logging.getLogger(__name__)

# A word broken at a cell's line end ("third-" / "party") keeps its hyphen and loses the break.
_HYPHEN_BREAK = re.compile(r"(?<=\w)-\n(?=\w)")


def _cell_text(cell: str | None) -> str:
    if not cell:
        return ""
    return " ".join(_HYPHEN_BREAK.sub("-", cell).split())


def _inside(line: dict, box: Sequence[float]) -> bool:
    x0, top, x1, bottom = box
    middle = (line["top"] + line["bottom"]) / 2
    return top <= middle <= bottom and line["x0"] < x1 and line["x1"] > x0


def table_pages(data: bytes, budget: Budget) -> dict[int, list[str]]:
    """For each page (0-based) holding a ruled table: its lines, each table row one line.

    An empty result means every page keeps pypdf's text: no ruled table was found, or the
    file is one pdfminer cannot lay out (pypdf read it, so its text stands).
    """
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.pdftypes import PDFException
    from pdfminer.psexceptions import PSException

    result: dict[int, list[str]] = {}
    carried: list[str] | None = None  # the header of the last table on the previous page
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, page in enumerate(pdf.pages):
                tables = page.find_tables()
                if not tables:
                    carried = None
                    continue
                boxes = [table.bbox for table in tables]
                placed: list[tuple[float, int, str]] = [
                    (line["top"], 0, line["text"])
                    for line in page.extract_text_lines(return_chars=False)
                    if not any(_inside(line, box) for box in boxes)
                ]
                for number, table in enumerate(sorted(tables, key=lambda t: t.bbox[1])):
                    rows = [[_cell_text(cell) for cell in row] for row in table.extract()]
                    if not rows:
                        continue
                    header = carried if number == 0 and carried and not is_header(rows[0]) else None
                    if header is not None and len(header) != len(rows[0]):
                        header = None
                    lines = TableLines(budget, header=header)
                    for order, cells in enumerate(rows, 1):
                        if line := lines.add(cells):
                            # Rows sit where their table starts, in their own order.
                            placed.append((table.bbox[1], order, line))
                    carried = lines.header
                placed.sort(key=lambda item: (item[0], item[1]))
                result[index] = [text for _, _, text in placed]
    except (PDFException, PSException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        logger.warning("PDF tables not read (pypdf's text is kept): %s", exc)
        return {}
    return result
