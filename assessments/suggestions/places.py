"""Regions named by their places: a general geography table for "In which regions ...?" choices.

Documents rarely write "European Economic Area" or "United Kingdom" where they say where data
sits; they name a city, a country or a cloud region ("UK South (London)", "Kraków", "Sweden
Central"). Each option that is a region (by its own name) is named by the places inside it.

The table is general geography (countries, their capitals and main cities, the usual data-centre
cities), not any project's vocabulary. Place names are matched case-sensitively, as proper nouns,
so "us" is never the United States. A clause that denies ("not in the US") or is still to come
names nothing. Anything read this way is pieced together, so it is "low" confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assessments.suggestions.evidence import cells_or_clauses, clauses
from assessments.suggestions.polarity import has_negation
from assessments.suggestions.table_rows import CELL

# A sentence must cover this much of the question to say where its data is (below the answer
# threshold: a sentence naming a place rarely repeats the question's words).
REGION_FLOOR = 0.15
# A table cell labelled as where data is ("Processing location: India (Pune)") says so by its label.
LOCATION_CELL_FLOOR = 0.1
_WHERE_A_COMPANY_IS = re.compile(r"\b(?:entity|compan\w*|office|registered|head\w*)\b", re.I)
_LOCATION_LABEL = re.compile(
    r"^\s*(?:[\w/-]+\s+){0,2}(?:locations?|regions?|countr(?:y|ies))(?:\s+of\s+\w+)?\s*:", re.I
)

_EEA_COUNTRIES = (
    "Austria|Belgium|Bulgaria|Croatia|Cyprus|Czechia|Czech Republic|Denmark|Estonia|Finland|France"
    "|Germany|Greece|Hungary|(?<!Northern )Ireland|Italy|Latvia|Lithuania|Luxembourg|Malta|Netherlands"
    "|Poland|Portugal|Romania|Slovakia|Slovenia|Spain|Sweden|Norway|Iceland|Liechtenstein"
)
_EEA_CITIES = (
    "Vienna|Brussels|Sofia|Zagreb|Nicosia|Prague|Copenhagen|Tallinn|Helsinki|Paris|Marseille|Berlin"
    "|Frankfurt|Munich|Hamburg|Athens|Budapest|Dublin|Rome|Milan|Riga|Vilnius|Valletta|Amsterdam"
    "|Rotterdam|Warsaw|Krak[oó]w|Wroc[lł]aw|Gda[nń]sk|Lisbon|Bucharest|Bratislava|Ljubljana|Madrid"
    "|Barcelona|Stockholm|Gothenburg|Oslo|Reykjavik"
)
# Option label (by its own words) -> the places that name it.
_REGIONS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(option, re.I), re.compile(places))
    for option, places in (
        (
            r"^(?:the )?(?:United Kingdom|UK)\b",
            r"\b(?:United Kingdom|UK|U\.K\.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland"
            r"|London|Cardiff|Edinburgh|Glasgow|Belfast|Manchester|Birmingham|Leeds|Bristol|Slough)\b",
        ),
        (
            r"^(?:the )?(?:European Economic Area|EEA|European Union|EU)\b",
            rf"\b(?:European Economic Area|EEA|European Union|EU|{_EEA_COUNTRIES}|{_EEA_CITIES})\b",
        ),
        (r"^Switzerland\b", r"\b(?:Switzerland|Zurich|Zürich|Geneva|Bern)\b"),
        (
            r"^(?:the )?(?:United States|USA|US)\b",
            r"\b(?:United States|USA|U\.S\.|US|Virginia|California|Texas|Ohio|Oregon|Iowa|Illinois|New York"
            r"|Seattle|Chicago)\b",
        ),
        (r"^Canada\b", r"\b(?:Canada|Toronto|Montreal|Montréal|Vancouver|Quebec)\b"),
        (r"^India\b", r"\b(?:India|Mumbai|Pune|Bangalore|Bengaluru|Chennai|Hyderabad|Delhi)\b"),
        (
            r"^Asia[- ]Pacific\b",
            r"\b(?:Asia[- ]Pacific|APAC|Singapore|Australia|Sydney|Melbourne|Japan|Tokyo|Osaka|Hong Kong"
            r"|South Korea|Seoul|New Zealand|Indonesia|Jakarta|Malaysia|Kuala Lumpur|Philippines|Manila|Vietnam"
            r"|Ho Chi Minh City|Hanoi|Thailand|Bangkok|Taiwan|Taipei)\b",
        ),
    )
)
# A region's name used for its law or its clock says nothing of where data is ("UK GDPR",
# "the EU AI Act", "08:00 UK time").
_NOT_A_PLACE = re.compile(
    r"\b(?:UK|U\.K\.|EU|EEA|US|U\.S\.)(?:'s)? (?:GDPR|AI Act|Data Protection|law|laws|legislation|regulations?"
    r"|adequacy|time|English|Standard Contractual|representative|bank holidays?|public holidays?"
    r"|(?:business|working|office) (?:hours|days)|Addendum)\b"
)
_TO_COME = re.compile(
    r"\b(?:roadmap|planned|plans? to|expected|will move|may move|future|not yet|awaiting)\b", re.I
)


def region_options(options: Sequence[str]) -> dict[str, re.Pattern[str]]:
    """The options that are regions, each with the pattern of places that name it."""
    found: dict[str, re.Pattern[str]] = {}
    for option in options:
        for names, places in _REGIONS:
            if names.search(option.strip()):
                found[option] = places
                break
    return found


def regions_named(options: Sequence[str], scored: Sequence[Any]) -> list[tuple[str, Any]] | None:
    """For a choice of regions (two or more options are regions): each region option a place
    names in an undenied, settled clause of a sentence covering part of the question, with the
    first sentence that names it. None when the options are not regions or no place is named."""
    regions = region_options(options)
    if len(regions) < 2:
        return None
    named: dict[str, Any] = {}
    for s in scored:
        if s.coverage < LOCATION_CELL_FLOOR:
            break  # ``scored`` is sorted by coverage
        parts = clauses(s.candidate.text) if s.coverage >= REGION_FLOOR else _location_cells(s.candidate.text)
        for clause in parts:
            if has_negation(clause) or _TO_COME.search(clause) or clause.rstrip().endswith("?"):
                continue
            clause = _NOT_A_PLACE.sub(" ", clause)
            for option, places in regions.items():
                if option not in named and places.search(clause):
                    named[option] = s
    if not named:
        return None
    return [(option, named[option]) for option in options if option in named]


def _location_cells(row: str) -> list[str]:
    # "Location of entity: London" says where a company is, not where the data is.
    return [
        cell
        for cell in row.split(CELL)
        if (label := _LOCATION_LABEL.match(cell)) and not _WHERE_A_COMPANY_IS.search(label.group(0))
    ]


# "outside the UK/EEA", "outside the UK and the EU": the regions a question puts inside.
_OUTSIDE = re.compile(r"\boutside\s+(?:of\s+)?(?:the\s+)?(?P<inside>[^?.;,]*)", re.I)
_REGION_NAMES = {
    "United Kingdom": r"\b(?:UK|United Kingdom|Britain)\b",
    "European Economic Area": r"\b(?:EEA|EU|European Union|European Economic Area|Europe)\b",
}


def _inside(question: str) -> set[str] | None:
    """The regions a question puts inside with "outside the UK/EEA"; None without "outside"."""
    asked = _OUTSIDE.search(question)
    if not asked:
        return None
    return {name for name, pattern in _REGION_NAMES.items() if re.search(pattern, asked["inside"])} or None


def _outside_place(inside: set[str], text: str) -> bool:
    text = _NOT_A_PLACE.sub(" ", text)
    for option, places in _REGIONS:
        region = next((name for name in _REGION_NAMES if option.search(name)), None)
        if region not in inside and places.search(text):
            return True
    return False


# Where data is handled: "Processing location: India (Pune)", "hosted in", "accessed from".
_HANDLED = re.compile(
    r"\b(?:process\w*|stor\w*|host\w*|access\w*|transfer\w*|locat\w*|backups?|inference|support\w*"
    r"|data cent(?:re|er)s?|region)\b",
    re.I,
)


def handled_outside(question: str, scored: Sequence[Any]) -> Any | None:
    """For "Will data be stored or processed outside the UK/EEA?": the first sentence (or table
    cell) saying data is handled in a place outside those regions ("Processing location: Canada
    (Toronto)"), in a settled, undenied clause of a sentence covering part of the question."""
    inside = _inside(question)
    if not inside:
        return None
    for s in scored:
        if s.coverage < REGION_FLOOR:
            break  # ``scored`` is sorted by coverage
        for part in cells_or_clauses(s.candidate.text):
            if has_negation(part) or _TO_COME.search(part) or part.rstrip().endswith("?"):
                continue
            if _HANDLED.search(part) and _outside_place(inside, part):
                return s
    return None


def names_place_outside(question: str, text: str) -> bool:
    """Whether ``text`` names a place outside the regions a question asks about with "outside
    the UK/EEA" ("Third-line engineering by the parent in Canada"), so that a "No" beside it
    is contradicted by its own comment. False for a question without "outside"."""
    inside = _inside(question)
    return bool(inside) and _outside_place(inside, text)
