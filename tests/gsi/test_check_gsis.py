"""``manage.py check_gsis``: the index report, and its exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from django.conf import settings

from integrations.runtime import run_sync
from integrations.table import get_table, schema
from tests.gsi.conftest import Backend, run


def _rows(out: str) -> dict[str, list[str]]:
    return {
        line.split()[0]: line.split()
        for line in out.splitlines()
        if line.split() and line.split()[0].startswith("gsi")
    }


def test_it_fails_and_lists_the_missing_indexes_on_a_new_table(new_table: Backend) -> None:
    result = run("check_gsis")

    assert result.code == 1
    rows = _rows(result.out)
    for index in schema.INDEXES:
        expected = "ACTIVE" if index in schema.TABLE_INDEXES else "MISSING"
        assert rows[index.name][1:4] == [index.hash_key, index.range_key, expected]
    assert "gsi2-session-entity (MISSING)" in result.err and "create_gsis" in result.err


def test_it_passes_with_every_index_active_and_shows_counts(new_table: Backend) -> None:
    assert run("create_gsis").code == 0
    run_sync(
        get_table().batch_write,
        puts=[
            {"pk": "ASSESSMENT#A", "sk": "META", "entity_type": "ASSESSMENT", "updated_at": "2026-01-01"},
            {"pk": "ASSESSMENT#B", "sk": "META", "entity_type": "ASSESSMENT", "updated_at": "2026-01-02"},
        ],
    )

    result = run("check_gsis")

    assert result.code == 0, result.err
    rows = _rows(result.out)
    assert [rows[i.name][3] for i in schema.INDEXES] == ["ACTIVE"] * len(schema.INDEXES)
    # The local store counts; moto leaves ItemCount out of GSI descriptions ("-").
    expected_count = "2" if new_table.name == "local" else "-"
    assert rows["gsi6-entity-type"][4] == expected_count
    assert "All 6 indexes are ACTIVE" in result.out


def test_it_fails_clearly_when_the_table_does_not_exist(backend: Backend) -> None:
    result = run("check_gsis")

    assert result.code == 1 and "create_table" in result.err


def test_it_exits_1_then_0_from_the_shell(tmp_path: Path) -> None:
    environment = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "tra_site.settings",
        "TRA_MODE": "local",
        "TRA_VAR_DIR": str(tmp_path),
        "TRA_TABLE_BACKEND": "local",
    }

    def manage(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert manage("create_table").returncode == 0
    missing = manage("check_gsis")
    assert manage("create_gsis").returncode == 0
    complete = manage("check_gsis")

    assert missing.returncode == 1 and "MISSING" in missing.stdout
    assert complete.returncode == 0 and "MISSING" not in complete.stdout
