"""The whole pipeline on the AWS path: DynamoDB and S3 through the moto server, an LLM engine.

The knowledge base stays local (Bedrock KB has no moto; its API shapes are tested with
AioStubber in tests/aws_ai). What this proves is that the services compose on the production
table and storage backends: the bytes land in S3 under a server-made key, every table access
is a Query, GetItem or write (never a Scan), and suggestions come from the LLM engine.
"""

from __future__ import annotations

from typing import Any

import aioboto3
import pytest

from assessments.domain.documents import DocumentStatus
from assessments.selectors.assessments import assessment_collection
from assessments.services.documents import UploadFile, documents_upload
from assessments.services.suggestions import suggestions_precompute
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.fixtures.pipeline import brief
from tests.pipeline.fakes import FakeLLM
from tests.web.helpers import create_assessment

BUCKET = "tra-documents-test"


@pytest.fixture
def tra_table(tra_table_dynamo: Any) -> Any:
    return tra_table_dynamo


@pytest.fixture
def s3_documents(aws: str, settings: Any) -> str:
    async def create() -> None:
        session = aioboto3.Session()
        async with session.client("s3", endpoint_url=aws, region_name=settings.AWS_REGION) as s3:
            config = {"LocationConstraint": settings.AWS_REGION} if settings.AWS_REGION != "us-east-1" else {}
            await s3.create_bucket(Bucket=BUCKET, **({"CreateBucketConfiguration": config} if config else {}))

    run_sync(create)
    settings.TRA_DOCUMENT_STORE = "s3"
    settings.TRA_S3_BUCKET = BUCKET
    return aws


@pytest.fixture
def llm(monkeypatch: pytest.MonkeyPatch) -> FakeLLM:
    fake = FakeLLM()
    monkeypatch.setattr("assessments.services.suggestions.get_llm", lambda: fake)
    return fake


def test_it_runs_upload_processing_and_llm_suggestions_on_dynamodb_and_s3(
    cast: Any, pipeline: Any, run_tasks: Any, s3_documents: str, llm: FakeLLM
) -> None:
    assessment_id = create_assessment(cast)
    with instrumentation.recording() as calls:
        outcomes = run_sync(
            documents_upload,
            actor=cast.actor("requestor"),
            assessment_id=assessment_id,
            files=[UploadFile("Project brief.pdf", brief("pdf"))],
        )
    assert outcomes[0].stored
    document = outcomes[0].document
    assert document is not None
    assert document.storage_key == f"documents/{assessment_id}/{document.id}"
    assert calls.count("s3", "PutObject") == 1
    assert calls.count("s3", "GetObject") == 1  # the worker read the bytes back from S3
    assert calls.count("dynamodb", "Scan") == 0

    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    assert [d.status for d in collection.documents] == [DocumentStatus.READY]
    assert collection.suggestions, "suggestions were pre-computed"
    assert {s.model for s in collection.suggestions.values()} == {llm.model}
    suggested = [s for s in collection.suggestions.values() if s.status == "suggested"]
    assert suggested and all(s.citations for s in suggested)
    assert llm.calls >= len(suggested)

    # Asked again with nothing changed: answered from the table, not the model.
    calls_before = llm.calls
    report = run_sync(suggestions_precompute, assessment_id=assessment_id)
    assert report.computed == 0 and report.reused == len(collection.suggestions)
    assert llm.calls == calls_before


def test_it_leaves_nothing_behind_when_s3_refuses_the_upload(
    cast: Any, pipeline: Any, run_tasks: Any, aws: str, settings: Any
) -> None:
    settings.TRA_DOCUMENT_STORE = "s3"
    settings.TRA_S3_BUCKET = "bucket-that-does-not-exist"
    assessment_id = create_assessment(cast)
    outcomes = run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=[UploadFile("brief.docx", brief("docx"))],
    )
    assert outcomes[0].unavailable and "Nothing was saved" in outcomes[0].error
    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    assert collection.documents == []
