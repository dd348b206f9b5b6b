"""Whose personal data: the kinds of people a document's data-subjects list names, for a
multiple choice of kinds of people ("Employees", "Contractors", "Customers", "Members of the
public", "Children").

DPIAs and data-processing schedules list their data subjects in the words of the business
("policyholders and claimants", "tenants and household members (including children)", "agency
drivers", "bystanders captured in footage"), which seldom repeat the option's word. Each kind
below is named by the words UK data-protection practice uses for it, general vocabulary true of
any organisation's documents. The evidence is a list that says it is of data subjects: a
"Data subjects: ..." cell or sentence, or a row of a table under a "Data subjects" heading;
a statement about data subject requests or rights is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Kind -> the words that name it. "Customer" capitalised is a contract's defined term for the
# organisation buying the service ("Customer's drivers"), not its customers: only the plural or
# the word in lower case names customers. "Members" are customers unless "of the public".
_KINDS: dict[str, re.Pattern[str]] = {
    # "Agency staff" and "contractor staff" are contractors.
    "employee": re.compile(
        r"\b(?:employees?|employed|(?<!agency )(?<!contractor )(?<!contractors )staff|colleagues?|workforce"
        r"|personnel|in-house)\b",
        re.I,
    ),
    "contractor": re.compile(
        r"\b(?:contractors?|sub-?contractors?|agency|agencies|temporary workers?|consultants?|freelancers?)\b",
        re.I,
    ),
    "applicant": re.compile(
        r"\b(?:job applicants?|job candidates?|candidates for (?:a |the )?(?:job|role|post))", re.I
    ),
    "customer": re.compile(
        r"\b(?:(?i:customers)|(?-i:customer)|clients?|policyholders?|tenants?|leaseholders?|students?|patients?"
        r"|account holders?|claimants?|service users?|subscribers?|members(?! of the public))\b",
        re.I,
    ),
    "public": re.compile(
        r"\b(?:public|bystanders?|witnesses|passers-by|road users|(?:website |site )?visitors?|third parties)\b",
        re.I,
    ),
    "child": re.compile(
        r"\b(?:child(?:ren)?|minors?|under[- ]1[0-8]s?|under (?:the age of )?1[0-8]|pupils?|young people|infants?)\b",
        re.I,
    ),
}
_DATA_SUBJECTS = re.compile(r"\bdata[- ]subjects?\b|\bcategor(?:y|ies) of (?:individuals|people)\b", re.I)
_NOT_A_LIST = re.compile(r"\bdata[- ]subjects?['’]?\s*(?:requests?|rights?|access|enquir)|\bnotif", re.I)
_NEGATED = re.compile(r"\b(?:no|not|never|excluding|except|nor|without)\b(?:\W+\w+){0,3}\W*$", re.I)
# "Data subjects: ...", "Data Subjects | ..." (a two-column table's row), "Data subjects are ...".
_LABEL = re.compile(r"\bdata[- ]subjects?\s*(?::|\||are\b|include\b|comprise\b)\s*(.+)", re.I)


def kind_of(option: str) -> str | None:
    """The kind of people ``option`` is, when it is one."""
    kinds = _kinds_in(option)
    return next(iter(kinds)) if len(kinds) == 1 else None


def people_options(options: Sequence[str]) -> bool:
    """Whether ``options`` are kinds of people: most of them are."""
    kinds = [kind_of(o) for o in options]
    return len(options) >= 3 and sum(k is not None for k in kinds) >= len(options) - 1


def kinds_named(options: Sequence[str], scored: Sequence[Any]) -> tuple[list[str], list[Any]] | None:
    """The options a data-subjects list names among ``scored`` sentences (``candidate.text``
    and its passage's section), in the options' order, with the sentences naming them; None when no
    such list names any."""
    by_kind = {kind: o for o in options if (kind := kind_of(o))}
    named: dict[str, Any] = {}
    for s in scored:
        listed = _listed(s.candidate.text, s.candidate.passage.section or "")
        if listed is None:
            continue
        for kind in _kinds_in(listed):
            if kind in by_kind and by_kind[kind] not in named:
                named[by_kind[kind]] = s
    if not named:
        return None
    chosen = [o for o in options if o in named]
    # The sentences citing them, those saying most of the question first.
    cited = sorted(dict.fromkeys(named[o] for o in chosen), key=lambda s: -s.coverage)
    return chosen, cited


def _listed(text: str, section: str) -> str | None:
    """The part of ``text`` that lists data subjects, or None when it lists none."""
    if _NOT_A_LIST.search(text):
        return None
    if labelled := _LABEL.search(text):
        cell = labelled.group(1).split(" | ")[0]
        return cell
    if _DATA_SUBJECTS.search(section) and " | " in text:
        # A row of a table under a "Data subjects" heading: its first cell names the people.
        return text.split(" | ")[0]
    return None


def _kinds_in(text: str) -> set[str]:
    found: set[str] = set()
    for kind, pattern in _KINDS.items():
        for match in pattern.finditer(text):
            if _NEGATED.search(text[: match.start()]):
                continue
            found.add(kind)
            break
    return found
