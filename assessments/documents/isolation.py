"""Run one document's CPU-bound step in a child process with a time and a memory budget.

A document can be slow (a pathological PDF) or greedy (a spreadsheet that inflates): in a
thread it would hold the worker, or take the whole process down with it. In a child it is
killed when its wall-clock time runs out, and its address space is capped with
``RLIMIT_AS`` so an allocation past the budget fails inside the child (``MemoryError``)
instead of pushing the machine into swap. The parent only waits, so other documents go on
in the other workers meanwhile.

Children are forked from a ``forkserver`` that has already imported the document readers:
starting one costs milliseconds, and nothing of the parent (threads, sockets, Django) is
inherited.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
_PRELOAD = ["assessments.documents.prepare"]
_context_lock = threading.Lock()
_context: Any = None


class BudgetExceeded(Exception):
    """The step ran out of time or memory; ``reason`` is fit to show the requestor."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class TaskBudget:
    seconds: float
    memory_mb: int

    @classmethod
    def from_settings(cls) -> TaskBudget:
        from django.conf import settings

        return cls(seconds=settings.TRA_TASK_TIME_LIMIT_S, memory_mb=settings.TRA_TASK_MEMORY_LIMIT_MB)

    def too_slow(self) -> str:
        return (
            f"Reading this document took longer than {self.seconds:g} second{'' if self.seconds == 1 else 's'}, "
            "the limit for one document. "
            "Split it into smaller documents (or save it in a simpler format) and upload those, or Retry."
        )

    def too_big(self) -> str:
        return (
            f"Reading this document needed more than {self.memory_mb:,} MB of memory, the limit for one "
            "document. Split it into smaller documents and upload those, or Retry."
        )


def run_within_budget(function: Callable[..., T], *args: Any, budget: TaskBudget, **kwargs: Any) -> T:
    """``function(*args, **kwargs)`` in a child process; its exceptions are raised here.

    ``function`` must be importable by name (it is sent to the child by reference). Blocks
    the calling thread: call it through ``asyncio.to_thread``.
    """
    context = _get_context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(sender, budget.memory_mb, function, args, kwargs),
        daemon=True,
        name="tra-document",
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(budget.seconds):
            raise BudgetExceeded(budget.too_slow())
        try:
            outcome, value = receiver.recv()
        except EOFError:
            # Killed without a word: the kernel's OOM killer, or a crash in a C extension.
            raise BudgetExceeded(budget.too_big()) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(timeout=5)
    if outcome == "memory":
        raise BudgetExceeded(budget.too_big())
    if outcome == "raised":
        raise value
    if outcome == "error":
        raise RuntimeError(value)
    return value


def _child(sender: Any, memory_mb: int, function: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    _limit_memory(memory_mb)
    try:
        result: tuple[str, Any] = ("ok", function(*args, **kwargs))
    except MemoryError:
        result = ("memory", None)
    except Exception as exc:  # sent to the parent, which raises it there
        result = ("raised", exc)
    try:
        sender.send(result)
    except MemoryError:
        sender.send(("memory", None))
    except Exception as exc:  # an exception or result that does not pickle
        sender.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        sender.close()


def _limit_memory(memory_mb: int) -> None:
    # The budget is what the document may add to a child that has the readers loaded: the
    # child's own size at the start is not the document's fault.
    limit = _address_space_bytes() + memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space_bytes() -> int:
    try:
        with open(f"/proc/{os.getpid()}/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _get_context() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            if "forkserver" in multiprocessing.get_all_start_methods():
                _context = multiprocessing.get_context("forkserver")
                _context.set_forkserver_preload(_PRELOAD)
            else:
                _context = multiprocessing.get_context("spawn")
        return _context
