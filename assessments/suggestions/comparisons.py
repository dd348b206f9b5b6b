"""Yes/No questions settled by comparing a stated value with the one the question names.

"Is the contract value above GBP 250,000?", "Is the RPO 4 hours or less?", "Must incidents be
notified within 72 hours?", "Has it been tested in the last 12 months?": the answer is not in
the words of any sentence but in a number or a date, so the normal Yes/No reading (which needs
the sentence to cover most of the question, and reads negation cues) abstains. Here the question's
comparison is recognised (operator, quantity, unit; a date window relative to the reference day,
injectable for tests), the value is read from the sentences that cover the rest of the question
with the typed-value machinery (``values``, ``typed_values``, ``table_rows``), and compared.

Precision first:
- a figure is used only from a sentence (or its table row) covering the question without its
  comparison as well as any Yes/No answer needs, with a word of the question beside it; not when
  it is marked as superseded ("down from"); "5 working days" only when weekends cannot change
  the answer;
- a date window ("in the last 12 months") reads the date a date question about the thing would
  get (``typed_values``: dates still to come or of work not done are dropped); a register row
  naming all but one part of the thing answers Yes only, "low", when every date it holds agrees;
- figures that disagree about the answer, or that cannot be used (a denied deed, "was not met"),
  make the answer "not stated": the usual reading, blind to figures, must not answer then; when
  no figure of the kind asked is found at all, the usual reading goes on;
- a part joined by "or" is Yes when either part is Yes, No only when both are No; a question
  that also asks something else ("and") is answered Yes only when the figure's sentence covers
  the whole question;
- confidence is at most "medium" (a comparison can rest on the wrong value).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assessments.suggestions import lexicon, typed_values, value_pick
from assessments.suggestions.candidates import Candidate
from assessments.suggestions.comparison_terms import Comparison, comparisons, date_range, holds
from assessments.suggestions.evidence import clauses, label
from assessments.suggestions.extractive import (
    _ASKS,
    ANSWER_THRESHOLD,
    _not_stated,
    _score,
    _Scored,
    _suggested,
    _where,
)
from assessments.suggestions.modality import (
    DONE_VERBS,
    STATUS_TERM,
    asks_future,
    modality,
    unsettled_sentence,
)
from assessments.suggestions.polarity import has_negation
from assessments.suggestions.question_terms import Group, question_groups
from assessments.suggestions.table_rows import row_of
from assessments.suggestions.types import ConfidenceLabel, QuestionForSuggestion, Suggestion
from assessments.suggestions.values import Value, duration_seconds, find_dates, find_quantities

_QUALIFIED = re.compile(r"\s+(working|business|calendar|clear)\s+(days?|hours?|weeks?|months?)\b", re.I)
# A "total" is at least any of its parts: one part above the limit puts the total above it.
_TOTAL = re.compile(r"\b(?:total|combined|aggregate|overall|cumulative)\b", re.I)
_OR = re.compile(r",?\s+\bor\b\s+(?=(?:will|is|are|does|do|has|have|can|must|was|were|did|would)\b)", re.I)
_AND = re.compile(r"\band\b|;", re.I)
# Partial evidence for a date window: this much of the subject's weight, all but one part named.
_PARTIAL_WINDOW = 0.4


_OLD_DATE = re.compile(
    r"\b(?:previously|formerly|originally|replac(?:ed|es)|superseded|used to be|no longer|instead of|rather than)\b",
    re.I,
)
_MET = frozenset({"met", "meet", "achiev", "done", "happen"})  # "was not met", "never happened"
_OPEN = ""  # a verdict's answer when the stated values leave it open


def reference_day() -> dt.date:
    """The day a date window ends: today, when the suggestion is made (tests replace it)."""
    return dt.date.today()


@dataclass(frozen=True)
class _Verdict:
    answer: str  # "Yes", "No" or _OPEN
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
                candidate = Candidate(
                    text, c.passage, c.rank, c.terms | terms, c.direct | frozenset(lexicon.terms(text))
                )
            out[text] = _score(candidate, groups, idf)
    return sorted(out.values(), key=lambda s: (-s.coverage, s.candidate.rank))


def _clause_negated(text: str, start: int, terms: set[str]) -> bool:
    """Whether the clause holding offset ``start`` of ``text`` denies the deed or the thing
    asked: a negation followed closely by a deed ("was not met", "has not been tested") or a
    word of the question ("does not notify"). "Completed on 3 May with no data loss" denies
    something else, and stands."""
    at = 0
    for clause in clauses(text):
        found = text.find(clause, at)
        if found < 0:
            continue
        at = found
        if found <= start < found + len(clause):
            words = clause.split()
            denied = DONE_VERBS | _MET | terms
            return any(
                has_negation(word) and set(lexicon.terms(" ".join(words[i + 1 : i + 4]))) & denied
                for i, word in enumerate(words)
            )
    return False


def _unsettled(text: str, future: bool) -> bool:
    """Whether ``text`` states its figure as proposed, conditional, unfinished or still to be
    confirmed ("The vendor proposed an RTO of 4 hours; not yet agreed", "RTO: 4 hours (TBC)").
    Work in progress ("Agreed - pending signature") still answers a question about the future."""
    weak = ("conditional",) if future else ("conditional", "in_progress")
    return (
        modality(text) in weak
        or unsettled_sentence(text)
        or any(modality(part) in weak for part in clauses(text))
    )


def _verdicts(
    comparison: Comparison, support: list[_Scored], total: bool, terms: set[str], future: bool = False
) -> list[_Verdict]:
    """A verdict for each quantity of the comparison's kind in ``support``: Yes or No, or open
    when the figure cannot be used (its clause denies the thing, or no word of the question
    stands next to it: it may be the asked figure or another)."""
    verdicts: list[_Verdict] = []
    unplaced: list[tuple[_Scored, float]] = []
    placed: set[tuple[int, float]] = set()
    for scored in support:
        text = scored.candidate.text
        for quantity in find_quantities(text):
            span: tuple[float, float] | None = (quantity.amount, quantity.amount)
            if comparison.unit == "seconds" and (qualified := _QUALIFIED.match(text, quantity.end)):
                # "5 working days" lasts at least 5 days and at most 7 and a weekend; a calendar
                # day is a day; any other qualified unit ("4 business hours") stays open.
                word, unit = qualified.group(1).lower(), float(duration_seconds(qualified.group(2)) or 0)
                if not qualified.group(2).lower().startswith("day"):
                    span = None
                elif word == "calendar":
                    span = (quantity.amount * unit, quantity.amount * unit)
                else:
                    span = (quantity.amount * unit, (quantity.amount * 7 / 5 + 2) * unit)
                quantity = dataclasses.replace(quantity, unit="seconds")
            if quantity.unit != comparison.unit:
                continue
            if comparison.unit is None:
                after = text[quantity.end :].split()[:1]
                noun_terms = set(lexicon.terms(comparison.noun or ""))
                if not after or not noun_terms or not (set(lexicon.terms(after[0])) & noun_terms):
                    continue  # a count of something else
            value = typed_values.Value(quantity.start, quantity.end, "")
            if typed_values.superseded(text, value):
                continue  # an old figure ("down from £480,000") is not the one that counts
            if _clause_negated(text, quantity.start, terms) or _unsettled(text, future):
                verdicts.append(_Verdict(_OPEN, scored))
                continue
            if not typed_values.context_score(text, value, terms):
                # No word of the question next to it: another figure, or the same one repeated
                # ("patched within 14 days | target: 14 days"), read after the rest.
                unplaced.append((scored, quantity.amount))
                continue
            met = span is not None and holds(comparison.op, span[0], comparison.amount)
            if span is None or met != holds(comparison.op, span[1], comparison.amount):
                verdicts.append(_Verdict(_OPEN, scored))
                continue
            if total and not met and comparison.op in (">", ">="):
                continue  # one part below the limit says nothing about the total
            verdicts.append(_Verdict("Yes" if met else "No", scored))
            placed.add((id(scored), quantity.amount))
    # An unplaced figure leaves the answer open, unless the same sentence states it where the
    # question's words are.
    verdicts.extend(_Verdict(_OPEN, s) for s, amount in unplaced if (id(s), amount) not in placed)
    return verdicts


def _subject_groups(rest: str, kind: str, comparison: Comparison) -> list[Group]:
    """The question's groups without its comparison. For a date window ("tested in the last 12
    months") the deed is dropped too: a past date of the thing, not marked as still to come or
    not done (``typed_values.readings``), is the statement that it was done."""
    groups = question_groups(rest, kind)
    if comparison.op != "window":
        return groups
    deeds = DONE_VERBS | {STATUS_TERM}
    return [g for g in groups if not all(set(a.terms) <= deeds for a in g.alternatives)]


def _window_answer(
    question: str,
    comparison: Comparison,
    scored: Sequence[_Scored],
    groups: list[Group],
    idf: dict[str, float],
    today: dt.date,
) -> _Verdict | None:
    """Whether the thing was done within the window, from the date a date question about it
    would be answered with (``value_pick.pick``: a well-covering sentence, or a row whose date
    is labelled or agrees with the rest). Dates still to come, or of things not done, are no
    answer to a question about a deed (``typed_values.readings``); from partial evidence only a
    Yes is taken (an old date there may not be the latest)."""
    from assessments.suggestions.typed_answers import _rows  # it imports extractive, as we do

    rescored = sorted(
        (_score(s.candidate, groups, idf) for s in scored),
        key=lambda s: (-s.coverage, s.candidate.rank, len(s.candidate.text)),
    )
    terms = {t for g in groups for a in g.alternatives for t in a.terms}
    evidence = [
        (s, s.candidate.text, s.candidate.passage.text, s.coverage) for s in _rows(rescored, groups, idf)
    ]
    found = []
    for reading in typed_values.readings(question, "date", evidence, terms):
        span = date_range(reading.value)
        by = reading.evidence
        assert isinstance(by, _Scored)
        at = _date_at(by.candidate.text, reading.value)
        if span is None or span[0] > today or at is None:
            continue  # still to come: says nothing about what has been done
        if _clause_negated(by.candidate.text, at.start, terms):
            continue
        # "was completed on 3 March" is how a deed's date is told: only "previously", "replaced"
        # and the like mark a date as no longer the one that counts.
        before = " ".join(by.candidate.text[: at.start].split()[-5:])
        found.append(dataclasses.replace(reading, current=not _OLD_DATE.search(before)))
    oldest = comparison.since or today - dt.timedelta(seconds=comparison.amount)
    picked = value_pick.pick(found, ANSWER_THRESHOLD)
    if picked and picked[0].coverage >= ANSWER_THRESHOLD:
        top = picked[0]
        if not top.current:
            return None  # only old figures ("previously tested on ...")
        pool = [r for r in found if r.current and r.coverage >= top.coverage - 0.15]
    else:
        # Partial evidence (a register row naming the thing, not the deed): every date of the
        # rows that name all but one part of the subject must agree, and only Yes is taken.
        pool = [
            r
            for r in found
            if r.current
            and r.coverage >= _PARTIAL_WINDOW
            and _missing(r) <= 1
            and (r.in_row or r.context > 0)
        ]
        if not pool:
            return None
        top = max(pool, key=lambda r: (r.coverage, r.context))
    verdicts = {_window_verdict(r.value, oldest) for r in pool}
    if len(verdicts) != 1 or None in verdicts:
        # The dates disagree about the answer, or one straddles the window's start.
        return _Verdict(_OPEN, top.evidence) if top.coverage >= ANSWER_THRESHOLD else None
    answer = verdicts.pop()
    if answer == "No" and top.coverage < ANSWER_THRESHOLD:
        return None
    by = top.evidence
    assert isinstance(by, _Scored) and answer is not None
    return _Verdict(answer, dataclasses.replace(by, coverage=top.coverage))


def _date_at(text: str, iso: str) -> Value | None:
    return next((v for v in find_dates(text) if v.value == iso), None)


def _missing(reading: typed_values.Reading) -> int:
    """The parts of the subject the reading's sentence does not name, not counting those only a
    generic word names: a register row seldom repeats "covering this system"."""
    by = reading.evidence
    assert isinstance(by, _Scored)
    return sum(not all(set(a) <= lexicon.GENERIC for a in group) for group in by.unmatched)


def _window_verdict(iso: str, oldest: dt.date) -> str | None:
    span = date_range(iso)
    if span is None:
        return None
    first, last = span
    return "Yes" if first >= oldest else "No" if last < oldest else None


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
    groups = _subject_groups(rest, kind, comparison)
    if not groups:
        return None
    if comparison.op == "window":
        return _window_answer(question, comparison, scored, groups, idf, today)
    evidence = _evidence(scored, groups, idf)
    if not evidence or evidence[0].coverage < ANSWER_THRESHOLD:
        return None
    best = evidence[0].coverage
    support = [s for s in evidence if s.coverage >= max(ANSWER_THRESHOLD, best - 0.15)]
    terms = {t for g in groups for a in g.alternatives for t in a.terms}
    total = bool(_TOTAL.search(part))
    verdicts = _verdicts(comparison, support, total, terms, asks_future(question))
    if not verdicts:
        return None
    if {v.answer for v in verdicts} == {_OPEN, "Yes"} and total:
        pass  # one part above the limit puts the total above it, whatever the other figures
    elif len({v.answer for v in verdicts}) > 1 or verdicts[0].answer == _OPEN:
        return _Verdict(_OPEN, verdicts[0].evidence)  # stated values that disagree about the answer
    return max((v for v in verdicts if v.answer), key=lambda v: v.evidence.coverage)


def answer(
    question: QuestionForSuggestion,
    scored: Sequence[_Scored],
    idf: dict[str, float],
    *,
    today: dt.date | None = None,
) -> Suggestion | None:
    """A Yes/No suggestion settled by the question's comparison, or None (the caller then reads
    the question as usual) when it holds none, or no usable value settles it. ``today`` is the
    reference day of a date window ("in the last 12 months"): the day the suggestion is made."""
    text = question.text
    found = comparisons(text)
    if not found:
        return None
    today = today or reference_day()
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
    elif any(v and v.answer == _OPEN for v in results):
        # Stated values leave it open: the usual reading, blind to the figures, must not answer.
        return _not_stated(question, max(v.evidence.coverage for v in results if v))
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
    ceiling: ConfidenceLabel = "medium" if evidence.coverage >= ANSWER_THRESHOLD else "low"
    confidence = label(evidence.coverage, sure=True, complete=evidence.missing == 0, ceiling=ceiling)
    return _suggested(question, chosen.answer, evidence.coverage, [evidence], rationale, confidence)
