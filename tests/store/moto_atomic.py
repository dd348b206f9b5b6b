"""Make the moto server's DynamoDB apply each request atomically, as DynamoDB does.

moto serves requests on threads and its ``transact_write_items`` is not atomic between them:
it reads, writes and (on failure) restores a deep copy of the whole table without a lock, so
two concurrent transactions can lose one's ``ADD`` or restore over the other's writes. Real
DynamoDB executes every item write and transaction atomically (serialisably) and cancels
one of two overlapping transactions with ``TransactionConflict`` instead, which
``tests/contract/test_updates.py`` covers with a client that answers so.

Concurrency tests that count increments on the moto backend wrap moto's item operations in
one lock for their duration. (Proposed for ``tests/fixtures/aws.py`` so every moto test gets it.)
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_OPERATIONS = ("put_item", "get_item", "query", "update_item", "delete_item", "transact_write_items")


@contextmanager
def atomic_moto_dynamodb() -> Iterator[None]:
    from moto.dynamodb.models import DynamoDBBackend

    lock = threading.RLock()
    originals = {name: getattr(DynamoDBBackend, name) for name in _OPERATIONS}

    def locked(fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return fn(*args, **kwargs)

        return wrapper

    for name, fn in originals.items():
        setattr(DynamoDBBackend, name, locked(fn))
    try:
        yield
    finally:
        for name, fn in originals.items():
            setattr(DynamoDBBackend, name, fn)
