"""Dates and numbers stated in a sentence, for date and number questions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assessments.suggestions import lexicon
from assessments.suggestions.table_rows import CELL, cell_at, cell_label

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
# A unit written onto the figure ("RTO 4h", "6h 40m", "£1.5m") belongs to it, other letters do not ("5G").
_NUMBER = re.compile(
    r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!(?!(?:h|hrs?|mins?|m|k|bn)\b)[\w/-]|\.\d)"
)
_CONTEXT_WORDS = 5


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    value: str  # ISO date (YYYY-MM-DD, or YYYY-MM without a day) or digits


def find_dates(text: str, year: int | None = None) -> list[Value]:
    """Every date in ``text``, each once (the most precise reading wins). With ``year``, a day
    and month written without one ("issued 6 November") is read in that year."""
    found: list[Value] = []
    for pattern in _DATE_PATTERNS + (_YEARLESS if year else ()):
        for match in pattern.finditer(text):
            value = _date_value(match, year)
            if value and not any(v.start <= match.start() < v.end for v in found):
                found.append(Value(match.start(), match.end(), value))
    return sorted(found, key=lambda v: v.start)


# "testing 19-30 October, issued 6 November": no year written (nor a number or a year after).
_NO_YEAR_AFTER = r"(?!,?\s*(?:(?:19|20)\d\d|\d))"
_YEARLESS = (
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\b" + _NO_YEAR_AFTER, re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b" + _NO_YEAR_AFTER, re.I),
)


def passage_year(passage_text: str) -> int | None:
    """The one year every fully written date of a passage is in (minutes of a meeting, an email):
    the year a date written without one there is read in. None when they are in several years."""
    years = {int(v.value[:4]) for v in find_dates(passage_text)}
    return years.pop() if len(years) == 1 else None


# A number that names a part of a document or a stage is a label, not a quantity: "clause 12.3",
# "Section 14", "phase 1", "appendix 3", "v2", "Tier 1".
_LABEL_BEFORE = re.compile(
    r"\b(?:clauses?|sections?|schedules?|appendix|appendices|annex(?:es)?|tables?|figures?|paragraphs?|para"
    r"|items?|pages?|pp?|phases?|stages?|steps?|tiers?|levels?|versions?|v|releases?|no|nos|number|waves?"
    r"|options?|lots?|parts?|articles?|rows?|questions?|q|ref|id|art|sprint|iteration)\.?\s*$|#\s*$",
    re.I,
)


# A numbered paragraph's own number opens its line: "5.1 Transfers of personal data ...",
# "12. The Supplier shall ...", "4.2(b) invoices are payable ...".
_PARAGRAPH_NUMBER = re.compile(
    r"\d{1,3}(?:(?:\.\d{1,3})+\.?|\.)[ \t]+(?=[A-Z][a-z]|[\"“(])"
    r"|\d{1,3}(?:\.\d{1,3})*\([a-z]{1,3}\)[ \t]+(?=[A-Za-z\"“(])"
)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def find_numbers(text: str) -> list[Value]:
    """Quantities in ``text`` as digits ("GBP 420,000" -> "420000"); years, dates and labels
    ("clause 7", "phase 2") excluded."""
    dates = find_dates(text)
    values = []
    for match in _NUMBER.finditer(text):
        if any(d.start <= match.start() < d.end for d in dates) or re.fullmatch(
            r"(19|20)\d\d", match.group(1)
        ):
            continue
        if _LABEL_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        if not text[_line_start(text, match.start()) : match.start()].strip() and _PARAGRAPH_NUMBER.match(
            text, match.start()
        ):
            continue
        values.append(
            Value(match.start(), match.end(), match.group(1).replace(",", "") + (match.group(2) or ""))
        )
    return values


_SUPERSEDED = re.compile(
    r"\b(?:previously|formerly|original(?:ly)?|down from|up from|instead of|rather than|replac(?:e|ed|es|ing)|supersed\w*"
    r"|was|were|used to be|old|standard is|no longer|standard|default|typical(?:ly)?|usual(?:ly)?|normally"
    # The figure before the change: "current RTO: 24 hours", "legacy system: 900 users", "improved from".
    r"|current(?:ly)?|today|at present|legacy|existing|as[- ]is"
    r"|(?:improv|reduc|increas|mov|chang|cut|rais|lower|extend|shorten|revis|amend)\w* from)\b",
    re.I,
)


# After a figure, words that replace it: "1 March 2026 (revised to 15 April 2026)".
_REPLACED_AFTER = re.compile(
    r"^\W*(?:[\w-]+\W+){0,2}?(?:revised|moved|changed|postponed|delayed|pushed(?: back)?|brought forward|updated"
    r"|amended|rescheduled|reduced|increased|raised|lowered|cut|extended|replaced)\s+(?:to|by|until|with)\b"
    r"|^\W*(?:but|and)?\s*now\b"
    r"|^\W*(?:is|are|was|were)\s+no longer\b",
    re.I,
)


# A labelled table cell whose column is the default or earlier terms, beside the agreed ones
# ("Standard Table v3.1: 12 hours | Agreed for the Customer: 4 hours").
_DEFAULT_COLUMN = re.compile(
    r"\b(?:standard|default|baseline|original|previous|old|draft|current contract|as is)\b", re.I
)


# Said after it, in its clause, to be the default terms: "within 72 hours, in line with our
# standard DPA" is the vendor's usual figure, not one agreed for this customer.
_DEFAULT_AFTER = re.compile(
    r"[^.;|]{0,60}\b(?:in line with|as per|per|under|as in|according to|as set out in)\s+"
    r"(?:our|the|its|their)\s+(?:own\s+)?(?:standard|default|usual)\b",
    re.I,
)


def superseded(text: str, value: Value) -> bool:
    """Whether the words just before ``value`` mark it as an old or default figure, not the one
    agreed ("down from £465,000", "our standard is RPO 1 hour"), or the words after it replace
    it ("1 March (revised to 15 April)") or call it the standard terms ("in line with our
    standard DPA"), or its table column is the default terms in a row that
    also states others ("Standard table: 12 hours | Agreed: 4 hours")."""
    before = " ".join(text[: value.start].split()[-_CONTEXT_WORDS:])
    after = text[value.end : value.end + 80]
    if _SUPERSEDED.search(before) or _REPLACED_AFTER.search(after) or _DEFAULT_AFTER.match(after):
        return True
    if text.count(CELL) < 2:
        return False
    label = cell_label(cell_at(text, value.start))
    return bool(label and _DEFAULT_COLUMN.search(label))


def context_score(text: str, value: Value, question_terms: set[str]) -> float:
    """How closely the words next to ``value`` echo the question: nearer words count more."""
    before = text[: value.start].split()[-_CONTEXT_WORDS:]
    after = text[value.end :].split()[:_CONTEXT_WORDS]
    score = 0.0
    for distance, word in [*enumerate(reversed(before), 1), *enumerate(after, 1)]:
        if set(lexicon.terms(word)) & question_terms:
            score += 1.0 / distance
    return score


def _date_value(match: re.Match[str], default_year: int | None = None) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else default_year
    if year is None:
        return None
    month = _MONTHS.get((groups.get("month") or "").lower().rstrip(".")) or int(groups.get("num_month") or 0)
    if not 1 <= month <= 12:
        return None
    if groups.get("day"):
        try:
            return dt.date(year, month, int(groups["day"])).isoformat()
        except ValueError:
            return None
    return f"{year:04d}-{month:02d}"


# --- quantities with their units --------------------------------------------------------------

_SECONDS = {
    "second": 1, "sec": 1, "minute": 60, "min": 60, "m": 60, "hour": 3600, "hr": 3600, "h": 3600,
    "day": 86400, "week": 604800, "wk": 604800, "month": 2629800, "year": 31557600, "yr": 31557600,
}  # fmt: skip
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9}
_MONEY_SCALE = {"k": 1e3, "m": 1e6}  # "£250k", "£1.5m" (a bare "40m" is minutes)
# The unit after a number, also after a figure in brackets: "sixty (60) days".
_UNIT_AFTER = re.compile(r"\)?\s?(%|percent\b|per cent\b|[a-z]+)", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:[£$€]|\b(?:GBP|USD|EUR)\s?)$", re.I)
# A cell labelled in a currency: "Fee (GBP): 358,200 per annum", "Amount (£): 1,200".
_MONEY_LABEL = re.compile(r"\((?:GBP|USD|EUR|[£$€])\)\s*:\s*(?:[a-z]+\s+){0,3}$", re.I)


def _cell_before(text: str, offset: int) -> str:
    """The text of ``offset``'s table cell (or line) before it."""
    cell = text.rfind(CELL, 0, offset)
    line = text.rfind("\n", 0, offset)
    return text[max(cell + len(CELL) if cell >= 0 else 0, line + 1) : offset]


_ASKED_UNIT = re.compile(
    r"\b(?:in|how many|number of|within how many|as a)\s+(seconds|minutes|hours|days|weeks|months|years|percent(?:age)?)\b"
    r"|(%)|\b(percentage|percent)\b",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    amount: float
    unit: str | None  # "seconds", "%", "currency" or None


def duration_seconds(word: str) -> int | None:
    word = word.lower()
    if word == "ms":
        return None  # milliseconds, not "m" (minutes) in the plural
    return _SECONDS.get(word) or _SECONDS.get(word.removesuffix("s"))


_SPELT = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "eighteen": 18, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
}  # fmt: skip
_SPELT_DURATION = re.compile(
    r"\b(?P<number>" + "|".join(sorted(_SPELT, key=len, reverse=True)) + r")\s+"
    r"(?:(?:working|business|calendar|clear)\s+)?(?P<unit>minutes?|hours?|days?|weeks?|months?|years?)(?:'|’)?(?!\s*\()",
    re.I,
)


def find_quantities(text: str) -> list[Quantity]:
    """Numbers in ``text`` with the unit written next to them ("RPO 15 min" -> 900 seconds)."""
    found = []
    for value in find_numbers(text):
        amount = float(value.value)
        unit: str | None = None
        after = _UNIT_AFTER.match(text, value.end)
        word = after.group(1).lower() if after else ""
        money = bool(
            _CURRENCY_BEFORE.search(text[: value.start])
            or _MONEY_LABEL.search(_cell_before(text, value.start))
        )
        if (scale := _SCALE.get(word)) or (money and (scale := _MONEY_SCALE.get(word))):
            # "2 million records": the quantity is the number times its scale word.
            amount *= scale
            after = _UNIT_AFTER.match(text, after.end()) if after else None
            word = after.group(1).lower() if after else ""
        if money:
            unit = "currency"
        elif word in ("%", "percent", "per cent"):  # not "per annum"
            unit = "%"
        elif scale := duration_seconds(word):
            amount, unit = amount * scale, "seconds"
        found.append(Quantity(value.start, value.end, amount, unit))
    # "six months' notice", "thirty days": a duration spelt out (not "thirty (30) days", whose
    # digits are read above).
    for match in _SPELT_DURATION.finditer(text):
        amount = _SPELT[match["number"].lower()] * (duration_seconds(match["unit"]) or 0)
        found.append(Quantity(match.start(), match.end("number"), float(amount), "seconds"))
    return sorted(found, key=lambda q: q.start)


# "in GBP", "value (£)": the answer is an amount of money.
_ASKS_MONEY = re.compile(
    r"\b(?:in|of|as)\s+(?:GBP|USD|EUR|pounds|sterling|euros?|dollars)\b|\(\s*[£$€]\s*\)|[£$€]\s*\?", re.I
)
# "How many people / users / records": a count of things, never a duration, amount or share.
_ASKS_COUNT = re.compile(r"\bhow many\s+(?!seconds|minutes|hours|days|weeks|months|years|times\b)[a-z]", re.I)


def asked_unit(question: str) -> tuple[str, float] | None:
    """The unit a number question asks for, with its scale: ("seconds", 3600) for "in hours";
    ("currency", 1) for an amount of money, ("count", 1) for how many things."""
    match = _ASKED_UNIT.search(question)
    if not match:
        if _ASKS_MONEY.search(question):
            return ("currency", 1.0)
        if _ASKS_COUNT.search(question):
            return ("count", 1.0)
        return None
    word = next(g for g in match.groups() if g)
    if word == "%" or word.lower().startswith("percent"):
        return ("%", 1.0)
    return ("seconds", float(duration_seconds(word) or 1))


def in_asked_unit(quantity: Quantity, asked: tuple[str, float] | None) -> str | None:
    """``quantity`` written in the unit asked (None when it is a different kind of quantity)."""
    if asked is None:
        amount = quantity.amount
        if quantity.unit == "seconds":
            return None  # a duration without an asked unit: which unit would the answer be in?
        return _digits(amount)
    kind, scale = asked
    if kind == "count":
        return _digits(quantity.amount) if quantity.unit is None else None
    if quantity.unit != kind:
        return None
    return _digits(quantity.amount / scale)


def _digits(amount: float) -> str:
    rounded = round(amount, 4)
    if rounded == int(rounded):
        return str(int(rounded))
    # A converted duration keeps four significant figures ("13 months" in days: 395.7, not 395.688).
    return f"{rounded:.4g}" if abs(rounded) < 1000 else f"{rounded:.1f}"
