"""How much of a question a sentence speaks to, beyond the share of its words it covers.

A Yes to a narrower thing is a Yes to the broader one, but a No is not: "no biometric data is
collected" says nothing of personal data as a whole, "the service does not make automated
decisions" nothing of decisions it influences. And a question asked under a condition ("If the
model becomes unavailable, does the service degrade gracefully?") is answered by what it asks,
not by a sentence naming only the condition. These readings decide whether a matched sentence
may answer, or how surely; the matching itself is ``extractive``'s.
"""

from __future__ import annotations

import re

from assessments.suggestions import lexicon
from assessments.suggestions.candidates import Candidate
from assessments.suggestions.question_terms import Group


def implied_only(
    candidate: Candidate, narrow: frozenset[str], groups: list[Group], asked: frozenset[str]
) -> bool:
    """Whether some group ``candidate`` matches is matched only through a narrower word (its
    ``narrow`` terms: "biometric" for "personal data") that the question itself does not use
    ("breach" implies "incident", but a question about a "breach or security incident" names it;
    ``asked`` is the question's terms)."""
    if not narrow:
        return False
    sources = lexicon.implying_terms(candidate.text)
    for group in groups:
        terms = {t for a in group.alternatives if not a.example for t in a.terms}
        implied = terms & narrow
        if not implied or any(all(t in candidate.direct for t in a.terms) for a in group.alternatives):
            continue
        if not all(sources.get(t, frozenset()) & asked for t in implied):
            return True
    return False


# A question under a condition: "If the AI model becomes unavailable, does the service ...?"
_CONDITIONED_QUESTION = re.compile(r"^\s*(?:if|where|when|should)\b[^,?]*,\s*(?P<main>.+)$", re.I | re.S)


def main_clause_unread(question: str, candidate: Candidate, groups: list[Group]) -> bool:
    """Whether ``question`` asks under a condition and ``candidate`` names none of the specific
    words of what it asks under it (only the condition's, or the main clause's examples)."""
    conditioned = _CONDITIONED_QUESTION.match(question)
    if not conditioned:
        return False
    # Its own words: not those of the condition, nor of the examples it gives in brackets.
    condition = set(lexicon.terms(question[: conditioned.start("main")]))
    main = set(lexicon.terms(re.sub(r"\([^)]*\)", " ", conditioned.group("main")))) - condition
    vague = lexicon.GENERIC | lexicon.COMMON_TERMS
    asked = [
        a
        for g in groups
        for a in g.alternatives
        if not a.example and set(a.terms) <= main and not set(a.terms) <= vague
    ]
    return bool(asked) and not any(all(t in candidate.terms for t in a.terms) for a in asked)


def denies_one_alternative(candidate: Candidate, groups: list[Group]) -> bool:
    """Whether ``candidate`` names some of a group's alternatives ("make") but not all of them
    ("make or influence"): a denial there leaves the others open."""
    for group in groups:
        mains = [a for a in group.alternatives if not a.example]
        if len(mains) < 2:
            continue
        named = [all(t in candidate.terms for t in a.terms) for a in mains]
        if any(named) and not all(named):
            return True
    return False
