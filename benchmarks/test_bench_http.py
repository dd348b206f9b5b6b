"""Checks of the HTTP benchmark's own pieces (no server): run with
``.venv/bin/python -m pytest -q benchmarks/test_bench_http.py`` (outside the suite's testpaths).
"""

from __future__ import annotations

import io
import re

import pypdf

from benchmarks.bench_http import ROOT, Question, _line, independent_questions
from benchmarks.big_pdf import big_pdf
from benchmarks.http_load import Run


def test_it_builds_a_pdf_that_a_strict_reader_opens_at_the_asked_size() -> None:
    data = big_pdf(2_000_000)
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    assert abs(len(data) - 2_000_000) < 8_192
    assert "Vendor security overview" in reader.pages[0].extract_text()


def test_it_prints_the_figure_lines_the_issue_names() -> None:
    one = Run(clients=1, elapsed=2.0, latencies=[0.008, 0.010, 0.015])
    many = Run(clients=32, elapsed=1.0, latencies=[0.1] * 99 + [0.3])
    one.statuses[200] += 3
    many.statuses.update({200: 98, 409: 2})
    assert re.fullmatch(
        r"page  1 client   : 1\.5 req/s  p50 10\.0 ms  p99 15\.0 ms  \(3 ok, 0 × 409, .*\)",
        _line("page", one),
    )
    assert _line("save", many).startswith(
        "save 32 clients  : 98.0 req/s  p50 100.0 ms  p99 100.0 ms  (98 ok, 2 × 409"
    )


def test_it_picks_32_questions_whose_answers_show_or_hide_no_other_question() -> None:
    questions = independent_questions(ROOT)
    assert len(questions) >= 32
    text = (ROOT / "assessments" / "questionnaires" / "default.yaml").read_text()
    for q in questions:
        # No other question's conditions name it (its id appears once: where it is defined).
        assert len(re.findall(rf"\b{q.id}\b", text)) == 1, q.id


def test_it_changes_the_value_at_every_save_so_each_save_writes() -> None:
    for q in (
        Question("A", "s", "Yes/No", ()),
        Question("B", "s", "single-choice", ("x", "y")),
        Question("C", "s", "number", ()),
        Question("D", "s", "free-text", ()),
    ):
        first = q.next_value()
        q.saves += 1
        assert q.next_value() != first
