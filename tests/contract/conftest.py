"""Tables in other states than ``table``'s (fully indexed), on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from integrations.runtime import run_sync
from integrations.table import TableStore
from integrations.table.dynamodb import DynamoTableStore
from integrations.table.local import LocalTableStore


def _store(backend: str, request: pytest.FixtureRequest, tmp_path: Path, name: str) -> TableStore:
    if backend == "local":
        store = LocalTableStore(tmp_path / f"{name}.sqlite3", name)
        request.addfinalizer(store.close)
        return store
    endpoint = request.getfixturevalue("aws")
    settings: Any = request.getfixturevalue("settings")
    return DynamoTableStore(name, endpoint, settings.AWS_REGION, backoff_base=0.001, poll_interval=0.05)


@pytest.fixture(params=["local", "dynamodb"])
def bare_table(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TableStore]:
    """Just created by ``create_table``: gsi1 only."""
    store = _store(request.param, request, tmp_path, "tra-bare")
    run_sync(store.create_table)
    yield store


@pytest.fixture(params=["local", "dynamodb"])
def absent_table(request: pytest.FixtureRequest, tmp_path: Path) -> TableStore:
    """A store whose table was never created."""
    return _store(request.param, request, tmp_path, "tra-absent")
