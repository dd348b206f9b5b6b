"""A table row quoted as the cells that answer, not as the whole row with every label.

Extracted tables arrive as lines of cells joined by " | " ("Control ID: C-07 | Domain: Data |
Control: Delete after 18 months | Owner: A. Person | Status: Open"). A free-text answer quoting
the whole row buries the one cell that answers under ids, owners and dates. The quote is cut to
the run of cells from the first to the last that answer (hold a thing of the asked kind, or a
matched question term), so it stays one verbatim substring of the passage and keeps every cell
between them: a cell is never dropped from the middle, which would make the quote not verbatim.
"""

from __future__ import annotations

from collections.abc import Callable

from assessments.suggestions.table_rows import CELL, cell_label


def is_question_cell(cell: str) -> bool:
    """A questionnaire reply's own question ("Question: Do you encrypt backups?"): it repeats the
    words of the question asked and answers nothing, so it is never the answering cell."""
    label = cell_label(cell)
    return bool(label and "question" in label.casefold()) or cell.rstrip().endswith("?")


def answering_cells(text: str, answers: Callable[[str], bool]) -> str:
    """``text`` cut to the run of its cells from the first to the last that ``answers``;
    ``text`` itself when it is not one table line, or when no cell (or every cell) answers."""
    if CELL not in text or "\n" in text:
        return text
    cells = text.split(CELL)
    hits = [i for i, cell in enumerate(cells) if not is_question_cell(cell) and answers(cell)]
    if not hits or len(hits) == len(cells):
        return text
    return CELL.join(cells[hits[0] : hits[-1] + 1]).strip()
