"""People outside the organisation using the system settle "Will access be limited to our own
staff?" as No: "Web chat users are anonymous", "Public web uploads use a signed token".

Documents seldom say that access is *not* limited; they say who uses the system. Kept apart from
``restriction`` (which reads a stated limit) because it reads clauses the way the Yes/No path does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assessments.suggestions.evidence import clauses
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
