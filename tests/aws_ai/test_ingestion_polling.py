"""A document on the Bedrock knowledge base is ready only once its ingestion job is COMPLETE.

The real processing and check services against the real ``BedrockKnowledgeBase``: its S3
data source on moto, bedrock-agent through ``AioStubber`` with GetIngestionJob,
StartIngestionJob and ListIngestionJobs responses shaped as botocore's service model says.
Tasks go to django-tasks' dummy backend, so each test runs the queued checks itself, as the
worker would after their ``run_after``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django_tasks import default_task_backend

from assessments.domain import keys
from assessments.domain.documents import DocumentRecord, DocumentStatus
from assessments.services import ingestion, processing
from assessments.services.document_cleanup import document_leftovers_remove
from assessments.services.documents import UploadFile, documents_upload
from integrations.clients import get_client
from integrations.instrumentation import recording
from integrations.kb.bedrock import BedrockKnowledgeBase
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.web.helpers import create_assessment

from .conftest import REGION, STUB_ENDPOINT
from .test_bedrock_kb import BUCKET, DS_ID, KB_ID, busy, ingestion_job, running_jobs

CHECK_TASK = "assessments.tasks.document_ingestion_check_task"
SUGGESTIONS_TASK = "assessments.tasks.suggestions_precompute_task"
TEXT = b"The vendor hosts the platform in Frankfurt. Customer data is encrypted at rest.\n"
JOB_PARAMS = {"knowledgeBaseId": KB_ID, "dataSourceId": DS_ID, "ingestionJobId": "JOB0000001"}


@pytest.fixture
def uploaded(
    cast: Any, pipeline: Any, aws: str, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    """An uploaded document waiting to be processed, with the Bedrock knowledge base configured."""
    settings.TRA_KB_POLL_INTERVAL_S = 5.0
    settings.TRA_KB_POLL_MAX_INTERVAL_S = 60.0

    def kb() -> BedrockKnowledgeBase:
        # A fresh instance per call, as in production: nothing carries over between runs.
        return BedrockKnowledgeBase(
            kb_id=KB_ID,
            data_source_id=DS_ID,
            bucket=BUCKET,
            region=REGION,
            s3_endpoint_url=settings.TRA_S3_ENDPOINT_URL,
            bedrock_endpoint_url=STUB_ENDPOINT,
        )

    monkeypatch.setattr(processing, "get_knowledge_base", kb)
    monkeypatch.setattr(ingestion, "get_knowledge_base", kb)
    monkeypatch.setattr("integrations.kb.get_knowledge_base", kb)  # the removal clean-up's
    assessment_id = create_assessment(cast)
    requestor = cast.actor("requestor")

    async def setup() -> str:
        s3 = await get_client("s3", endpoint_url=settings.TRA_S3_ENDPOINT_URL, region=REGION)
        await s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
        [outcome] = await documents_upload(
            actor=requestor, assessment_id=assessment_id, files=[UploadFile("notes.txt", TEXT)]
        )
        assert outcome.document
        return outcome.document.id

    return assessment_id, run_sync(setup)


async def document_item(assessment_id: str, document_id: str) -> dict[str, Any]:
    item = await get_table().get(keys.assessment_pk(assessment_id), keys.document_sk(document_id))
    assert item is not None
    return item


async def document(assessment_id: str, document_id: str) -> DocumentRecord:
    return DocumentRecord.from_item(await document_item(assessment_id, document_id))


def queued(task_path: str, assessment_id: str) -> list[Any]:
    return [
        r
        for r in default_task_backend.results  # type: ignore[attr-defined]
        if r.task.module_path == task_path and r.args[0] == assessment_id
    ]


def delay_of(result: Any) -> float:
    return (result.task.run_after - result.enqueued_at).total_seconds()


async def check(assessment_id: str, result: Any) -> DocumentStatus | None:
    _, document_id, job_id, poll = result.args
    return await ingestion.document_ingestion_check(
        assessment_id=assessment_id, document_id=document_id, job_id=job_id, poll=poll
    )


async def test_it_stays_indexing_until_the_job_is_complete_polling_in_requeued_tasks(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))

    assert await processing.document_process(assessment_id=assessment_id, document_id=document_id) is (
        DocumentStatus.INDEXING
    )
    item = await document_item(assessment_id, document_id)
    assert item["ingestion_job"] == "JOB0000001" and item["summary"]
    [first] = queued(CHECK_TASK, assessment_id)
    assert tuple(first.args) == (assessment_id, document_id, "JOB0000001", 0)
    assert round(delay_of(first)) == 5  # deferred with run_after, not slept on in the worker
    assert queued(SUGGESTIONS_TASK, assessment_id) == []  # nothing new is searchable yet

    agent.add_response("get_ingestion_job", ingestion_job("IN_PROGRESS"), JOB_PARAMS)
    assert await check(assessment_id, first) is DocumentStatus.INDEXING
    [_, second] = queued(CHECK_TASK, assessment_id)
    assert second.args[3] == 1 and round(delay_of(second)) == 10  # backing off

    agent.add_response("get_ingestion_job", ingestion_job("COMPLETE"), JOB_PARAMS)
    with recording() as calls:
        assert await check(assessment_id, second) is DocumentStatus.READY

    ready = await document(assessment_id, document_id)
    assert ready.status is DocumentStatus.READY and ready.indexed_by == "JOB0000001"
    assert calls.count("bedrock-agent", "GetIngestionJob") == 1
    assert len(queued(SUGGESTIONS_TASK, assessment_id)) == 1
    assert len(queued(CHECK_TASK, assessment_id)) == 2  # no further polling


async def test_a_failed_job_fails_the_document_with_the_reason_and_a_retry(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    await processing.document_process(assessment_id=assessment_id, document_id=document_id)
    agent.add_response(
        "get_ingestion_job",
        ingestion_job(
            "FAILED", failure_reasons=["Encountered error: metadata file is not valid JSON"], failed=1
        ),
    )

    [first] = queued(CHECK_TASK, assessment_id)
    assert await check(assessment_id, first) is DocumentStatus.FAILED

    failed = await document(assessment_id, document_id)
    assert "metadata file is not valid JSON" in failed.error and "Retry" in failed.error
    assert queued(SUGGESTIONS_TASK, assessment_id) == [] and len(queued(CHECK_TASK, assessment_id)) == 1


async def test_a_job_still_running_past_the_deadline_fails_the_document_with_a_retry(
    stub, uploaded, settings
) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    await processing.document_process(assessment_id=assessment_id, document_id=document_id)
    settings.TRA_KB_INGESTION_TIMEOUT_S = 1.0
    item = await document_item(assessment_id, document_id)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
    await get_table().put({**item, "ingestion_written_at": long_ago.isoformat()})
    agent.add_response("get_ingestion_job", ingestion_job("IN_PROGRESS"))

    [first] = queued(CHECK_TASK, assessment_id)
    assert await check(assessment_id, first) is DocumentStatus.FAILED

    failed = await document(assessment_id, document_id)
    assert "still indexing" in failed.error and "Retry" in failed.error


async def test_an_outage_while_polling_polls_again_instead_of_failing(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    await processing.document_process(assessment_id=assessment_id, document_id=document_id)
    agent.add_client_error(
        "get_ingestion_job", service_error_code="ThrottlingException", http_status_code=429
    )

    [first] = queued(CHECK_TASK, assessment_id)
    assert await check(assessment_id, first) is DocumentStatus.INDEXING

    assert len(queued(CHECK_TASK, assessment_id)) == 2
    assert (await document(assessment_id, document_id)).status is DocumentStatus.INDEXING


async def test_a_busy_sync_joins_a_job_that_started_after_the_writes(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    busy(agent)  # another document's job runs while ours is written

    assert await processing.document_process(assessment_id=assessment_id, document_id=document_id) is (
        DocumentStatus.INDEXING
    )
    assert (await document_item(assessment_id, document_id))["ingestion_job"] == ""  # the sync is owed
    [owed] = queued(CHECK_TASK, assessment_id)
    assert owed.args[2] == ""

    busy(agent)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    running = running_jobs(later)  # JOB0000002, started after our writes: it covers them
    agent.add_response("list_ingestion_jobs", running)
    with recording() as calls:
        assert await check(assessment_id, owed) is DocumentStatus.INDEXING
    assert calls.count("bedrock-agent", "StartIngestionJob") == 1
    [_, joined] = queued(CHECK_TASK, assessment_id)
    assert tuple(joined.args[2:]) == ("JOB0000002", 0)

    complete = ingestion_job("COMPLETE")
    complete["ingestionJob"]["ingestionJobId"] = "JOB0000002"
    agent.add_response("get_ingestion_job", complete, {**JOB_PARAMS, "ingestionJobId": "JOB0000002"})
    assert await check(assessment_id, joined) is DocumentStatus.READY
    assert (await document(assessment_id, document_id)).indexed_by == "JOB0000002"


async def test_a_busy_sync_is_started_again_later_and_then_waited_for(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    busy(agent)
    await processing.document_process(assessment_id=assessment_id, document_id=document_id)

    # Still busy, and the running job predates our writes: try again, later than before.
    busy(agent)
    agent.add_response("list_ingestion_jobs", running_jobs(dt.datetime(2025, 3, 1, tzinfo=dt.UTC)))
    [owed] = queued(CHECK_TASK, assessment_id)
    assert await check(assessment_id, owed) is DocumentStatus.INDEXING
    [_, again] = queued(CHECK_TASK, assessment_id)
    assert tuple(again.args[2:]) == ("", 1) and round(delay_of(again)) == 10

    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    assert await check(assessment_id, again) is DocumentStatus.INDEXING
    assert (await document_item(assessment_id, document_id))["ingestion_job"] == "JOB0000001"
    agent.add_response("get_ingestion_job", ingestion_job("COMPLETE"), JOB_PARAMS)
    [*_, waiting] = queued(CHECK_TASK, assessment_id)
    assert await check(assessment_id, waiting) is DocumentStatus.READY


async def test_a_poll_for_a_document_that_moved_on_does_nothing(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    await processing.document_process(assessment_id=assessment_id, document_id=document_id)
    [first] = queued(CHECK_TASK, assessment_id)
    stale = (*first.args[:2], "JOB-OF-AN-EARLIER-RUN", 3)

    with recording() as calls:
        status = await ingestion.document_ingestion_check(
            assessment_id=assessment_id, document_id=document_id, job_id=stale[2], poll=stale[3]
        )

    assert status is None and calls.count("bedrock-agent", "GetIngestionJob") == 0
    assert (await document(assessment_id, document_id)).status is DocumentStatus.INDEXING


async def test_a_complete_job_that_failed_this_documents_objects_fails_it(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    await processing.document_process(assessment_id=assessment_id, document_id=document_id)
    key = f"s3://{BUCKET}/kb/{assessment_id}/{document_id}/00000.txt"
    other = f"s3://{BUCKET}/kb/TRA-2025-FFFFFF/d9/00000.txt"
    agent.add_response(
        "get_ingestion_job",
        ingestion_job("COMPLETE", failure_reasons=[f"File is empty: {key}", f"Too large: {other}"], failed=2),
    )

    [first] = queued(CHECK_TASK, assessment_id)
    assert await check(assessment_id, first) is DocumentStatus.FAILED

    failed = await document(assessment_id, document_id)
    assert key in failed.error and other not in failed.error and "Retry" in failed.error


async def test_a_complete_job_with_only_other_documents_failures_makes_this_one_ready(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    await processing.document_process(assessment_id=assessment_id, document_id=document_id)
    other = f"s3://{BUCKET}/kb/TRA-2025-FFFFFF/d9/00000.txt"
    agent.add_response(
        "get_ingestion_job", ingestion_job("COMPLETE", failure_reasons=[f"Too large: {other}"], failed=1)
    )

    [first] = queued(CHECK_TASK, assessment_id)
    assert await check(assessment_id, first) is DocumentStatus.READY


# --- removal: a pending generation until its job completes ------------------------------------

REMOVAL_TASK = "assessments.tasks.kb_removal_check_task"


async def ready_document(agent: Any, assessment_id: str, document_id: str) -> None:
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    await processing.document_process(assessment_id=assessment_id, document_id=document_id)
    agent.add_response("get_ingestion_job", ingestion_job("COMPLETE"))
    [first] = queued(CHECK_TASK, assessment_id)
    assert await check(assessment_id, first) is DocumentStatus.READY


async def removal_marker(assessment_id: str, document_id: str) -> dict[str, Any] | None:
    return await get_table().get(keys.assessment_pk(assessment_id), keys.kb_removal_sk(document_id))


async def check_removal(assessment_id: str, result: Any) -> bool:
    _, document_id, job_id, poll = result.args
    return await ingestion.kb_removal_check(
        assessment_id=assessment_id, document_id=document_id, job_id=job_id, poll=poll
    )


async def test_a_removal_stays_pending_until_its_job_completes_then_recomputes(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    await ready_document(agent, assessment_id, document_id)
    suggestions_before = len(queued(SUGGESTIONS_TASK, assessment_id))
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))

    assert await document_leftovers_remove(
        assessment_id=assessment_id, document_id=document_id, storage_key="x"
    )

    marker = await removal_marker(assessment_id, document_id)
    assert marker is not None and marker["job_id"] == "JOB0000001"
    [first] = queued(REMOVAL_TASK, assessment_id)
    agent.add_response("get_ingestion_job", ingestion_job("IN_PROGRESS"))
    assert await check_removal(assessment_id, first) is False
    [_, second] = queued(REMOVAL_TASK, assessment_id)
    assert round(delay_of(second)) == 10

    agent.add_response("get_ingestion_job", ingestion_job("COMPLETE"))
    assert await check_removal(assessment_id, second) is True

    assert await removal_marker(assessment_id, document_id) is None
    assert len(queued(SUGGESTIONS_TASK, assessment_id)) == suggestions_before + 1


async def test_a_removal_whose_sync_was_busy_starts_it_from_the_check(stub, uploaded) -> None:
    assessment_id, document_id = uploaded
    agent = await stub("bedrock-agent")
    await ready_document(agent, assessment_id, document_id)
    busy(agent)

    assert await document_leftovers_remove(
        assessment_id=assessment_id, document_id=document_id, storage_key="x"
    )
    assert (await removal_marker(assessment_id, document_id))["job_id"] == ""  # type: ignore[index]

    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    [owed] = queued(REMOVAL_TASK, assessment_id)
    assert await check_removal(assessment_id, owed) is False
    assert (await removal_marker(assessment_id, document_id))["job_id"] == "JOB0000001"  # type: ignore[index]
    agent.add_response("get_ingestion_job", ingestion_job("COMPLETE"))
    [_, waiting] = queued(REMOVAL_TASK, assessment_id)
    assert await check_removal(assessment_id, waiting) is True
