"""Every operation is async and awaits the services; nothing in the API hops to a sync thread."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest

import assessments.api
from assessments.api.auth import SessionActorAuth
from tests.api.helpers import OPERATION_NAMES
from tra_site.api import api

API_DIR = Path(assessments.api.__file__).parent
# Calls that would run a request's work on Django's one sync thread (or a new event loop).
SYNC_BRIDGES = {"run_sync", "async_to_sync", "sync_to_async"}


def _operations() -> list[Any]:
    # The operations as mounted on the API (Ninja binds a clone of each router's operations).
    return [
        op
        for router in api._get_bound_routers()
        for path_view in router.path_operations.values()
        for op in path_view.operations
    ]


def test_it_declares_every_operation_async() -> None:
    ops = _operations()
    assert len(ops) == len(OPERATION_NAMES)
    for op in ops:
        assert inspect.iscoroutinefunction(op.view_func), op.view_func.__qualname__
        assert op.is_async


def test_it_authenticates_without_a_sync_hop() -> None:
    for op in _operations():
        [auth] = op.auth_callbacks
        assert isinstance(auth, SessionActorAuth)
        assert inspect.iscoroutinefunction(auth.__call__)


@pytest.mark.parametrize("module", sorted(p.name for p in API_DIR.glob("*.py")))
def test_it_neither_bridges_to_sync_code_nor_imports_web_views(module: str) -> None:
    tree = ast.parse((API_DIR / module).read_text())
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    modules = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not (names | imported) & SYNC_BRIDGES
    assert not [m for m in modules if m.startswith("assessments.views")]
