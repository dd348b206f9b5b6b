"""The whole pipeline on the AWS path: DynamoDB and S3 through the moto server, an LLM engine.

The knowledge base stays local (Bedrock KB has no moto; its API shapes are tested with
AioStubber in tests/aws_ai). What this proves is that the services compose on the production
table and storage backends: the bytes land in S3 under a server-made key, every table access
is a Query, GetItem or write (never a Scan), and suggestions come from the LLM engine.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import aioboto3
import pytest

from assessments.domain import keys
from assessments.domain.documents import DocumentStatus, document_set_fingerprint
from assessments.selectors.assessments import assessment_collection
from assessments.services import ingestion, processing
from assessments.services.documents import UploadFile, document_remove, documents_upload
from assessments.services.suggestion_engine import SuggestionEngine
from assessments.services.suggestions_precompute import suggestions_precompute
from assessments.suggestions.generative import PROMPT_VERSION
from integrations import instrumentation
from integrations.kb.contract import COMPLETE, IngestionJob
from integrations.kb.local import LocalKnowledgeBase
from integrations.runtime import run_sync
from tests.fixtures.pipeline import brief
from tests.pipeline.fakes import FakeLLM
from tests.pipeline.helpers import item
from tests.pipeline.suggestion_helpers import BRIEF_TXT
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
    monkeypatch.setattr("assessments.services.suggestion_engine.get_llm", lambda: fake)
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


# --- the knowledge base's generation in the suggestion cache key ----------------------------


class IndexedLater(LocalKnowledgeBase):
    """The local index with Bedrock's timing: what ``ingest`` writes becomes searchable only
    when its ingestion job completes (``complete``)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.pending: dict[str, dict[str, Any]] = {}
        self.done: set[str] = set()

    async def ingest(self, **kwargs: Any) -> str:
        job_id = f"JOB{len(self.pending) + len(self.done) + 1:07d}"
        self.pending[job_id] = kwargs
        return job_id

    async def ingestion(self, job_id: str) -> IngestionJob:
        return IngestionJob(job_id=job_id, status=COMPLETE if job_id in self.done else "IN_PROGRESS")

    async def remove(self, *, assessment_id: str, document_id: str) -> str:
        job_id = f"JOB{len(self.pending) + len(self.done) + 1:07d}"
        self.pending[job_id] = {"assessment_id": assessment_id, "document_id": document_id}
        return job_id

    async def complete(self, job_id: str) -> None:
        change = self.pending.pop(job_id)
        if "chunks" in change:
            await LocalKnowledgeBase.ingest(self, **change)
        else:
            await LocalKnowledgeBase.remove(self, **change)
        self.done.add(job_id)


@pytest.fixture
def kb_indexing_later(pipeline: Path, monkeypatch: pytest.MonkeyPatch) -> IndexedLater:
    kb = IndexedLater(pipeline / "kb-index" / "kb.sqlite3")
    monkeypatch.setattr(processing, "get_knowledge_base", lambda: kb)
    monkeypatch.setattr(ingestion, "get_knowledge_base", lambda: kb)
    monkeypatch.setattr("integrations.kb.get_knowledge_base", lambda: kb)  # the removal clean-up's
    return kb


def upload_and_process(cast: Any, assessment_id: str, name: str, text: str) -> tuple[str, str]:
    """(document id, the ingestion job it waits for) after processing it up to indexing."""
    [outcome] = run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=[UploadFile(name, text.encode())],
    )
    assert outcome.document
    document_id = outcome.document.id
    status = run_sync(processing.document_process, assessment_id=assessment_id, document_id=document_id)
    assert status is DocumentStatus.INDEXING
    waiting = item(assessment_id, keys.document_sk(document_id))
    assert waiting is not None
    return document_id, waiting["ingestion_job"]


def finish_indexing(kb: IndexedLater, assessment_id: str, document_id: str, job_id: str) -> None:
    run_sync(kb.complete, job_id)
    status = run_sync(
        ingestion.document_ingestion_check,
        assessment_id=assessment_id,
        document_id=document_id,
        job_id=job_id,
        poll=0,
    )
    assert status is DocumentStatus.READY


def test_a_not_stated_drawn_while_a_document_is_still_indexing_is_recomputed_once_it_is_complete(
    cast: Any, kb_indexing_later: IndexedLater
) -> None:
    kb = kb_indexing_later
    fake = FakeLLM()
    suggestion_engine = SuggestionEngine(llm=fake, kb=kb, model=fake.model, prompt_version=PROMPT_VERSION)
    assessment_id = create_assessment(cast)
    minutes = "Kick-off minutes. The steering group agreed a fortnightly meeting on Tuesdays."
    first_id, first_job = upload_and_process(cast, assessment_id, "minutes.txt", minutes)
    finish_indexing(kb, assessment_id, first_id, first_job)
    brief_id, brief_job = upload_and_process(cast, assessment_id, "brief.txt", BRIEF_TXT)

    # Asked while the brief is written but its ingestion job still runs: nothing says so yet.
    run_sync(suggestions_precompute, assessment_id=assessment_id, suggestion_engine=suggestion_engine)
    early = run_sync(assessment_collection, assessment_id=assessment_id).suggestions["Q-06"]
    assert early.status == "not_stated"
    # ... and while nothing changes, that answer stands (cached under this generation).
    again = run_sync(suggestions_precompute, assessment_id=assessment_id, suggestion_engine=suggestion_engine)
    assert again.computed == 0

    finish_indexing(kb, assessment_id, brief_id, brief_job)
    calls_before = fake.calls_by_question["Q-06"]
    report = run_sync(
        suggestions_precompute, assessment_id=assessment_id, suggestion_engine=suggestion_engine
    )

    late = run_sync(assessment_collection, assessment_id=assessment_id).suggestions["Q-06"]
    assert report.computed > 0 and fake.calls_by_question["Q-06"] == calls_before + 1
    assert late.status == "suggested" and late.cache_key != early.cache_key
    assert {c.document_id for c in late.citations} == {brief_id}


