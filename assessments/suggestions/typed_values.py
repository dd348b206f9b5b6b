"""Date and number answers: the values the passages state, each read with what says what it is
(which of them answers is ``value_pick``).

A value is read with what surrounds it: its table row and column header (``table_rows``), the
words just before it ("valid to", "down from", "next due") and the kind of date the question
asks for. Two tiers of evidence:

- sentences (or rows) covering the question as well as any answer needs (ANSWER_THRESHOLD):
  the best-placed value among them, as before;
- rows or sentences that cover only part of a long question: a value is taken from them only
  when it is labelled as what is asked (a "Valid to" date for an expiry, a value under a column
  named with the question's words, an annual figure for an annual question) or when every such
  value agrees, and then only with "low" confidence.

A question about something done ("when was ... last tested") never takes a date the row marks as
not done or still to come ("Booked", "Not started", "Next due"); an expiry question prefers the
date labelled as the end of validity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assessments.suggestions import lexicon
from assessments.suggestions.modality import DONE_VERBS, hedged, modality
from assessments.suggestions.table_rows import cell_at, cell_label, column_at, header_of, row_of
from assessments.suggestions.values import (
    Value,
    asked_unit,
    context_score,
    find_dates,
    find_quantities,
    in_asked_unit,
    passage_year,
    superseded,
)

# Evidence covering this little of the question is never used, however labelled its value.
PARTIAL_FLOOR = 0.2

_PAST_QUESTION = re.compile(
    r"\b(?:when (?:was|were|did)|last|most recent|latest|previous|completed|performed|carried out)\b",
    re.I,
)
_EXPIRY_QUESTION = re.compile(r"\b(?:expir\w*|valid (?:until|to|through)|end date|renew\w*)\b", re.I)
# Words that mark a date as still to come, in its cell before it or in its column header.
_TO_COME = re.compile(r"\b(?:next|due|expected|booked|planned|scheduled|target|proposed)\b", re.I)
# A row saying the thing has not happened yet states no date it happened.
_NOT_DONE = re.compile(
    r"\b(?:not (?:started|yet|done|received|completed)|booked|planned|scheduled|expected|requested)\b"
    r"|(?:^|\|)\s*No\s*(?:\||$)",
    re.I,
)
_EXPIRY_LABEL = re.compile(
    r"\b(?:valid (?:to|until|till|through)|expir\w*|renew\w*|end(?:s|ing)?)(?: on)?\s*:?\s*$", re.I
)
_ANNUAL_QUESTION = re.compile(r"\b(?:annual|annually|yearly|per (?:year|annum)|a year|each year)\b", re.I)
_ANNUAL_AFTER = re.compile(
    r"^\W*(?:a year|per (?:year|annum)|annually|each year|/\s?(?:year|yr)|p\.?a\.?)\b", re.I
)
_LABEL_WORDS = 3
_PROPOSED = re.compile(r"\b(?:propos\w*|draft|requested|offered)\b", re.I)
_AGREED = re.compile(
    r"(?<!to be )(?<!not )(?<!yet to be )\b(?:agreed|negotiated|contracted|contractual(?:ly)?|committed)\b",
    re.I,
)


@dataclass(frozen=True)
class Reading:
    """One value in one piece of evidence, with what ranks it."""

    value: str
    evidence: object  # the extractive engine's scored candidate (its row when in a table)
    coverage: float
    labelled: bool  # marked as exactly what is asked
    current: bool  # not marked as an old or default figure
    context: float  # how closely the words next to it echo the question
    in_row: bool  # read from a table row, whose first cells say what the value is about
    # The question's words in the stretch of text that holds the value alone ("RTO" in "RPO 15
    # minutes / RTO 4 hours" for the 4), units left out: what tells two figures of one sentence apart.
    own: frozenset[str] = frozenset()
    hedged: bool = False  # "about 2 million", "up to 250", "c. 40": not the figure itself
    replacing: bool = False  # "moved to 15 April", "revised to", "now": the figure that replaced another
    # Marked as the figure agreed for this customer ("Agreed for the Customer: 1 hour", "the
    # negotiated RPO of 1 hour"), beside standard or proposed ones.
    agreed: bool = False
    # Read from a table's total row ("Item: Total annual Subscription Fees | Fee (GBP): 358,200").
    total: bool = False
    # The question names the item its row is about ("Repairs subscription" for the Repairs fee).
    item_named: bool = False


def readings(
    question: str,
    kind: str,
    evidence: Sequence[tuple[object, str, str, float]],
    question_terms: set[str],
) -> list[Reading]:
    """Every usable value of ``kind`` in ``evidence``: (scored, text, passage text, coverage)."""
    unit = asked_unit(question) if kind == "number" else None
    past = bool(_PAST_QUESTION.search(question))
    expiry = bool(_EXPIRY_QUESTION.search(question))
    annual = bool(_ANNUAL_QUESTION.search(question))
    found: list[Reading] = []
    for scored, text, passage_text, coverage in evidence:
        header = header_of(text, passage_text) if row_of(text, passage_text) == text else None
        values: list[Value]
        if kind == "date":
            values = find_dates(text, passage_year(passage_text))
        else:
            values = [
                Value(q.start, q.end, written)
                for q in find_quantities(text)
                if (written := in_asked_unit(q, unit)) is not None
            ]
        for value in values:
            column = column_at(text, header, value.start) or ""
            before = " ".join(
                cell_at(text, value.start)[: _offset_in_cell(text, value.start)].split()[-_LABEL_WORDS:]
            )
            labelled = bool(set(lexicon.terms(column)) & question_terms)
            if _labelled_other_event(text, value, question_terms):
                continue  # "last_reviewed: 2027-01-08" is no start date, nor "Due: ..." a test date
            paired = paired_label(text, value.start, question_terms)
            if paired is False:
                continue  # "RPO / RTO | 1 hour / 8 hours": the 8 is the RTO's, the RPO asked
            labelled = labelled or bool(paired)
            if (
                kind == "date"
                and past
                and (
                    _TO_COME.search(column)
                    or _TO_COME.search(before)
                    or _NOT_DONE.search(_status_scope(text, value))
                )
            ):
                continue  # a date still to come, or of something not done, is no answer to "when was"
            replacing = bool(_REPLACING.search(text[max(0, value.start - 30) : value.start]))
            if not replacing and _event_elsewhere(text, value, question_terms):
                continue  # "circulated on 2 March; approval expected by 30 March": not the approval's date
            if kind == "date" and expiry:
                labelled = labelled or bool(_EXPIRY_LABEL.search(before) or _EXPIRY_LABEL.search(column))
            if annual and _ANNUAL_AFTER.search(text[value.end : value.end + 20]):
                labelled = True
            found.append(
                Reading(
                    value.value,
                    scored,
                    coverage,
                    labelled,
                    not superseded(text, value),
                    context_score(text, value, question_terms),
                    header is not None or row_of(text, passage_text) == text,
                    _own_words(text, value, question_terms),
                    bool(_HEDGED.search(text[max(0, value.start - 25) : value.start]))
                    or hedged(text)
                    or modality(text) == "conditional",
                    replacing,
                    _agreed_value(text, value, column, before),
                    bool(" | " in text and _TOTAL_ITEM.match(text)),
                    " | " in text and bool(set(lexicon.terms(text.split(" | ")[0])) & question_terms),
                )
            )
    return found


# A row whose first cell names a total: "Item: Total annual fees", "Total", "Grand total (GBP)".
_TOTAL_ITEM = re.compile(r"^\s*(?:[\w /()-]{1,30}:\s*)?(?:grand |overall )?total\b", re.I)


def _labelled_other_event(text: str, value: Value, question_terms: set[str]) -> bool:
    """Whether ``value``'s cell label names an event ("last_reviewed", "Due", "Signed") and the
    question asks of another one while naming an event itself."""
    asked = question_terms & _EVENTS
    said = set(lexicon.terms(cell_label_of(text, value).replace("_", " "))) & _EVENTS
    return bool(asked and said and not said & asked)


_SLASHED = re.compile(r"([^|/:;,()]+?)\s+/\s+([^|/:;,()]+)")


def paired_label(text: str, offset: int, question_terms: set[str]) -> bool | None:
    """For a value in a slashed pair whose labels are a slashed pair too ("RPO / RTO | 1 hour /
    8 hours", "Response / resolution: 15 minutes / 4 hours"): True when its own label names the
    question's words and the other does not, False the other way round, None when there is no
    such pairing or it tells nothing."""
    pairs = [(m, m.group(1).strip(), m.group(2).strip()) for m in _SLASHED.finditer(text)]
    labels = [(a, b) for _, a, b in pairs if a[:1].isalpha() and b[:1].isalpha()]
    for match, left, right in pairs:
        if not (left[:1].isdigit() and right[:1].isdigit() and match.start() <= offset < match.end()):
            continue
        side = 0 if offset < match.start(2) else 1
        for names in labels:
            own, other = (set(lexicon.terms(names[side])), set(lexicon.terms(names[1 - side])))
            if own & question_terms and not other & question_terms:
                return True
            if other & question_terms and not own & question_terms:
                return False
    return None


def _agreed_value(text: str, value: Value, column: str, before: str) -> bool:
    """Whether ``value`` is marked as the agreed figure by its column, its cell's label or the
    words before it in its cell (after the label: a label's words are the label's)."""
    label = cell_label_of(text, value)
    if label:
        before = before.split(":")[-1]
    return any(_agreed(words) for words in (column, label, before))


def _agreed(words: str) -> bool:
    # "Mitigation (proposed / agreed)" names both states: it marks neither.
    return bool(_AGREED.search(words)) and not _PROPOSED.search(words)


def cell_label_of(text: str, value: Value) -> str:
    """The column label of the labelled cell holding ``value`` ("Agreed for the Customer"), or ""."""
    if " | " not in text:
        return ""
    return cell_label(cell_at(text, value.start)) or ""


_HEDGED = re.compile(
    r"\b(?:about|approximately|approx\.?|around|roughly|circa|c\.|up to|as many as|estimated|est\.|some|nearly"
    r"|almost|over|more than|fewer than|less than|at least|at most|in the region of"
    # A bound on a date ("ends no later than 30 November 2031") is not the date itself.
    r"|no later than|not later than|no earlier than|not earlier than)\s*(?:[£$€]|gbp|usd|eur)?\s*$|~\s*$",
    re.I,
)
_SEGMENT_BREAK = re.compile(r"[;,/|()]|\s(?:and|but|while|whereas|with|versus|vs)\s|\.\s", re.I)
_QUALIFIER_AFTER = re.compile(r"\s*(?:after|of|from|following|for|upon|on|in respect of)\b", re.I)
_NAME_IN_BRACKETS = re.compile(r"\(([A-Za-z][A-Za-z .&-]{0,30})\)")
_UNIT_WORDS = re.compile(
    r"\b(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|percent|per cent|gbp|usd|eur)\b",
    re.I,
)


# Words that put a figure in place of an earlier one.
_REPLACING = re.compile(
    r"\b(?:(?:revised|moved|changed|postponed|delayed|pushed(?: back)?|brought forward|updated|amended|rescheduled"
    r"|reduced|increased|raised|lowered|cut|extended)\s+(?:to|until|for)|now(?:\s+(?:is|set|due|planned))?(?:\s+for)?"
    r"|new (?:date|figure|target|value)(?:\s+is)?)\s*:?\s*(?:[£$€]|gbp|usd|eur)?\s*$",
    re.I,
)
# Words naming the event a date or figure belongs to: a question about one ("When was the DPIA
# approved?") is not answered by the date of another event in the same sentence.
_EVENT_TEXT = """renew renewal start starts commence commences begin begins end ends expire expires expiry terminate
    termination launch live golive due sign signed approve approved approval complete completed completion
    test tested review reviewed circulate circulated issue issued publish published deliver delivered"""
_EVENTS = frozenset(lexicon.term(w) for w in _EVENT_TEXT.split()) | DONE_VERBS


def _event_elsewhere(text: str, value: Value, question_terms: set[str]) -> bool:
    """Whether the event the question asks about is named in ``text`` only outside the stretch
    that holds ``value``: the value is then the date or figure of something else."""
    events = question_terms & _EVENTS
    if not events or " | " in text:
        return False  # a table row's cells say what its values are by their columns
    said = set(lexicon.terms(text))
    own = _own_words(text, value, events)
    return bool(events & said) and not own


def _own_words(text: str, value: Value, question_terms: set[str]) -> frozenset[str]:
    """The question's words in the stretch of ``text`` around ``value`` up to the nearest
    separator on either side (a clause, a list item, a cell), unit words left out."""
    # A bracketed name ("recovery time objective (RTO) of 4 hours") is part of its clause.
    text = _NAME_IN_BRACKETS.sub(lambda m: f" {m.group(1)} ", text)
    starts = [m.end() for m in _SEGMENT_BREAK.finditer(text, 0, value.start)]
    end = _SEGMENT_BREAK.search(text, value.end)
    # "within 36 hours, after becoming aware of a breach, ...": a phrase set off by a comma that
    # opens with a preposition still says what the figure is of.
    while end and end.group(0) == "," and _QUALIFIER_AFTER.match(text, end.end()):
        end = _SEGMENT_BREAK.search(text, end.end())
    segment = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
    return frozenset(set(lexicon.terms(_UNIT_WORDS.sub(" ", segment), broader=True)) & question_terms)


def _status_scope(text: str, value: Value) -> str:
    """Where a "not started" / "planned" says something about ``value``: a table row's status is
    the row's; in prose, only the clause holding the value ("last tested on 3 May; the next test
    is planned" leaves the first date done)."""
    if " | " in text:
        return text
    start = max(text.rfind(";", 0, value.start), text.rfind(" but ", 0, value.start)) + 1
    ends = [i for i in (text.find(";", value.end), text.find(" but ", value.end)) if i >= 0]
    return text[start : min(ends) if ends else len(text)]


def _offset_in_cell(row: str, offset: int) -> int:
    start = row.rfind(" | ", 0, offset)
    return offset if start < 0 else offset - start - 3
