"""Whether a clause affirms or denies what a question asks, read from the scope of its negations.

A negation denies only what its clause says. "No health or biometric data is collected" denies
collecting *those* data, not personal data in general; "No customer number is sent as a field,
but free text can contain personal data" denies sending one field, and its other clause affirms.
So a negation counts only when its clause holds the question's predicate and subject
(approximated by two matched terms) and names neither only through a narrower word; otherwise
the denial is *narrower* than the question and the engine abstains rather than answer No.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assessments.suggestions import lexicon

Reading = Literal["affirmed", "denied", "narrower"]

_NEGATION = re.compile(
    r"\b(?:no|none|neither|without|nothing|nobody|nor|\w+n't|cannot|can\s+not|never"
    r"|(?:(?:does|do|did|will|is|are|was|were|has|have|can|could|would|should|must|shall)\s+)?not)\b",
    re.I,
)
_NOT_NEGATIONS = re.compile(
    r"\bno (?:later|more|less|fewer|longer than|sooner)\b|\bnot only\b|\bnot just\b|\bnone other\b"
    r"|\bnot (?:less|more|fewer) than\b|\bif not\b|\bor not\b|\bwhether or not\b",
    re.I,
)


@dataclass(frozen=True)
class Polarity:
    reading: Reading
    cue: str | None = None  # the negation that decided a denial


def has_negation(text: str) -> bool:
    cleaned = _NOT_NEGATIONS.sub(" ", text.replace("’", "'"))
    return bool(_NEGATION.search(cleaned))


def read_polarity(clause: str, matched: frozenset[str], narrow: frozenset[str] = frozenset()) -> Polarity:
    """How ``clause`` answers a question whose terms it matched as ``matched``.

    ``narrow`` holds the matched terms the clause only implies through a narrower word ("health"
    for personal data): a denial of those is a denial of the narrower thing.
    """
    cleaned = _NOT_NEGATIONS.sub(lambda m: " " * len(m.group(0)), clause.replace("’", "'"))
    cues = [m.group(0) for m in _NEGATION.finditer(cleaned)]
    # "neither A nor B", "not X nor Y" deny once.
    if len(cues) > 1 and any(cue.lower() == "nor" for cue in cues):
        cues = [cue for cue in cues if cue.lower() != "nor"]
    if len(cues) % 2 == 0:
        return Polarity("affirmed")  # none, or a double negation ("cannot work without")
    governed = set(lexicon.terms(cleaned, broader=True)) & matched
    # A denial bears on the question when it governs its predicate and its subject, approximated
    # by two of the matched terms ("payment card data: not collected" denies only collecting).
    if len(governed) < min(2, len(matched)) or governed & narrow:
        return Polarity("narrower", cues[0])
    return Polarity("denied", cues[0])