def test_the_same_documents_indexed_by_another_job_are_another_generation(
    cast: Any, kb_indexing_later: IndexedLater
) -> None:
    assessment_id = create_assessment(cast)
    document_id, job_id = upload_and_process(cast, assessment_id, "brief.txt", BRIEF_TXT)
    finish_indexing(kb_indexing_later, assessment_id, document_id, job_id)
    [ready] = run_sync(assessment_collection, assessment_id=assessment_id).documents
    assert ready.indexed_by == job_id

    reindexed = dataclasses.replace(ready, indexed_by="JOB9999999")
    local = dataclasses.replace(ready, indexed_by="")

    assert document_set_fingerprint([ready]) != document_set_fingerprint([reindexed])
    # The local index's generation is its set of documents: the content hashes alone.
    assert document_set_fingerprint([local]) == document_set_fingerprint([dataclasses.replace(local, id="x")])
    assert document_set_fingerprint([dataclasses.replace(ready, status=DocumentStatus.INDEXING)]) == ""


def test_suggestions_drawn_while_a_removal_is_still_being_indexed_are_recomputed_once_it_is_done(
    cast: Any, kb_indexing_later: IndexedLater
) -> None:
    kb = kb_indexing_later
    fake = FakeLLM()
    suggestion_engine = SuggestionEngine(llm=fake, kb=kb, model=fake.model, prompt_version=PROMPT_VERSION)
    assessment_id = create_assessment(cast)
    kept_id, kept_job = upload_and_process(
        cast, assessment_id, "minutes.txt", "Kick-off minutes. We met on Tuesday."
    )
    finish_indexing(kb, assessment_id, kept_id, kept_job)
    removed_id, removed_job = upload_and_process(cast, assessment_id, "brief.txt", BRIEF_TXT)
    finish_indexing(kb, assessment_id, removed_id, removed_job)
    with_both = run_sync(assessment_collection, assessment_id=assessment_id).fingerprint()

    run_sync(
        document_remove, actor=cast.actor("requestor"), assessment_id=assessment_id, document_id=removed_id
    )

    during = run_sync(assessment_collection, assessment_id=assessment_id)
    [removal_job] = during.kb_removals.values()
    assert during.kb_removals == {removed_id: removal_job}
    run_sync(suggestions_precompute, assessment_id=assessment_id, suggestion_engine=suggestion_engine)
    drawn = run_sync(assessment_collection, assessment_id=assessment_id).suggestions
    pending_key = drawn["Q-06"].cache_key
    # The index still returns the removed brief, but only ready documents ground an answer.
    assert kb.pending and drawn["Q-06"].status == "not_stated"
    assert all(c.document_id != removed_id for s in drawn.values() for c in s.citations)

    run_sync(kb.complete, removal_job)
    done = run_sync(
        ingestion.kb_removal_check,
        assessment_id=assessment_id,
        document_id=removed_id,
        job_id=removal_job,
        poll=0,
    )
    assert done is True
    after = run_sync(assessment_collection, assessment_id=assessment_id)
    assert after.kb_removals == {}
    assert len({with_both, during.fingerprint(), after.fingerprint()}) == 3
    report = run_sync(
        suggestions_precompute, assessment_id=assessment_id, suggestion_engine=suggestion_engine
    )
    final = run_sync(assessment_collection, assessment_id=assessment_id).suggestions["Q-06"]
    assert report.computed > 0 and final.cache_key != pending_key
    assert removed_id not in {c.document_id for c in final.citations}


class CompletesOnSecondPoll(IndexedLater):
    """Reports a job running at its first poll and complete at the next."""

    polls = 0

    async def ingestion(self, job_id: str) -> IngestionJob:
        self.polls += 1
        if job_id in self.pending and self.polls > 1:
            await self.complete(job_id)
        return await super().ingestion(job_id)


def test_with_a_backend_that_cannot_defer_the_checks_run_in_turn_until_ready(
    cast: Any, pipeline: Path, run_tasks: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.TRA_KB_POLL_INTERVAL_S = 0.0
    kb = CompletesOnSecondPoll(pipeline / "kb-index" / "kb.sqlite3")
    monkeypatch.setattr(processing, "get_knowledge_base", lambda: kb)
    monkeypatch.setattr(ingestion, "get_knowledge_base", lambda: kb)
    assessment_id = create_assessment(cast)

    run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=[UploadFile("brief.txt", BRIEF_TXT.encode())],
    )

    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    [document] = collection.documents
    assert document.status is DocumentStatus.READY and document.indexed_by == "JOB0000001"
    assert kb.polls == 2
    assert collection.suggestions  # the check queued them once the job completed
