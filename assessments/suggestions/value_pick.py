"""Which of the values read from the evidence (``typed_values.readings``) answers, and whether it
is unambiguous: well-covering evidence first (labelled, agreed, current, the clause naming the
question's rarer words, a table's total row), then partial evidence only when its figures are
labelled, agree, or are given alike by two documents. Split from ``typed_values``, which reads
the values; this module only ranks them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import TypeVar

from assessments.suggestions.typed_values import PARTIAL_FLOOR, Reading

_Key = TypeVar("_Key", bound=Hashable)

# Well-covering evidence with this many different current values, none labelled: abstain.
_TOO_MANY = 4
# How much more of the question one labelled value's evidence must cover to outrank another's.
_CLEARLY_MORE = 0.1
# Evidence covering this much less of the question than the best still counts as close to it.
_NEAR = 0.15


def pick(
    found: list[Reading],
    threshold: float,
    source: Callable[[Reading], str] | None = None,
    weight: Callable[[frozenset[str]], float] | None = None,
    strictest: Callable[[list[Reading]], Reading] | None = None,
) -> tuple[Reading, bool] | None:
    """The value to answer with and whether it is unambiguous, or None to abstain.

    Well-covering evidence first (the best-placed value); otherwise partial evidence, only when
    its values are labelled as what is asked, all agree, or one alone is stated by two of the
    documents (``source`` names a reading's document). ``weight`` says how much of the question
    the words in a value's own clause name (its rarer words count more). ``strictest`` picks,
    of a table's rows giving a target per item (an RTO per module), the one that binds the most
    critical item, for questions where a stricter target is one way (lower hours)."""
    strong = [r for r in found if r.coverage >= threshold]
    if strong:
        best_coverage = max(r.coverage for r in strong)
        strong = [r for r in strong if r.coverage >= best_coverage - _NEAR]
        every = {r.value for r in strong}
        replacing = {r.value for r in strong if r.replacing and r.current}
        if replacing and replacing != {strong[0].value}:
            # "Go-live is planned for 1 March" / "go-live has moved to 15 April": a figure said to
            # replace another is not outranked by it; which is the latest, nearness cannot tell.
            return None
        # The figure agreed for the customer outranks a standard, proposed or reported one, in
        # evidence as close to the question as the best (a row need not repeat "committed").
        near = [r for r in found if r.coverage >= best_coverage - _NEAR and r.current]
        agreed = [r for r in near if r.agreed]
        if len({r.value for r in agreed}) == 1:
            top = max(agreed, key=lambda r: (r.coverage, r.context))
            # That the others differ keeps it "low".
            return top, not top.hedged and {r.value for r in near} == {top.value}
        naming = weight or (lambda _own: 0.0)
        strong.sort(key=lambda r: (r.labelled, r.current, naming(r.own), r.context, r.coverage), reverse=True)
        top = strong[0]
        if top.labelled and top.in_row and not top.total and not top.item_named:
            # One row of a table whose rows give the labelled figure for different items, none
            # of which the question names: the table's total row answers for the whole, and
            # without one the figure is only one of several ("low").
            rows = [r for r in found if r.labelled and r.current and r.in_row and r.coverage >= PARTIAL_FLOOR]
            totals = {r.value for r in rows if r.total}
            if len(totals) == 1:
                return max((r for r in rows if r.total), key=lambda r: r.coverage), False
            if named_row := _item_named_row(found, best_coverage):
                # "Fee item: Annual Subscription Fees | Amount: £148,600" for the annual value,
                # beside the rows of single modules: the row whose item the question names.
                return named_row, False
            if any(r.value != top.value for r in rows):
                # A target per item (RTO 8 hours for case management, 48 for analytics): the
                # system meets its strictest one for its most critical part. Still one of several.
                return (strictest(rows) if strictest else top), False
        if source is not None and (named := _named_by_two(found, source)) and not top.labelled:
            # Figures that disagree ("RTO 8 hours" in the reply, "RTO of 4 hours" in the contract
            # and the tracker): the one two documents give beside the question's words. The
            # disagreement keeps it "low".
            return named, False
        distinct = {r.value for r in strong if r.current}
        # Unless one figure's own clause names more of the question than any other figure's.
        clearest = all(naming(r.own) < naming(top.own) for r in strong if r.value != top.value)
        if not top.labelled and len(distinct) >= _TOO_MANY and not clearest:
            return None  # which of many figures (a register's due dates) is asked, nearness cannot tell
        if any(
            r.value != top.value and r.current and r.labelled == top.labelled and r.own == top.own
            for r in strong
            if r.evidence is top.evidence
        ):
            # "The CRM's RTO is 24 hours and the new platform's RTO is 4 hours": two figures of
            # one sentence, each with the same words of the question by it; which is asked,
            # nothing tells.
            return None
        return top, top.current and not top.hedged and len(every) == 1
    partial = [r for r in found if r.coverage >= PARTIAL_FLOOR and r.current]
    best_partial = max((r.coverage for r in partial), default=0.0)
    agreed = [r for r in partial if r.agreed and r.coverage >= best_partial - _NEAR]
    if len({r.value for r in agreed}) == 1:
        return max(agreed, key=lambda r: (r.coverage, r.context)), False
    labelled = {r.value for r in partial if r.labelled}
    if labelled:
        top = max((r for r in partial if r.labelled), key=lambda r: (r.coverage, r.context))
        # Labelled values that differ: the one whose evidence covers clearly more of the question
        # ("the ISO certificate's expiry" over the SOC 2 period's end it asks for only instead).
        if all(
            r.coverage <= top.coverage - _CLEARLY_MORE for r in partial if r.labelled and r.value != top.value
        ):
            return top, False
    if (
        not labelled
        and partial
        and len({r.value for r in partial}) == 1
        and all(r.context > 0 or r.in_row for r in partial)
        # A hedged figure alone ("a separate cap of not less than £2m") is not the figure asked.
        and not all(r.hedged for r in partial)
    ):
        return max(partial, key=lambda r: (r.coverage, r.context)), False
    if source is not None and (corroborated := _corroborated(partial, best_partial, source)):
        return corroborated, False
    if source is not None and weight is not None and (named := _best_named_twice(partial, source, weight)):
        return named, False
    return None


def _item_named_row(found: list[Reading], best_coverage: float) -> Reading | None:
    """Of table rows as close to the question as the best, the value of the one whose item the
    question names, when that row gives one figure (or one labelled as asked) and no other
    named row as close gives another."""
    named = [
        r for r in found if r.item_named and r.in_row and r.current and r.coverage >= best_coverage - _NEAR
    ]
    by_row: dict[int, set[str]] = {}
    for r in named:
        by_row.setdefault(id(r.evidence), set()).add(r.value)
    plain = [r for r in named if len(by_row[id(r.evidence)]) == 1 or r.labelled]
    if not plain:
        return None
    top = max(plain, key=lambda r: (r.coverage, r.labelled, r.context))
    rivals = {r.value for r in plain if r.coverage >= top.coverage - _NEAR}
    return top if rivals == {top.value} else None


def _best_named_twice(
    partial: list[Reading], source: Callable[[Reading], str], weight: Callable[[frozenset[str]], float]
) -> Reading | None:
    """Of partial evidence, the figure whose own clause names most of the question ("30 days'
    notice of any new Sub-processor"), when another document gives the same figure beside the
    question's words too and no other figure is given so by two documents."""
    named = [r for r in partial if r.own]
    if not named:
        return None
    top = max(named, key=lambda r: (weight(r.own), r.coverage))
    documents = _documents_by(named, lambda r: r.value, source)
    return top if _twice(documents) == [top.value] else None


def _named_by_two(found: list[Reading], source: Callable[[Reading], str]) -> Reading | None:
    """When current figures named by as many of the question's own words as any disagree, the one
    value that two documents give so, where no other value has two (None when they all agree)."""
    named = [r for r in found if r.own and r.current and r.coverage >= PARTIAL_FLOOR]
    # Only the best named: "Security logs retained 400 days" over "logs 12 months".
    most = max((len(r.own) for r in named), default=0)
    named = [r for r in named if len(r.own) == most]
    # Each document names it by the same words ("RTO"): not "transcripts kept 90 days" and
    # "audit log visible for 90 days".
    documents = _documents_by(named, lambda r: (r.value, r.own), source)
    twice = _twice(documents)
    if len({value for value, _ in documents}) < 2 or len(twice) != 1:
        return None
    return max((r for r in named if (r.value, r.own) == twice[0]), key=lambda r: (r.coverage, r.context))


def _corroborated(partial: list[Reading], best: float, source: Callable[[Reading], str]) -> Reading | None:
    """The one value, among partial evidence as close to the question as the best, that two
    documents state ("the test of 5-16 October 2026" in the minutes and the questionnaire reply):
    two sources agreeing on a figure about the question, where no other figure has two. A month
    ("October 2026") agrees with any day in it rather than standing against it."""
    near = [r for r in partial if r.coverage >= best - _NEAR]
    if not near:
        return None
    documents = _documents_by(near, lambda r: r.value, source)
    for coarse in [v for v in documents if re.fullmatch(r"\d{4}-\d{2}", v)]:
        days = [v for v in documents if v.startswith(coarse + "-")]
        if days:
            for day in days:
                documents[day] |= documents[coarse]
            del documents[coarse]
    agreed = _twice(documents)
    top = max(near, key=lambda r: (r.coverage, r.context))
    # A date only (a count or a period of days recurs across documents by chance), and the one
    # the best evidence gives.
    if len(agreed) != 1 or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", agreed[0]) or top.value != agreed[0]:
        return None
    return top


def _documents_by(
    readings: list[Reading], key: Callable[[Reading], _Key], source: Callable[[Reading], str]
) -> dict[_Key, set[str]]:
    """The documents that give each ``key`` (a value, or a value with the words naming it)."""
    documents: dict[_Key, set[str]] = {}
    for r in readings:
        documents.setdefault(key(r), set()).add(source(r))
    return documents


def _twice(documents: dict[_Key, set[str]]) -> list[_Key]:
    """The keys two or more documents give."""
    return [k for k, where in documents.items() if len(where) >= 2]
