"""Nothing written is lost when everything `make run` started is killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(var_dir: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRA_", "DJANGO_"))}
    env.update(
        {"TRA_VAR_DIR": str(var_dir), "TRA_PORT": str(port), "DJANGO_SETTINGS_MODULE": "tra_site.settings"}
    )
    return env


def _start(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "runlocal"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/login/", timeout=1).status_code == 200:
                return proc
        except requests.ConnectionError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError("the local server did not come up within 60 s")


def _login(port: int, username: str, password: str) -> requests.Session:
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


def test_it_keeps_every_saved_answer_after_kill_9_of_the_whole_local_stack(tmp_path):
    port = _free_port()
    env = _env(tmp_path / "var", port)
    subprocess.run(
        [sys.executable, "manage.py", "bootstrap_local"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    password = json.loads((tmp_path / "var" / "demo-users.json").read_text())["requestor"]

    proc = _start(env, port)
    base = f"http://127.0.0.1:{port}/api"
    session = _login(port, "requestor", password)
    created = session.post(
        f"{base}/assessments",
        json={
            "title": "Survives kill -9",
            "project": "P",
            "data_classification": "Internal",
            "business_unit": "B",
        },
    )
    assert created.status_code == 201, created.text
    assessment_id = created.json()["id"]
    saved = session.put(f"{base}/assessments/{assessment_id}/answers/Q-06", json={"value": "Yes"})
    assert saved.status_code == 200, saved.text
    os.killpg(proc.pid, signal.SIGKILL)  # the web server, the worker and the supervisor, at once
    proc.wait(timeout=10)

    proc = _start(env, port)
    try:
        session = _login(port, "requestor", password)
        detail = session.get(f"{base}/assessments/{assessment_id}").json()
        assert detail["assessment"]["title"] == "Survives kill -9"
        assert {a["question_id"]: a["value"] for a in detail["answers"]} == {"Q-06": "Yes"}
        assert "data_privacy" in detail["assessment"]["active_areas"]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
