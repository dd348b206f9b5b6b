"""Chunks: verbatim slices of one block each, sentence-aligned, overlapping, covering all text."""

from __future__ import annotations

import functools
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.documents.chunking import chunk, sentence_spans
from assessments.documents.extract import Block

_words = st.text(alphabet=string.ascii_letters + "0123456789-'", min_size=1, max_size=14)
_sentence = st.builds(
    lambda words, end: " ".join(words).capitalize() + end,
    st.lists(_words, min_size=1, max_size=30),
    st.sampled_from([".", "!", "?", "", ":", "."]),
)
_paragraph = st.builds(" ".join, st.lists(_sentence, min_size=1, max_size=8))
_block_text = st.builds("\n".join, st.lists(_paragraph, min_size=1, max_size=5))
# Unbroken runs longer than any chunk must still be cut.
_long_word = st.text(alphabet=string.ascii_lowercase, min_size=300, max_size=1200)


@st.composite
def _blocks(draw: st.DrawFn) -> list[Block]:
    count = draw(st.integers(min_value=1, max_value=6))
    texts = [draw(st.one_of(_block_text, _long_word, st.just("   \n  "))) for _ in range(count)]
    pages = draw(st.lists(st.one_of(st.none(), st.integers(1, 9)), min_size=count, max_size=count))
    # A distinct section per block tells which block a chunk came from.
    return [Block(text=t, page=p, section=f"S{i}") for i, (t, p) in enumerate(zip(texts, pages, strict=True))]


def _covered(text: str, pieces: list[str], overlap: int) -> set[int]:
    """Positions of ``text`` the pieces cover, placing each in order: no further back than the
    overlap allows, leaving no text between it and the previous one and, for the last, after it.
    Repeated text ("0. 0. 0.") can fit in several places; the search finds one where all fit."""

    def following(end: int) -> int:
        while end < len(text) and text[end].isspace():
            end += 1
        return end

    @functools.cache
    def place(index: int, start: int, end: int) -> tuple[int, ...] | None:
        if index == len(pieces):
            return () if following(end) == len(text) or not pieces else None
        piece = pieces[index]
        position = text.find(piece, start)
        while position != -1 and position <= following(end):
            rest = place(index + 1, max(position + 1, position + len(piece) - overlap), position + len(piece))
            if rest is not None:
                return (position, *rest)
            position = text.find(piece, position + 1)
        return None

    placed = place(0, 0, 0)
    assert placed is not None, f"{pieces!r} are not verbatim slices of their block, in order, covering it"
    return {
        i
        for position, piece in zip(placed, pieces, strict=True)
        for i in range(position, position + len(piece))
    }


@settings(max_examples=150, deadline=None)
@given(blocks=_blocks(), target=st.integers(60, 1200), overlap_share=st.floats(0, 0.5))
def test_it_cuts_verbatim_in_order_without_straddling_and_covers_everything(
    blocks: list[Block], target: int, overlap_share: float
) -> None:
    overlap = int(target * overlap_share)
    chunks = chunk("doc-1", "brief.docx", blocks, target_chars=target, overlap_chars=overlap)

    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert all(c.document_id == "doc-1" and c.document_name == "brief.docx" for c in chunks)
    sections = [c.section for c in chunks]
    assert sections == sorted(sections, key=lambda s: int(s[1:]))  # document order
    for block in blocks:
        mine = [c for c in chunks if c.section == block.section]
        assert all(c.page == block.page for c in mine)  # never straddles a page or section
        assert all(0 < len(c.text) <= target and c.text == c.text.strip() for c in mine)
        covered = _covered(block.text, [c.text for c in mine], overlap)
        assert all(block.text[i].isspace() for i in range(len(block.text)) if i not in covered)


def test_it_ends_chunks_on_sentence_boundaries_and_overlaps_by_whole_sentences() -> None:
    sentences = [
        f"Sentence number {n} talks about the vendor and its hosting in some detail." for n in range(12)
    ]
    block = Block(text=" ".join(sentences), page=2, section="Hosting")
    chunks = chunk("d", "brief.pdf", [block], target_chars=300, overlap_chars=100)
    assert len(chunks) > 2
    for chunk_ in chunks:
        assert chunk_.text.endswith(".") and chunk_.text.startswith("Sentence number")
    for previous, following in zip(chunks, chunks[1:], strict=False):
        last_sentence = previous.text.rsplit(". ", 1)[-1]
        assert following.text.startswith(last_sentence)


def test_it_keeps_a_short_block_whole() -> None:
    block = Block(text="The vendor will not use our data to train its models.", section="AI")
    [only] = chunk("d", "brief.docx", [block])
    assert (only.text, only.section, only.page, only.ordinal) == (block.text, "AI", None, 0)


def test_it_splits_sentences_but_not_abbreviations_or_numbered_headings() -> None:
    text = "2. Hosting\nThe vendor, e.g. Brightdesk, uses TLS 1.2 today. Dr. Smith agrees! Is it No. 5? Yes."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "2. Hosting",
        "The vendor, e.g. Brightdesk, uses TLS 1.2 today.",
        "Dr. Smith agrees!",
        "Is it No. 5?",
        "Yes.",
    ]


def test_a_price_excluding_vat_stays_one_sentence() -> None:
    # "(excl. VAT)" in a fee row: splitting there leaves the fee's name and its licences apart.
    text = "Subscription Fees: £120,000 per year (excl. VAT), up to 500 licences. Fees rise yearly."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Subscription Fees: £120,000 per year (excl. VAT), up to 500 licences.",
        "Fees rise yearly.",
    ]
