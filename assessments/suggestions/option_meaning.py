"""A single choice whose option is named by what the evidence implies, not by its words.

"Public cloud - Microsoft Azure" is what "hosted in Microsoft Azure" means: a public cloud
provider's name implies "public cloud". Such a sentence rarely repeats the question, so it
covers little of it; this reading takes sentences covering part of the question, when:

- one undenied, settled clause names every group of the option, by its words (with the
  lexicon's broader concepts) or by what a word there implies (``_IMPLIES``: general technology
  vocabulary, true of any organisation's documents);
- that clause also holds a word of the question other than the option's own (it is about the
  question, not a passing mention);
- the option's own words count, not a bracketed gloss (the gloss lists examples, the words
  say whose or which kind);
- only one option is named so, or one whose named words hold every other's ("Hybrid (cloud and
  vendor data centre)" is named by "cloud" alone, the Azure option by all of its words).

Catch-alls ("Other ...", "None", "Not known") are never named this way. It is "low" confidence.

What the documents say their system is answers too (``definitions``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assessments.suggestions import lexicon
from assessments.suggestions.evidence import clauses
from assessments.suggestions.polarity import has_negation
from assessments.suggestions.question_terms import Group
from assessments.suggestions.typed_choices import option_groups

# A sentence must cover this much of the question to be read for what it implies.
PARTIAL_FLOOR = 0.15
# Evidence wording -> the words it implies (general vocabulary, any organisation's documents).
_IMPLIES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(evidence), frozenset(lexicon.terms(implied, broader=True)))
    for evidence, implied in (
        # A public cloud provider's name, short or long, is a public cloud.
        (r"\b(?:Amazon Web Services|AWS)\b", "public cloud Amazon Web Services"),
        (r"\b(?:Microsoft )?Azure\b", "public cloud Microsoft Azure"),
        (r"\b(?:Google Cloud(?: Platform)?|GCP)\b", "public cloud Google Cloud Platform"),
        (r"\b(?:Oracle Cloud(?: Infrastructure)?|OCI|IBM Cloud|Alibaba Cloud)\b", "public cloud"),
        # Software as a service is, by definition, cloud software its provider hosts and
        # licenses by subscription.
        (r"\b(?:SaaS|[Ss]oftware[- ]as[- ]a[- ][Ss]ervice)\b", "cloud hosted subscription licence"),
    )
)
UNSETTLED = re.compile(
    r"\b(?:planned|expected|not yet|awaiting|roadmap|proposed|may|might|could|would|if)\b", re.I
)
_GLOSS = re.compile(r"\s*\([^)]*\)")
_CATCH_ALL = ("other", "none", "not ", "no ", "unknown", "combination")


def implied_by(clause: str) -> set[str]:
    return {t for pattern, terms in _IMPLIES if pattern.search(clause) for t in terms}


def named_terms(groups: list[Group], terms: set[str]) -> set[str] | None:
    """The option's terms ``terms`` names, when it names every group; else None."""
    named: set[str] = set()
    for group in groups:
        alternative = next((a for a in group.alternatives if all(t in terms for t in a.terms)), None)
        if alternative is None:
            return None
        named.update(alternative.terms)
    return named


def implied_option(
    question_terms: set[str], options: Sequence[str], scored: Sequence[Any]
) -> tuple[str, Any] | None:
    """The one option a partly covering sentence names by its words and what they imply (see
    the module docstring), with that sentence; None when none is, or several are."""
    named: dict[str, tuple[set[str], Any]] = {}
    candidates = namable_options(options)
    for s in scored:
        if s.coverage < PARTIAL_FLOOR:
            break  # ``scored`` is sorted by coverage
        for clause in clauses(s.candidate.text):
            if has_negation(clause) or UNSETTLED.search(clause) or clause.rstrip().endswith("?"):
                continue
            implied = implied_by(clause)
            if not implied:
                continue  # words alone were read by the usual paths
            terms = set(lexicon.terms(clause, broader=True))
            for option, groups in candidates:
                if not groups or option in named:
                    continue
                own = {t for g in groups for a in g.alternatives for t in a.terms}
                words = named_terms(groups, terms | implied)
                if words is not None and (terms & question_terms) - own:
                    named[option] = (words, s)
    return the_one_named(named)


def namable_options(options: Sequence[str]) -> list[tuple[str, list[Group]]]:
    """Each option that can be named by what evidence says, with its groups: no catch-all, and
    its own words only, not a bracketed gloss ("Our cloud tenancy (AWS, Azure or GCP)" is whose
    tenancy, which "hosted in Azure" does not say)."""
    return [(o, option_groups(_GLOSS.sub("", o))) for o in options if not o.lower().startswith(_CATCH_ALL)]


def the_one_named(named: dict[str, tuple[set[str], Any]]) -> tuple[str, Any] | None:
    """Of the options named (each with the words that named it and its sentence), the one left
    when an option named by a subset of another's words is dropped as the less specific reading;
    None when none or several are left."""
    kept = [
        o
        for o, (words, _) in named.items()
        if not any(other != o and words < other_words for other, (other_words, _) in named.items())
    ]
    if len(kept) != 1:
        return None
    return kept[0], named[kept[0]][1]
