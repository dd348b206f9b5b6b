"""Fold the audit events that are new since the last run into the dashboard's counters.

Safe to run as often as you like (idempotent, resumable). Locally ``runlocal`` runs it every
TRA_DASHBOARD_REFRESH_INTERVAL_S seconds; in AWS schedule it like send_due_reminders (cron or
an EventBridge Scheduler rule running the container's task with this command).

On a deployment whose audit trail predates the dashboard, once:
``manage.py refresh_dashboard --backfill-events --rebuild`` (index the older events in
gsi6-entity-type, drop the counters, fold the whole trail again).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from assessments.dashboard.maintenance import dashboard_reset, events_backfill
from assessments.dashboard.refresh import dashboard_refresh
from assessments.errors import DomainError
from integrations.runtime import run_sync


class Command(BaseCommand):
    help = "Fold new audit events into the dashboard's counters (reads only what is new)."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--max-pages", type=int, default=50, help="pages of 100 events per run")
        parser.add_argument(
            "--backfill-events",
            action="store_true",
            help="first index the audit events written before the dashboard existed (walks every assessment)",
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="first delete the counters, then fold the whole trail again",
        )

    def handle(
        self, *args: object, max_pages: int, backfill_events: bool, rebuild: bool, **options: object
    ) -> None:
        try:
            if backfill_events:
                done = run_sync(events_backfill)
                self.stdout.write(
                    f"events indexed: {done.events_indexed} (of {done.assessments} assessments' trails)"
                )
            if rebuild:
                self.stdout.write(f"dashboard items deleted: {run_sync(dashboard_reset)}")
            report = run_sync(dashboard_refresh, max_pages=max_pages)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        more = " (more to fold: run again)" if report.more else ""
        self.stdout.write(
            f"events folded: {report.events_folded} of {report.events_read} read, "
            f"commits: {report.commits}, checkpoint: {report.checkpoint or '-'}{more}"
        )
