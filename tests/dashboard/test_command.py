"""``manage.py refresh_dashboard``: what a cron job or runlocal runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO

from django.core.management import call_command

from tests.dashboard.helpers import Script, days_ago, figures, refresh


def test_the_command_folds_what_is_new_and_says_how_much(cast):
    Script("TRA-C1").created(days_ago(2)).submit(days_ago(1), due_on=days_ago(-5).date())
    out = StringIO()

    call_command("refresh_dashboard", stdout=out)
    call_command("refresh_dashboard", stdout=out)

    first, second = out.getvalue().splitlines()
    assert first.startswith("events folded: 2 of 2 read, commits: 1")
    # The second run reads from the checkpoint on: only the event at the checkpoint, again.
    assert second.startswith("events folded: 0 of 1 read, commits: 0")
    assert dict(figures().by_state)["submitted"] == 1


def test_a_trail_from_before_the_dashboard_is_indexed_and_folded_once_rebuilt(cast):
    """Events written before they carried updated_at are not in gsi6 until --backfill-events."""
    from integrations.runtime import run_sync
    from integrations.table import get_table
    from tests.review.helpers import events, submitted

    assessment_id = submitted(cast)
    table = get_table()
    for event in events(assessment_id):
        old = {k: v for k, v in event.items() if k != "updated_at"}
        run_sync(table.put, old)
    Script("TRA-NEWER").created(days_ago(1))
    call_command("refresh_dashboard", stdout=StringIO())
    assert dict(figures().by_state)["submitted"] == 0  # the old trail is invisible to the fold

    out = StringIO()
    call_command("refresh_dashboard", "--backfill-events", "--rebuild", stdout=out)
    call_command("refresh_dashboard", "--backfill-events", stdout=out)

    # The trail was written a moment ago: fold it past the settling time.
    refresh(now=datetime.now(UTC) + timedelta(minutes=1))
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("events indexed: ") and not lines[0].startswith("events indexed: 0")
    assert lines[3].startswith("events indexed: 0")  # the second run finds nothing to do
    states = dict(figures().by_state)
    assert (states["submitted"], states["draft"]) == (1, 1)
