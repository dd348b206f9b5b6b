"""What comparison a Yes/No question asks for: "above GBP 250,000", "4 hours or less", "within
72 hours", "in the last 12 months", "since 1 March 2030" (for ``comparisons``, which answers it).

A quantity is read with its unit (money, a duration in seconds, a percentage, or a count of the
word after it); a bare number (a version, a year) is no quantity to compare.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assessments.suggestions import lexicon
from assessments.suggestions.values import duration_seconds, find_dates

_UNIT_WORDS = r"%|percent\b|per cent\b|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?"
_QUANTITY = (
    r"(?P<currency>[£$€]|\b(?:GBP|USD|EUR)\s?)?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<unit>" + _UNIT_WORDS + r"))?(?:\s+(?P<noun>[a-z]+))?"
)
_MORE = r"above|over|more than|greater than|higher than|longer than|exceeds?|exceeding|in excess of"
_AT_LEAST = r"at least|no less than|not less than|a minimum of|minimum of"
_LESS = r"below|under|less than|lower than|shorter than|fewer than"
_AT_MOST = r"at most|no more than|not more than|up to|a maximum of|maximum of|within"
_BEFORE = re.compile(r"\b(?P<op>" + "|".join((_MORE, _AT_LEAST, _LESS, _AT_MOST)) + r")\s+" + _QUANTITY, re.I)
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
_SINCE = re.compile(r"\bsince \S+(?: \S+)?(?: \d{4})?", re.I)  # its date is read by values.find_dates
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


@dataclass(frozen=True)
class Comparison:
    """One comparison a question asks for: ``value op amount`` in ``unit``, or a date window."""

    op: str  # ">", ">=", "<", "<=", or "window" (a date no older than ``amount`` seconds)
    amount: float  # seconds for durations and windows; the number otherwise
    unit: str | None  # "seconds", "currency", "%" or None (a count of ``noun``)
    noun: str | None  # what a count counts ("more than 500 users" -> "users")
    start: int
    end: int
    since: dt.date | None = None  # a window opened by a date ("since 1 March 2030")


def asks_recent(question: str) -> bool:
    """Whether ``question`` asks about a recent window ("in the last 12 months", "since 1 May")."""
    return bool(_WINDOW.search(question) or _SINCE.search(question))


# How often a recurring practice is done, as its period ("restore tested quarterly").
_DAY = 86_400
_RECURRING: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.I), days * _DAY)
    for pattern, days in (
        (r"\b(?:daily|every day|each day|nightly)\b", 1),
        (r"\b(?:weekly|every week|each week)\b", 7),
        (r"\b(?:monthly|every month|each month)\b", 31),
        (r"\b(?:quarterly|every quarter|each quarter|every (?:three|3) months)\b", 92),
        (
            r"\b(?:six-monthly|half-yearly|semi-annually|twice (?:a|per|each) year|every (?:six|6) months)\b",
            183,
        ),
        (
            r"\b(?:annually|yearly|every year|each year|once (?:a|per|each) year|every (?:twelve|12) months)\b",
            366,
        ),
    )
)


def recurs_within_window(question: str, sentence: str) -> bool:
    """Whether ``sentence`` says something is done at least as often as the window ``question``
    asks about ("restore tested quarterly" for "tested in the last 12 months?"): a standing
    practice done that often has been done within the window."""
    windows = [c for c in comparisons(question) if c.op == "window" and c.since is None]
    if len(windows) != 1:
        return False
    window = windows[0].amount
    # The frequency must be of what the window qualifies, the word before it ("tested"), in one
    # clause: "backups taken nightly; restore tested every two years" tests no restore nightly.
    before = re.findall(r"[a-z]+", question[: windows[0].start].lower())
    deed = lexicon.term(before[-1]) if before else ""
    for clause in re.split(r"[;.]\s|\band\b", sentence):
        if deed in lexicon.terms(clause) and any(
            pattern.search(clause) and period <= window * 1.02 for pattern, period in _RECURRING
        ):
            return True
    return False


def comparisons(question: str) -> list[Comparison]:
    """Every comparison ``question`` states, in order."""
    found: list[Comparison] = []
    for match in _WINDOW.finditer(question):
        seconds = duration_seconds(match.group("unit")) or 0
        found.append(
            Comparison("window", float(match.group("number")) * seconds, "seconds", None, *match.span())
        )
    for match in _SINCE.finditer(question):
        dates = find_dates(match.group(0))
        if dates and dates[0].start == len("since "):
            since = date_range(dates[0].value)
            if since:
                found.append(Comparison("window", 0.0, "seconds", None, *match.span(), since=since[0]))
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


def holds(op: str, value: float, amount: float) -> bool:
    return {">": value > amount, ">=": value >= amount, "<": value < amount, "<=": value <= amount}[op]


def date_range(iso: str) -> tuple[dt.date, dt.date] | None:
    try:
        if len(iso) == 7:  # a month: its first and last day
            first = dt.date.fromisoformat(iso + "-01")
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return None
    return day, day
