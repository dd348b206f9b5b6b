"""Tell owners that a finalized assessment has reached its review date; safe to run as often as
you like (each review date is reminded once). Schedule it beside send_due_reminders (daily is
enough: review dates are days)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from assessments.errors import DomainError
from assessments.notifications.reassessment_reminders import reassessment_reminders_send
from integrations.runtime import run_sync


class Command(BaseCommand):
    help = "Notify owners of finalized assessments due for reassessment (each review date once)."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--today", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default: today, UTC)"
        )

    def handle(self, *args: object, today: date | None, **options: object) -> None:
        try:
            sent, already = run_sync(reassessment_reminders_send, today=today or timezone.now().date())
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"reassessment due: {len(sent)}, already reminded: {already}")
