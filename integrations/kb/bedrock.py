"""The production knowledge base: a Bedrock Knowledge Base over an S3 data source.

Layout in the data source bucket, one object per chunk::

    kb/<assessment_id>/<document_id>/<ordinal>.txt                 the chunk's verbatim text
    kb/<assessment_id>/<document_id>/<ordinal>.txt.metadata.json   {"metadataAttributes": {...}}

Why one object per chunk rather than one per document: Bedrock's metadata sidecar applies to
a whole source file, so only per-chunk files let every retrieved passage carry its own page
and section (what a citation shows). The data source should use the NONE chunking strategy
so a chunk comes back whole; if Bedrock splits it anyway, each piece still inherits the
chunk's page and section. The data source's inclusion prefix should be ``kb/`` when the bucket
also holds uploaded documents.

A sync (StartIngestionJob) is data-source wide and only one may run at a time: a second start
raises ``IngestionBusy``, which the caller retries later with ``sync`` (the objects are
already in place, so only the sync is repeated). A document is searchable only once the job
that read its objects reports COMPLETE (GetIngestionJob): ``ingest`` and ``sync`` return that
job's id and the caller polls ``ingestion`` (processing does it in a re-enqueued task).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from integrations.clients import get_client
from integrations.errors import Conflict, IngestionBusy, Unavailable, translate_aws_errors
from integrations.instrumentation import record
from integrations.kb import bedrock_shapes as shapes
from integrations.kb.contract import Chunk, IngestionJob, Passage
from integrations.llm.bedrock import translate_bedrock_errors
from integrations.storage import safe_segment

logger = logging.getLogger(__name__)

ClientFactory = Callable[[str], Awaitable[Any]]

KEY_PREFIX = "kb"
METADATA_SUFFIX = ".metadata.json"
_DELETE_BATCH = 1000  # DeleteObjects' maximum keys per call
_CLOCK_MARGIN = dt.timedelta(seconds=5)


def document_prefix(assessment_id: str, document_id: str) -> str:
    return (
        f"{KEY_PREFIX}/{safe_segment(assessment_id, what='assessment id')}"
        f"/{safe_segment(document_id, what='document id')}/"
    )


def chunk_key(assessment_id: str, document_id: str, ordinal: int) -> str:
    return f"{document_prefix(assessment_id, document_id)}{ordinal:05d}.txt"


def chunk_metadata(assessment_id: str, document_name: str, chunk: Chunk) -> dict[str, Any]:
    """The sidecar of one chunk; absent page/section are left out (null is not allowed)."""
    attributes: dict[str, Any] = {
        "assessment_id": assessment_id,
        "document_id": chunk.document_id,
        "document_name": document_name,
        "ordinal": chunk.ordinal,
    }
    if chunk.page is not None:
        attributes["page"] = chunk.page
    if chunk.section:
        attributes["section"] = chunk.section
    return {"metadataAttributes": attributes}


# The job state is the contract's (the local index reports the same shape).
IngestionJobResult = IngestionJob


def _optional_int(value: Any) -> int | None:
    # Number attributes come back as JSON numbers, often floats (3.0).
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def passages_from_response(response: dict[str, Any], *, assessment_id: str) -> list[Passage]:
    """Map Retrieve results to passages of ``assessment_id`` only.

    The request already filters on assessment_id; this re-check is defence in depth, so a
    mis-configured filter or a missing sidecar can never leak another assessment's text.
    """
    passages: list[Passage] = []
    for result in shapes.RetrieveResponse.model_validate(response).retrievalResults:
        meta = result.metadata
        if meta.get("assessment_id") != assessment_id:
            logger.warning(
                "Dropped a retrieval result outside assessment %s (source %s)",
                assessment_id,
                meta.get("x-amz-bedrock-kb-source-uri", "unknown"),
            )
            continue
        document_id = meta.get("document_id")
        if not result.content.text or not isinstance(document_id, str):
            continue
        section = meta.get("section")
        passages.append(
            Passage(
                document_id=document_id,
                document_name=str(meta.get("document_name") or document_id),
                text=result.content.text,
                score=result.score,
                page=_optional_int(meta.get("page")),
                section=section if isinstance(section, str) and section else None,
            )
        )
    return passages


class BedrockKnowledgeBase:
    """``KnowledgeBase`` on Bedrock. Clients are the loop's long-lived ones unless injected."""

    def __init__(
        self,
        *,
        kb_id: str,
        data_source_id: str,
        bucket: str,
        region: str | None = None,
        s3_endpoint_url: str | None = None,
        bedrock_endpoint_url: str | None = None,
        s3_region: str | None = None,
        client_factory: ClientFactory | None = None,
        put_concurrency: int = 8,
    ) -> None:
        self.kb_id = kb_id
        self.data_source_id = data_source_id
        self.bucket = bucket
        self.region = region
        self.s3_endpoint_url = s3_endpoint_url
        self.bedrock_endpoint_url = bedrock_endpoint_url
        self.s3_region = s3_region or region
        self._client_factory = client_factory
        self._put_concurrency = put_concurrency
        self._written_at: dt.datetime | None = None  # when this instance last changed objects

    @classmethod
    def from_settings(cls) -> BedrockKnowledgeBase:
        from django.conf import settings

        return cls(
            kb_id=settings.TRA_KB_ID,
            data_source_id=settings.TRA_KB_DATA_SOURCE_ID,
            bucket=settings.TRA_KB_BUCKET,
            region=settings.TRA_BEDROCK_REGION,
            s3_endpoint_url=settings.TRA_S3_ENDPOINT_URL,
            # bedrock-agent and bedrock-agent-runtime have their own host names; there is no
            # setting for them yet, so production uses the regional defaults.
            bedrock_endpoint_url=None,
            s3_region=settings.AWS_REGION,
        )

    async def _client(self, service: str) -> Any:
        if self._client_factory is not None:
            return await self._client_factory(service)
        if service == "s3":
            return await get_client("s3", endpoint_url=self.s3_endpoint_url, region=self.s3_region)
        return await get_client(service, endpoint_url=self.bedrock_endpoint_url, region=self.region)

    # --- S3 data source ---------------------------------------------------------------------

    async def _list_keys(self, prefix: str) -> list[str]:
        s3 = await self._client("s3")
        keys: list[str] = []
        token: str | None = None
        while True:
            kwargs: dict[str, Any] = {"Bucket": self.bucket, "Prefix": prefix}
            if token:
                kwargs["ContinuationToken"] = token
            record("s3", "ListObjectsV2")
            with translate_aws_errors("ListObjectsV2"):
                page = await s3.list_objects_v2(**kwargs)
            keys.extend(item["Key"] for item in page.get("Contents", []))
            if not page.get("IsTruncated"):
                return keys
            token = page["NextContinuationToken"]

    async def _delete_keys(self, keys: Sequence[str]) -> None:
        s3 = await self._client("s3")
        for start in range(0, len(keys), _DELETE_BATCH):
            batch = keys[start : start + _DELETE_BATCH]
            record("s3", "DeleteObjects")
            with translate_aws_errors("DeleteObjects"):
                # Reference: DeleteObjects (Amazon S3 API Reference)
                response = await s3.delete_objects(
                    Bucket=self.bucket,
                    Delete={"Objects": [{"Key": key} for key in batch], "Quiet": True},
                )
            # DeleteObjects answers 200 even when some keys failed; those are in "Errors".
            if errors := response.get("Errors"):
                raise Unavailable(f"DeleteObjects: {len(errors)} objects not deleted: {errors[0]}")

    async def _put_text(self, key: str, body: bytes, content_type: str) -> None:
        s3 = await self._client("s3")
        record("s3", "PutObject")
        with translate_aws_errors("PutObject"):
            await s3.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=body,
                ContentType=content_type,
                ServerSideEncryption="AES256",
            )

    async def _put_chunks(self, assessment_id: str, document_name: str, chunks: Sequence[Chunk]) -> set[str]:
        limit = asyncio.Semaphore(self._put_concurrency)
        written: set[str] = set()

        async def put_one(chunk: Chunk) -> None:
            key = chunk_key(assessment_id, chunk.document_id, chunk.ordinal)
            sidecar = json.dumps(chunk_metadata(assessment_id, document_name, chunk)).encode()
            async with limit:
                await self._put_text(key, chunk.text.encode("utf-8"), "text/plain; charset=utf-8")
                await self._put_text(key + METADATA_SUFFIX, sidecar, "application/json")
            written.update((key, key + METADATA_SUFFIX))

        try:
            async with asyncio.TaskGroup() as group:
                for chunk in chunks:
                    group.create_task(put_one(chunk))
        except* Exception as failed:
            # Callers handle our single exceptions (Unavailable, Throttled), not a group.
            first = failed.exceptions[0]
            raise first from first.__cause__
        return written

    # --- ingestion jobs ---------------------------------------------------------------------

    async def start_ingestion(self) -> str:
        agent = await self._client("bedrock-agent")
        record("bedrock-agent", "StartIngestionJob")
        try:
            with translate_bedrock_errors("StartIngestionJob"):
                # Reference: StartIngestionJob (Agents for Amazon Bedrock API Reference)
                response = await agent.start_ingestion_job(
                    knowledgeBaseId=self.kb_id, dataSourceId=self.data_source_id
                )
        except Conflict as exc:
            # ConflictException here means "a job of this data source is already running".
            raise IngestionBusy(str(exc)) from exc
        return shapes.IngestionJobResponse.model_validate(response).ingestionJob.ingestionJobId

    async def ingestion(self, job_id: str) -> IngestionJob:
        return await self.get_ingestion(job_id)

    async def get_ingestion(self, job_id: str) -> IngestionJobResult:
        agent = await self._client("bedrock-agent")
        record("bedrock-agent", "GetIngestionJob")
        with translate_bedrock_errors("GetIngestionJob"):
            # Reference: GetIngestionJob (Agents for Amazon Bedrock API Reference)
            response = await agent.get_ingestion_job(
                knowledgeBaseId=self.kb_id, dataSourceId=self.data_source_id, ingestionJobId=job_id
            )
        job = shapes.IngestionJobResponse.model_validate(response).ingestionJob
        return IngestionJobResult(
            job_id=job.ingestionJobId,
            status=job.status,
            documents_failed=job.statistics.numberOfDocumentsFailed,
            failure_reasons=tuple(job.failureReasons),
        )

    # --- KnowledgeBase ----------------------------------------------------------------------

    async def ingest_document(
        self, *, assessment_id: str, document_id: str, document_name: str, chunks: Sequence[Chunk]
    ) -> str:
        """Write the document's chunks (replacing an earlier version), start a sync, return its id."""
        prefix = document_prefix(assessment_id, document_id)
        earlier = set(await self._list_keys(prefix))
        chunks = [c for c in chunks if c.text.strip()]
        if any(c.document_id != document_id for c in chunks):
            raise ValueError("every chunk must belong to the document being ingested")
        written = await self._put_chunks(assessment_id, document_name, chunks)
        # New objects first, stale ones after: the document is never absent from the index.
        await self._delete_keys(sorted(earlier - written))
        self._written_at = dt.datetime.now(dt.UTC)
        return await self.start_ingestion()

    async def ingest(
        self, *, assessment_id: str, document_id: str, document_name: str, chunks: Sequence[Chunk]
    ) -> str | None:
        return await self.ingest_document(
            assessment_id=assessment_id, document_id=document_id, document_name=document_name, chunks=chunks
        )

    async def remove_document(self, *, assessment_id: str, document_id: str) -> str:
        """Delete the document's objects and sidecars, start a sync, return its id."""
        await self._delete_keys(await self._list_keys(document_prefix(assessment_id, document_id)))
        self._written_at = dt.datetime.now(dt.UTC)
        return await self.start_ingestion()

    async def remove(self, *, assessment_id: str, document_id: str) -> str | None:
        return await self.remove_document(assessment_id=assessment_id, document_id=document_id)

    async def sync(self, *, written_at: dt.datetime | None = None) -> str | None:
        """Start the sync an earlier ``IngestionBusy`` left owing; the job to wait for.

        Coalesced: when the job now running started after the writes (``written_at``, or this
        instance's last write), that job picks the new objects up, so its id is returned and
        nothing more is started (a second job would only queue behind it for the same
        objects). ``IngestionBusy`` again when the running job predates the writes.
        """
        try:
            return await self.start_ingestion()
        except IngestionBusy:
            moment = written_at or self._written_at
            if moment is not None and (running := await self._running_job_started_after(moment)):
                logger.info("ingestion job %s started after our writes and covers them", running)
                return running
            raise

    async def _running_job_started_after(self, moment: dt.datetime) -> str | None:
        agent = await self._client("bedrock-agent")
        record("bedrock-agent", "ListIngestionJobs")
        with translate_bedrock_errors("ListIngestionJobs"):
            # Reference: ListIngestionJobs (Agents for Amazon Bedrock API Reference)
            response = await agent.list_ingestion_jobs(
                knowledgeBaseId=self.kb_id,
                dataSourceId=self.data_source_id,
                filters=[{"attribute": "STATUS", "operator": "EQ", "values": ["STARTING", "IN_PROGRESS"]}],
                sortBy={"attribute": "STARTED_AT", "order": "DESCENDING"},
                maxResults=1,
            )
        jobs = shapes.IngestionJobList.model_validate(response).ingestionJobSummaries
        # The margin absorbs clock skew between this host and AWS: a job that started
        # around the time of our writes may have listed the objects just before them.
        if jobs and jobs[0].startedAt >= moment + _CLOCK_MARGIN:
            return jobs[0].ingestionJobId
        return None

    async def retrieve(self, *, assessment_id: str, query: str, limit: int = 5) -> list[Passage]:
        runtime = await self._client("bedrock-agent-runtime")
        record("bedrock-agent-runtime", "Retrieve")
        with translate_bedrock_errors("Retrieve"):
            # Reference: Retrieve (Agents for Amazon Bedrock Runtime API Reference);
            # metadata filters: RetrievalFilter.
            response = await runtime.retrieve(
                knowledgeBaseId=self.kb_id,
                retrievalQuery={"text": query},
                retrievalConfiguration={
                    "vectorSearchConfiguration": {
                        "numberOfResults": max(1, min(limit, 100)),
                        "filter": {"equals": {"key": "assessment_id", "value": assessment_id}},
                    }
                },
            )
        return passages_from_response(response, assessment_id=assessment_id)
