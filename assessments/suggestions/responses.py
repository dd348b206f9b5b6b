"""A questionnaire answered: the documents hold the vendor's response to it.

"Has the vendor completed our security questionnaire?" is seldom answered in words; the
response itself is among the documents ("Response to Kestrel Mutual Third-Party Security
Questionnaire", "Response version 1.1, 2 November 2026", "the questionnaire response (SUP-02)
said ..."). A sentence that names a response to a questionnaire, settled and undenied, says the
deed was done: "low" confidence, for a questionnaire may have been answered in part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assessments.suggestions.modality import asked_state, modality, unsettled_sentence
from assessments.suggestions.polarity import has_negation

_ASKS_COMPLETED = re.compile(
    r"\b(?:complet\w*|return\w*|answer\w*|respond\w*|submit\w*|fill\w* in)\b.*\bquestionnaires?\b", re.I
)
# A response named as such: "Response to ... Questionnaire", "Questionnaire - Supplier Response",
# "questionnaire response", "Response version 1.1", "pleased to respond to ... questionnaire".
_RESPONSE = re.compile(
    r"\bresponse to\b.*\bquestionnaire\b|\bquestionnaire\b\W+(?:\w+\W+){0,2}response\b"
    r"|\bresponse version\b|\b(?:pleased|opportunity) to respond\b.*\bquestionnaire\b",
    re.I,
)


def questionnaire_answered(question: str, scored: Sequence[Any]) -> Any | None:
    """For a question whether a questionnaire was completed, the first sentence among ``scored``
    naming a response to one; None when none does or the question asks something else."""
    if asked_state(question) != "done" or not _ASKS_COMPLETED.search(question):
        return None
    for s in scored:
        text = s.candidate.text
        named = _RESPONSE.search(text)
        if not named or text.rstrip().endswith("?"):
            continue
        # What the response says may be a denial ("the questionnaire response said no support
        # is offshore"); only a denial of the response itself counts.
        if (
            has_negation(text[: named.end()])
            or unsettled_sentence(text)
            or modality(text) in ("conditional", "planned")
        ):
            continue  # "will send its response", "Action: reissue the questionnaire response"
        return s
    return None
