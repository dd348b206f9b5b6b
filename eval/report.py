"""The printed figures: per questionnaire, both together, per document, confidence, coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from eval.score import LEVELS, Figures, Verdict, coverage_curve, figures


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.2f}" if whole else f"{part}/0 = n/a"


def figures_block(f: Figures, indent: str = "  ") -> list[str]:
    rows = [
        ("settled yes/no correct", _share(f.yes_no_settled_correct, f.yes_no_settled)),
        ("yes/no precision (answered)", _share(f.yes_no_answered_correct, f.yes_no_answered)),
        ("values/text correct", _share(f.values_correct, f.values_settled)),
        ("abstention where unsettled", _share(f.abstained, f.unsettled)),
        ("citations verbatim", _share(f.verbatim, f.citations)),
        ("citations verbatim and supporting", _share(f.verbatim_and_supporting, f.citations)),
        ("high-confidence wrong", str(f.high_wrong)),
    ]
    return [f"{indent}{name:<36}{value}" for name, value in rows]


def confidence_table(f: Figures, indent: str = "  ") -> list[str]:
    lines = [f"{indent}{'confidence':<12}{'answered':>9}{'correct':>9}{'accuracy':>10}"]
    for level in LEVELS:
        answered, correct = f.confidence[level]
        accuracy = f"{correct / answered:.2f}" if answered else "n/a"
        lines.append(f"{indent}{level:<12}{answered:>9}{correct:>9}{accuracy:>10}")
    return lines


def coverage_line(verdicts: Sequence[Verdict], indent: str = "  ") -> str:
    parts = [
        f"{name} {accuracy:.2f} at coverage {coverage:.2f} ({answered})"
        for name, coverage, accuracy, answered in coverage_curve(verdicts)
    ]
    return f"{indent}accuracy vs coverage: " + " | ".join(parts)


def per_document(verdicts: Sequence[Verdict], indent: str = "  ") -> list[str]:
    by_document: dict[str, list[Verdict]] = defaultdict(list)
    for v in verdicts:
        if v.answered:
            by_document[v.document or "(no citation)"].append(v)
    header = (
        f"{indent}{'document':<30}{'answered':>9}{'correct':>8}{'y/n ans':>8}{'y/n ok':>7}"
        f"{'hi wrong':>9}{'cites':>6}{'verbatim':>9}{'support':>8}"
    )
    lines = [header]
    for name in sorted(by_document):
        vs = by_document[name]
        cited = [c for v in vs for c in v.citations]
        lines.append(
            f"{indent}{name:<30}{len(vs):>9}{sum(v.correct for v in vs):>8}"
            f"{sum(v.yes_no for v in vs):>8}{sum(v.yes_no and v.correct for v in vs):>7}"
            f"{sum(v.confidence == 'high' and not v.correct for v in vs):>9}{len(cited):>6}"
            f"{sum(c.verbatim for c in cited):>9}{sum(c.verbatim and c.supporting for c in cited):>8}"
        )
    return lines


def split_section(split: str, documents: Sequence[str], cases: dict[str, list[Verdict]]) -> list[str]:
    """The figures of one split: each questionnaire, then both together with the tables."""
    lines = [f"== {split} split: {', '.join(documents)} =="]
    for key, verdicts in cases.items():
        f = figures(verdicts)
        lines.append(f"questionnaire {key} ({f.questions} questions with gold):")
        lines.extend(figures_block(f))
    every = [v for verdicts in cases.values() for v in verdicts]
    total = figures(every)
    lines.append(f"{split} split, both questionnaires ({total.questions} questions):")
    lines.extend(figures_block(total))
    lines.extend(confidence_table(total))
    lines.append(coverage_line(every))
    lines.append("  per document (each answered suggestion counted under its first citation's document):")
    lines.extend(per_document(every))
    return lines


def details(verdicts: Sequence[Verdict]) -> list[str]:
    """Per-question verdicts: printed for the dev split only (test stays blind)."""
    lines = []
    for v in verdicts:
        if not v.answered and not v.gold.settled:
            continue
        mark = "ok " if v.correct else ("-- " if not v.answered else "XX ")
        gold = v.gold.answer if v.gold.settled else "(unsettled)"
        lines.append(
            f"  {mark}{v.question_id:<10}{v.response_type:<14}{v.confidence:<7}{v.score:5.2f}  "
            f"answer={v.answer!r}  gold={gold!r}  doc={v.document}"
        )
    return lines


def final_line(f: Figures) -> str:
    return (
        f"test split: yes/no precision {f.yes_no_precision:.2f} (answered {f.yes_no_answered}), "
        f"settled yes/no correct {f.yes_no_correct:.2f} ({f.yes_no_settled_correct}/{f.yes_no_settled}), "
        f"values {f.values:.2f} ({f.values_correct}/{f.values_settled}), "
        f"abstention {f.abstention:.2f} ({f.abstained}/{f.unsettled}), "
        f"citations verbatim {f.citations_verbatim:.2f} and supporting {f.citations_supporting:.2f}, "
        f"high-confidence wrong {f.high_wrong}"
    )
