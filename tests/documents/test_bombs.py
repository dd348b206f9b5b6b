"""Small files that unpack into huge documents end quickly, within the task budget, with a reason.

Each bomb is built here, in memory, at the size outside testing found it; it is read the way a
worker reads it (in a budgeted child process) and must come back as a clear ``TooLarge`` or
"damaged" verdict: never a time-out, never the memory limit, never a result.
"""

from __future__ import annotations

import time

import pytest

from assessments.documents.extract import ExtractionFailed, ExtractLimits, TooLarge, extract
from assessments.documents.isolation import TaskBudget, run_within_budget
from assessments.documents.prepare import prepare
from assessments.documents.sniff import DocumentKind, detect_kind
from tests.documents.builders import (
    docx_paragraph,
    lie_about_size,
    many_pages_pdf,
    raw_docx,
    raw_xlsx,
    xlsx_row,
    zip_bytes,
)

pytestmark = pytest.mark.slow

# Far below what the bombs would need read whole (the DOCX took 1 GB and 9 minutes).
BUDGET = TaskBudget(seconds=30, memory_mb=300)
PARAGRAPH = docx_paragraph("Lorem ipsum dolor sit amet consectetur")  # 71 bytes of XML


def docx_bomb() -> bytes:
    """About 300 KB holding 1.3 million paragraphs, 92 MB of XML."""
    block = PARAGRAPH * 13_000
    return raw_docx((block for _ in range(100)), level=9)


def xlsx_bomb() -> bytes:
    """About 1 MB holding a 290 MB sheet."""
    block = xlsx_row(1, 2, 3, 4, 5, 6, 7, 8) * 20_000
    return raw_xlsx((block for _ in range(290_000_000 // len(block))), level=9)


def verdict(data: bytes, kind: str, limits: ExtractLimits | None = None) -> tuple[ExtractionFailed, float]:
    started = time.monotonic()
    with pytest.raises(ExtractionFailed) as failed:
        run_within_budget(
            prepare, data, kind, document_id="d", document_name="bomb", limits=limits, budget=BUDGET
        )
    return failed.value, time.monotonic() - started


def test_it_refuses_a_docx_bomb_by_its_unpacked_size_before_parsing_it() -> None:
    data = docx_bomb()
    assert len(data) < 400 * 1024
    assert detect_kind(data, "bomb.docx") is DocumentKind.DOCX  # accepted at upload: small and well-formed
    failure, elapsed = verdict(data, "docx")
    assert isinstance(failure, TooLarge)
    assert "unpacks to more than 64 MB" in failure.reason and "split it" in failure.reason
    assert elapsed < 5


def test_it_stops_a_docx_bomb_at_the_paragraph_limit_when_the_size_is_allowed() -> None:
    limits = ExtractLimits(max_unpacked_bytes=200 * 1024 * 1024, max_chars=10**9)
    failure, elapsed = verdict(docx_bomb(), "docx", limits)
    assert isinstance(failure, TooLarge)
    assert "more than 200,000 paragraphs" in failure.reason
    assert elapsed < BUDGET.seconds


def test_it_refuses_an_xlsx_bomb_by_its_unpacked_size_before_parsing_it() -> None:
    data = xlsx_bomb()
    assert len(data) < 1.5 * 1024 * 1024
    failure, elapsed = verdict(data, "xlsx")
    assert isinstance(failure, TooLarge) and "unpacks to more than" in failure.reason
    assert elapsed < 5


def test_it_stops_an_xlsx_bomb_at_the_cell_limit_when_the_size_is_allowed() -> None:
    limits = ExtractLimits(max_unpacked_bytes=400 * 1024 * 1024)
    failure, elapsed = verdict(xlsx_bomb(), "xlsx", limits)
    assert isinstance(failure, TooLarge) and "more than 500,000 table cells" in failure.reason
    assert elapsed < BUDGET.seconds


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_it_reads_no_further_than_a_lying_size_header_says(kind: str) -> None:
    # The directory claims 2 KB; the member inflates to 20 MB. zipfile stops at the claim and
    # the CRC check then fails: a damaged file, found without inflating the rest.
    body = PARAGRAPH * 300_000
    member = "word/document.xml" if kind == "docx" else "xl/worksheets/sheet1.xml"
    parts = {"[Content_Types].xml": b"<Types/>", member: b"<w:document>" + body}
    data = lie_about_size(zip_bytes(parts), member, declared=2048)
    failure, elapsed = verdict(data, kind)
    assert "damaged" in failure.reason
    assert elapsed < 5


def test_it_refuses_a_pdf_with_very_many_pages_by_its_page_count() -> None:
    data = many_pages_pdf(5_000)
    failure, elapsed = verdict(data, "pdf")
    assert isinstance(failure, TooLarge) and "more than 2,000 pages" in failure.reason
    assert elapsed < 5


@pytest.mark.parametrize(
    ("data", "kind", "limits", "reason"),
    [
        (b"The vendor hosts it. " * 100, "txt", ExtractLimits(max_chars=1000), "more than 1,000 characters"),
        (b"a,b,c\n" * 100, "csv", ExtractLimits(max_cells=90), "more than 90 table cells"),
    ],
)
def test_it_fails_text_over_a_limit_with_what_to_do(
    data: bytes, kind: str, limits: ExtractLimits, reason: str
) -> None:
    with pytest.raises(TooLarge) as failed:
        extract(data, kind, limits)
    assert reason in failed.value.reason
    assert failed.value.reason.endswith("split it into smaller documents and upload those instead.")
