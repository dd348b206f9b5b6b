"""Serve the app (ASGI, websockets included) and run the task workers; Ctrl-C stops them all.

``TRA_WEB_WORKERS`` web processes (default 2: one per core here) serve requests; the local
table store, sessions, sign-in throttle and channel layer are WAL-journalled SQLite files that
processes share. ``TRA_TASK_WORKERS`` workers (default 2) take tasks from the queue, so one long
document never holds back everyone else's; a worker is ``run_worker`` (django-tasks' worker plus
a heartbeat for /healthz).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def worker_command(python: str) -> list[str]:
    """The command line of one task worker."""
    return [python, "manage.py", "run_worker", "--interval", "0.5"]


class PeriodicCommand:
    """Starts a management command every ``interval`` seconds (first at start-up), never two at
    once: locally, the due reminders (in AWS a scheduler runs send_due_reminders instead)."""

    def __init__(
        self,
        argv: list[str],
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        start: Callable[[list[str]], subprocess.Popen] = subprocess.Popen,
    ) -> None:
        self.argv, self.interval, self.clock, self.start = argv, interval, clock, start
        self.next_at = clock()
        self.running: subprocess.Popen | None = None

    def poll(self) -> None:
        if self.interval <= 0 or (self.running is not None and self.running.poll() is None):
            return
        now = self.clock()
        if now >= self.next_at:
            self.running = self.start(self.argv)
            self.next_at = now + self.interval

    def stop(self) -> None:
        if self.running is not None and self.running.poll() is None:
            self.running.terminate()


def mail_destination() -> str:
    """Where notification e-mails go, for the start-up banner."""
    return {
        "file": f"files under {settings.EMAIL_FILE_PATH}",
        "console": "the console",
        "smtp": f"SMTP {settings.EMAIL_HOST}:{settings.EMAIL_PORT}",
        "ses": "Amazon SES",
    }[settings.TRA_EMAIL]


class Command(BaseCommand):
    help = "Run the web server (uvicorn) and the background task workers together."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--host", default=os.environ.get("TRA_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("TRA_PORT", "8000")))

    def handle(self, *args: object, host: str, port: int, **options: object) -> None:
        python = sys.executable
        # This command owns every local worker: whatever a killed run left "running" is an
        # orphan, and is put back in the queue before the new workers start.
        call_command("requeue_interrupted_tasks", "--all")
        children = {
            "web": subprocess.Popen(
                [
                    python,
                    "-m",
                    # uvicorn's command line, with TCP_NODELAY kept on the socket it shares
                    # between workers (see tra_site/serve.py).
                    "tra_site.serve",
                    "tra_site.asgi:application",
                    "--host",
                    host,
                    "--port",
                    str(port),
                    "--lifespan",
                    "on",
                    "--no-access-log",
                    "--workers",
                    str(settings.TRA_WEB_WORKERS),
                ]
            ),
        }
        for number in range(1, settings.TRA_TASK_WORKERS + 1):
            children[f"worker {number}"] = subprocess.Popen(worker_command(python))
        reminders = PeriodicCommand(
            [python, "manage.py", "send_due_reminders"], settings.TRA_DUE_REMINDER_INTERVAL_S
        )
        dashboard = PeriodicCommand(
            [python, "manage.py", "refresh_dashboard"], settings.TRA_DASHBOARD_REFRESH_INTERVAL_S
        )
        reassessment_reminders = PeriodicCommand(
            [python, "manage.py", "send_reassessment_reminders"], settings.TRA_DUE_REMINDER_INTERVAL_S
        )
        self.stdout.write(self.style.SUCCESS(f"TRA is at http://{host}:{port}/  (Ctrl-C stops it)"))
        self.stdout.write(f"Notification e-mails go to {mail_destination()}.")
        stopping = False

        def stop(_signum: int, _frame: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        failed = None
        while not stopping:
            for name, child in children.items():
                if child.poll() is not None:
                    failed = f"{name} exited with status {child.returncode}"
                    stopping = True
            reminders.poll()
            dashboard.poll()
            reassessment_reminders.poll()
            time.sleep(0.2)
        reminders.stop()
        dashboard.stop()
        reassessment_reminders.stop()
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        if failed:
            raise CommandError(failed)
        self.stdout.write("Stopped.")
