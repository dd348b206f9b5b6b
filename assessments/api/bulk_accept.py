"""Accept every high-confidence suggestion of one section at once (the requestor's bulk accept)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from assessments.api.auth import actor
from assessments.api.errors import WRITE, errors
from assessments.services.bulk_accept import suggestions_accept_all

router = Router(tags=["suggestions"])


class BulkAcceptedOut(Schema):
    saved: list[str] = Field(description="The questions answered from their suggestion, in order.")
    conflicts: dict[str, str] = Field(
        description="Question id -> why it was not saved although offered (someone answered it first)."
    )
    skipped: dict[str, str] = Field(
        description="Question id -> why its high-confidence suggestion was not taken "
        "(answered already, or other questions depend on it)."
    )
    write_calls: int = Field(description="Write transactions made: ceil(N / 49) for N answers.")


@router.post(
    "/assessments/{assessment_id}/sections/{section}/accept-high",
    response={200: BulkAcceptedOut, **errors(WRITE)},
    summary="Accept all high-confidence suggestions of a section's unanswered questions",
)
async def accept_high_suggestions(request: HttpRequest, assessment_id: str, section: str) -> dict[str, Any]:
    outcome = await suggestions_accept_all(actor=actor(request), assessment_id=assessment_id, section=section)
    return {
        "saved": outcome.saved,
        "conflicts": outcome.conflicts,
        "skipped": outcome.skipped,
        "write_calls": outcome.write_calls,
    }
