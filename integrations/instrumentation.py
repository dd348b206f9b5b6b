"""The one point every call to an AWS service (or its local stand-in) passes through.

Tests and benchmarks open a ``CallRecorder`` to count calls by (service, operation); that
is how "one Query per page" and "no Scan in a request path" are proven.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Iterator

_lock = threading.Lock()
_recorders: list[CallRecorder] = []


class CallRecorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def count(self, service: str, operation: str | None = None) -> int:
        return sum(1 for s, op in self.calls if s == service and (operation is None or op == operation))

    def by_operation(self) -> Counter[tuple[str, str]]:
        return Counter(self.calls)

    def clear(self) -> None:
        self.calls.clear()


def record(service: str, operation: str) -> None:
    """Note one call. ``service`` is e.g. ``dynamodb`` (both table backends), ``s3``, ``bedrock-runtime``."""
    with _lock:
        for recorder in _recorders:
            recorder.calls.append((service, operation))


@contextlib.contextmanager
def recording() -> Iterator[CallRecorder]:
    recorder = CallRecorder()
    with _lock:
        _recorders.append(recorder)
    try:
        yield recorder
    finally:
        with _lock:
            _recorders.remove(recorder)
