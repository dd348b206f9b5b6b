"""The real local stack for tests: `manage.py runlocal` (uvicorn + task worker) in a subprocess.

Each stack has its own TRA_VAR_DIR (database, TRA table, documents, channel layer file) and its
own port, and runs in its own process group, so a test can kill -9 the server, the worker and
their supervisor at once. Tests using it talk to the subprocess only: they need no Django DB.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stack_env(var_dir: Path, port: int) -> dict[str, str]:
    """This process's environment without any TRA_/DJANGO_ setting of the test run's own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRA_", "DJANGO_"))}
    env.update(
        {"TRA_VAR_DIR": str(var_dir), "TRA_PORT": str(port), "DJANGO_SETTINGS_MODULE": "tra_site.settings"}
    )
    return env


def bootstrap(env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "bootstrap_local"], cwd=ROOT, env=env, check=True, capture_output=True
    )


def demo_passwords(var_dir: Path) -> dict[str, str]:
    return json.loads((var_dir / "demo-users.json").read_text())


def start(env: dict[str, str], port: int, log_path: Path | None = None) -> subprocess.Popen[bytes]:
    """Start runlocal in a new session (its own process group); return once /login/ answers."""
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 - the child keeps it
    try:
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "runlocal"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=log,
            stderr=subprocess.STDOUT if log_path else subprocess.DEVNULL,
        )
    finally:
        if log_path:
            log.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            # The first request of a fresh server can take seconds on a busy 2-core machine.
            if requests.get(f"http://127.0.0.1:{port}/login/", timeout=5).status_code == 200:
                return proc
        except requests.RequestException:  # not listening yet, or not answering yet
            time.sleep(0.2)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError(f"the local server did not come up within 60 s (exit status {proc.poll()})")


def kill_9(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the web server, the worker and the supervisor, at once."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C-like stop of the whole group; kill -9 whatever is still there after 20 s."""
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        kill_9(proc)
    # The supervisor is gone; a child that ignored SIGTERM must not outlive the test.
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def login(port: int, username: str, password: str) -> requests.Session:
    session = requests.Session()
    base = f"http://127.0.0.1:{port}"
    session.get(f"{base}/login/")
    response = session.post(
        f"{base}/login/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": f"{base}/login/"},
    )
    assert response.status_code == 200 and "Log out" in response.text
    session.headers["X-CSRFToken"] = session.cookies["csrftoken"]
    return session


@dataclass
class LocalStack:
    """One bootstrapped local installation; start, kill -9 and restart it on the same var dir."""

    var_dir: Path
    port: int
    log_path: Path
    proc: subprocess.Popen[bytes] | None = None

    @classmethod
    def bootstrapped(cls, tmp_path: Path) -> LocalStack:
        stack = cls(var_dir=tmp_path / "var", port=free_port(), log_path=tmp_path / "runlocal.log")
        bootstrap(stack.env)
        return stack

    @property
    def env(self) -> dict[str, str]:
        return stack_env(self.var_dir, self.port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def password(self, username: str) -> str:
        return demo_passwords(self.var_dir)[username]

    def start(self) -> None:
        self.proc = start(self.env, self.port, self.log_path)

    def kill_9(self) -> None:
        assert self.proc is not None
        kill_9(self.proc)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)
            self.proc = None

    def login(self, username: str) -> requests.Session:
        return login(self.port, username, self.password(username))

    def log_tail(self, chars: int = 4000) -> str:
        """The end of the server's and worker's output, for failure messages."""
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except FileNotFoundError:
            return ""


@contextmanager
def running_stack(tmp_path: Path) -> Iterator[LocalStack]:
    """A bootstrapped, started stack that is stopped however the test ends."""
    stack = LocalStack.bootstrapped(tmp_path)
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()
