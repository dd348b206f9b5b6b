"""What a notification can be about (pure: no Django, no AWS)."""

from __future__ import annotations

from enum import StrEnum


class NotificationKind(StrEnum):
    SUBMITTED = "submitted"  # to every reviewer
    ASSIGNED = "assigned"  # to the assignee
    COMMENT = "comment"  # to the other side of the thread
    SENT_BACK = "sent_back"  # to the requestor
    DECIDED = "decided"  # to the requestor: finalized, rejected (or one area decided)
    DUE_SOON = "due_soon"  # to the assignee, or every reviewer while unassigned
    OVERDUE = "overdue"
    REASSESSMENT_DUE = "reassessment_due"  # to the requestor: a finalized assessment's review date

    @property
    def label(self) -> str:
        """What the preferences page and the e-mail's subject call it."""
        return _LABELS[self]


_LABELS = {
    NotificationKind.SUBMITTED: "Assessment submitted for review",
    NotificationKind.ASSIGNED: "Assessment assigned to you",
    NotificationKind.COMMENT: "New comment",
    NotificationKind.SENT_BACK: "Assessment sent back",
    NotificationKind.DECIDED: "Decision made",
    NotificationKind.DUE_SOON: "Review due soon",
    NotificationKind.OVERDUE: "Review overdue",
    NotificationKind.REASSESSMENT_DUE: "Reassessment due",
}
