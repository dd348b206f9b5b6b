"""Builders for the export tests: a finalized assessment with evidence, and running an export."""

from __future__ import annotations

from typing import Any

from assessments.domain.documents import CitationRecord
from assessments.domain.records import AnswerRecord
from assessments.domain.review import decision_areas
from assessments.exports.record import ExportRecord
from assessments.services.exports import export_request, export_run, exports_list
from assessments.services.review import assessment_assign, assessment_submit, comment_add
from integrations.runtime import run_sync
from integrations.storage import get_document_storage
from integrations.table import get_table
from tests.review.helpers import collection, condition, decide, drafted

PASSAGE = "The vendor is Acme Helpdesk Ltd., hosting in the EU (Frankfurt)."
CITATION = CitationRecord("d" * 32, "vendor-contract.pdf", PASSAGE, page=3, section="2. Parties")
ACCEPTED_VALUE = "Acme Helpdesk Ltd."
CONDITION_TEXT = "Sign the DPA."
COMMENT_TEXT = "Which region hosts the backups?"
RATIONALE = "Controls are adequate."


def _accepted_answer(assessment_id: str, question_id: str = "TP-01") -> None:
    answer = AnswerRecord(
        question_id,
        ACCEPTED_VALUE,
        "suggestion_accepted",
        "requestor",
        "2026-03-01T00:00:00.000000Z",
        1,
        citations=(CITATION,),
        suggested_value=ACCEPTED_VALUE,
    )
    run_sync(get_table().put, answer.to_item(assessment_id))


def under_review_with_evidence(cast: Any) -> str:
    """Under review: TP-01 answered from an accepted suggestion (with its citation), a comment."""
    assessment_id = drafted(cast)
    _accepted_answer(assessment_id)
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    run_sync(
        comment_add,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        question_id="TP-01",
        text=COMMENT_TEXT,
    )
    return assessment_id


def finalized_with_evidence(cast: Any) -> str:
    """As above, then every area decided; the first approved with a condition."""
    assessment_id = under_review_with_evidence(cast)
    first, *rest = decision_areas(collection(assessment_id).assessment.active_areas)
    decide(cast, assessment_id, first, outcome="approve_with_conditions", conditions=[condition()])
    for area in rest:
        decide(cast, assessment_id, area)
    return assessment_id


def exported(cast: Any, assessment_id: str, export_format: str, who: str = "requestor") -> ExportRecord:
    """Ask for an export and run its task here; the export as listed afterwards."""
    record = run_sync(
        export_request, actor=cast.actor(who), assessment_id=assessment_id, export_format=export_format
    )
    run_sync(export_run, assessment_id=assessment_id, export_id=record.id)
    return next(
        e
        for e in run_sync(exports_list, actor=cast.actor(who), assessment_id=assessment_id)
        if e.id == record.id
    )


def stored_bytes(record: ExportRecord) -> bytes:
    return run_sync(get_document_storage().get, record.storage_key)


def ready_export(
    assessment_id: str, *, created_at: str, body: bytes = b'{"schema": "tra-export/1"}'
) -> ExportRecord:
    """A ready JSON export written straight to the table, with its bytes stored."""
    from assessments.exports.record import ExportStatus, export_id_of, export_storage_key

    key = export_storage_key(assessment_id, export_id_of(created_at, "json"), "json")
    record = ExportRecord(
        assessment_id=assessment_id,
        format="json",
        status=ExportStatus.READY,
        created_at=created_at,
        updated_at=created_at,
        requested_by="requestor",
        requested_by_id=1,
        version=3,
        storage_key=key,
        size=len(body),
    )
    run_sync(get_table().put, record.to_item())
    run_sync(get_document_storage().put, key, body, "application/json")
    return record
