"""Small helpers the document pipeline tests share: upload, read back, look at side effects."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from django.conf import settings

from assessments.domain import keys
from assessments.domain.documents import DocumentRecord
from assessments.domain.records import AssessmentCollection
from assessments.domain.workflow import State
from assessments.selectors.assessments import assessment_collection
from assessments.services.documents import UploadFile, UploadOutcome, documents_upload
from integrations.runtime import run_sync
from integrations.table import Put, get_table

PROCESS_TASK = "assessments.tasks.document_process_task"
SUGGESTIONS_TASK = "assessments.tasks.suggestions_precompute_task"


def upload(
    cast: Any, assessment_id: str, *files: tuple[str, bytes], who: str = "requestor"
) -> list[UploadOutcome]:
    return run_sync(
        documents_upload,
        actor=cast.actor(who),
        assessment_id=assessment_id,
        files=[UploadFile(name, data) for name, data in files],
    )


def collection(assessment_id: str) -> AssessmentCollection:
    return run_sync(assessment_collection, assessment_id=assessment_id)


def only_document(assessment_id: str) -> DocumentRecord:
    documents = collection(assessment_id).documents
    assert len(documents) == 1, documents
    return documents[0]


def item(assessment_id: str, sk: str) -> dict[str, Any] | None:
    return run_sync(get_table().get, keys.assessment_pk(assessment_id), sk)


def content_marker(assessment_id: str, sha256: str) -> dict[str, Any] | None:
    return item(assessment_id, keys.content_sk(sha256))


def audit_events(assessment_id: str, event_type: str | None = None) -> list[dict[str, Any]]:
    """The assessment's audit trail (its own partition), oldest first."""

    async def query() -> list[dict[str, Any]]:
        return (await get_table().query(partition=keys.events_pk(assessment_id))).items

    events = run_sync(query)
    return [e for e in events if event_type is None or e["event_type"] == event_type]


def enqueued(task_path: str, assessment_id: str) -> list[tuple[Any, ...]]:
    """Arguments of the tasks the DummyBackend recorded for this assessment, in order."""
    from django_tasks import default_task_backend

    return [
        tuple(r.args)
        for r in default_task_backend.results  # type: ignore[attr-defined]
        if r.task.module_path == task_path and r.args and r.args[0] == assessment_id
    ]


def stored_files() -> list[Path]:
    """Every object in the local document store (temporary files included)."""
    root = Path(settings.TRA_DOCUMENT_DIR)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def set_state(assessment_id: str, state: State) -> None:
    """Move the assessment to ``state`` directly (submitting needs every answer)."""
    current = collection(assessment_id).assessment
    updated = dataclasses.replace(current, state=state, version=current.version + 1)
    run_sync(get_table().put, Put(updated.to_item()).item)
