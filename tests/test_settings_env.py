"""Settings come from the environment; a bad value stops start-up with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _check(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TRA_", "DJANGO_"))}
    full.update({"TRA_VAR_DIR": str(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "tra_site.settings", **env})
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=full, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TRA_AWS_MAX_ATTEMPTS": "lots"}, "TRA_AWS_MAX_ATTEMPTS='lots' is not an integer"),
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG='maybe' is not a boolean"),
        ({"TRA_TABLE_BACKEND": "mongo"}, "TRA_TABLE_BACKEND='mongo' must be one of: local, dynamodb"),
        ({"TRA_LLM_TEMPERATURE": "3"}, "TRA_LLM_TEMPERATURE=3.0 must be between 0.0 and 1.0"),
        ({"TRA_MODE": "aws"}, "DJANGO_SECRET_KEY must be set when TRA_MODE=aws"),
    ],
)
def test_it_refuses_to_start_with_a_bad_setting_and_names_it(env, message, tmp_path):
    result = _check(env, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_it_generates_the_local_secret_key_once_and_keeps_it(tmp_path):
    assert _check({}, tmp_path).returncode == 0
    key_file = tmp_path / "var" / "secret_key"
    first = key_file.read_text()
    assert len(first) >= 50 and oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert _check({}, tmp_path).returncode == 0
    assert key_file.read_text() == first
