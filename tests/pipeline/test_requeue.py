"""Recovering the tasks a killed worker left "running": requeue them, and a worker finishes them."""

from __future__ import annotations

import io
import logging
import signal
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from assessments.domain.documents import DocumentRecord, DocumentStatus
from assessments.services.documents import document_status_set
from integrations.runtime import run_sync
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import PROCESS_TASK, SUGGESTIONS_TASK, only_document, upload
from tests.web.helpers import create_assessment

DEAD_WORKER = "worker-killed-by-oom"

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_tasks(settings: Any) -> Iterator[None]:
    """The production task backend (rows in the database), and a clean slate after the worker.

    ``db_worker`` installs its own signal handlers and log levels for the process; put them back
    so the rest of the session keeps pytest's.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    signals = [s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGQUIT", None)) if s is not None]
    handlers = {s: signal.getsignal(s) for s in signals}
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    saved = [(lg, lg.level, list(lg.handlers)) for lg in loggers]
    yield
    for s, handler in handlers.items():
        signal.signal(s, handler)
    for lg, level, lg_handlers in saved:
        lg.setLevel(level)
        lg.handlers[:] = lg_handlers


def requeue(*args: str) -> str:
    out = io.StringIO()
    call_command("requeue_interrupted_tasks", *args, stdout=out)
    return out.getvalue().strip()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--interval", "0", "--no-reload", verbosity=0, stdout=io.StringIO())


def killed_mid_indexing(
    cast: Any, name: str = "brief.docx", data: bytes | None = None
) -> tuple[str, str, str]:
    """Upload a document and leave it as a killed worker would: task RUNNING, document indexing.

    Returns (assessment id, document id, task result id).
    """
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, (name, data if data is not None else brief("docx")))
    assert outcome.document
    task = DBTaskResult.objects.get(
        task_path=PROCESS_TASK, args_kwargs__args=[assessment_id, outcome.document.id]
    )
    assert task.status == TaskResultStatus.READY
    task.claim(DEAD_WORKER)
    document: DocumentRecord = outcome.document
    for status in (DocumentStatus.EXTRACTING, DocumentStatus.INDEXING):
        document = run_sync(document_status_set, document, status=status)
    return assessment_id, document.id, str(task.id)


def test_it_finishes_a_document_a_killed_worker_left_half_done(
    cast: Any, pipeline: Any, db_tasks: None
) -> None:
    assessment_id, document_id, task_id = killed_mid_indexing(cast)

    assert requeue("--all") == "Requeued 1 interrupted task(s)."
    run_worker()

    document = only_document(assessment_id)
    assert document.id == document_id
    assert document.status is DocumentStatus.READY
    assert document.chunks > 0 and document.summary
    task = DBTaskResult.objects.get(id=task_id)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.return_value == "ready"
    assert task.worker_ids[0] == DEAD_WORKER and len(task.worker_ids) == 2
    # The suggestions it queued ran in the same batch.
    suggestions = DBTaskResult.objects.get(task_path=SUGGESTIONS_TASK)
    assert suggestions.status == TaskResultStatus.SUCCESSFUL
    # Finished tasks are never queued again.
    assert requeue("--all") == "Requeued 0 interrupted task(s)."
    assert DBTaskResult.objects.get(id=task_id).status == TaskResultStatus.SUCCESSFUL


def test_it_leaves_an_orphaned_task_stuck_without_the_requeue(
    cast: Any, pipeline: Any, db_tasks: None
) -> None:
    assessment_id, _document_id, task_id = killed_mid_indexing(cast)

    run_worker()

    assert only_document(assessment_id).status is DocumentStatus.INDEXING
    task = DBTaskResult.objects.get(id=task_id)
    assert task.status == TaskResultStatus.RUNNING
    assert task.worker_ids == [DEAD_WORKER]


def test_it_requeues_only_tasks_running_longer_than_asked(cast: Any, pipeline: Any, db_tasks: None) -> None:
    recent_assessment, _, recent_id = killed_mid_indexing(cast, "recent.txt", b"Started a minute ago.\n")
    stale_assessment, _, stale_id = killed_mid_indexing(cast, "stale.txt", b"Started two hours ago.\n")
    now = timezone.now()
    DBTaskResult.objects.filter(id=recent_id).update(started_at=now - timedelta(minutes=1))
    DBTaskResult.objects.filter(id=stale_id).update(started_at=now - timedelta(hours=2))

    assert requeue("--older-than", "3600") == "Requeued 1 interrupted task(s)."

    recent = DBTaskResult.objects.get(id=recent_id)
    assert recent.status == TaskResultStatus.RUNNING and recent.started_at is not None
    stale = DBTaskResult.objects.get(id=stale_id)
    assert stale.status == TaskResultStatus.READY and stale.started_at is None

    run_worker()

    assert only_document(stale_assessment).status is DocumentStatus.READY
    assert only_document(recent_assessment).status is DocumentStatus.INDEXING  # still someone else's


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "one of the arguments --all --older-than is required"),
        (("--all", "--older-than", "60"), "not allowed with argument"),
        (("--older-than", "-1"), "--older-than must be zero or more seconds"),
    ],
    ids=["no-choice", "both", "negative"],
)
def test_it_refuses_an_unclear_requeue(db_tasks: None, args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        requeue(*args)
