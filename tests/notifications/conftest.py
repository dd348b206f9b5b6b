"""Notifications tests: the cast with e-mail addresses, one assessment, tasks run at once."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.domain.records import AssessmentRecord
from assessments.notifications import NotificationKind, notify
from integrations.runtime import run_sync
from tests.web.helpers import create_assessment


@pytest.fixture
def cast(cast: Any, settings: Any) -> Any:
    """The cast (each with an address); e-mail tasks run at once (the immediate backend), the
    channel layer in memory."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    settings.TRA_PUBLIC_URL = "https://tra.example.org"
    return cast


@pytest.fixture
def assessment(cast: Any) -> AssessmentRecord:
    """An assessment of "requestor" (draft: notify does not care about the state)."""
    from assessments.selectors.assessments import assessment_collection

    assessment_id = create_assessment(cast)
    return run_sync(assessment_collection, assessment_id=assessment_id).assessment


def send(
    cast: Any,
    assessment: AssessmentRecord,
    *,
    kind: NotificationKind = NotificationKind.SUBMITTED,
    by: str = "requestor",
    to: list[str] | None = None,
    text: str = "Submitted for review.",
) -> None:
    recipients = None if to is None else [getattr(cast, who).pk for who in to]
    run_sync(
        notify, kind=kind, assessment=assessment, actor=cast.actor(by), recipient_ids=recipients, text=text
    )
