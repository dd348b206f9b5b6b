"""Deeds the documents show done by being there: a questionnaire answered (the vendor's
response is among them), a contract signed (its signature block, or a sentence saying so).

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
        if _settled_deed(text, text[: named.end()]):
            return s
    return None


_ASKS_SIGNED = re.compile(r"\b(?:contract|agreement|order form)\b.*\bsign(?:ed)?\b", re.I)
# "signed on 18 December 2026", "was signed yesterday", "Date of last signature", "Signature |
# [signed electronically]", "Effective Date | 19 October 2026 (date of last signature)".
_SIGNED = re.compile(
    r"\b(?:was|were|been|is|are|has|have|had)\s+(?:\w+\s+)?signed\b(?!\s+off)|\bsigned\s+(?:on|electronically|by both)\b"
    r"|\[signed[^]]*\]|\bdate of (?:last )?signature\b",
    re.I,
)
_PENDING = re.compile(
    r"\b(?:pending|awaiting|before|prior to|until|not yet|unsigned|once|when|upon|on) signature\b", re.I
)
_CONTRACT = re.compile(r"\b(?:contract|agreement|order form|schedule|signature|signatory|parties)\b", re.I)


def contract_signed(question: str, scored: Sequence[Any]) -> Any | None:
    """For "Will a written contract be signed before go-live?" (or "Has ... been signed?"), the
    first sentence among ``scored`` saying a contract was signed: a deed done is done before any
    later milestone. None when none does or the question asks something else."""
    if not _ASKS_SIGNED.search(question):
        return None
    for s in scored:
        text = s.candidate.text
        if not _SIGNED.search(text) or _PENDING.search(text) or text.rstrip().endswith("?"):
            continue
        if not (_CONTRACT.search(text) or _CONTRACT.search(s.candidate.passage.document_name)):
            continue  # "a certificate signed by a director" is no contract
        if _settled_deed(text, text):
            return s
    return None


def _settled_deed(text: str, stating: str) -> bool:
    """Whether ``text`` states its deed as done: no denial in ``stating`` (the part of it naming
    the deed), no open action, plan or condition ("will send its response", "Action: reissue
    the questionnaire response")."""
    return not (
        has_negation(stating) or unsettled_sentence(text) or modality(text) in ("conditional", "planned")
    )
