"""``manage.py check_gsis``: each index's keys, status and item count; exit 1 unless all ACTIVE."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from integrations.errors import IntegrationError, NotFound
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.maintenance import describe_store, format_statuses, unhealthy


class Command(BaseCommand):
    help = (
        "Print the TRA table's indexes (keys, status, item count); exit 1 when one is missing or not ACTIVE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--table", help="table name (default: TRA_TABLE_NAME)")

    def handle(self, *args: Any, **options: Any) -> None:
        store = get_table(options["table"])
        where = describe_store(store)
        try:
            statuses = run_sync(store.index_statuses)
        except NotFound as exc:
            raise CommandError(f"{where} not found ({exc}); create it with: manage.py create_table") from exc
        except IntegrationError as exc:
            raise CommandError(f"Could not describe {where}: {exc}") from exc
        self.stdout.write(f"Indexes of {where}")
        for line in format_statuses(statuses):
            self.stdout.write(line)
        bad = unhealthy(statuses)
        if bad:
            names = ", ".join(f"{s.name} ({s.status})" for s in bad)
            raise CommandError(
                f"{len(bad)} index(es) missing or not ACTIVE: {names}. Add them with: manage.py create_gsis"
            )
        self.stdout.write(self.style.SUCCESS(f"All {len(statuses)} indexes are ACTIVE."))
