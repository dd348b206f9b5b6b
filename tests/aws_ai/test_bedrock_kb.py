from __future__ import annotations

import datetime as dt
import json

import pytest

from integrations.clients import get_client
from integrations.errors import Conflict, IngestionBusy, IntegrationError, Throttled, Unavailable
from integrations.instrumentation import recording
from integrations.kb.bedrock import BedrockKnowledgeBase
from integrations.kb.contract import Chunk, Passage
from integrations.storage import InvalidKey

from .conftest import REGION, STUB_ENDPOINT

KB_ID = "KBTEST1234"
DS_ID = "DSTEST5678"
BUCKET = "tra-kb-test"
ASSESSMENT = "TRA-2025-ABC123"
OTHER_ASSESSMENT = "TRA-2025-FFFFFF"
NOW = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)


def make_kb(s3_endpoint: str | None = None) -> BedrockKnowledgeBase:
    return BedrockKnowledgeBase(
        kb_id=KB_ID,
        data_source_id=DS_ID,
        bucket=BUCKET,
        region=REGION,
        s3_endpoint_url=s3_endpoint,
        bedrock_endpoint_url=STUB_ENDPOINT,
    )


def ingestion_job(status: str, *, failure_reasons: list[str] | None = None, failed: int = 0) -> dict:
    job = {
        "knowledgeBaseId": KB_ID,
        "dataSourceId": DS_ID,
        "ingestionJobId": "JOB0000001",
        "status": status,
        "statistics": {
            "numberOfDocumentsScanned": 4,
            "numberOfMetadataDocumentsScanned": 4,
            "numberOfNewDocumentsIndexed": 4,
            "numberOfModifiedDocumentsIndexed": 0,
            "numberOfMetadataDocumentsModified": 0,
            "numberOfDocumentsDeleted": 0,
            "numberOfDocumentsFailed": failed,
        },
        "startedAt": NOW,
        "updatedAt": NOW,
    }
    if failure_reasons is not None:
        job["failureReasons"] = failure_reasons
    return {"ingestionJob": job}


def retrieval_result(text: str, score: float, metadata: dict, key: str = "kb/x/y/00000.txt") -> dict:
    return {
        "content": {"type": "TEXT", "text": text},
        "location": {"type": "S3", "s3Location": {"uri": f"s3://{BUCKET}/{key}"}},
        "score": score,
        "metadata": {
            "x-amz-bedrock-kb-source-uri": f"s3://{BUCKET}/{key}",
            "x-amz-bedrock-kb-chunk-id": "1%3A0%3Aabc",
            "x-amz-bedrock-kb-data-source-id": DS_ID,
            **metadata,
        },
    }


# --- retrieve -----------------------------------------------------------------------------------


async def test_it_retrieves_only_this_assessments_passages_with_their_sources(stub) -> None:
    runtime = await stub("bedrock-agent-runtime")
    runtime.add_response(
        "retrieve",
        {
            "retrievalResults": [
                retrieval_result(
                    "All customer data is encrypted at rest with AES-256.",
                    0.81,
                    {
                        "assessment_id": ASSESSMENT,
                        "document_id": "d1",
                        "document_name": "Security design.pdf",
                        "page": 3.0,
                        "section": "Encryption",
                        "ordinal": 7.0,
                    },
                ),
                retrieval_result(
                    "Another assessment's secret supplier list.",
                    0.79,
                    {
                        "assessment_id": OTHER_ASSESSMENT,
                        "document_id": "d9",
                        "document_name": "Suppliers.xlsx",
                    },
                ),
                retrieval_result("A file with no sidecar at all.", 0.5, {}),
            ]
        },
        expected_params={
            "knowledgeBaseId": KB_ID,
            "retrievalQuery": {"text": "Is data encrypted at rest?"},
            "retrievalConfiguration": {
                "vectorSearchConfiguration": {
                    "numberOfResults": 4,
                    "filter": {"equals": {"key": "assessment_id", "value": ASSESSMENT}},
                }
            },
        },
    )

    with recording() as calls:
        passages = await make_kb().retrieve(
            assessment_id=ASSESSMENT, query="Is data encrypted at rest?", limit=4
        )

    assert passages == [
        Passage(
            document_id="d1",
            document_name="Security design.pdf",
            text="All customer data is encrypted at rest with AES-256.",
            score=0.81,
            page=3,
            section="Encryption",
        )
    ]
    assert calls.count("bedrock-agent-runtime", "Retrieve") == 1


async def test_it_translates_retrieval_throttling(stub) -> None:
    runtime = await stub("bedrock-agent-runtime")
    runtime.add_client_error("retrieve", service_error_code="ThrottlingException", http_status_code=429)

    with pytest.raises(Throttled):
        await make_kb().retrieve(assessment_id=ASSESSMENT, query="q")


