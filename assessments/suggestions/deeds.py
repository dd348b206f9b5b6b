"""Whether a sentence states the deed a question asks about ("Has the DPIA been completed?").

Three ways a sentence on the right topic still says nothing of the deed: it names no deed the
question asks about (``deed_unstated``), it states the deed of something else in its own clause
(``deed_of_another``), or it is a plan's row, a milestone with its target date (``plan_row``).
"""

from __future__ import annotations

import re

from assessments.documents.tables import CELL_SEPARATOR
from assessments.suggestions import lexicon
from assessments.suggestions.evidence import clauses
from assessments.suggestions.modality import DONE_VERBS, STATUS_TERM, asked_state


def deed_unstated(question: str, matched: frozenset[str]) -> bool:
    """Whether a question about what has been done ("Has X been tested?") names a deed the
    sentence does not match."""
    if asked_state(question) != "done":
        return False
    deeds = set(lexicon.terms(question)) & DONE_VERBS
    return bool(deeds) and not deeds & matched


# A plan's row: "Milestone: High findings remediated and verified by retest | Target date: 5
# March 2027". Without a status cell it says what is due, not what is done.
_PLAN_ROW = re.compile(
    r"(?:^|\| )(?:milestone|deliverable|target|due(?: date)?|target date|planned date):", re.I
)
_STATUS_CELL_LABEL = re.compile(
    r"(?:^|\| )(?:status|state|progress|outcome|result|achieved)(?: [\w/]+)?:", re.I
)


def plan_row(sentence: str) -> bool:
    """Whether ``sentence`` is a plan's table row (a milestone with its target date) without a
    status saying how it stands."""
    return (
        CELL_SEPARATOR in sentence
        and len(_PLAN_ROW.findall(sentence)) >= 2
        and not _STATUS_CELL_LABEL.search(sentence)
    )


_ASKS_DEED = re.compile(r"^\W*(?:has|have|had|was|were)\b", re.I)


def deed_of_another(question: str, sentence: str, matched: frozenset[str]) -> bool:
    """Whether the deed a question asks about ("Has the DPIA been completed?") is stated of
    something else in its own clause ("Change: Screening questions completed; DPIA confirmed as
    mandatory"): no clause holds both the deed and the question's subject, and a clause with the
    deed names another thing before it. A bare status ("Status: Completed") names nothing else.
    Only a question that asks about the deed itself ("Has ... been ...?"), not one that lists
    qualities ("confirm that access is granted just-in-time, approved and logged")."""
    if not _ASKS_DEED.match(question) or asked_state(question) != "done":
        return False
    asked = set(lexicon.terms(question))
    deeds = asked & DONE_VERBS
    subject = matched - deeds - lexicon.GENERIC - lexicon.COMMON_TERMS - {STATUS_TERM}
    if not deeds or not subject:
        return False
    other = False
    for clause in clauses(sentence):
        words = lexicon.terms(clause, broader=True)
        at = next((i for i, w in enumerate(words) if w in deeds), None)
        if at is None:
            continue
        if subject & set(words):
            return False
        vague = asked | lexicon.GENERIC | lexicon.COMMON_TERMS
        other = other or any(w not in vague for w in words[:at])
    return other
