"""How much text one document may yield, and the running count that enforces it.

A small upload can unpack into gigabytes (a zip bomb) or into millions of paragraphs, rows or
pages, and everything after extraction (chunking, indexing, summarising) grows with the text.
So extraction counts as it goes and stops at the first limit it passes, with a reason that
tells the requestor what to do. A document over a limit fails rather than being cut short:
suggestions are evidence drawn from the whole document, and a silently truncated one would
make "the document does not say" look true when the answer sat in the dropped part.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

SPLIT_IT = "split it into smaller documents and upload those instead."


class ExtractionFailed(ValueError):
    """The document was accepted but its text could not be read; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TooLarge(ExtractionFailed):
    """The document passed one of the extraction limits."""


@dataclass(frozen=True)
class ExtractLimits:
    """Defaults sized for real briefs: 2 million characters is about a thousand dense pages."""

    max_chars: int = 2_000_000
    max_paragraphs: int = 200_000
    max_cells: int = 500_000
    max_pages: int = 2_000
    # XML that a Word or Excel file unpacks to (media such as images is never read).
    max_unpacked_bytes: int = 64 * 1024 * 1024

    @classmethod
    def from_settings(cls) -> ExtractLimits:
        from django.conf import settings

        return cls(
            max_chars=settings.TRA_EXTRACT_MAX_CHARS,
            max_paragraphs=settings.TRA_EXTRACT_MAX_PARAGRAPHS,
            max_cells=settings.TRA_EXTRACT_MAX_CELLS,
            max_pages=settings.TRA_EXTRACT_MAX_PAGES,
            max_unpacked_bytes=settings.TRA_EXTRACT_MAX_UNPACKED_BYTES,
        )


@dataclass
class Budget:
    """What a document has used of its ``limits`` so far; raises ``TooLarge`` when over."""

    limits: ExtractLimits = field(default_factory=ExtractLimits)
    chars: int = 0
    paragraphs: int = 0
    cells: int = 0

    def add_text(self, text: str) -> None:
        self.chars += len(text)
        if self.chars > self.limits.max_chars:
            raise TooLarge(
                f"The document has more than {self.limits.max_chars:,} characters of text; {SPLIT_IT}"
            )

    def add_paragraph(self) -> None:
        self.paragraphs += 1
        if self.paragraphs > self.limits.max_paragraphs:
            raise TooLarge(
                f"The document has more than {self.limits.max_paragraphs:,} paragraphs; {SPLIT_IT}"
            )

    def add_cells(self, count: int) -> None:
        self.cells += count
        if self.cells > self.limits.max_cells:
            raise TooLarge(f"The document has more than {self.limits.max_cells:,} table cells; {SPLIT_IT}")

    def check_pages(self, count: int) -> None:
        if count > self.limits.max_pages:
            raise TooLarge(f"The document has more than {self.limits.max_pages:,} pages; {SPLIT_IT}")

    def check_unpacked(self, archive: zipfile.ZipFile) -> None:
        """Refuse an archive whose XML parts declare more than the limit unpacked.

        ``zipfile`` never inflates a member past the size its directory declares (a member
        whose data is longer fails its CRC check as damaged), so the declared sizes bound
        what any reader of the archive can be made to unpack.
        """
        declared = sum(
            entry.file_size
            for entry in archive.infolist()
            if entry.filename.lower().endswith((".xml", ".rels"))
        )
        if declared > self.limits.max_unpacked_bytes:
            raise TooLarge(
                f"The document unpacks to more than {self.limits.max_unpacked_bytes // (1024 * 1024):,} MB "
                f"of content; {SPLIT_IT}"
            )


class BoundedReader:
    """A file object over an archive member that counts what it actually inflates."""

    def __init__(self, raw: object, budget: Budget) -> None:
        self._raw = raw
        self._limit = budget.limits.max_unpacked_bytes
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)  # type: ignore[attr-defined]
        self.read_bytes += len(data)
        if self.read_bytes > self._limit:
            raise TooLarge(
                f"The document unpacks to more than {self._limit // (1024 * 1024):,} MB of content; {SPLIT_IT}"
            )
        return data
