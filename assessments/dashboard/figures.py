"""The dashboard's figures: one Query of the DASHBOARD partition, turned into numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from assessments.dashboard import keys
from assessments.dashboard.fold import iso_week, percentile
from assessments.domain.workflow import State
from assessments.questionnaire.risk_scale import RiskLevel
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table

WEEKS = 12
RATINGS = (*(level.value for level in RiskLevel), "unrated")


@dataclass(frozen=True)
class BusinessUnitRatings:
    name: str
    counts: dict[str, int]  # rating -> decisions

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Figures:
    by_state: list[tuple[str, int]] = field(default_factory=list)
    weeks: list[tuple[str, int, int]] = field(default_factory=list)  # week, first, resubmitted
    decided: int = 0
    lead_median_hours: int | None = None
    lead_p90_hours: int | None = None
    overdue: int = 0
    business_units: list[BusinessUnitRatings] = field(default_factory=list)
    answers_decided: int = 0
    answers_from_suggestions: int = 0
    suggestions: list[tuple[str, int]] = field(default_factory=list)  # accepted/edited/dismissed
    folded_at: str | None = None

    @property
    def suggestion_share(self) -> float | None:
        if not self.answers_decided:
            return None
        return self.answers_from_suggestions / self.answers_decided


def _weeks(today: date) -> list[str]:
    monday = today - timedelta(days=today.weekday())
    return [
        iso_week(f"{(monday - timedelta(weeks=n)).isoformat()}T12:00:00Z") for n in range(WEEKS - 1, -1, -1)
    ]


def figures_from_items(items: list[dict[str, Any]], *, today: date) -> Figures:
    by_sk = {item["sk"]: item for item in items}
    counts = by_sk.get(keys.COUNTS, {})
    figures = Figures(
        by_state=[(state.value, max(0, int(counts.get(f"state_{state.value}", 0)))) for state in State],
        decided=int(counts.get("decided", 0)),
        answers_decided=int(counts.get("answers_decided", 0)),
        answers_from_suggestions=int(counts.get("answers_from_suggestions", 0)),
        suggestions=[
            (kind, int(counts.get(f"suggestions_{kind}", 0))) for kind in ("accepted", "edited", "dismissed")
        ],
        folded_at=by_sk.get(keys.CHECKPOINT, {}).get("folded_at"),
    )
    for week in _weeks(today):
        item = by_sk.get(keys.week_sk(week), {})
        figures.weeks.append((week, int(item.get("first", 0)), int(item.get("resubmitted", 0))))
    histogram: dict[int, int] = {}
    overdue_before = keys.due_sk(today.isoformat())
    for sk, item in by_sk.items():
        if sk.startswith(keys.LEAD_PREFIX) and int(item.get("count", 0)) > 0:
            histogram[int(sk.removeprefix(keys.LEAD_PREFIX))] = int(item["count"])
        elif sk.startswith(keys.DUE_PREFIX) and sk < overdue_before:
            figures.overdue += max(0, int(item.get("open", 0)))
        elif sk.startswith(keys.BU_PREFIX):
            ratings = {r: int(item.get(f"rating_{r}", 0)) for r in RATINGS}
            figures.business_units.append(BusinessUnitRatings(sk.removeprefix(keys.BU_PREFIX), ratings))
    figures.lead_median_hours = percentile(histogram, 0.5)
    figures.lead_p90_hours = percentile(histogram, 0.9)
    figures.business_units.sort(key=lambda bu: (-bu.total, bu.name))
    return figures


async def dashboard_figures(*, today: date) -> Figures:
    """One Query: the counters are a few hundred small items at most (weeks, business units,
    lead-time buckets, due days), however many assessments and events there are."""
    table = get_table()
    items: list[dict[str, Any]] = []
    with table_errors_as_domain():
        page = await table.query(partition=keys.DASHBOARD_PK)
    items.extend(page.items)
    return figures_from_items(items, today=today)
