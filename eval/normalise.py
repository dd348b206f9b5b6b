"""Answers compared the way a reviewer would: numbers with units, ISO dates, words.

Kept apart from the engine on purpose (no import from ``assessments.suggestions``): the
measure must not share the blind spots of the thing it measures.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import snowballstemmer

NUMBER_TOLERANCE = 0.01  # relative: 0.25 h and "15 minutes" agree, 412,000 and 412,500 do not

# Durations in seconds, so an answer in minutes can be checked against gold in hours.
_DURATIONS = {
    "second": 1,
    "sec": 1,
    "s": 1,
    "minute": 60,
    "min": 60,
    "mins": 60,
    "hour": 3600,
    "hr": 3600,
    "hrs": 3600,
    "h": 3600,
    "day": 86400,
    "d": 86400,
    "week": 7 * 86400,
    # Mean Gregorian month and year, so "13 months" is 395.7 days whichever way it is written.
    "month": 2629800,
    "year": 31557600,
}
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([a-zA-Z]+)?")
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],  # fmt: skip
        start=1,
    )
    for m in names
}
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yes",
        "also",
        "may",
        "might",
        "must",
        "shall",
        "us",
        "per",
        "via",
        "within",
        "without",
        "whether",
        "etc",
    ]
)
# Words every question of a change questionnaire shares: overlapping on them says nothing.
_BOILERPLATE = frozenset(
    ["change", "project", "please", "describe", "provide", "detail", "details", "state", "list", "applicable"]
)
_stemmer = snowballstemmer.stemmer("english")


def squash(text: str) -> str:
    return " ".join(str(text).split())


def folded(text: str) -> str:
    return squash(text).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(str(text).casefold())


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry meaning (3+ letters, not function or boilerplate words)."""
    kept = [w for w in words(text) if len(w) >= 3 and w not in _STOPWORDS and w not in _BOILERPLATE]
    return set(_stemmer.stemWords(kept))


def _unit_seconds(unit: str | None) -> float | None:
    if not unit:
        return None
    word = unit.casefold().rstrip(".")
    return _DURATIONS.get(word) or _DURATIONS.get(word.removesuffix("s"))


def number_of(answer: Any) -> tuple[float, str | None] | None:
    """The first quantity in ``answer`` and the word after it ("15 minutes" -> 15, "minutes")."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int | float):
        return float(answer), None
    match = _NUMBER.search(str(answer))
    if match is None:
        return None
    value = float(match.group(1).replace(",", "") + (match.group(2) or ""))
    unit = match.group(3)
    if unit and unit.casefold() in _MULTIPLIERS:
        return value * _MULTIPLIERS[unit.casefold()], None
    return value, unit


_ASKED_DURATION = re.compile(
    r"\b(?:in|how many|number of|for how many)\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.I,
)


def asked_duration_unit(question: str) -> str | None:
    """The unit of time a question asks its number in ("... in hours?", "For how many days ...?")."""
    match = _ASKED_DURATION.search(question)
    return match.group(1) if match else None


def numbers_agree(answer: Any, gold: Any, gold_unit: str | None, asked_unit: str | None = None) -> bool:
    """Whether ``answer`` is ``gold`` (in ``gold_unit``) within the tolerance; a bare number is
    read in the unit the question asked for (``asked_unit``), as a reader of the answer would."""
    found, expected = number_of(answer), number_of(gold)
    if found is None or expected is None:
        return False
    value, unit = found
    unit = unit or asked_unit
    target = expected[0]
    answer_scale, gold_scale = _unit_seconds(unit), _unit_seconds(gold_unit)
    if answer_scale and gold_scale:
        value = value * answer_scale / gold_scale
    return abs(value - target) <= max(1e-9, NUMBER_TOLERANCE * abs(target))


def iso_date(answer: Any) -> str | None:
    """``answer`` as YYYY-MM-DD (or YYYY-MM when it names no day); None when it is no date."""
    if isinstance(answer, dt.date):
        return answer.isoformat()
    text = squash(str(answer))
    if m := re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text):
        return text
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
        day, month, year = (int(g) for g in m.groups())
        return _date(year, month, day)
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", text):
        return _date(int(m.group(3)), _MONTHS.get(m.group(2).casefold(), 0), int(m.group(1)))
    if m := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", text):
        return _date(int(m.group(3)), _MONTHS.get(m.group(1).casefold(), 0), int(m.group(2)))
    return None


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def longest_shared_run(a: str, b: str) -> int:
    """Length, in words, of the longest run of consecutive words ``a`` and ``b`` share."""
    left, right = words(a), words(b)
    best = 0
    previous = [0] * (len(right) + 1)
    for x in left:
        current = [0] * (len(right) + 1)
        for j, y in enumerate(right, start=1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best
