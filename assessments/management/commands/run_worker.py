"""``manage.py run_worker``: django-tasks-db's ``db_worker``, plus a heartbeat for ``/healthz``.

Every option of ``db_worker`` works the same. A thread writes this worker's heartbeat (an item
``WORKER#heartbeat`` / worker id, with ``seen_at``) every ``--heartbeat-interval`` seconds
(``TRA_WORKER_HEARTBEAT_SECONDS``) and removes it when the worker stops cleanly; the readiness
check fails when the newest heartbeat is older than ``TRA_WORKER_HEARTBEAT_MAX_AGE``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from assessments.services.health import worker_heartbeat_delete, worker_heartbeat_put
from integrations.errors import IntegrationError
from integrations.runtime import close_loop_resources

log = logging.getLogger(__name__)


class Heartbeat:
    """A daemon thread with its own event loop, beating until ``stop()``."""

    def __init__(self, *, worker_id: str, interval: float) -> None:
        self.worker_id = worker_id
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tra-worker-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        try:
            while True:
                self._call(loop, worker_heartbeat_put, "write")
                if self._stop.wait(self.interval):
                    break
            self._call(loop, worker_heartbeat_delete, "remove")
        finally:
            loop.run_until_complete(close_loop_resources())
            loop.close()

    def _call(self, loop: asyncio.AbstractEventLoop, fn: Any, what: str) -> None:
        try:
            loop.run_until_complete(fn(worker_id=self.worker_id))
        except IntegrationError as exc:
            # The table is down: the readiness check will say so; keep beating meanwhile.
            log.warning("worker %s could not %s its heartbeat: %s", self.worker_id, what, exc)


class Command(DbWorkerCommand):
    help = "Run the task worker (django-tasks-db db_worker) and write its heartbeat for /healthz."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat-interval",
            type=float,
            default=None,
            help="Seconds between heartbeats (default: TRA_WORKER_HEARTBEAT_SECONDS).",
        )

    def handle(self, *args: Any, heartbeat_interval: float | None = None, **options: Any) -> None:
        # With --reload, db_worker runs the worker in a child process: only that one beats.
        reloading = options.get("reload") and not options.get("batch")
        if reloading and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            super().handle(*args, **options)
            return
        heartbeat = Heartbeat(
            worker_id=options["worker_id"],
            interval=heartbeat_interval or settings.TRA_WORKER_HEARTBEAT_SECONDS,
        )
        heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stop()
