"""manage.py index_questionnaire_usage: index the assessments opened before the usage index existed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from assessments.errors import DomainError
from assessments.services.questionnaire_usage import questionnaire_usage_backfill
from integrations.runtime import run_sync


class Command(BaseCommand):
    help = (
        "Record which questionnaire version each existing assessment uses, for the admin's usage "
        "pages (new assessments are recorded when created). Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = run_sync(questionnaire_usage_backfill)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Assessments seen: {result.seen}; newly indexed: {result.indexed}.")
        )
