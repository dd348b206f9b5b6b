"""``manage.py create_gsis``: add the missing GSIs of ``schema.INDEXES`` to the TRA table.

One UpdateTable per index, waiting for each to turn ACTIVE with a progress line per poll.
Idempotent; ``--dry-run`` only reports. Works on the local store too (SQLite indexes).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from integrations.errors import IntegrationError, NotFound
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.maintenance import IndexProblem, create_missing_indexes, describe_store


class Command(BaseCommand):
    help = "Add the TRA table's missing global secondary indexes, one UpdateTable each, waiting for ACTIVE."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--table", help="table name (default: TRA_TABLE_NAME)")
        parser.add_argument("--dry-run", action="store_true", help="print what would be done; change nothing")
        parser.add_argument(
            "--timeout",
            type=float,
            default=3600.0,
            help="seconds to wait for each index to turn ACTIVE before failing (default 3600)",
        )
        parser.add_argument(
            "--interval", type=float, default=10.0, help="seconds between status polls (default 10)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        store = get_table(options["table"])
        where = describe_store(store)
        self.stdout.write(("[dry run] " if options["dry_run"] else "") + f"Indexes of {where}")
        try:
            created = run_sync(
                create_missing_indexes,
                store,
                dry_run=options["dry_run"],
                timeout=options["timeout"],
                interval=options["interval"],
                write=self.stdout.write,
            )
        except NotFound as exc:
            raise CommandError(f"{where} not found ({exc}); create it with: manage.py create_table") from exc
        except (IndexProblem, IntegrationError) as exc:
            raise CommandError(str(exc)) from exc
        if created and not options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Created {len(created)} index(es): {', '.join(created)}"))
