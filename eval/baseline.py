"""The committed ratchet (``tests/eval/baseline.json``): figures a change must not make worse.

Ratios are floored to two decimals when written, so the same engine always passes; the
count of high-confidence wrong answers is kept exactly and may only fall. Raise the ratchet
after an engine improvement with ``python -m eval --write-baseline`` and commit the diff.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from eval.gold import EVAL_DIR

BASELINE = EVAL_DIR / "baseline.json"
LOWER_IS_BETTER = frozenset({"high_wrong"})


def floored(figures: dict[str, float]) -> dict[str, float]:
    return {
        name: value if name in LOWER_IS_BETTER else math.floor(value * 100 + 1e-9) / 100
        for name, value in figures.items()
    }


def baseline_read(path: Path = BASELINE) -> dict[str, dict[str, float]]:
    return json.loads(path.read_text())["cases"]


def baseline_write(cases: dict[str, dict[str, float]], path: Path = BASELINE) -> None:
    data = {
        "note": (
            "Blind-evaluation ratchet (tests/eval/test_eval_ratchet.py): each case's figures may not "
            "fall below these (high_wrong may not rise). Written by `python -m eval --write-baseline`."
        ),
        "cases": {case: floored(figures) for case, figures in sorted(cases.items())},
    }
    path.write_text(json.dumps(data, indent=2) + "\n")


def regressions(case: str, measured: dict[str, float], baseline: dict[str, float]) -> list[str]:
    """Every figure of ``case`` that is worse than its baseline, worded for a failure message."""
    worse = []
    for name, floor in baseline.items():
        value = measured[name]
        if (value > floor) if name in LOWER_IS_BETTER else (value < floor):
            worse.append(f"{case} {name}: {value} (baseline {floor})")
    return worse
