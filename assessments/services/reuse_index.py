"""What finalizing an assessment writes for reuse: its review date ("due for reassessment") in the
finalize transaction, and its answers into the answer library right after it.

Kept apart from services/reassessment.py: the review's decisions import this module, and the
clone imports assessment_create, which imports the review package (a cycle otherwise).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings

from assessments.domain import reuse
from assessments.domain.records import AssessmentCollection, AssessmentRecord
from assessments.domain.workflow import State
from assessments.errors import DomainError
from assessments.questionnaire.model import Questionnaire
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.contract import Put, TransactOp

log = logging.getLogger(__name__)


def reassessment_entry(record: AssessmentRecord, residual_overall: str | None) -> reuse.ReassessmentEntry:
    decided_at = record.decided_at or record.updated_at
    return reuse.ReassessmentEntry(
        assessment_id=record.id,
        title=record.title,
        business_unit=record.business_unit,
        owner_id=record.owner_id,
        owner_name=record.owner_name,
        decided_at=decided_at,
        review_due_on=reuse.review_due_on(
            decided_at=decided_at,
            residual_overall=residual_overall,
            months_default=settings.TRA_REVIEW_MONTHS_DEFAULT,
            months_high=settings.TRA_REVIEW_MONTHS_HIGH,
        ),
        residual_overall=residual_overall,
    )


def review_date_ops(
    record: AssessmentRecord, residual_overall: str | None
) -> tuple[AssessmentRecord, list[TransactOp]]:
    """For a finalized ``record``: the record with its ``review_due_on`` and the Puts of its two
    "due for reassessment" entries. A rejection gets neither."""
    if record.state is not State.FINALIZED:
        return record, []
    entry = reassessment_entry(record, residual_overall)
    return dataclasses.replace(record, review_due_on=entry.review_due_on), [
        Put(item) for item in entry.to_items()
    ]


def library_items(collection: AssessmentCollection, questionnaire: Questionnaire) -> list[dict[str, Any]]:
    """The library's items for every answer of ``collection`` as it is being finalized."""
    record = collection.assessment
    items: list[dict[str, Any]] = []
    for qid, answer in collection.answers.items():
        if not questionnaire.has_question(qid):
            continue
        entry = reuse.LibraryAnswer(
            assessment_id=record.id,
            decided_at=record.decided_at or record.updated_at,
            questionnaire_key=record.questionnaire_key,
            question_id=qid,
            question_text=questionnaire.question(qid).text,
            value=answer.value,
            source=answer.source,
            data_classification=record.data_classification,
            owner_id=record.owner_id,
            citations=tuple(
                {"document_name": c.document_name, "page": c.page, "section": c.section}
                for c in answer.citations
            ),
        )
        items.extend(entry.to_items())
    return items


async def library_write(*, assessment_id: str, items: Sequence[dict[str, Any]]) -> None:
    """Put a just-finalized assessment's answers into the library (``library_items``).

    Right after the finalize transaction, not in it: 2 items per answer would pass
    TransactWriteItems' 100 operations. The items are derived and idempotent (a re-run puts the
    same keys), so a batch write (25 a call) is enough. If it fails the decision stands, and the
    failure is logged: ``library_index_write`` re-indexes the assessment from its items.
    """
    if not items:
        return
    try:
        with table_errors_as_domain():
            await get_table().batch_write(puts=list(items))
    except DomainError as exc:
        log.warning("answer library: %s not indexed (%s); run library_index_write", assessment_id, exc)


async def library_index_write(*, assessment_id: str) -> int:
    """(Re-)index a finalized assessment's answers from its items; the number of answers."""
    collection = await assessment_collection(assessment_id=assessment_id)
    record = collection.assessment
    if record.state is not State.FINALIZED:
        return 0
    questionnaire = await aquestionnaire_get(
        key=record.questionnaire_key, version=record.questionnaire_version
    )
    items = library_items(collection, questionnaire)
    await library_write(assessment_id=assessment_id, items=items)
    return len(items) // 2
