"""notify runs after a use case committed: an outage while writing notes never fails it."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.core import mail
from django.db import DatabaseError

from assessments.accounts import directory
from assessments.notifications import NotificationKind
from integrations.errors import Unavailable
from integrations.table import get_table
from tests.notifications.conftest import send


def test_a_table_outage_while_writing_notes_is_logged_not_raised(
    cast: Any, assessment: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def down(ops: Any) -> None:
        raise Unavailable("DynamoDB is not answering")

    monkeypatch.setattr(get_table(), "transact", down)

    with caplog.at_level(logging.WARNING, logger="assessments.notifications"):
        send(cast, assessment, kind=NotificationKind.SENT_BACK, by="assessor", to=["requestor"])

    [record] = [r for r in caplog.records if r.name.startswith("assessments.notifications")]
    assert record.levelno == logging.WARNING
    assert assessment.id in record.getMessage() and "sent_back" in record.getMessage()
    # The e-mail does not depend on the table: it still goes.
    assert [m.to for m in mail.outbox] == [["requestor@example.com"]]


def test_the_user_database_down_is_logged_not_raised(
    cast: Any, assessment: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def down() -> set[int]:
        raise DatabaseError("database is locked")

    monkeypatch.setattr(directory, "reviewer_ids", down)

    with caplog.at_level(logging.WARNING, logger="assessments.notifications"):
        send(cast, assessment)

    assert any(assessment.id in r.getMessage() and "submitted" in r.getMessage() for r in caplog.records)
    assert mail.outbox == []
