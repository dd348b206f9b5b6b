"""The dashboard's figures as the page shows them: charts (SVG) and the same numbers as tables."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from assessments.dashboard.figures import RATINGS, Figures
from assessments.dashboard.svg import Bar, bar_chart
from assessments.domain.workflow import State

STATE_LABELS = {s.value: s.value.replace("_", " ").capitalize() for s in State}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: SafeString
    headers: tuple[str, ...]
    rows: list[tuple[object, ...]]


def days(hours: int | None) -> str:
    if hours is None:
        return "—"
    return f"{hours / 24:.1f} days" if hours >= 24 else f"{hours} h"


def counted_at(folded_at: str | None) -> str:
    """The fold's last run, as a reader wants it: "2026-12-02 04:33 UTC" ("" before the first)."""
    return f"{folded_at[:10]} {folded_at[11:16]} UTC" if folded_at else ""


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def charts(figures: Figures) -> list[Chart]:
    states = [Bar(STATE_LABELS[s], (n,)) for s, n in figures.by_state]
    weeks = [Bar(w, (first, again)) for w, first, again in figures.weeks]
    units = [Bar(bu.name, tuple(bu.counts[r] for r in RATINGS)) for bu in figures.business_units]
    suggestions = [Bar(kind.capitalize(), (n,)) for kind, n in figures.suggestions]
    total_weeks = sum(b.total for b in weeks)
    return [
        Chart(
            "states",
            "Assessments by state",
            bar_chart(
                chart_id="chart-states",
                title="Assessments by state",
                desc=", ".join(f"{b.label}: {b.total}" for b in states),
                bars=states,
            ),
            ("State", "Assessments"),
            [(b.label, b.total) for b in states],
        ),
        Chart(
            "weeks",
            "Submitted per week (last 12 weeks)",
            bar_chart(
                chart_id="chart-weeks",
                title="Submitted per week, last 12 weeks",
                desc=f"{total_weeks} submissions in 12 weeks, first submissions and resubmissions stacked.",
                bars=weeks,
                series=("First", "Resubmitted"),
            ),
            ("Week", "First submissions", "Resubmissions"),
            [(b.label, *b.values) for b in weeks],
        ),
        Chart(
            "ratings",
            "Residual ratings by business unit",
            bar_chart(
                chart_id="chart-ratings",
                title="Residual overall rating of decided assessments, by business unit",
                desc="; ".join(
                    f"{b.label}: "
                    + ", ".join(f"{r} {n}" for r, n in zip(RATINGS, b.values, strict=True) if n)
                    for b in units
                )
                or "No decisions yet.",
                bars=units,
                series=tuple(r.replace("_", " ").capitalize() for r in RATINGS),
                palette="tra-r",
            ),
            ("Business unit", *(r.replace("_", " ").capitalize() for r in RATINGS), "Total"),
            [(b.label, *b.values, b.total) for b in units],
        ),
        Chart(
            "suggestions",
            "Suggestions accepted, edited, dismissed",
            bar_chart(
                chart_id="chart-suggestions",
                title="Suggestions accepted, edited and dismissed",
                desc=", ".join(f"{b.label}: {b.total}" for b in suggestions),
                bars=suggestions,
            ),
            ("Suggestions", "Count"),
            [(b.label, b.total) for b in suggestions],
        ),
    ]


def headline(figures: Figures) -> list[tuple[str, str, str]]:
    """(key, label, value) of the figures that are one number each."""
    return [
        ("lead-median", "Lead time submit → decision, median", days(figures.lead_median_hours)),
        ("lead-p90", "Lead time submit → decision, 90th percentile", days(figures.lead_p90_hours)),
        ("overdue", "Overdue reviews", str(figures.overdue)),
        ("decided", "Decided assessments", str(figures.decided)),
        (
            "suggestion-share",
            "Answers that came from suggestions (decided assessments)",
            f"{percent(figures.suggestion_share)} ({figures.answers_from_suggestions} of {figures.answers_decided})",
        ),
    ]
