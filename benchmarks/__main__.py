"""``python -m benchmarks [NAME ...] [--app-dir DIR]``: run each ``benchmarks/bench_*.py`` ``main()``.

Modules run in name order, each under a header; names on the command line pick modules by
substring (``python -m benchmarks table``). A module that fails is reported and the others
still run; the exit status says whether all of them passed. ``--app-dir`` is given to the
modules whose ``main`` takes ``app_dir`` (the HTTP benchmark starts that checkout's server, so
``python -m benchmarks http --app-dir /tmp/old-clone`` measures another revision side by side).

Registered modules (found by the ``bench_*.py`` glob below):

- ``bench_http``: requests/s, p50 and p99 of the assessment page and an answer save with 1 and
  32 clients against the real uvicorn stack in local mode, and a 20 MB PDF upload's effect on a
  concurrent page load. It drives a server subprocess and needs no Django in this process.
- ``bench_suggestions``: suggestion pre-compute of a 30-question risk area with a fixed-latency
  fake LLM, one call at a time vs ``TRA_SUGGESTION_CONCURRENCY``, and the cache (0 LLM calls).
- ``bench_table``: TRA table Query latency, local store at 1,000 and 100,000 items, and moto.
- ``bench_search``: search cost (Queries, items read, time) at 1k and 100k assessments; the
  ``search`` line gives the ratio.
- ``bench_bulk``: bulk accept of 30 high-confidence suggestions vs one by one (write calls, time).
- ``bench_dashboard``: the dashboard page's one Query at 100 and 1,000 assessments, and the
  fold's events per second.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import sys
import time
import traceback
from pathlib import Path


def _modules(patterns: list[str]) -> list[str]:
    names = sorted(path.stem for path in Path(__file__).parent.glob("bench_*.py"))
    return [n for n in names if not patterns or any(p in n for p in patterns)]


# Benchmarks that only talk to a server subprocess: they run even when this checkout's Django
# cannot start (e.g. measuring an older clone while the working tree is mid-change).
_NO_DJANGO = {"bench_http"}


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tra_site.settings")
    import django

    django.setup()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", help="run only modules whose name contains one of these")
    parser.add_argument("--app-dir", type=Path, default=None, help="app checkout for the HTTP benchmark")
    args = parser.parse_args(argv)
    failed: list[str] = []
    django_ready = False
    for name in _modules(args.names):
        print(f"\n=== {name} " + "=" * max(0, 70 - len(name)), flush=True)
        started = time.perf_counter()
        try:
            if name not in _NO_DJANGO and not django_ready:
                _django_setup()
                django_ready = True
            entry = importlib.import_module(f"benchmarks.{name}").main
            if "app_dir" in inspect.signature(entry).parameters:
                entry(app_dir=args.app_dir)
            else:
                entry()
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
        print(f"--- {name}: {time.perf_counter() - started:.1f}s", flush=True)
    if failed:
        print(f"\nFAILED: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
