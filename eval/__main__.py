"""``python -m eval``: the blind evaluation, test split first, ending with the test-split line.

Runs in a fresh throw-away var directory (database, table, documents, index), removed after.
``--details`` adds per-question verdicts for the dev split (never for test: it stays blind).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from io import StringIO

SPEED_DOCUMENTS = ("solution-design.docx", "architecture-note.md", "email-thread.txt")
SPEED_QUESTIONS = 60


def _setup(var_dir: str) -> None:
    # Environment first: the processing isolation spawns children that read the same settings.
    os.environ["TRA_VAR_DIR"] = var_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "eval.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    quiet = StringIO()
    call_command("create_table", verbosity=0, stdout=quiet)
    call_command("create_gsis", verbosity=0, stdout=quiet)


def _speed() -> str:
    from eval.gold import gold_case
    from eval.run import questionnaire_ensure, run_case

    questions = questionnaire_ensure("default").all_questions()[:SPEED_QUESTIONS]
    run = run_case(gold_case("dev", "default"), documents=SPEED_DOCUMENTS, questions=questions)
    return (
        f"speed (local mode): suggestions for {len(run.questions)} questions with "
        f"{len(SPEED_DOCUMENTS)} documents ({', '.join(SPEED_DOCUMENTS)}) took {run.suggestions_s:.1f} s "
        f"(upload and processing before it {run.processing_s:.1f} s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument(
        "--details",
        action="store_true",
        help="per-question verdicts (tuning splits only, not the held-out ones in eval.gold.HELD_OUT)",
    )
    parser.add_argument("--no-speed", action="store_true", help="skip the 60-question speed run")
    parser.add_argument(
        "--write-baseline", action="store_true", help="write these figures to tests/eval/baseline.json"
    )
    from eval.gold import TUNING_SPLITS

    parser.add_argument(
        "--split",
        choices=("dev", "test", *[s for s in TUNING_SPLITS if s != "dev"]),
        help="`--split dev` is the tuning loop (every tuning case), which never prints the test split;"
        " `--split dev-c` (or another tuning split) runs that one case",
    )
    args = parser.parse_args(argv)
    if args.write_baseline and args.split:
        parser.error("--write-baseline needs both splits")

    var_dir = tempfile.mkdtemp(prefix="tra-eval-")
    try:
        _setup(var_dir)
        from eval.gold import HELD_OUT, QUESTIONNAIRES, SPLITS, TUNING_SPLITS, gold_case
        from eval.report import details, final_line, split_section
        from eval.run import evaluate
        from eval.score import figures

        started = time.perf_counter()
        timings: list[str] = []
        measured: dict[str, dict[str, float]] = {}
        engines: set[str] = set()
        test_verdicts = []
        chosen = {None: SPLITS, "dev": TUNING_SPLITS, "test": ("test",)}.get(args.split, (args.split,))
        for split in [s for s in SPLITS if s in chosen]:  # test first, then the tuning splits
            cases = {}
            for key in QUESTIONNAIRES:
                run, verdicts = evaluate(split, key)
                cases[key] = verdicts
                engines.update(f"{s.model} ({s.prompt_version})" for s in run.suggestions.values())
                measured[f"{split}/{key}"] = figures(verdicts).ratchet()
                timings.append(
                    f"  {split}/{key}: {len(run.questions)} questions, {len(run.texts)} documents: "
                    f"suggestions {run.suggestions_s:.1f} s, upload and processing {run.processing_s:.1f} s"
                )
            documents = gold_case(split, next(iter(QUESTIONNAIRES))).documents
            print("\n".join(split_section(split, documents, cases)), end="\n\n")
            if split in TUNING_SPLITS and split not in HELD_OUT and args.details:
                for key, verdicts in cases.items():
                    print(f"{split} details, {key} (ok right, XX wrong, -- settled but abstained):")
                    print("\n".join(details(verdicts)), end="\n\n")
            if split == "test":
                test_verdicts = [v for verdicts in cases.values() for v in verdicts]
        print(f"engine: {', '.join(sorted(engines))}")
        print("time of the whole suggestion run per case:")
        print("\n".join(timings))
        if not args.no_speed:
            print(_speed())
        print(f"evaluation took {time.perf_counter() - started:.0f} s")
        if args.write_baseline:
            from eval.baseline import BASELINE, baseline_write

            baseline_write(measured)
            print(f"wrote {BASELINE.relative_to(BASELINE.parents[2])}")
        if test_verdicts:
            print(final_line(figures(test_verdicts)))
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
