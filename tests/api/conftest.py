"""Fixtures the API tests share."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def queue_only(settings: Any) -> None:
    """Tasks are queued and never run (a retried document stays "uploaded")."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
