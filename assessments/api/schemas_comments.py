"""What the comment threads' API operations take and give (``schemas_review`` has the rest of
the review's shapes)."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from assessments.domain.review import COMMENT_MAX_LENGTH, CommentRecord, ThreadState, ThreadStatus

ThreadStatusName = Literal[tuple(s.value for s in ThreadStatus)]  # type: ignore[valid-type]
QUESTION_ID_MAX = 64


class CommentIn(Schema):
    question_id: str = Field(min_length=1, max_length=QUESTION_ID_MAX)
    text: str = Field("", max_length=COMMENT_MAX_LENGTH)  # blank: 422 naming it, from the use case


class CommentOut(Schema):
    id: str  # the comment's timestamp: unique within its question's thread
    question_id: str
    author: str
    role: str  # "assessor" | "requestor": which side wrote it
    text: str
    at: str
    round: int

    @staticmethod
    def of(c: CommentRecord) -> dict[str, Any]:
        return {
            "id": c.comment_id,
            "question_id": c.question_id,
            "author": c.author,
            "role": c.role,
            "text": c.text,
            "at": c.at,
            "round": c.round,
        }


class ThreadOut(Schema):
    question_id: str
    status: ThreadStatusName
    changed_by: str
    changed_at: str
    comments: list[CommentOut]

    @staticmethod
    def of(question_id: str, state: ThreadState | None, comments: list[CommentRecord]) -> dict[str, Any]:
        return {
            "question_id": question_id,
            # A question with comments but no THREAD# item yet is open: nobody resolved it.
            "status": (state.status if state else ThreadStatus.OPEN).value,
            "changed_by": state.changed_by if state else "",
            "changed_at": state.changed_at if state else "",
            "comments": [CommentOut.of(c) for c in comments],
        }


class ThreadListOut(Schema):
    items: list[ThreadOut]


class ThreadStateOut(Schema):
    question_id: str
    status: ThreadStatusName
    changed_by: str
    changed_at: str

    @staticmethod
    def of(t: ThreadState) -> dict[str, Any]:
        return {
            "question_id": t.question_id,
            "status": t.status.value,
            "changed_by": t.changed_by,
            "changed_at": t.changed_at,
        }
