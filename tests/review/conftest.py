"""The review's tests see every notification the use cases send, instead of sending them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest


@dataclass(frozen=True)
class Sent:
    kind: str
    assessment_id: str
    actor: str
    recipient_ids: frozenset[int] | None
    text: str


@pytest.fixture
def notes(monkeypatch: pytest.MonkeyPatch) -> list[Sent]:
    sent: list[Sent] = []

    async def spy(*, kind: Any, assessment: Any, actor: Any, recipient_ids: Any, text: str) -> None:
        recipients = None if recipient_ids is None else frozenset(recipient_ids)
        sent.append(Sent(str(kind), assessment.id, actor.username, recipients, text))

    monkeypatch.setattr("assessments.notifications.notify", spy)
    return sent
