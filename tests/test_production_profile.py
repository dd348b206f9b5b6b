"""The production-like profile: the same web tests on PostgreSQL, with channels-redis configured.

Skipped, with the reason printed, where no PostgreSQL or Redis answers on the standard ports.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("TRA_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TRA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_it_runs_the_requestor_and_review_flows_on_postgresql_and_redis(tmp_path):
    if not _listening(5432) or not _listening(6379):
        pytest.skip(
            "production-like profile skipped: PostgreSQL (5432) and Redis (6379) are not both running here"
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRA_", "DJANGO_"))}
    env.update({"DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "TRA_VAR_DIR": str(tmp_path / "var")})
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--create-db",
            "tests/web/test_requestor_flow.py",
            "tests/web/test_review.py",
            "tests/web/test_answers.py",
            "-k",
            "not production_profile",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
