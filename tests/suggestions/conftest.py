"""Collects the suggestion quality figures so the terminal summary can show them."""

from __future__ import annotations

import pytest

QUALITY_LINES: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if QUALITY_LINES:
        terminalreporter.write_sep("-", "extractive suggestion quality (project brief)")
        for line in QUALITY_LINES:
            terminalreporter.write_line(line)
