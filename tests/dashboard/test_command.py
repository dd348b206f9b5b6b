"""``manage.py refresh_dashboard``: what a cron job or runlocal runs."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from tests.dashboard.helpers import Script, days_ago, figures


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
