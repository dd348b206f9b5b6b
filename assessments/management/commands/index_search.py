"""manage.py index_search: write the search index's entries of the assessments opened before it existed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from assessments.errors import DomainError
from assessments.services.search_index import search_index_backfill
from integrations.runtime import run_sync


class Command(BaseCommand):
    help = (
        "Index every assessment for search (new assessments are indexed when created). "
        "Safe to run again: it rewrites the same entries."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = run_sync(search_index_backfill)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Assessments indexed: {result.seen}; entries written: {result.entries}.")
        )
