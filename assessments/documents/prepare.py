"""Everything CPU-bound about one document, as one pure step: extract → chunk → summarise.

Runs in a child process (``assessments.documents.isolation``) so a document that is slow or
greedy costs only itself. Nothing here touches Django, the table or the network: the limits
come in as arguments and the result goes back whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.documents.chunking import chunk
from assessments.documents.extract import ExtractedText, ExtractLimits, extract
from assessments.documents.summary import summarise_extractive
from integrations.kb.contract import Chunk


@dataclass(frozen=True)
class Prepared:
    extracted: ExtractedText
    chunks: tuple[Chunk, ...]
    extractive_summary: str  # the summary without an LLM, and the fallback when one fails


def prepare(
    data: bytes, kind: str, *, document_id: str, document_name: str, limits: ExtractLimits | None = None
) -> Prepared:
    """Raise ``ExtractionFailed`` (``TooLarge`` when over a limit) when the text cannot be had."""
    extracted = extract(data, kind, limits)
    chunks = chunk(document_id, document_name, extracted.blocks)
    return Prepared(
        extracted=extracted, chunks=tuple(chunks), extractive_summary=summarise_extractive(extracted)
    )
