"""`manage.py runlocal` starts several task workers, so one long document never blocks the rest."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command

from assessments.management.commands import runlocal


class _Child:
    """A started process that has already exited, so runlocal stops at once."""

    def __init__(self, args: list[str], started: list[list[str]]) -> None:
        started.append(args)
        self.returncode = 0

    def poll(self) -> int:
        return 0

    def send_signal(self, _signal: int) -> None:
        raise AssertionError("an exited child is not signalled")

    def wait(self, timeout: float | None = None) -> int:
        return 0


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    commands: list[list[str]] = []
    monkeypatch.setattr(runlocal.subprocess, "Popen", lambda args, **_: _Child(args, commands))
    monkeypatch.setattr(runlocal.signal, "signal", lambda *_: None)
    return commands


@pytest.mark.django_db
@pytest.mark.parametrize("workers", [1, 2, 3])
def test_it_starts_as_many_task_workers_as_configured(
    settings: Any, started: list[list[str]], workers: int
) -> None:
    settings.TRA_TASK_WORKERS = workers
    with pytest.raises(CommandError, match="exited"):
        call_command("runlocal", "--port", "8765")
    worker_runs = [args for args in started if "run_worker" in args]
    assert len(worker_runs) == workers
    assert len(started) == workers + 1  # and one web server


@pytest.mark.django_db
def test_it_serves_with_as_many_web_workers_as_configured(settings: Any, started: list[list[str]]) -> None:
    settings.TRA_WEB_WORKERS = 3
    with pytest.raises(CommandError, match="exited"):
        call_command("runlocal", "--port", "8765")
    [web] = [args for args in started if "tra_site.serve" in args]
    assert web[web.index("--workers") + 1] == "3"
