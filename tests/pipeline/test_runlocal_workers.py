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
    worker_runs = [args for args in started if "uvicorn" not in args]
    assert len(worker_runs) == workers
    assert len(started) == workers + 1  # and one web server


def test_it_runs_the_heartbeat_worker_when_the_project_has_it(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runlocal, "_COMMANDS", tmp_path)
    assert runlocal.worker_command("python")[2] == "db_worker"
    (tmp_path / "run_worker.py").write_text("")
    assert runlocal.worker_command("python")[2] == "run_worker"
