"""A busy or failing knowledge base: documents end failed with a Retry (never stuck at
"indexing"), a running Bedrock sync is waited for, and removing a document always succeeds
once its removal is committed."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from django_tasks import default_task_backend

from assessments.domain.documents import DocumentStatus
from assessments.services import document_cleanup as cleanup_service
from assessments.services import ingestion, processing
from assessments.services.document_cleanup import document_cleanup
from assessments.services.documents import document_remove
from assessments.services.ingestion import document_ingestion_check
from integrations.errors import IngestionBusy, Unavailable
from integrations.kb.local import LocalKnowledgeBase
from integrations.runtime import run_sync
from tests.pipeline.helpers import (
    SUGGESTIONS_TASK,
    collection,
    enqueued,
    only_document,
    stored_files,
    upload,
)
from tests.web.helpers import create_assessment

CLEANUP_TASK = "assessments.tasks.document_cleanup_task"
TEXT = b"The vendor hosts the platform in Frankfurt. Customer data is encrypted at rest.\n"


def process(assessment_id: str, document_id: str) -> DocumentStatus | None:
    return run_sync(processing.document_process, assessment_id=assessment_id, document_id=document_id)


def uploaded(cast: Any) -> tuple[str, str]:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("notes.txt", TEXT))
    assert outcome.document
    return assessment_id, outcome.document.id


def test_a_locked_local_index_fails_the_document_with_try_again_not_stuck_indexing(
    cast: Any, pipeline: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pipeline / "kb-index" / "kb.sqlite3"
    kb = LocalKnowledgeBase(path, busy_timeout=0.05, retries=1, backoff=0.01)
    run_sync(kb.remove, assessment_id="A", document_id="x")  # creates the index
    monkeypatch.setattr(processing, "get_knowledge_base", lambda: kb)
    assessment_id, document_id = uploaded(cast)

    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock throughout
    try:
        assert process(assessment_id, document_id) is DocumentStatus.FAILED
    finally:
        holder.close()

    failed = only_document(assessment_id)
    assert failed.status is DocumentStatus.FAILED
    assert "database is locked" in failed.error and "try again" in failed.error and "Retry" in failed.error


class BusyOnce(LocalKnowledgeBase):
    """A knowledge base whose sync is refused while "another ingestion job" runs."""

    def __init__(self, path: Path, busy_syncs: int) -> None:
        super().__init__(path)
        self.busy_syncs = busy_syncs
        self.syncs = 0

    async def ingest(self, **kwargs: Any) -> str | None:
        await super().ingest(**kwargs)
        raise IngestionBusy("StartIngestionJob: ConflictException: There is already an ongoing ingestion job")

    async def sync(self, *, written_at: Any = None) -> str | None:
        self.syncs += 1
        if self.syncs <= self.busy_syncs:
            raise IngestionBusy("StartIngestionJob: ConflictException: still running")
        return None


CHECK_TASK = "assessments.tasks.document_ingestion_check_task"


def run_checks(assessment_id: str, limit: int = 20) -> int:
    """Run the ingestion checks the processing queued (and those they queue), as a worker would."""
    done = 0
    while done < limit and len(queued := enqueued(CHECK_TASK, assessment_id)) > done:
        _, document_id, job_id, poll = queued[done]
        run_sync(
            document_ingestion_check,
            assessment_id=assessment_id,
            document_id=document_id,
            job_id=job_id,
            poll=poll,
        )
        done += 1
    return done


@pytest.fixture
def fast_backoff(settings: Any) -> None:
    settings.TRA_KB_BUSY_RETRIES = 3
    settings.TRA_KB_BUSY_BACKOFF_S = 0.01


@pytest.fixture
def fast_polls(settings: Any) -> None:
    settings.TRA_KB_POLL_INTERVAL_S = 5.0
    settings.TRA_KB_POLL_MAX_INTERVAL_S = 20.0


def test_it_waits_for_a_running_ingestion_job_in_a_requeued_task_and_then_is_ready(
    cast: Any, pipeline: Path, fast_polls: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = BusyOnce(pipeline / "kb-index" / "kb.sqlite3", busy_syncs=2)
    monkeypatch.setattr(processing, "get_knowledge_base", lambda: kb)
    monkeypatch.setattr(ingestion, "get_knowledge_base", lambda: kb)
    assessment_id, document_id = uploaded(cast)

    # The run ends at once, the sync owed to a check task (no worker sleeps on it).
    assert process(assessment_id, document_id) is DocumentStatus.INDEXING
    assert kb.syncs == 0 and enqueued(SUGGESTIONS_TASK, assessment_id) == []

    assert run_checks(assessment_id) == 3
    assert kb.syncs == 3
    assert only_document(assessment_id).status is DocumentStatus.READY
    assert len(enqueued(SUGGESTIONS_TASK, assessment_id)) == 1
    # Each busy answer put the next check further off.
    checks = [
        r
        for r in default_task_backend.results  # type: ignore[attr-defined]
        if r.task.module_path == CHECK_TASK and r.args[0] == assessment_id
    ]
    gaps = [(r.task.run_after - r.enqueued_at).total_seconds() for r in checks]
    assert [round(g) for g in gaps] == [5, 10, 20]


def test_it_fails_with_a_retry_when_the_knowledge_base_stays_busy(
    cast: Any, pipeline: Path, fast_polls: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = BusyOnce(pipeline / "kb-index" / "kb.sqlite3", busy_syncs=100)
    monkeypatch.setattr(processing, "get_knowledge_base", lambda: kb)
    monkeypatch.setattr(ingestion, "get_knowledge_base", lambda: kb)
    assessment_id, document_id = uploaded(cast)
    assert process(assessment_id, document_id) is DocumentStatus.INDEXING
    monkeypatch.setattr(ingestion, "_timed_out", lambda written_at: True)

    run_checks(assessment_id)

    failed = only_document(assessment_id)
    assert failed.status is DocumentStatus.FAILED
    assert "busy indexing other documents" in failed.error and "Retry" in failed.error


def remove(cast: Any, assessment_id: str, document_id: str) -> None:
    run_sync(
        document_remove, actor=cast.actor("requestor"), assessment_id=assessment_id, document_id=document_id
    )


def test_removing_succeeds_and_queues_the_recompute_when_the_index_fails_on_delete(
    cast: Any, pipeline: Path, fast_backoff: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id, document_id = uploaded(cast)
    process(assessment_id, document_id)
    storage_key = only_document(assessment_id).storage_key

    async def fails(self: Any, **kwargs: Any) -> None:
        raise Unavailable("Remove: the local knowledge base failed: disk I/O error")

    monkeypatch.setattr(LocalKnowledgeBase, "remove", fails)
    remove(cast, assessment_id, document_id)  # no exception: the removal is committed

    assert collection(assessment_id).documents == []
    assert enqueued(SUGGESTIONS_TASK, assessment_id)[-1:] == [(assessment_id,)]
    assert enqueued(CLEANUP_TASK, assessment_id) == [(assessment_id, document_id, storage_key)]

    # The clean-up task, once the index answers again, finishes the job and recomputes again.
    monkeypatch.undo()
    before = len(enqueued(SUGGESTIONS_TASK, assessment_id))
    assert run_sync(
        document_cleanup, assessment_id=assessment_id, document_id=document_id, storage_key=storage_key
    )
    assert stored_files() == []
    assert len(enqueued(SUGGESTIONS_TASK, assessment_id)) == before + 1


def test_removing_succeeds_when_queueing_the_follow_ups_fails(
    cast: Any, pipeline: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id, document_id = uploaded(cast)

    async def no_queue(*args: Any) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(cleanup_service, "_enqueue_suggestions", no_queue)
    remove(cast, assessment_id, document_id)

    assert collection(assessment_id).documents == []
