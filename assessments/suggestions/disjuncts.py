"""A question that joins two whole questions with "or" ("Will our staff log in to the vendor's
platform, or will vendor staff have any access to our systems?"), split into its parts.

Word-level alternatives ("store or process") are the question's term groups (question_terms);
here only a clause after ", or" that restates the question counts: one led by an auxiliary
("..., or is the arrangement ...") or an infinitive that shares the head ("a right to audit
the vendor, or to receive audit reports"). A Yes to either part is a Yes to the whole, and only
a No to every part is a No. A list of nouns ("licensed software, open-source components, or
code") is not split: without parts of speech its head cannot be found.
"""

from __future__ import annotations

import re

_AUXILIARY = r"(?:will|would|is|are|was|were|does|do|did|has|have|had|can|could|should|may|might|must)"
_CLAUSE_OR = re.compile(rf",\s+or\s+(?={_AUXILIARY}\b)", re.I)
_INFINITIVE_OR = re.compile(r",\s+or\s+(?=to\s+\w)", re.I)
_HEAD_TO = re.compile(r"^(.*\s)to\s+\w", re.I | re.S)


def question_disjuncts(question: str) -> list[str]:
    """The whole questions ``question`` joins with ", or", each a question of its own; the
    question alone when it joins none."""
    text = question.strip()
    end = "?" if text.endswith("?") else ""
    body = text[:-1] if end else text
    parts = _CLAUSE_OR.split(body)
    if len(parts) > 1:
        return [_sentence(part, end) for part in parts]
    pieces = _INFINITIVE_OR.split(body)
    if len(pieces) == 2 and (head := _HEAD_TO.match(pieces[0])):
        return [_sentence(pieces[0], end), _sentence(head.group(1) + pieces[1], end)]
    return [text]


def _sentence(part: str, end: str) -> str:
    part = part.strip()
    return part[:1].upper() + part[1:] + end
