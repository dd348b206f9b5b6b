"""Fold the audit events that are new since the last run into the dashboard's counters.

Safe to run as often as you like (idempotent, resumable). Locally ``runlocal`` runs it every
TRA_DASHBOARD_REFRESH_INTERVAL_S seconds; in AWS schedule it like send_due_reminders (cron or
an EventBridge Scheduler rule running the container's task with this command).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from assessments.dashboard.refresh import dashboard_refresh
from assessments.errors import DomainError
from integrations.runtime import run_sync


class Command(BaseCommand):
    help = "Fold new audit events into the dashboard's counters (reads only what is new)."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--max-pages", type=int, default=50, help="pages of 100 events per run")

    def handle(self, *args: object, max_pages: int, **options: object) -> None:
        try:
            report = run_sync(dashboard_refresh, max_pages=max_pages)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        more = " (more to fold: run again)" if report.more else ""
        self.stdout.write(
            f"events folded: {report.events_folded} of {report.events_read} read, "
            f"commits: {report.commits}, checkpoint: {report.checkpoint or '-'}{more}"
        )
