"""Live updates for an assessment's open pages: a Channels group per assessment.

Progress messages are advisory: the truth (a document's status, a suggestion) is always in the
TRA table first, and a page that missed a message catches up on its next load.
"""

from __future__ import annotations

import logging
from typing import Any

from channels.layers import get_channel_layer

from assessments.domain.documents import DocumentRecord

log = logging.getLogger(__name__)

EVENT_TYPE = "assessment.event"  # handled by AssessmentConsumer.assessment_event


def document_status(document: DocumentRecord) -> dict[str, Any]:
    """What a page needs to show one document's progress (pushed, and in the connect snapshot)."""
    return {
        "document_id": document.id,
        "status": document.status.value,
        "label": document.status.label,
        "percent": document.status.percent,
        "error": document.error,
    }


def group_name(assessment_id: str) -> str:
    return f"assessment.{assessment_id}"


async def publish(assessment_id: str, kind: str, **data: Any) -> None:
    """Tell every open page of this assessment that ``kind`` happened."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        await layer.group_send(group_name(assessment_id), {"type": EVENT_TYPE, "kind": kind, **data})
    except Exception:  # noqa: BLE001 - any layer failure (Redis down, file locked)
        # A lost progress message must never fail the work it reports on; the page still
        # shows the stored status on reload. Logged so an outage of the layer is visible.
        log.warning("could not publish %s for %s", kind, assessment_id, exc_info=True)
