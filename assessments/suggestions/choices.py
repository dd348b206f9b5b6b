"""Which of a question's options a sentence names.

An option is named when one clause holds its words (so "customer has ... keys (managed by the
vendor)" does not name "customer-managed keys" across two clauses), and that clause, or the
table row it sits in, does not deny it ("No biometric voice prints are created" names no
biometric data).
"""

from __future__ import annotations

import re

from assessments.suggestions import lexicon
from assessments.suggestions.evidence import clauses
from assessments.suggestions.polarity import has_negation
from assessments.suggestions.question_terms import Group


def _named(group: Group, terms: set[str]) -> bool:
    return any(all(t in terms for t in alternative.terms) for alternative in group.alternatives)


def option_share(groups: list[Group], sentence: str) -> float:
    """The largest share of the option's groups one undenied clause of ``sentence`` names."""
    row_denied = " | " in sentence and has_negation(sentence)
    best = 0.0
    for clause in clauses(sentence):
        if row_denied or has_negation(clause):
            continue
        terms = set(lexicon.terms(clause, broader=True))
        best = max(best, sum(_named(g, terms) for g in groups) / len(groups))
    return best


def named_verbatim(option: str, sentence: str) -> bool:
    """Whether ``sentence`` writes ``option`` (without any bracketed gloss) word for word."""
    core = re.sub(r"\s*\([^)]*\)", "", option).strip()
    wanted = _words(core)
    return bool(wanted.strip()) and wanted in _words(sentence)


def _words(text: str) -> str:
    return " " + re.sub(r"\W+", " ", text).strip().lower() + " "
