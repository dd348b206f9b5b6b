"""Notifications: in-app notes (the bell, pushed over a websocket; a list page) and e-mail.

The interface other use cases call::

    await notify(kind=NotificationKind.SUBMITTED, assessment=record, actor=actor,
                 recipient_ids=None, text="...")

after their own transaction committed; it never makes them fail (see service.py).
"""

from __future__ import annotations

from assessments.notifications.kinds import NotificationKind
from assessments.notifications.service import notify

__all__ = ["NotificationKind", "notify"]
