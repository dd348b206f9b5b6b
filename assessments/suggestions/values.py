"""Dates and numbers stated in a sentence, for date and number questions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assessments.suggestions import lexicon

_MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)  # fmt: skip
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = (
    re.compile(_YEAR + r"-(?P<num_month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})/(?P<num_month>\d{1,2})/" + _YEAR + r"\b"),
    re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
)
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/-]|\.\d)")
_CONTEXT_WORDS = 5


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    value: str  # ISO date (YYYY-MM-DD, or YYYY-MM without a day) or digits


def find_dates(text: str) -> list[Value]:
    """Every date in ``text``, each once (the most precise reading wins)."""
    found: list[Value] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _date_value(match)
            if value and not any(v.start <= match.start() < v.end for v in found):
                found.append(Value(match.start(), match.end(), value))
    return sorted(found, key=lambda v: v.start)


def find_numbers(text: str) -> list[Value]:
    """Quantities in ``text`` as digits ("GBP 420,000" -> "420000"); years and dates excluded."""
    dates = find_dates(text)
    values = []
    for match in _NUMBER.finditer(text):
        if any(d.start <= match.start() < d.end for d in dates) or re.fullmatch(
            r"(19|20)\d\d", match.group(1)
        ):
            continue
        values.append(
            Value(match.start(), match.end(), match.group(1).replace(",", "") + (match.group(2) or ""))
        )
    return values


def context_score(text: str, value: Value, question_terms: set[str]) -> float:
    """How closely the words next to ``value`` echo the question: nearer words count more."""
    before = text[: value.start].split()[-_CONTEXT_WORDS:]
    after = text[value.end :].split()[:_CONTEXT_WORDS]
    score = 0.0
    for distance, word in [*enumerate(reversed(before), 1), *enumerate(after, 1)]:
        if set(lexicon.terms(word)) & question_terms:
            score += 1.0 / distance
    return score


def _date_value(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    month = _MONTHS.get((groups.get("month") or "").lower().rstrip(".")) or int(groups.get("num_month") or 0)
    if not 1 <= month <= 12:
        return None
    if groups.get("day"):
        try:
            return dt.date(year, month, int(groups["day"])).isoformat()
        except ValueError:
            return None
    return f"{year:04d}-{month:02d}"