async def test_it_reports_a_failing_vector_store_as_unavailable(stub) -> None:
    runtime = await stub("bedrock-agent-runtime")
    runtime.add_client_error("retrieve", service_error_code="DependencyFailedException", http_status_code=424)

    with pytest.raises(Unavailable):
        await make_kb().retrieve(assessment_id=ASSESSMENT, query="q")


# --- ingestion jobs -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["STARTING", "IN_PROGRESS", "COMPLETE", "STOPPED"])
async def test_it_reports_an_ingestion_jobs_state(stub, status: str) -> None:
    agent = await stub("bedrock-agent")
    params = {"knowledgeBaseId": KB_ID, "dataSourceId": DS_ID, "ingestionJobId": "JOB0000001"}
    agent.add_response("get_ingestion_job", ingestion_job(status), params)

    with recording() as calls:
        job = await make_kb().ingestion("JOB0000001")

    assert (job.job_id, job.status) == ("JOB0000001", status)
    assert job.complete is (status == "COMPLETE")
    assert job.ended_without_completing is (status == "STOPPED")
    assert calls.count("bedrock-agent", "GetIngestionJob") == 1


async def test_it_reports_a_failed_ingestion_job_with_its_reasons(stub) -> None:
    agent = await stub("bedrock-agent")
    agent.add_response(
        "get_ingestion_job",
        ingestion_job(
            "FAILED", failure_reasons=["Encountered error: metadata file is not valid JSON"], failed=1
        ),
    )

    job = await make_kb().ingestion("JOB0000001")

    assert job.ended_without_completing and job.documents_failed == 1
    assert job.failure_reasons == ("Encountered error: metadata file is not valid JSON",)


async def test_it_translates_an_unknown_ingestion_job(stub) -> None:
    agent = await stub("bedrock-agent")
    agent.add_client_error(
        "get_ingestion_job", service_error_code="ResourceNotFoundException", http_status_code=404
    )

    with pytest.raises(IntegrationError):
        await make_kb().ingestion("JOB-GONE")


def busy(agent) -> None:  # noqa: ANN001
    agent.add_client_error(
        "start_ingestion_job",
        service_error_code="ConflictException",
        service_message="There is already an ongoing ingestion job",
        http_status_code=409,
    )


async def test_it_reports_a_sync_already_running_as_busy_not_as_a_lost_update(stub) -> None:
    agent = await stub("bedrock-agent")
    busy(agent)

    with pytest.raises(IngestionBusy) as raised:
        await make_kb().start_ingestion()
    # Processing treats a Conflict as "someone else changed the document" and walks away.
    assert not isinstance(raised.value, Conflict)


# --- ingest / remove on the S3 data source (moto) -----------------------------------------------


@pytest.fixture
async def s3(aws: str, settings):
    client = await get_client("s3", endpoint_url=settings.TRA_S3_ENDPOINT_URL, region=REGION)
    await client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    return client


async def _objects(s3) -> dict[str, bytes]:
    listed = await s3.list_objects_v2(Bucket=BUCKET)
    found = {}
    for item in listed.get("Contents", []):
        body = (await s3.get_object(Bucket=BUCKET, Key=item["Key"]))["Body"]
        async with body as stream:
            found[item["Key"]] = await stream.read()
    return found


def chunks(document_id: str, *texts: str) -> list[Chunk]:
    return [
        Chunk(
            document_id=document_id,
            document_name="ignored",
            ordinal=i,
            text=t,
            page=i + 1,
            section="Intro" if i == 0 else None,
        )
        for i, t in enumerate(texts)
    ]


async def test_it_ingests_each_chunk_with_a_metadata_sidecar_and_starts_a_sync(stub, s3, settings) -> None:
    agent = await stub("bedrock-agent")
    agent.add_response(
        "start_ingestion_job",
        ingestion_job("STARTING"),
        expected_params={"knowledgeBaseId": KB_ID, "dataSourceId": DS_ID},
    )
    kb = make_kb(settings.TRA_S3_ENDPOINT_URL)

    with recording() as calls:
        job_id = await kb.ingest_document(
            assessment_id=ASSESSMENT,
            document_id="d1",
            document_name="Security design.pdf",
            chunks=chunks("d1", "Data is encrypted at rest.", "Backups run nightly."),
        )

    assert job_id == "JOB0000001"
    stored = await _objects(s3)
    prefix = f"kb/{ASSESSMENT}/d1/"
    assert sorted(stored) == [
        f"{prefix}00000.txt",
        f"{prefix}00000.txt.metadata.json",
        f"{prefix}00001.txt",
        f"{prefix}00001.txt.metadata.json",
    ]
    assert stored[f"{prefix}00000.txt"].decode() == "Data is encrypted at rest."
    assert json.loads(stored[f"{prefix}00000.txt.metadata.json"]) == {
        "metadataAttributes": {
            "assessment_id": ASSESSMENT,
            "document_id": "d1",
            "document_name": "Security design.pdf",
            "ordinal": 0,
            "page": 1,
            "section": "Intro",
        }
    }
    assert "section" not in json.loads(stored[f"{prefix}00001.txt.metadata.json"])["metadataAttributes"]
    assert calls.count("s3", "PutObject") == 4
    assert calls.count("bedrock-agent", "StartIngestionJob") == 1


