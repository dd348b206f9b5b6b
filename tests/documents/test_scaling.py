"""Time grows linearly with the document: four times the input costs at most five times the time.

Timed structurally rather than against a clock: each size is run a few times and the fastest
run counts (noise from a busy machine only ever adds time), then the larger input is compared
with the smaller. A quadratic step (one long line copied up to each full stop, as before)
costs sixteen times as much for four times the input and fails by a wide margin.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

import pytest

from assessments.documents.chunking import chunk
from assessments.documents.extract import ExtractLimits, extract
from assessments.documents.sniff import inspect_upload
from assessments.documents.summary import summarise_extractive
from tests.documents.builders import docx_paragraph, raw_docx

pytestmark = pytest.mark.slow

SENTENCE = "The vendor hosts the platform in Frankfurt, e.g. for No. 5 of the Dr. Smith accounts. "
UNLIMITED = ExtractLimits(max_chars=10**9, max_paragraphs=10**9, max_cells=10**9, max_unpacked_bytes=10**10)


def fastest(work: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def assert_linear(build: Callable[[int], bytes], run: Callable[[bytes], object], base: int) -> None:
    small, large = build(base), build(4 * base)
    run(small)  # warm up: imports and caches are not the document's cost
    ratio = fastest(lambda: run(large)) / fastest(lambda: run(small))
    assert ratio <= 5, f"4x the input took {ratio:.1f}x the time"


def pipeline(kind: str) -> Callable[[bytes], object]:
    def run(data: bytes) -> object:
        extracted = extract(data, kind, UNLIMITED)
        return chunk("d", "doc", extracted.blocks), summarise_extractive(extracted)

    return run


def one_line(count: int) -> bytes:
    return (SENTENCE * count).encode()


def short_lines(count: int) -> bytes:
    return (SENTENCE.replace(", ", ",\n") * count).encode()


def csv_rows(count: int) -> bytes:
    return "".join(f"system {n},owner {n},hosted in Frankfurt with backups\n" for n in range(count)).encode()


def docx(count: int) -> bytes:
    paragraph = docx_paragraph(SENTENCE.strip())
    return raw_docx(paragraph for _ in range(count))


@pytest.mark.parametrize(
    ("build", "kind", "base"),
    [
        (one_line, "txt", 2_000),  # 170 KB on one line, then 680 KB
        (short_lines, "txt", 2_000),
        (csv_rows, "csv", 4_000),
        (docx, "docx", 2_000),
    ],
    ids=["one huge line", "many short lines", "csv", "docx"],
)
def test_extract_chunk_and_summary_grow_linearly(build: Callable[[int], bytes], kind: str, base: int) -> None:
    assert_linear(build, pipeline(kind), base)


def test_sniffing_grows_linearly_and_takes_milliseconds_for_20_mb() -> None:
    def sniff(data: bytes) -> object:
        return inspect_upload(io.BytesIO(data), "notes.txt")

    assert_linear(lambda n: b"The vendor hosts it.\n" * n, sniff, 200_000)
    twenty_mb = one_line(20 * 1024 * 1024 // len(SENTENCE))
    # Generous for a loaded CI machine; the per-character loop this replaced took seconds.
    assert fastest(lambda: sniff(twenty_mb)) < 0.5
