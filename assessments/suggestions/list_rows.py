"""A list question answered from a table's column: the values under the label the question names.

"List the data items processed" is rarely answered by one sentence; a data inventory answers it
row by row ("Data item: Customer name | Source: CRM | Held: No"). When the question names a
column's label ("data items" names "Data item"), the answer is each retrieved row holding that
column, quoted whole (its other cells qualify the item: "Held: No") and cited; the rows must
be about the question too (coverage and matched terms), not merely share a label. Only when at least two distinct rows hold such a cell: one
row is not a list. Of several labels the question names, the longest ("Data item" over "Data")
is the column asked about. The label is matched by the question's own word stems, in order,
never by a word list, so it holds for any document's tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assessments.suggestions import lexicon
from assessments.suggestions.table_rows import CELL

if TYPE_CHECKING:
    from assessments.suggestions.extractive import _Scored

MIN_ROWS = 2
MAX_ROWS = 8  # a longer list is more often a whole table than an answer
MIN_COVERAGE = 0.2
MIN_MATCHED = 2
# A row whose label is the very thing the question lists needs only to name it.
LISTED_COVERAGE = 0.1
_LISTS = re.compile(
    r"\b(?:list|every|each|all)\s+(?:of\s+)?(?:the\s+|your\s+|our\s+)?((?:[\w-]+\s+){0,2}[\w-]+)", re.I
)


def column_answer(question_text: str, scored: Sequence[_Scored]) -> list[tuple[_Scored, str]]:
    """(sentence, row) pairs: the rows holding the column label the question names, one per
    distinct row, best-scored first; empty when fewer than ``MIN_ROWS`` rows hold one."""
    asked = lexicon.terms(question_text)
    listed = _listed(question_text)
    by_label: dict[tuple[str, ...], list[tuple[_Scored, str, str]]] = {}
    for s in scored:
        # The row must be about the question too: a "Date" column of a version history is no
        # answer to "what dates ..." of something else.
        if s.coverage < LISTED_COVERAGE or not s.matched:
            continue
        about = s.coverage >= MIN_COVERAGE and len(s.matched) >= MIN_MATCHED
        for line in s.candidate.text.splitlines():
            if CELL not in line:
                continue
            for cell in line.split(CELL):
                label, sep, value = cell.partition(":")
                if not sep or not value.strip():
                    continue
                stems = tuple(lexicon.terms(label))
                # A row naming only the things the question lists ("List the sub-processors,
                # what each does and where": "Sub-processor: ...") is about it by that label.
                if stems and _in_order(stems, asked) and (about or _names_things(stems, listed)):
                    # The whole row is quoted: its other cells qualify the item ("Held: No").
                    by_label.setdefault(stems, []).append((s, line.strip(), value))
    if not by_label:
        return []
    label = max(by_label, key=len)
    chosen: list[tuple[_Scored, str]] = []
    seen: set[str] = set()
    for s, row, item in by_label[label]:
        # One row per item: a second document's row for the same sub-processor repeats it.
        key = " ".join(item.casefold().split())
        if key in seen:
            continue
        seen.add(key)
        chosen.append((s, row))
    return chosen[:MAX_ROWS] if len(chosen) >= MIN_ROWS else []


def _listed(question_text: str) -> list[str]:
    """The stems of the words naming what the question lists ("List the sub-processors, ...")."""
    return [t for m in _LISTS.finditer(question_text) for t in lexicon.terms(m.group(1))]


# Columns of values, not of things: "Date: 3 March" in a version history lists no dates of
# what the question asks about.
_VALUE_COLUMNS = frozenset(
    lexicon.term(w) for w in ["date", "time", "day", "number", "amount", "value", "name", "status", "owner"]
)


def _names_things(stems: tuple[str, ...], listed: list[str]) -> bool:
    return not set(stems) <= _VALUE_COLUMNS and _in_order(stems, listed)


def _in_order(stems: tuple[str, ...], asked: list[str]) -> bool:
    """Whether ``stems`` occur in ``asked`` one after another (the label named as a phrase)."""
    n = len(stems)
    return any(tuple(asked[i : i + n]) == stems for i in range(len(asked) - n + 1))
