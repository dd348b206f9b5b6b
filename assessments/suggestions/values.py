"""Dates and numbers stated in a sentence, for date and number questions."""

from __future__ import annotations

import datetime as dt
import re

from assessments.suggestions import lexicon

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<num_month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})/(?P<num_month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
)
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/-]|\.\d)")
_CONTEXT_WORDS = 4


def extract_date(text: str) -> str | None:
    """The first date in ``text``: ISO ``YYYY-MM-DD``, or ``YYYY-MM`` when no day is given."""
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _date_value(match)
            if value and not any(start <= match.start() < start + 20 for start, _ in found):
                found.append((match.start(), value))
    return min(found)[1] if found else None


def extract_number(text: str, question_terms: set[str]) -> str | None:
    """The number in ``text`` whose neighbouring words best match the question, digits only."""
    best: tuple[int, int, str] | None = None
    for match in _NUMBER.finditer(text):
        digits = match.group(1).replace(",", "") + (match.group(2) or "")
        if _is_year_or_date_part(text, match):
            continue
        before = text[: match.start()].split()[-_CONTEXT_WORDS:]
        after = text[match.end() :].split()[:_CONTEXT_WORDS]
        overlap = len(set(lexicon.terms(" ".join(before + after))) & question_terms)
        candidate = (overlap, -match.start(), digits)
        if best is None or candidate > best:
            best = candidate
    return best[2] if best else None


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


def _is_year_or_date_part(text: str, match: re.Match[str]) -> bool:
    value = match.group(1)
    if re.fullmatch(r"(19|20)\d\d", value):
        return True
    near = text[max(0, match.start() - 12) : match.end() + 12].lower()
    return any(re.search(rf"\b{m}\b", near) for m in _MONTHS if len(m) > 3)
