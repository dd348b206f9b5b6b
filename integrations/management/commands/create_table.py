"""``manage.py create_table``: create the TRA table (with gsi1) if it does not exist."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from integrations.errors import IntegrationError
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.maintenance import describe_store


class Command(BaseCommand):
    help = "Create the TRA table with gsi1 on the backend the settings select. Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--table", help="table name (default: TRA_TABLE_NAME)")

    def handle(self, *args: Any, **options: Any) -> None:
        store = get_table(options["table"])
        try:
            created = run_sync(store.create_table)
        except IntegrationError as exc:
            raise CommandError(f"Could not create {describe_store(store)}: {exc}") from exc
        if created:
            self.stdout.write(self.style.SUCCESS(f"Created {describe_store(store)}."))
        else:
            self.stdout.write(f"{describe_store(store)} exists already; nothing to do.")
        self.stdout.write("Add the other indexes with: manage.py create_gsis")
