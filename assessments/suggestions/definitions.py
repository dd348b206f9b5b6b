"""What the documents say their system is: "Sable is a software-as-a-service product supplied by
Corvane Analytics Ltd", "RouteWise, a fleet operations platform supplied as a subscription
service by ...".

Such a sentence seldom repeats a question's words, yet it answers questions about the system as
a whole: a single choice ("What kind of change is this?" -> "New SaaS or cloud product", "Where
will the system be hosted?" -> "Vendor-hosted SaaS") and a Yes/No question every word of which it
names or implies ("Will software be licensed from a third party?": software as a service is
licensed, by subscription, from its supplier). The definition read is of the system the passages
are about: the defined name they mention most ("Genesys Cloud CX is a contact-centre platform"
defines a neighbour, not the change). It must be settled and undenied. Anything read this way is
"low" confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assessments.suggestions import lexicon
from assessments.suggestions.option_meaning import (
    UNSETTLED,
    implied_by,
    namable_options,
    named_terms,
    the_one_named,
)
from assessments.suggestions.polarity import has_negation
from assessments.suggestions.question_terms import Group

_DEFINES = re.compile(
    r"^(?:The )?(?P<name>[A-Z][\w-]*(?: [A-Z0-9][\w.-]*){0,2})(?: is| will be|,) (?:a|an|the|our) "
    r"(?P<what>[^.;:()]{3,160})"
)
# "(A) Meridian provides a software-as-a-service housing operations platform known as Abode360."
_NAMES = re.compile(
    r"\b(?:provides?|supplies|offers|licenses?|sells?|delivers?)\s+(?:a|an|the|its)\s+(?P<what>[^.;:()]{3,160}?)"
    r"\s+(?:known as|called|named|branded(?: as)?)\s+(?:the\s+)?[\"“']?(?P<name>[A-Z][\w-]*(?: [A-Z0-9][\w.-]*){0,2})"
)
# An apposition inside a sentence: "... replacing TrakServe 4 with RouteWise Fleet, a SaaS platform
# provided by Tavistock ...". The name follows "with", "of" or "is"-less introductions.
_APPOSITION = re.compile(
    r"\b(?:with|using|adopting|introducing|buying|procuring|of)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w-]*(?: [A-Z0-9][\w.-]*){0,2}), (?:a|an) (?P<what>[^.;:()]{3,160})"
)
# A contract's key-details row: "Service | StudentCompass student-support platform, provided as
# software-as-a-service (see clause 3)".
_ROW_DEFINES = re.compile(
    r"^(?:(?:The )?(?:Service|System|Product|Solution|Platform)s?(?: name)?)\s*(?:\||:)\s*"
    r"(?P<name>[A-Z][\w-]*(?: [A-Z0-9][\w.-]*){0,2})(?:,| -| –)? (?:(?:a|an|the) )?(?P<what>[^.;:()|]{3,160})"
)
_SYSTEM_NOUN = re.compile(
    r"\b(?:platform|product|service|system|solution|application|app|tool|suite|software|workspace|portal)s?\b",
    re.I,
)


def system_definitions(scored: Sequence[Any]) -> list[tuple[set[str], Any]]:
    """(the terms a definition names or implies, its sentence) for each settled, undenied
    definition of the system the passages are about, best covering first."""
    found = []
    for s in scored:
        text = s.candidate.text.strip()
        match = (
            _DEFINES.match(text)
            or _NAMES.search(text)
            or _ROW_DEFINES.match(text)
            or _APPOSITION.search(text)
        )
        # Only what is said to be a system counts ("Brightwater is the controller" is not one).
        if match and match["name"].lower() not in lexicon.STOP_WORDS and _SYSTEM_NOUN.search(match["what"]):
            found.append((match["name"], match["what"], s))
    if not found:
        return []
    text = " ".join(s.candidate.text for s in scored)
    subject = max({name for name, _, _ in found}, key=lambda n: len(re.findall(rf"\b{re.escape(n)}\b", text)))
    return [
        (set(lexicon.terms(what, broader=True)) | implied_by(what), s)
        for name, what, s in found
        if name == subject
        and _SYSTEM_NOUN.search(what)
        and not has_negation(what)
        and not UNSETTLED.search(what)
    ]


def defined_option(
    question_terms: set[str], options: Sequence[str], scored: Sequence[Any]
) -> tuple[str, Any] | None:
    """The one option the system's definition names, when it names (or implies) every one of the
    question's own words ``question_terms``: a question about one part of the system asks more
    than what the system is. Options are counted as ``option_meaning.implied_option`` counts them."""
    candidates = namable_options(options)
    named: dict[str, tuple[set[str], Any]] = {}
    for terms, s in system_definitions(scored):
        if not question_terms <= terms:
            continue
        for option, groups in candidates:
            if groups and option not in named and (words := named_terms(groups, terms)) is not None:
                named[option] = (words, s)
    return the_one_named(named)


def defined_yes(groups: Sequence[Group], scored: Sequence[Any]) -> Any | None:
    """The definition that names (or implies) every group of a Yes/No question, other than
    groups of generic words only ("the change", "the system"); None when none does."""
    vague = lexicon.GENERIC | lexicon.COMMON_TERMS
    asked = [g for g in groups if not all(set(a.terms) <= vague for a in g.alternatives)]
    if not asked:
        return None
    for terms, s in system_definitions(scored):
        if all(any(not a.example and set(a.terms) <= terms for a in g.alternatives) for g in asked):
            return s
    return None
