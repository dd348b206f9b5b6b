"""``python -m benchmarks [NAME ...]``: run each ``benchmarks/bench_*.py`` module's ``main()``.

Modules run in name order, each under a header; names on the command line pick modules by
substring (``python -m benchmarks table``). A module that fails is reported and the others
still run; the exit status says whether all of them passed.

Registered modules (found by the ``bench_*.py`` glob below):

- ``bench_suggestions``: suggestion pre-compute of a 30-question risk area with a fixed-latency
  fake LLM, one call at a time vs ``TRA_SUGGESTION_CONCURRENCY``, and the cache (0 LLM calls).
- ``bench_table``: TRA table Query latency, local store at 1,000 and 100,000 items, and moto.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
import traceback
from pathlib import Path


def _modules(patterns: list[str]) -> list[str]:
    names = sorted(path.stem for path in Path(__file__).parent.glob("bench_*.py"))
    return [n for n in names if not patterns or any(p in n for p in patterns)]


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tra_site.settings")
    import django

    django.setup()
    failed: list[str] = []
    for name in _modules(argv):
        print(f"\n=== {name} " + "=" * max(0, 70 - len(name)), flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"benchmarks.{name}").main()
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
        print(f"--- {name}: {time.perf_counter() - started:.1f}s", flush=True)
    if failed:
        print(f"\nFAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
