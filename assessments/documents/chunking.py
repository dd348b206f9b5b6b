"""Cut extracted blocks into overlapping chunks for the knowledge base.

Every chunk is a slice of one block's text, so whatever a retriever returns can be quoted
verbatim with the block's page and section. Chunks end on sentence boundaries where the
sentences allow it, and consecutive chunks of a block share up to ``overlap_chars`` of whole
sentences so a fact split across a boundary is still found in one piece.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from integrations.kb.contract import Chunk

# Words whose trailing full stop does not end a sentence.
_ABBREVIATION_TEXT = "e.g i.e etc vs cf al approx incl excl exc fig mr mrs ms dr prof st jr sr jan feb mar apr jun jul aug sep sept oct nov dec dept est"
_ABBREVIATIONS = frozenset(_ABBREVIATION_TEXT.split())
# A sentence ends at . ! ? (plus closing quotes or brackets) followed by white space and
# something that can start a sentence.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# "2. Scope" or "10.3. Next steps" at the start of a line: a number label, not a sentence.
_NUMBER_LABEL = re.compile(r"\s*\d{1,3}(?:\.\d{1,3})*")
_DIGIT_FOLLOWS = re.compile(r"\s*\d")
_COMPANY_SUFFIXES = frozenset(["inc", "ltd", "corp", "co", "plc", "llc"])
_BRACKET_FOLLOWS = re.compile(r"\s*\(")
# Longer "words" before a full stop are not abbreviations; bounding the look-back keeps a
# line of millions of letters from being scanned once per full stop.
_MAX_ABBREVIATION = 12


class BlockLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def page(self) -> int | None: ...
    @property
    def section(self) -> str | None: ...


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, trimmed of white space; lines never join."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        start = 0
        for match in _SENTENCE_END.finditer(line):
            if _is_abbreviation(line, match.start()):
                continue
            spans.extend(_trimmed(line, start, match.end(), line_start))
            start = match.end()
        spans.extend(_trimmed(line, start, len(line), line_start))
        line_start += len(line) + 1
    return spans


def chunk(
    document_id: str,
    document_name: str,
    blocks: Iterable[BlockLike],
    *,
    target_chars: int = 900,
    overlap_chars: int = 150,
) -> list[Chunk]:
    """Chunks of at most ``target_chars`` each, numbered in document order from 0."""
    if target_chars < 1:
        raise ValueError("target_chars must be positive")
    if not 0 <= overlap_chars < target_chars:
        raise ValueError("overlap_chars must be at least 0 and below target_chars")
    chunks: list[Chunk] = []
    for block in blocks:
        for start, end in _block_windows(block.text, target_chars, overlap_chars):
            chunks.append(
                Chunk(
                    document_id=document_id,
                    document_name=document_name,
                    ordinal=len(chunks),
                    text=block.text[start:end],
                    page=block.page,
                    section=block.section,
                )
            )
    return chunks


def _block_windows(text: str, target: int, overlap: int) -> list[tuple[int, int]]:
    units = [piece for span in sentence_spans(text) for piece in _fit(text, span, target)]
    windows: list[tuple[int, int]] = []
    first = 0
    while first < len(units):
        last = first
        while last + 1 < len(units) and units[last + 1][1] - units[first][0] <= target:
            last += 1
        windows.append((units[first][0], units[last][1]))
        if last + 1 == len(units):
            break
        # Start the next window with the trailing sentences that fit in the overlap, as long
        # as the window can still take the next new sentence.
        following = last + 1
        while following > first + 1 and (
            units[last][1] - units[following - 1][0] <= overlap
            and units[last + 1][1] - units[following - 1][0] <= target
        ):
            following -= 1
        first = following
    return windows


def _fit(text: str, span: tuple[int, int], target: int) -> list[tuple[int, int]]:
    """Split a sentence longer than ``target`` at white space (or hard, for unbroken text)."""
    start, end = span
    pieces: list[tuple[int, int]] = []
    while end - start > target:
        cut = text.rfind(" ", start + 1, start + target + 1)
        if cut <= start:
            cut = start + target
            pieces.append((start, cut))
        else:
            pieces.append((start, len(text[start:cut].rstrip()) + start))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _trimmed(line: str, start: int, end: int, offset: int) -> list[tuple[int, int]]:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    left = start + (len(piece) - len(piece.lstrip()))
    return [(offset + left, offset + left + len(stripped))]


def _is_abbreviation(line: str, dot: int) -> bool:
    if line[dot] != ".":
        return False
    # Matched in place (pos/endpos), never on a copy of the line up to the full stop: a copy
    # per full stop is what made one long line cost quadratic time.
    if _NUMBER_LABEL.fullmatch(line, 0, dot):
        return True
    word_start = dot
    floor = max(0, dot - _MAX_ABBREVIATION - 1)
    while word_start > floor and (line[word_start - 1].isalpha() or line[word_start - 1] == "."):
        word_start -= 1
    if word_start == floor and floor > 0 and (line[floor - 1].isalpha() or line[floor - 1] == "."):
        return False  # a long word, not an abbreviation
    word = line[word_start:dot].lower()
    if word in ("no", "nos"):
        # "No. 5" abbreviates "number"; "The answer is No. The vendor ..." ends a sentence.
        return _DIGIT_FOLLOWS.match(line, dot + 1) is not None
    if word in _COMPANY_SUFFIXES:
        # "Functional Software Inc. (Sentry) | Service: ...": the bracket goes on the name.
        return _BRACKET_FOLLOWS.match(line, dot + 1) is not None
    # Single letters are initials ("J. Smith") or list labels ("a. First").
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
