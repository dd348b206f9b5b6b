"""Search tests' helpers: assessments' index entries written straight to the table, in bulk."""

from __future__ import annotations

from assessments.domain.records import AssessmentRecord
from assessments.domain.workflow import State
from assessments.services.search_index import search_index_items
from integrations.runtime import run_sync
from integrations.table import get_table


def record(
    number: int, *, owner_id: int, title: str = "Payroll system", business_unit: str = "Finance"
) -> AssessmentRecord:
    """An assessment record numbered ``number`` (ids and creation times in that order)."""
    created = f"2026-01-01T00:00:00.{number:06d}+00:00"
    return AssessmentRecord(
        id=f"TRA-2026-{number:06X}",
        title=title,
        project="Ledger move",
        description="",
        system_id=f"SYS-{number}",
        data_classification="Internal",
        business_unit=business_unit,
        state=State.DRAFT,
        owner_id=owner_id,
        owner_name=f"user{owner_id}",
        questionnaire_key="default",
        questionnaire_version=1,
        active_areas=(),
        created_at=created,
        updated_at=created,
        submitted_at=None,
        feedback="",
        version=1,
    )


def seed_index(records: list[AssessmentRecord]) -> None:
    """Only the index entries (no META): what a search reads, written fast."""
    puts = [item for r in records for item in search_index_items(r)]
    run_sync(get_table().batch_write, puts=puts)
