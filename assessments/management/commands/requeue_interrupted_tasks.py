"""Put tasks a dead worker left "running" back in the queue, so a restart finishes them.

django-tasks-db marks a task RUNNING when a worker claims it and nothing resets it if that
worker is killed. ``runlocal`` owns every local worker and requeues before starting them, so
at start-up every RUNNING task is an orphan (``--all``). Where several workers share a database, ``--older-than`` only
requeues tasks running for longer than any task legitimately takes. Our tasks are idempotent
(they start from what the TRA table says), so running one twice is safe; a document whose runs
keep being interrupted is failed by its own run count (``TRA_TASK_MAX_ATTEMPTS``), so a
poisonous document cannot come back for ever.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = "Requeue background tasks left running by a worker that died."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument(
            "--all", action="store_true", help="requeue every running task (no worker running)"
        )
        group.add_argument("--older-than", type=int, metavar="SECONDS", help="only tasks running this long")

    def handle(self, *args: object, all: bool, older_than: int | None, **options: object) -> None:
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
        if older_than is not None:
            if older_than < 0:
                raise CommandError("--older-than must be zero or more seconds")
            running = running.filter(started_at__lt=timezone.now() - timedelta(seconds=older_than))
        count = running.update(status=TaskResultStatus.READY, started_at=None)
        self.stdout.write(f"Requeued {count} interrupted task(s).")
