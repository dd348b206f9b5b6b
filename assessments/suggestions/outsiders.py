"""Others involved settle a question that asks for nobody else as No.

- People outside the organisation using the system: "Will access be limited to our own staff?"
  is No when "Web chat users are anonymous" or "Public web uploads use a signed token".
- A named sub-processor: "... entirely with its own staff, with no sub-processors or
  subcontractors" is No when "Sub-processor: Lumen Labs Inc. | Service: ..." or "through its
  subcontractor Bayanihan Support Services Inc.".

Documents seldom deny such a limit; they say who else is involved. Kept apart from
``restriction`` (which reads a stated limit) because it reads clauses the way the Yes/No path does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assessments.suggestions import lexicon
from assessments.suggestions.evidence import cells_or_clauses, clauses
from assessments.suggestions.modality import modality, unsettled_sentence
from assessments.suggestions.polarity import has_negation
from assessments.suggestions.restriction import restricted_subject

# Our own people, as a question names them ("limited to our own staff", "employees only").
OUR_PEOPLE = frozenset({"staff", "user", "colleagu", "worker"})
# People outside the organisation reaching the system: the public, anonymous visitors, a public
# page or portal they use. "Customer" is left out: a contract's "Customer" is the organisation.
_OUTSIDERS = re.compile(
    r"\b(?:members? of the public|general public|the public (?:can|may|will|use|uses|using)"
    r"|anonymous (?:users?|visitors?|members? of the public)|users are anonymous"
    r"|public[- ](?:web ?site|web|upload|page|portal|chat)\w*|(?:web ?site|portal) visitors?)",
    re.I,
)
# What says they use it, not that the public is merely mentioned.
_USING = re.compile(r"\b(?:us(?:e|es|ed|ing|ers?)|access\w*|visit\w*|upload\w*|chat\w*|sign\w* in)\b", re.I)


def outsiders_use(question: str, scored: Sequence[Any]) -> Any | None:
    """For "Will access be limited to our own staff?": the first sentence saying people outside
    the organisation use the system ("Web chat users are anonymous", "Public web uploads use a
    signed token"), which settles it No; None for other questions or when none does. The clause
    must be settled and undenied: "the public cannot reach it" limits, "a public page is
    proposed" settles nothing."""
    if not restricted_subject(question) & OUR_PEOPLE:
        return None
    for s in scored:
        if unsettled_sentence(s.candidate.text):
            continue
        for clause in clauses(s.candidate.text):
            if not (_OUTSIDERS.search(clause) and _USING.search(clause)) or has_negation(clause):
                continue
            if modality(clause) in ("done", "plain", "planned"):
                return s
    return None


# "with no sub-processors, subcontractors or ...", "without any subcontractors".
_NONE_ASKED = re.compile(r"\b(?:with no|without(?: any)?|using no|involving no)\s+([^.?;]+)", re.I)
# A company named ("Bayanihan Support Services Inc.", "Amazon Web Services EMEA SARL"), or added
# to a list ("the annex now includes Brightwater").
_COMPANY = re.compile(
    r"\b[A-Z][\w&.-]*(?:,? [A-Z][\w&.-]*)*,? (?:Ltd|Limited|Inc|LLC|LLP|plc|GmbH|AG|SARL|S\.?A\.?|B\.V\.|BV"
    r"|N\.V\.|Pvt|Lda|sp\. z o\.o\.|Pty)(?![\w])|\bincludes? (?:[A-Z][\w&-]+)"
)


def subprocessor_named(question: str, scored: Sequence[Any]) -> Any | None:
    """For a question asking that no sub-processors or subcontractors be involved: the first
    sentence naming one (a company beside the word, in a settled, undenied clause); None for
    other questions or when none does. "No sub-processors are used" denies; "changes to
    sub-processors are notified" names nobody."""
    asked = _NONE_ASKED.search(question)
    if not asked or "subprocessor" not in lexicon.terms(asked.group(1)):
        return None
    for s in scored:
        if unsettled_sentence(s.candidate.text):
            continue
        # A table row is read cell by cell: "Sub-processor: Amazon Web Services EMEA SARL".
        for clause in cells_or_clauses(s.candidate.text):
            if "subprocessor" not in lexicon.terms(clause) or not _COMPANY.search(clause):
                continue
            if not has_negation(clause) and modality(clause) in ("done", "plain"):
                return s
    return None
