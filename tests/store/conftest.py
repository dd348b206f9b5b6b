"""Store tests run on both table backends: the local store and DynamoDB through moto."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from integrations.runtime import run_sync
from integrations.table import TableStore, forget_tables, get_table
from tests.fixtures.tables import create_with_all_indexes
from tests.store.moto_atomic import atomic_moto_dynamodb


@pytest.fixture(params=["local", "dynamodb"])
def tra_table(request: pytest.FixtureRequest, settings: Any, tmp_path: Path) -> Iterator[TableStore]:
    """The app's table (``get_table()``), once per backend, every index created."""
    if request.param == "dynamodb":
        with atomic_moto_dynamodb():
            yield request.getfixturevalue("tra_table_dynamo")
        return
    settings.TRA_TABLE_BACKEND = "local"
    settings.TRA_LOCAL_TABLE_PATH = tmp_path / "tra-table.sqlite3"
    forget_tables()
    store = get_table()
    run_sync(create_with_all_indexes, store)
    yield store
    forget_tables()
