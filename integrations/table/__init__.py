"""The TRA table: ``get_table()`` gives the backend the settings select.

``TRA_TABLE_BACKEND=local`` is the SQLite store at ``TRA_LOCAL_TABLE_PATH``; ``dynamodb`` is
DynamoDB (``TRA_DYNAMODB_ENDPOINT_URL`` may point it at a moto server). Both implement
``TableStore`` (``contract.py``) and pass one contract test suite.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings

from integrations.table.contract import (
    BatchResult,
    Check,
    Condition,
    Delete,
    IndexStatus,
    Item,
    Page,
    Put,
    SortKey,
    TableDescription,
    TableStore,
    TransactOp,
    Update,
)

__all__ = [
    "BatchResult",
    "Check",
    "Condition",
    "Delete",
    "IndexStatus",
    "Item",
    "Page",
    "Put",
    "SortKey",
    "TableDescription",
    "TableStore",
    "TransactOp",
    "Update",
    "forget_tables",
    "get_table",
]

_lock = threading.Lock()
_stores: dict[tuple[object, ...], TableStore] = {}


def _cache_key(table_name: str) -> tuple[object, ...]:
    # Keyed on the settings themselves, so a test that changes them gets a fresh store.
    if settings.TRA_TABLE_BACKEND == "local":
        return ("local", str(Path(settings.TRA_LOCAL_TABLE_PATH).resolve()), table_name)
    return ("dynamodb", table_name, settings.TRA_DYNAMODB_ENDPOINT_URL, settings.AWS_REGION)


def get_table(table_name: str | None = None) -> TableStore:
    """The process's store for the TRA table (``table_name`` overrides ``TRA_TABLE_NAME``).

    One instance per backend configuration: the local store keeps its SQLite connections
    and writer thread for the life of the process; the DynamoDB store is stateless (its
    clients live per event loop in ``integrations.clients``).
    """
    name = table_name or settings.TRA_TABLE_NAME
    key = _cache_key(name)
    with _lock:
        store = _stores.get(key)
        if store is None:
            store = _build(name)
            _stores[key] = store
        return store


def _build(table_name: str) -> TableStore:
    if settings.TRA_TABLE_BACKEND == "local":
        from integrations.table.local import LocalTableStore

        return LocalTableStore(Path(settings.TRA_LOCAL_TABLE_PATH), table_name)
    from integrations.table.dynamodb import DynamoTableStore

    return DynamoTableStore(table_name, settings.TRA_DYNAMODB_ENDPOINT_URL, settings.AWS_REGION)


def forget_tables() -> None:
    """Drop the cached stores, closing local ones (tests, after pointing settings elsewhere)."""
    with _lock:
        stores = list(_stores.values())
        _stores.clear()
    for store in stores:
        close = getattr(store, "close", None)
        if close is not None:
            close()
