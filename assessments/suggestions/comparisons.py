"""Yes/No questions settled by comparing a stated value with the one the question names.

"Is the contract value above GBP 250,000?", "Is the RPO 4 hours or less?", "Must incidents be
notified within 72 hours?", "Has it been tested in the last 12 months?": the answer is not in
the words of any sentence but in a number or a date, so the normal Yes/No reading (which needs
the sentence to cover most of the question, and reads negation cues) abstains. Here the question's
comparison is recognised (operator, quantity, unit; a date window relative to the reference day,
injectable for tests), the value is read from the sentences that cover the rest of the question
with the typed-value machinery (``values``, ``typed_values``, ``table_rows``), and compared.

Precision first: a value is used only from a sentence (or its table row) that covers the
question without its comparison at least as well as any Yes/No answer needs; not when its
clause is negated or it is marked as superseded; and when the usable values disagree about the
answer the engine abstains. A part joined by "or" is Yes when either part is Yes, No only when
both are No; a question that also asks something else ("and") is only answered Yes when the
value's sentence covers the whole question. Confidence is at most "medium": a comparison can
rest on the wrong value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assessments.suggestions import lexicon, typed_values
from assessments.suggestions.evidence import clauses, label
from assessments.suggestions.extractive import (
    _ASKS,
    ANSWER_THRESHOLD,
    _Candidate,
    _score,
    _Scored,
    _suggested,
    _where,
)
from assessments.suggestions.polarity import has_negation
from assessments.suggestions.question_terms import question_groups
from assessments.suggestions.table_rows import row_of
from assessments.suggestions.types import QuestionForSuggestion, Suggestion
from assessments.suggestions.values import duration_seconds, find_quantities

_UNIT_WORDS = r"%|percent\b|per cent\b|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?"
_QUANTITY = (
    r"(?P<currency>[£$€]|\b(?:GBP|USD|EUR)\s?)?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<unit>" + _UNIT_WORDS + r"))?(?:\s+(?P<noun>[a-z]+))?"
)
_MORE = r"above|over|more than|greater than|higher than|longer than|exceeds?|exceeding|in excess of"
_AT_LEAST = r"at least|no less than|not less than|a minimum of|minimum of"
_LESS = r"below|under|less than|lower than|shorter than|fewer than"
_AT_MOST = r"at most|no more than|not more than|up to|a maximum of|maximum of|within"
_BEFORE = re.compile(
    r"\b(?P<op>" + "|".join((_MORE, _AT_LEAST, _LESS, _AT_MOST)) + r")\s+" + _QUANTITY, re.I
)
_AFTER = re.compile(
    r"(?<![\w.,])" + _QUANTITY.replace("(?:\\s+(?P<noun>[a-z]+))?", "")
    + r"\s+or\s+(?P<op>less|fewer|lower|shorter|under|below|more|greater|higher|longer|above|over)\b",
    re.I,
)  # fmt: skip
_WINDOW = re.compile(
    r"\b(?:in|within|during|over)\s+the\s+(?:last|past|previous|preceding)\s+(?P<number>\d+)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\b",
    re.I,
)
_OPS = {
    **{w: ">" for w in _MORE.split("|")},
    **{w: ">=" for w in _AT_LEAST.split("|")},
    **{w: "<" for w in _LESS.split("|")},
    **{w: "<=" for w in _AT_MOST.split("|")},
}
# "4 hours or less" includes its limit.
_OPS_AFTER = {
    **{w: "<=" for w in ("less", "fewer", "lower", "shorter", "under", "below")},
    **{w: ">=" for w in ("more", "greater", "higher", "longer", "above", "over")},
}
# A "total" is at least any of its parts: one part above the limit puts the total above it.
_TOTAL = re.compile(r"\b(?:total|combined|aggregate|overall|cumulative)\b", re.I)
_OR = re.compile(r",?\s+\bor\b\s+(?=(?:will|is|are|does|do|has|have|can|must|was|were|did|would)\b)", re.I)
_AND = re.compile(r"\band\b|;", re.I)
_DAY = 86400


@dataclass(frozen=True)
class Comparison:
    """One comparison a question asks for: ``value op amount`` in ``unit``, or a date window."""

    op: str  # ">", ">=", "<", "<=", or "window" (a date no older than ``amount`` seconds)
    amount: float  # seconds for durations and windows; the number otherwise
    unit: str | None  # "seconds", "currency", "%" or None (a count of ``noun``)
    noun: str | None  # what a count counts ("more than 500 users" -> "users")
    start: int
    end: int


def comparisons(question: str) -> list[Comparison]:
    """Every comparison ``question`` states, in order."""
    found: list[Comparison] = []
    for match in _WINDOW.finditer(question):
        seconds = duration_seconds(match.group("unit")) or 0
        found.append(
            Comparison("window", float(match.group("number")) * seconds, "seconds", None, *match.span())
        )
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(question):
            if any(c.start <= match.start() < c.end or match.start() <= c.start < match.end() for c in found):
                continue
            amount = float(match.group("number").replace(",", ""))
            unit_word = (match.group("unit") or "").lower()
            noun = match.groupdict().get("noun")
            unit: str | None = None
            if match.group("currency"):
                unit = "currency"
            elif unit_word in ("%", "percent", "per cent"):
                unit = "%"
            elif unit_word and (scale := duration_seconds(unit_word)):
                amount, unit = amount * scale, "seconds"
            elif not noun or re.fullmatch(r"(?:19|20)\d\d", match.group("number")):
                continue  # a bare number (a version, a year) is no quantity to compare
            ops = _OPS if pattern is _BEFORE else _OPS_AFTER
            op = ops[" ".join(match.group("op").lower().split())]
            found.append(Comparison(op, amount, unit, noun if unit is None else None, *match.span()))
    return sorted(found, key=lambda c: c.start)


def _holds(op: str, value: float, amount: float) -> bool:
    return {">": value > amount, ">=": value >= amount, "<": value < amount, "<=": value <= amount}[op]


def _date_range(iso: str) -> tuple[dt.date, dt.date] | None:
    try:
        if len(iso) == 7:  # a month: its first and last day
            first = dt.date.fromisoformat(iso + "-01")
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return day, day


@dataclass(frozen=True)
class _Verdict:
    answer: str  # "Yes" or "No"
    evidence: _Scored


def _evidence(scored: Sequence[_Scored], groups: list, idf: dict[str, float]) -> list[_Scored]:
    """The sentences and their whole table rows, scored against ``groups`` (the question
    without its comparison), best first; sentences that ask are dropped."""
    out: dict[str, _Scored] = {}
    for s in scored:
        c = s.candidate
        if _ASKS.search(c.text):
            continue
        texts = [c.text]
        row = row_of(c.text, c.passage.text)
        if row and row != c.text:
            texts.append(row)
        for text in texts:
            if text in out:
                continue
            candidate = c
            if text != c.text:
                terms = frozenset(lexicon.terms(text, broader=True))
                candidate = _Candidate(text, c.passage, c.rank, c.terms | terms, c.direct | frozenset(lexicon.terms(text)))
            out[text] = _score(candidate, groups, idf)
    return sorted(out.values(), key=lambda s: (-s.coverage, s.candidate.rank))


def _clause_negated(text: str, start: int) -> bool:
    """Whether the clause holding offset ``start`` of ``text`` is negated ("would not meet our
    15 min RPO" states a target missed, not a value achieved)."""
    at = 0
    for clause in clauses(text):
        found = text.find(clause, at)
        if found < 0:
            continue
        at = found
        if found <= start < found + len(clause):
            return has_negation(clause)
    return has_negation(text)


def _verdicts(
    question: str, comparison: Comparison, support: list[_Scored], today: dt.date, total: bool
) -> list[_Verdict]:
    verdicts: list[_Verdict] = []
    if comparison.op == "window":
        oldest = today - dt.timedelta(seconds=comparison.amount)
        evidence = [(s, s.candidate.text, s.candidate.passage.text, s.coverage) for s in support]
        # readings() drops dates still to come or of things not done, for a question about a deed.
        for reading in typed_values.readings(question, "date", evidence, set()):
            span = _date_range(reading.value)
            scored = reading.evidence
            assert isinstance(scored, _Scored)
            at = scored.candidate.text.find(reading.value[:4])
            if span is None or not reading.current or _clause_negated(scored.candidate.text, max(at, 0)):
                continue
            first, last = span
            if first > today:
                continue  # still to come: says nothing about what has been done
            if first >= oldest:
                verdicts.append(_Verdict("Yes", scored))
            elif last < oldest:
                verdicts.append(_Verdict("No", scored))
        return verdicts
    for scored in support:
        text = scored.candidate.text
        for quantity in find_quantities(text):
            if quantity.unit != comparison.unit:
                continue
            if comparison.unit is None:
                after = text[quantity.end :].split()[:1]
                noun_terms = set(lexicon.terms(comparison.noun or ""))
                if not after or not noun_terms or not (set(lexicon.terms(after[0])) & noun_terms):
                    continue  # a count of something else
            value = typed_values.Value(quantity.start, quantity.end, "")
            if typed_values.superseded(text, value) or _clause_negated(text, quantity.start):
                continue
            holds = _holds(comparison.op, quantity.amount, comparison.amount)
            if total and not holds and comparison.op in (">", ">="):
                continue  # one part below the limit says nothing about the total
            verdicts.append(_Verdict("Yes" if holds else "No", scored))
    return verdicts


def _part_answer(
    question: str,
    part: str,
    comparison: Comparison,
    scored: Sequence[_Scored],
    idf: dict[str, float],
    kind: str,
    today: dt.date,
) -> _Verdict | None:
    """The answer ``part`` of the question gets from its comparison, or None to abstain."""
    local = comparison.start - question.find(part)
    rest = part[:local] + " " + part[local + comparison.end - comparison.start :]
    groups = question_groups(rest, kind)
    if not groups:
        return None
    evidence = _evidence(scored, groups, idf)
    if not evidence or evidence[0].coverage < ANSWER_THRESHOLD:
        return None
    best = evidence[0].coverage
    support = [s for s in evidence if s.coverage >= max(ANSWER_THRESHOLD, best - 0.15)]
    verdicts = _verdicts(question, comparison, support, today, bool(_TOTAL.search(part)))
    if not verdicts or len({v.answer for v in verdicts}) > 1:
        return None  # no value, or values that disagree about the answer
    return max(verdicts, key=lambda v: v.evidence.coverage)


def answer(
    question: QuestionForSuggestion,
    scored: Sequence[_Scored],
    idf: dict[str, float],
    *,
    today: dt.date | None = None,
) -> Suggestion | None:
    """A Yes/No suggestion settled by the question's comparison, or None when the question
    holds none or no usable value is found (the caller then reads the question as usual); a
    "not stated" suggestion when stated values leave the answer open."""
    text = question.text
    found = comparisons(text)
    if not found:
        return None
    today = today or dt.date.today()
    kind = question.response_type.lower()
    parts = [p for p in _OR.split(text) if p.strip()]
    results: list[_Verdict | None] = []
    for part in parts:
        offset = text.find(part)
        inside = [c for c in found if offset <= c.start and c.end <= offset + len(part)]
        if not inside:
            results.append(None)
            continue
        results.append(_part_answer(text, part, inside[0], scored, idf, kind, today))
    yes = [v for v in results if v and v.answer == "Yes"]
    if yes:
        chosen = max(yes, key=lambda v: v.evidence.coverage)
    elif results and all(v and v.answer == "No" for v in results):
        chosen = min((v for v in results if v), key=lambda v: v.evidence.coverage)
    else:
        return None
    evidence = chosen.evidence
    first = found[0]
    if chosen.answer == "Yes" and len(parts) == 1 and _AND.search(text[: first.start] + text[first.end :]):
        # The question asks something else besides the comparison: Yes needs that too.
        whole = _score(evidence.candidate, question_groups(text, kind), idf)
        if whole.coverage < ANSWER_THRESHOLD:
            return None
    rationale = f"{_where(evidence.candidate.passage)} states the value the question compares with."
    confidence = label(evidence.coverage, sure=True, complete=evidence.missing == 0, ceiling="medium")
    return _suggested(question, chosen.answer, evidence.coverage, [evidence], rationale, confidence)

