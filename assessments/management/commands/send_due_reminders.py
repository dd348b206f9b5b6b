"""Send "review due in 2 days" and "overdue" notifications; safe to run as often as you like.

Locally ``runlocal`` runs it every TRA_DUE_REMINDER_INTERVAL_S seconds. In AWS, schedule it:
cron (``*/15 * * * * manage.py send_due_reminders``) or an EventBridge Scheduler rule running
the container's task with this command. Each reminder goes out once per due date.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assessments.errors import DomainError
from assessments.notifications.reminders import due_reminders_send
from integrations.runtime import run_sync


class Command(BaseCommand):
    help = "Notify reviewers of reviews due within 2 days or overdue (each reminder once)."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default: today, UTC)"
        )

    def handle(self, *args: object, today: date | None, **options: object) -> None:
        try:
            report = run_sync(due_reminders_send, today=today or timezone.now().date())
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            f"due soon: {len(report.due_soon)}, overdue: {len(report.overdue)}, "
            f"already reminded: {report.already_sent}"
        )
