"""Background tasks (django-tasks; the database backend's worker runs them).

Each task is a thin shell around one service, run as one async unit of work. Arguments are
plain ids so a task stays valid across restarts; the services read everything else afresh.
"""

from __future__ import annotations

from django_tasks import task

from integrations.runtime import run_sync


@task()
def document_process_task(assessment_id: str, document_id: str) -> str | None:
    from assessments.services.processing import document_process

    status = run_sync(document_process, assessment_id=assessment_id, document_id=document_id)
    return status.value if status else None


@task()
def suggestions_precompute_task(assessment_id: str) -> dict[str, int]:
    from assessments.services.suggestions_precompute import suggestions_precompute

    report = run_sync(suggestions_precompute, assessment_id=assessment_id)
    return {"computed": report.computed, "reused": report.reused, "unavailable": report.unavailable}


@task()
def document_cleanup_task(assessment_id: str, document_id: str, storage_key: str) -> bool:
    """Retry removing a removed document's leftovers, then recompute the suggestions without it."""
    from assessments.services.document_cleanup import document_cleanup

    return run_sync(
        document_cleanup, assessment_id=assessment_id, document_id=document_id, storage_key=storage_key
    )


@task()
def document_ingestion_check_task(assessment_id: str, document_id: str, job_id: str, poll: int) -> str | None:
    """One poll of a document's knowledge-base ingestion job; re-enqueues itself while it runs."""
    from assessments.services.ingestion import document_ingestion_check

    status = run_sync(
        document_ingestion_check,
        assessment_id=assessment_id,
        document_id=document_id,
        job_id=job_id,
        poll=poll,
    )
    return status.value if status else None


@task()
def kb_removal_check_task(assessment_id: str, document_id: str, job_id: str, poll: int) -> bool:
    """One poll of a removed document's knowledge-base job; re-enqueues itself while it runs."""
    from assessments.services.ingestion import kb_removal_check

    return run_sync(
        kb_removal_check, assessment_id=assessment_id, document_id=document_id, job_id=job_id, poll=poll
    )


@task()
def export_render_task(assessment_id: str, export_id: str) -> str | None:
    """Render and store one export (PDF, DOCX, XLSX or JSON) of an assessment."""
    from assessments.services.exports import export_run

    status = run_sync(export_run, assessment_id=assessment_id, export_id=export_id)
    return status.value if status else None
