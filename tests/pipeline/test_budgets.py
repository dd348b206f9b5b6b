"""Every document has a time and memory budget; one over it fails with the reason and a Retry,
and the other documents of the assessment go on to Ready."""

from __future__ import annotations

import time
from typing import Any

import pytest

from assessments.domain import keys
from assessments.domain.documents import DocumentStatus
from assessments.services import processing
from assessments.services.processing import document_process
from integrations.runtime import run_sync
from integrations.table import Put, get_table
from tests.pipeline.helpers import collection, item, upload
from tests.web.helpers import create_assessment

SMALL = b"The vendor hosts the platform in Frankfurt. Customer data is encrypted at rest.\n"
SENTENCE = b"The vendor hosts the platform in Frankfurt and keeps backups in Dublin. "


def process(assessment_id: str, document_id: str) -> DocumentStatus | None:
    return run_sync(document_process, assessment_id=assessment_id, document_id=document_id)


def two_documents(cast: Any, big: bytes) -> tuple[str, str, str]:
    assessment_id = create_assessment(cast)
    upload(cast, assessment_id, ("big.txt", big), ("small.txt", SMALL))
    by_name = {d.name: d.id for d in collection(assessment_id).documents}
    return assessment_id, by_name["big.txt"], by_name["small.txt"]


def document(assessment_id: str, document_id: str) -> Any:
    return next(d for d in collection(assessment_id).documents if d.id == document_id)


@pytest.mark.slow
def test_a_document_over_its_memory_budget_fails_and_the_next_one_is_ready(
    cast: Any, pipeline: Any, settings: Any
) -> None:
    settings.TRA_TASK_MEMORY_LIMIT_MB = 48
    settings.TRA_EXTRACT_MAX_CHARS = 10**9
    assessment_id, big, small = two_documents(cast, SENTENCE * 120_000)  # 8.6 MB of text

    assert process(assessment_id, big) is DocumentStatus.FAILED
    assert process(assessment_id, small) is DocumentStatus.READY

    failed = document(assessment_id, big)
    assert "needed more than 48 MB of memory" in failed.error and "Retry" in failed.error
    assert document(assessment_id, small).summary


@pytest.mark.slow
def test_a_document_over_its_time_budget_fails_within_it_and_the_next_one_is_ready(
    cast: Any, pipeline: Any, settings: Any
) -> None:
    settings.TRA_TASK_TIME_LIMIT_S = 1
    settings.TRA_TASK_MEMORY_LIMIT_MB = 4096  # only the time may run out
    settings.TRA_EXTRACT_MAX_CHARS = 10**9
    assessment_id, big, small = two_documents(cast, SENTENCE * 250_000)  # 18 MB: seconds of work

    started = time.monotonic()
    assert process(assessment_id, big) is DocumentStatus.FAILED
    assert time.monotonic() - started < 1 + 3  # the budget, plus the table writes around it
    assert process(assessment_id, small) is DocumentStatus.READY

    failed = document(assessment_id, big)
    assert "took longer than 1 second, the limit for one document" in failed.error and "Retry" in failed.error


def test_a_document_over_an_extraction_limit_fails_with_what_to_do(
    cast: Any, pipeline: Any, settings: Any
) -> None:
    settings.TRA_EXTRACT_MAX_CHARS = 1_000
    assessment_id, big, small = two_documents(cast, SENTENCE * 100)

    assert process(assessment_id, big) is DocumentStatus.FAILED
    assert process(assessment_id, small) is DocumentStatus.READY
    assert document(assessment_id, big).error == (
        "The document has more than 1,000 characters of text; split it into smaller documents and upload "
        "those instead."
    )


def interrupted(assessment_id: str, document_id: str, *, attempts: int) -> None:
    """Leave the document as a worker killed mid-run leaves it: in progress, with its run count."""
    stored = item(assessment_id, keys.document_sk(document_id))
    assert stored is not None
    stored.update(status=DocumentStatus.EXTRACTING.value, attempts=attempts, version=stored["version"] + 1)
    run_sync(get_table().transact, [Put(stored)])


def test_it_fails_a_document_whose_runs_keep_being_interrupted(
    cast: Any, pipeline: Any, settings: Any
) -> None:
    settings.TRA_TASK_MAX_ATTEMPTS = 3
    assessment_id, big, small = two_documents(cast, SMALL * 2)
    interrupted(assessment_id, big, attempts=3)

    assert process(assessment_id, big) is DocumentStatus.FAILED
    failed = document(assessment_id, big)
    assert "interrupted 3 times" in failed.error and "Retry" in failed.error


def test_it_finishes_a_document_interrupted_fewer_times_than_allowed(
    cast: Any, pipeline: Any, settings: Any
) -> None:
    settings.TRA_TASK_MAX_ATTEMPTS = 3
    assessment_id, big, _small = two_documents(cast, SMALL * 2)
    interrupted(assessment_id, big, attempts=2)

    assert process(assessment_id, big) is DocumentStatus.READY
    # The count starts afresh once the document leaves processing (a Retry, a new upload).
    assert "attempts" not in (item(assessment_id, keys.document_sk(big)) or {})


def test_a_reader_crashing_on_an_odd_file_fails_the_document_instead_of_leaving_it_extracting(
    cast: Any, pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crashes(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("a reader's bug")

    monkeypatch.setattr(processing, "run_within_budget", crashes)
    assessment_id, big, _small = two_documents(cast, SMALL * 2)

    assert process(assessment_id, big) is DocumentStatus.FAILED
    assert "could not be read (an unexpected error" in document(assessment_id, big).error
