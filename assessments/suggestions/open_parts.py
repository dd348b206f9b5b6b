"""Parts of a Yes/No question the documents leave open or deny besides the sentence answering it.

The answering sentence may be right about what it says and still not settle the question:
another sentence about the question says a part of it is still open ("whether fatigue alerts
are health data is under review" beside "no special category data is processed"), the
sentence covering the question best says so itself ("No data leaves the UK (but see section
9)"), or a part the question adds with ", including X" is denied or only partly met elsewhere
("SSO, including automated de-provisioning (SCIM)" beside "SCIM | Partially").

The functions take the scored sentences of ``extractive`` (``coverage``, ``matched``,
``candidate.text``) and the answer's first citation, so they read no scoring of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from assessments.suggestions import lexicon
from assessments.suggestions.evidence import YesNoReading
from assessments.suggestions.modality import asked_state, open_matter
from assessments.suggestions.question_terms import Group

# ", including X" at the end of a question asks for X as well ("SSO, including SCIM"); in
# brackets or after "such as" it gives examples.
_INCLUDING = re.compile(r",\s*including\b", re.I)
_INCLUDED_FLOOR = 0.2  # a sentence speaking of the included part covers little else of the question
# Readings (evidence/vetting ``why``) of a part only partly met or not yet so.
_UNFINISHED = (
    "its reply is qualified",
    "the document's own question has a qualified reply",
    "it is in progress, not yet so",
)


def _cited(scored: Sequence[Any], passage: str) -> frozenset[str]:
    """The question terms the sentence quoted as ``passage`` matches."""
    sentence = next((s for s in scored if s.candidate.text == passage), None)
    return sentence.matched if sentence else frozenset()


def inclusion_denied(
    question: str,
    scored: Sequence[Any],
    groups: list[Group],
    affirming: str,
    read: Callable[[Any], YesNoReading],
) -> bool:
    """Whether the documents deny or qualify what ``question`` asks for with ", including X":
    an X naming nothing else of the question is a further part of what is asked, not an
    example, so a Yes (quoting ``affirming``) to the rest is no Yes. ``read`` reads a sentence
    for the question."""
    if not _INCLUDING.search(question):
        return False
    included = {t for g in groups for a in g.alternatives if a.example for t in a.terms}
    rest = {t for g in groups for a in g.alternatives if not a.example for t in a.terms}
    if included & rest - lexicon.GENERIC:
        # "AI, including AI features in a vendor's product", "outputs, including AI outputs": a
        # kind of what is asked, which widens the question rather than adding to it.
        return False
    covered = _cited(scored, affirming)
    for s in scored:
        if s.coverage < _INCLUDED_FLOOR or not (included & s.matched) - covered:
            continue
        reading = read(s)
        if reading.answer == "No" or reading.why in _UNFINISHED:
            return True
    return False


def open_at_top(scored: Sequence[Any], threshold: float, margin: float) -> bool:
    """Whether a sentence covering the question about as well as the best one (within
    ``margin``, above ``threshold``) says the matter is open."""
    best = scored[0].coverage
    return any(open_matter(s.candidate.text) for s in scored if s.coverage >= max(threshold, best - margin))


def left_open(
    question: str, scored: Sequence[Any], threshold: float, margin: float, denying: str, score: float
) -> bool:
    """Whether a sentence about the question says a part of it is still open ("under review")
    that the sentence answering No (quoted as ``denying``, covering ``score``) does not itself
    cover, or says so covering nearly as much. A question about a deed done is answered No by its
    being open, so it is never left open by one."""
    if asked_state(question) == "done":
        return False
    covered = _cited(scored, denying)
    return any(
        open_matter(s.candidate.text) and (s.matched - covered or s.coverage >= score - margin)
        for s in scored
        if s.coverage >= threshold
    )
