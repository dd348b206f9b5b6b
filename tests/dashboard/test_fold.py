"""The fold: a scripted audit trail becomes the right counts, lead times and ratings, once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from assessments.dashboard import refresh as refresh_module
from assessments.dashboard.fold import iso_week
from integrations.errors import Unavailable
from tests.dashboard.helpers import Script, days_ago, figures, refresh

TODAY = datetime.now(UTC).date()
LEAD_DAYS = (1, 3, 5, 10, 20)  # median (nearest rank) 5 days, p90 20 days


def _portfolio() -> None:
    """Five decided (lead times above), one sent back, one under review overdue, one draft."""
    for n, lead in enumerate(LEAD_DAYS):
        start = days_ago(40 - n)
        script = Script(f"TRA-D{n}", business_unit="Retail" if n < 3 else "Finance").created(start)
        script.submit(start + timedelta(hours=1), due_on=TODAY + timedelta(days=30))
        script.assign(start + timedelta(hours=2))
        if n == 4:
            # Sent back once, resubmitted: the lead time still runs from the first submission.
            script.send_back(start + timedelta(days=2))
            script.submit(start + timedelta(days=3), due_on=TODAY + timedelta(days=30))
            script.assign(start + timedelta(days=3, hours=1))
        sources = ["suggestion_accepted", "suggestion_edited", "manual", "manual"]
        residual = ("low", "medium", "low", "high", None)[n]
        script.decide(start + timedelta(days=lead, hours=1), residual, sources, reject=n == 3)
    Script("TRA-SB").created(days_ago(9)).submit(days_ago(8), due_on=TODAY + timedelta(days=5)).send_back(
        days_ago(7)
    )
    Script("TRA-LATE").created(days_ago(20)).submit(days_ago(19), due_on=TODAY - timedelta(days=3)).assign(
        days_ago(18)
    )
    Script("TRA-DRAFT").created(days_ago(2)).suggestion(days_ago(1.9), "accepted").suggestion(
        days_ago(1.8), "edited"
    ).suggestion(days_ago(1.7), "dismissed").suggestion(days_ago(1.6), "dismissed")


EXPECTED_STATES = {
    "draft": 1,
    "submitted": 0,
    "under_review": 1,
    "sent_back": 1,
    "finalized": 4,
    "rejected": 1,
    "withdrawn": 0,
}


def _summary(found) -> dict:
    return {
        "states": dict(found.by_state),
        "median": found.lead_median_hours,
        "p90": found.lead_p90_hours,
        "overdue": found.overdue,
        "decided": found.decided,
        "bu": {bu.name: {r: n for r, n in bu.counts.items() if n} for bu in found.business_units},
        "answers": (found.answers_from_suggestions, found.answers_decided),
        "suggestions": dict(found.suggestions),
        "weeks": sum(first + again for _w, first, again in found.weeks),
    }


def test_a_scripted_trail_folds_into_the_right_figures(cast):
    _portfolio()

    report = refresh()

    found = figures()
    summary = _summary(found)
    assert summary["states"] == EXPECTED_STATES
    assert (summary["median"], summary["p90"]) == (5 * 24, 20 * 24)
    assert summary["overdue"] == 1
    assert summary["decided"] == 5
    assert summary["bu"] == {"Retail": {"low": 2, "medium": 1}, "Finance": {"high": 1, "unrated": 1}}
    assert summary["answers"] == (10, 20)
    assert found.suggestion_share == 0.5
    assert summary["suggestions"] == {"accepted": 1, "edited": 1, "dismissed": 2}
    # Every submission of the script falls inside the last 12 weeks: 5 + 1 resubmission + 2.
    assert summary["weeks"] == 8
    assert report.events_folded == report.events_read > 0


def test_submissions_land_in_their_iso_week(cast):
    monday = TODAY - timedelta(days=TODAY.weekday())
    Script("TRA-W1").created(datetime.combine(monday, datetime.min.time(), UTC) - timedelta(days=7)).submit(
        datetime.combine(monday, datetime.min.time(), UTC) - timedelta(days=6), due_on=TODAY
    )
    # This week's submission falls inside this week however early in it the test runs (half a
    # day ago is last week on a Monday morning).
    week_start = datetime.combine(monday, datetime.min.time(), UTC)
    Script("TRA-W2").created(max(days_ago(0.5), week_start)).submit(
        max(days_ago(0.4), week_start + timedelta(seconds=1)), due_on=TODAY + timedelta(days=9)
    )
    refresh()

    weeks = {week: first for week, first, _again in figures().weeks}
    last_week = iso_week(f"{(monday - timedelta(days=6)).isoformat()}T12:00:00Z")
    this_week = iso_week(f"{TODAY.isoformat()}T12:00:00Z")
    assert len(weeks) == 12
    assert (weeks[last_week], weeks[this_week]) == (1, 1)


def test_running_again_counts_nothing_twice_and_only_what_is_new(cast):
    _portfolio()
    refresh()
    before = _summary(figures())

    again = refresh()
    assert again.events_folded == 0
    assert _summary(figures()) == before

    Script("TRA-NEW").created(days_ago(1)).submit(days_ago(0.9), due_on=TODAY - timedelta(days=1))
    newer = refresh()
    after = _summary(figures())
    assert newer.events_folded == 2
    assert after["states"]["submitted"] == 1
    assert after["overdue"] == 2
    assert after["states"]["draft"] == before["states"]["draft"]


def test_a_run_that_fails_half_way_resumes_without_double_counting(cast, monkeypatch):
    _portfolio()
    # Small commits, and the store goes away on the third: two commits' worth is counted.
    monkeypatch.setattr(refresh_module, "MAX_ITEMS_PER_COMMIT", 3)
    from integrations.table import get_table

    table = get_table()
    real_transact = table.transact
    calls = {"n": 0}

    async def flaky(ops):
        calls["n"] += 1
        if calls["n"] == 3:
            raise Unavailable("the store went away")
        return await real_transact(ops)

    monkeypatch.setattr(table, "transact", flaky)
    with pytest.raises(Exception, match="not answering"):
        refresh()
    half = _summary(figures())
    assert half["decided"] < 5

    monkeypatch.setattr(table, "transact", real_transact)
    refresh()
    refresh()

    assert _summary(figures())["states"] == EXPECTED_STATES
    assert _summary(figures())["decided"] == 5


def test_events_younger_than_the_settling_time_wait_for_the_next_run(cast):
    Script("TRA-NOW").created(datetime.now(UTC))

    assert refresh().events_folded == 0
    assert dict(figures().by_state)["draft"] == 0
    assert refresh(now=datetime.now(UTC) + timedelta(minutes=1)).events_folded == 1
    assert dict(figures().by_state)["draft"] == 1


def test_a_run_reads_pages_of_events_and_stops_at_max_pages_to_go_on_later(cast, monkeypatch):
    monkeypatch.setattr(refresh_module, "PAGE_SIZE", 2)
    for n in range(5):
        Script(f"TRA-P{n}").created(days_ago(3 - n * 0.1))

    first = refresh(max_pages=2)
    assert (first.events_folded, first.more) == (4, True)
    second = refresh(max_pages=2)
    assert (second.events_folded, second.more) == (1, False)
    assert dict(figures().by_state)["draft"] == 5


def test_the_real_workflow_feeds_the_fold(cast):
    """Events as the services write them (not scripted): submit, assign, decide every area."""
    from assessments.domain.review import decision_areas
    from tests.review.helpers import collection, decide, under_review

    assessment_id = under_review(cast)
    for area in decision_areas(collection(assessment_id).assessment.active_areas):
        decide(cast, assessment_id, area)

    refresh(now=datetime.now(UTC) + timedelta(minutes=1))

    found = figures()
    states = dict(found.by_state)
    assert (states["finalized"], states["draft"], states["under_review"]) == (1, 0, 0)
    assert found.decided == 1
    assert [bu.name for bu in found.business_units] == ["Customer Operations"]
    assert found.lead_median_hours == 0
    assert found.answers_decided > 0
    assert sum(first for _w, first, _a in found.weeks) == 1


def test_week_labels_are_iso_weeks():
    assert iso_week("2026-01-01T10:00:00Z") == "2026-W01"
    assert iso_week("2024-12-30T10:00:00Z") == "2025-W01"
    assert date(2026, 12, 2).isocalendar()[1] == int(iso_week("2026-12-02T00:00:00Z")[-2:])


def test_two_runs_at_once_cannot_both_count_the_same_events(cast, monkeypatch):
    """A second run starts and commits while the first is half way: the first is refused."""
    from assessments.errors import ConflictError

    _portfolio()
    real_lookups = refresh_module._lookups
    nested = {"done": False}

    async def racing(event, fold):
        if not nested["done"]:
            nested["done"] = True
            await refresh_module.dashboard_refresh()
        return await real_lookups(event, fold)

    monkeypatch.setattr(refresh_module, "_lookups", racing)
    with pytest.raises(ConflictError):
        refresh()

    assert _summary(figures())["states"] == EXPECTED_STATES
