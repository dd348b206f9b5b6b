"""runlocal starts send_due_reminders every few minutes, never two at once, and says where mail goes."""

from __future__ import annotations

from typing import Any

from assessments.management.commands.runlocal import PeriodicCommand, mail_destination


class FakeProcess:
    def __init__(self) -> None:
        self.returncode: int | None = None

    def poll(self) -> int | None:
        return self.returncode

    def terminate(self) -> None:
        self.returncode = -15


def test_it_runs_at_start_then_every_interval_and_never_two_at_once() -> None:
    now = [100.0]
    started: list[FakeProcess] = []

    def start(argv: list[str]) -> Any:
        assert argv[-1] == "send_due_reminders"
        started.append(FakeProcess())
        return started[-1]

    schedule = PeriodicCommand(
        ["python", "manage.py", "send_due_reminders"], 300, clock=lambda: now[0], start=start
    )
    schedule.poll()
    assert len(started) == 1  # at start-up

    started[0].returncode = 0  # finished
    now[0] = 399.0
    schedule.poll()
    assert len(started) == 1  # not due yet

    now[0] = 400.0
    schedule.poll()
    assert len(started) == 2

    now[0] = 800.0
    schedule.poll()
    assert len(started) == 2  # due, but the last one is still running
    started[1].returncode = 0
    schedule.poll()
    assert len(started) == 3

    schedule.stop()
    assert started[2].returncode == -15


def test_an_interval_of_zero_never_runs_it() -> None:
    schedule = PeriodicCommand(["x"], 0, clock=lambda: 1e9, start=lambda argv: FakeProcess())
    schedule.poll()
    assert schedule.running is None


def test_it_names_where_mail_goes(settings: Any) -> None:
    settings.TRA_EMAIL = "file"
    assert str(settings.EMAIL_FILE_PATH) in mail_destination()
    settings.TRA_EMAIL, settings.EMAIL_HOST, settings.EMAIL_PORT = "smtp", "mail.example.org", 587
    assert mail_destination() == "SMTP mail.example.org:587"
