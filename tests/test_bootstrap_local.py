"""``manage.py bootstrap_local``: what `make run` prepares and prints before serving."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from integrations.runtime import run_sync
from integrations.table import forget_tables, get_table

pytestmark = pytest.mark.django_db


def test_it_creates_the_indexes_itself_and_never_tells_the_user_to(settings: Any, tmp_path: Path) -> None:
    settings.TRA_TABLE_BACKEND = "local"
    settings.TRA_LOCAL_TABLE_PATH = tmp_path / "fresh-table.sqlite3"
    forget_tables()
    out = StringIO()
    try:
        call_command("bootstrap_local", stdout=out)
        statuses = run_sync(get_table().index_statuses)
    finally:
        forget_tables()

    printed = out.getvalue()
    assert "create_gsis" not in printed
    assert f"Table {settings.TRA_TABLE_NAME} and its indexes are ready." in printed
    assert statuses and {s.status for s in statuses} == {"ACTIVE"}


def test_it_makes_the_document_directory_so_a_fresh_start_is_ready(settings: Any, tmp_path: Path) -> None:
    settings.TRA_TABLE_BACKEND = "local"
    settings.TRA_LOCAL_TABLE_PATH = tmp_path / "fresh-table.sqlite3"
    settings.TRA_DOCUMENT_STORE = "local"
    settings.TRA_DOCUMENT_DIR = tmp_path / "documents"
    forget_tables()
    try:
        call_command("bootstrap_local", stdout=StringIO())
    finally:
        forget_tables()

    assert settings.TRA_DOCUMENT_DIR.is_dir()
