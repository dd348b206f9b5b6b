"""The real local stack for the HTTP benchmark, started from any checkout of the app.

Like ``tests/stack.py`` (a temp ``TRA_VAR_DIR``, ``bootstrap_local``, then ``manage.py runlocal``
in its own process group on a free loopback port), but the app directory is a parameter so the
same benchmark can drive an older clone (the "before" figures) and the working tree (the
"after"). The server only ever listens on 127.0.0.1 and is stopped however the benchmark ends.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
BOOTSTRAP_TIMEOUT_S = 240
START_TIMEOUT_S = 90


@dataclass(frozen=True)
class Stack:
    app_dir: Path
    var_dir: Path
    port: int
    log_path: Path
    pgid: int = 0  # the runlocal process group: server, workers and supervisor

    def cpu_seconds(self) -> float:
        """CPU time used so far by every live process of the stack (Linux /proc), in seconds."""
        return group_cpu_seconds(self.pgid)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def password(self, username: str) -> str:
        return json.loads((self.var_dir / "demo-users.json").read_text())[username]

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except FileNotFoundError:
            return ""


def group_cpu_seconds(pgid: int) -> float:
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # After the command name in parentheses: state ppid pgrp ... utime(12) stime cutime cstime.
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[2]) == pgid:
            ticks += sum(int(f) for f in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _env(var_dir: Path, port: int) -> dict[str, str]:
    # None of the calling process's TRA_/DJANGO_ settings: the stack is a plain local install.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRA_", "DJANGO_"))}
    env.update(
        {
            "TRA_VAR_DIR": str(var_dir),
            "TRA_PORT": str(port),
            "TRA_HOST": HOST,
            "DJANGO_SETTINGS_MODULE": "tra_site.settings",
        }
    )
    return env


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/login/", timeout=5) as response:  # noqa: S310 - loopback only
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_stack(app_dir: Path) -> Iterator[Stack]:
    """Bootstrap and start ``runlocal`` from ``app_dir``; stop its whole process group on exit."""
    with tempfile.TemporaryDirectory(prefix="tra-bench-") as tmp:
        stack = Stack(
            app_dir=app_dir,
            var_dir=Path(tmp) / "var",
            port=free_port(),
            log_path=Path(tmp) / "runlocal.log",
        )
        env = _env(stack.var_dir, stack.port)
        boot = subprocess.run(
            [sys.executable, "manage.py", "bootstrap_local"],
            cwd=app_dir,
            env=env,
            capture_output=True,
            text=True,
            timeout=BOOTSTRAP_TIMEOUT_S,
        )
        if boot.returncode != 0:
            raise RuntimeError(f"bootstrap_local failed in {app_dir}:\n{boot.stderr[-3000:]}")
        with open(stack.log_path, "ab") as log:
            proc = subprocess.Popen(
                [sys.executable, "manage.py", "runlocal", "--host", HOST, "--port", str(stack.port)],
                cwd=app_dir,
                env=env,
                start_new_session=True,  # its own process group: server, worker and supervisor stop together
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        stack = dataclasses.replace(stack, pgid=proc.pid)  # a new session: its leader's pid is the group
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not _answers(stack.url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"runlocal did not come up (exit status {proc.poll()}):\n{stack.log_tail()}"
                    )
                time.sleep(0.3)
            yield stack
        finally:
            _stop(proc)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    # A child that ignored SIGTERM must not outlive the benchmark.
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
