"""A right to opt out, granted by a promise that the thing does not happen at all.

"Has the provider confirmed in writing that we can opt out of training on our data?" is
answered by a contract that says "Supplier shall not use Customer Data to train any model,
unless Customer opts in in writing": no training without our consent is more than an opt-out,
and a contract is writing. The sentence must deny the very thing the question asks to opt out
of (its terms, "train"), name the data it is about, and be a contract's commitment ("shall
not"), not a proposal or an open action; one that speaks of opting out itself is read the
usual way ("Customers cannot opt out of training" is a No). A contract's promise is read over a
vendor reply saying the thing happens "partially" (the tuning gold held the contract to prevail
four times in five). "Low" confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assessments.suggestions import lexicon
from assessments.suggestions.modality import unsettled_sentence

_OPT_OUT = re.compile(r"\bopt(?:[- ]?out| out) (?:of|from) (?P<what>[^?,;]+)", re.I)
_SPEAKS_OF_OPTING_OUT = re.compile(r"\bopt(?:s|ed|ing)?[- ]?out\b", re.I)
# A promise is a contract's obligation: "shall not", "neither ... nor ... shall". A statement of
# what is so ("your data is not used to train", "will not be used" in a design) promises nothing
# in writing.
_COMMITS_NOT = re.compile(r"\bshall\s+(?:not|never)\b|\bneither\b.*\bnor\b.*\bshall\b", re.I)
_WHAT_STOP = frozenset({"our", "data", "the", "of", "on", "use"})


def opt_out_granted(question: str, scored: Sequence[Any]) -> Any | None:
    """The first sentence among ``scored`` promising that what ``question`` asks to opt out of
    does not happen (see the module docstring), or None."""
    asked = _OPT_OUT.search(question)
    if not asked:
        return None
    what = {t for t in lexicon.terms(asked.group("what")) if t not in _WHAT_STOP}
    data = set(lexicon.terms("data"))
    if not what:
        return None
    for s in scored:
        text = s.candidate.text
        if text.rstrip().endswith("?") or _SPEAKS_OF_OPTING_OUT.search(text):
            continue
        terms = set(lexicon.terms(text))
        if not what <= terms or not data & terms or not _COMMITS_NOT.search(text):
            continue
        # A promise is put as an obligation ("shall not") and its exception as a condition
        # ("unless Customer opts in"): only a proposal or an open action is no promise.
        if unsettled_sentence(text):
            continue
        return s
    return None
