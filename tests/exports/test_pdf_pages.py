"""The PDF's pages rendered to PNG (pypdfium2), to look at: real layout, not a placeholder.

The pictures go to ``<VAR_DIR>/screenshots`` or where TRA_SCREENSHOTS points: the two in
docs/screenshots/ (export-page-1.png, export-page-2.png) were taken with
``TRA_SCREENSHOTS=docs/screenshots`` (a plain run leaves the tracked files alone).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from django.conf import settings
from PIL import Image
from pypdf import PdfReader

from tests.exports.helpers import (
    PASSAGE,
    exported,
    finalized_with_evidence,
    stored_bytes,
    under_review_with_evidence,
)


def _pages(data: bytes) -> list[Image.Image]:
    document = pdfium.PdfDocument(data)
    try:
        return [page.render(scale=1.5).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def _inked(image: Image.Image) -> float:
    """The share of the page's pixels that are not white (a blank page has none)."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:200]) / (image.width * image.height)


def _reddish(image: Image.Image) -> int:
    """Pixels of the watermark's pale red (and the header's red DRAFT), on a quarter-size copy."""
    small = image.resize((image.width // 4, image.height // 4))
    red, green, blue = (band.load() for band in small.split())
    return sum(
        1
        for x in range(small.width)
        for y in range(small.height)
        if red[x, y] > 150 and red[x, y] - green[x, y] > 20 and red[x, y] - blue[x, y] > 15
    )


def test_the_finalized_report_renders_to_real_pages_and_two_are_kept_to_look_at(cast: Any) -> None:
    assessment_id = finalized_with_evidence(cast)
    data = stored_bytes(exported(cast, assessment_id, "pdf"))

    pages = _pages(data)

    assert len(pages) >= 3
    width, height = pages[0].size
    assert abs(width / height - 210 / 297) < 0.01  # A4 portrait
    for image in pages:
        assert 0.002 < _inked(image) < 0.5  # text on every page, no page a solid block
        assert _reddish(image) == 0  # no DRAFT watermark on a finalized report
    # The page with TP-01's citation: the cover and the first answers are what a reader sees first.
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    cited = next(n for n, text in enumerate(texts) if PASSAGE.split(",")[0] in text)
    folder = Path(os.environ.get("TRA_SCREENSHOTS") or Path(settings.VAR_DIR) / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    pages[0].save(folder / "export-page-1.png")
    pages[cited].save(folder / "export-page-2.png")
    assert Image.open(folder / "export-page-1.png").size == pages[0].size


def test_every_page_of_a_draft_carries_the_red_draft_watermark(cast: Any) -> None:
    assessment_id = under_review_with_evidence(cast)

    pages = _pages(stored_bytes(exported(cast, assessment_id, "pdf")))

    assert pages and all(_reddish(image) > 200 for image in pages)
