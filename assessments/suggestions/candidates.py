"""The candidate statements the extractive engine reads: each sentence of the retrieved passages,
with the terms it states, those it implies and those of the section heading it sits under.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from assessments.documents.chunking import sentence_spans
from assessments.suggestions import lexicon
from assessments.suggestions.aliases import vendor_aliases
from assessments.suggestions.evidence import replied
from assessments.suggestions.modality import STATUS_TERM, states_status
from integrations.kb.contract import Passage

_SHORT_LINE = 60  # a table cell or label on its own line, read together with the next line


@dataclass(frozen=True)
class Candidate:
    text: str
    passage: Passage
    rank: int
    terms: frozenset[str]  # with the broader terms the text implies
    direct: frozenset[str]  # only the terms it states
    # Terms of the section heading it sits under, not in the text itself: what it is about.
    context: frozenset[str] = frozenset()


def candidates(passages: Sequence[Passage]) -> list[Candidate]:
    """Each sentence of ``passages`` once, with a short label read with its next line and a
    document's own question read with its reply, and the terms each states and implies."""
    aliases = vendor_aliases(passages)
    candidates: dict[str, Candidate] = {}
    for rank, passage in enumerate(passages):
        spans = sentence_spans(passage.text)
        for index, (start, end) in enumerate(spans):
            texts = [passage.text[start:end]]
            # A label alone on its line (a flattened table cell) reads with the next line.
            following = spans[index + 1] if index + 1 < len(spans) else None
            if (
                following
                and end - start < _SHORT_LINE
                and passage.text[end - 1] not in ".!?"
                and "\n" in passage.text[end : following[0]]
            ):
                texts.append(passage.text[start : following[1]])
            # A question in the document answered on the next line ("Is data encrypted at
            # rest?" / "Yes. AES-256.") reads as one statement: the question and its answer.
            if (
                following
                and passage.text[start:end].rstrip().endswith("?")
                and replied(passage.text[following[0] : following[1]])
            ):
                texts.append(passage.text[start : following[1]])
            for text in texts:
                if text in candidates:
                    continue  # overlapping chunks repeat sentences; cite the best-ranked copy
                found = set(lexicon.terms(text, broader=True))
                direct = set(lexicon.terms(text))
                if aliases and aliases.search(text):
                    found.add("vendor")
                    direct.add("vendor")
                if states_status(text):
                    found.add(STATUS_TERM)
                    direct.add(STATUS_TERM)
                context = frozenset(_section_terms(passage) - found)
                candidates[text] = Candidate(
                    text, passage, rank, frozenset(found), frozenset(direct), context
                )
    return list(candidates.values())


def _section_terms(passage: Passage) -> set[str]:
    return set(lexicon.terms(passage.section or "", broader=True))


def stating(candidate: Candidate, terms: frozenset[str]) -> Candidate:
    """``candidate`` as if it also stated ``terms`` (what a name or a place in it answers)."""
    return dataclasses.replace(candidate, terms=candidate.terms | terms, direct=candidate.direct | terms)