async def test_it_replaces_an_earlier_version_of_a_document(stub, s3, settings) -> None:
    agent = await stub("bedrock-agent")
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    kb = make_kb(settings.TRA_S3_ENDPOINT_URL)
    await kb.ingest(
        assessment_id=ASSESSMENT, document_id="d1", document_name="v1.pdf", chunks=chunks("d1", "a", "b", "c")
    )

    await kb.ingest(
        assessment_id=ASSESSMENT, document_id="d1", document_name="v2.pdf", chunks=chunks("d1", "new a")
    )

    stored = await _objects(s3)
    assert sorted(stored) == [f"kb/{ASSESSMENT}/d1/00000.txt", f"kb/{ASSESSMENT}/d1/00000.txt.metadata.json"]
    assert stored[f"kb/{ASSESSMENT}/d1/00000.txt"] == b"new a"


async def test_it_removes_a_document_and_syncs_leaving_other_documents(stub, s3, settings) -> None:
    agent = await stub("bedrock-agent")
    for _ in range(3):
        agent.add_response("start_ingestion_job", ingestion_job("STARTING"))
    kb = make_kb(settings.TRA_S3_ENDPOINT_URL)
    await kb.ingest(
        assessment_id=ASSESSMENT, document_id="d1", document_name="a.pdf", chunks=chunks("d1", "one", "two")
    )
    await kb.ingest(
        assessment_id=ASSESSMENT, document_id="d2", document_name="b.pdf", chunks=chunks("d2", "three")
    )

    with recording() as calls:
        await kb.remove(assessment_id=ASSESSMENT, document_id="d1")

    assert sorted(await _objects(s3)) == [
        f"kb/{ASSESSMENT}/d2/00000.txt",
        f"kb/{ASSESSMENT}/d2/00000.txt.metadata.json",
    ]
    assert calls.count("bedrock-agent", "StartIngestionJob") == 1
    assert calls.count("s3", "DeleteObjects") == 1


async def test_it_refuses_ids_that_would_change_the_key_layout() -> None:
    with pytest.raises(InvalidKey):
        await make_kb().ingest(assessment_id="../other", document_id="d1", document_name="x", chunks=[])


def test_it_reads_its_configuration_from_settings(settings) -> None:
    settings.TRA_KB_ID = "KB1"
    settings.TRA_KB_DATA_SOURCE_ID = "DS1"
    settings.TRA_KB_BUCKET = "kb-bucket"

    kb = BedrockKnowledgeBase.from_settings()

    assert (kb.kb_id, kb.data_source_id, kb.bucket) == ("KB1", "DS1", "kb-bucket")


def running_jobs(started_at: dt.datetime) -> dict:
    return {
        "ingestionJobSummaries": [
            {
                "knowledgeBaseId": KB_ID,
                "dataSourceId": DS_ID,
                "ingestionJobId": "JOB0000002",
                "status": "IN_PROGRESS",
                "startedAt": started_at,
                "updatedAt": started_at,
            }
        ]
    }


LIST_RUNNING = {
    "knowledgeBaseId": KB_ID,
    "dataSourceId": DS_ID,
    "filters": [{"attribute": "STATUS", "operator": "EQ", "values": ["STARTING", "IN_PROGRESS"]}],
    "sortBy": {"attribute": "STARTED_AT", "order": "DESCENDING"},
    "maxResults": 1,
}


async def _ingest_while_busy(kb: BedrockKnowledgeBase, agent) -> None:  # noqa: ANN001
    busy(agent)
    with pytest.raises(IngestionBusy):
        await kb.ingest(
            assessment_id=ASSESSMENT, document_id="d1", document_name="d.pdf", chunks=chunks("d1", "a")
        )


async def test_a_sync_coalesces_with_a_job_that_started_after_its_writes(stub, s3, settings) -> None:  # noqa: ANN001
    agent = await stub("bedrock-agent")
    kb = make_kb(settings.TRA_S3_ENDPOINT_URL)
    await _ingest_while_busy(kb, agent)
    busy(agent)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    agent.add_response("list_ingestion_jobs", running_jobs(later), expected_params=LIST_RUNNING)

    with recording() as calls:
        await kb.sync()  # covered by the running job: nothing more to start

    assert calls.count("bedrock-agent", "StartIngestionJob") == 1


async def test_a_sync_stays_busy_while_the_running_job_predates_its_writes(stub, s3, settings) -> None:  # noqa: ANN001
    agent = await stub("bedrock-agent")
    kb = make_kb(settings.TRA_S3_ENDPOINT_URL)
    await _ingest_while_busy(kb, agent)
    busy(agent)
    agent.add_response("list_ingestion_jobs", running_jobs(NOW), expected_params=LIST_RUNNING)

    with pytest.raises(IngestionBusy):
        await kb.sync()
