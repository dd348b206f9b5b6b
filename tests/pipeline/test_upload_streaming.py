"""Uploads are streamed: a 20 MB file is hashed, sniffed and stored in chunks from the
temporary file Django spooled it to, never read into memory whole; uploads stored at once
are bounded per process."""

from __future__ import annotations

import asyncio
import hashlib
import io
import tracemalloc
from pathlib import Path
from typing import Any

import boto3
import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile

from assessments.services import documents as documents_service
from assessments.services.documents import documents_upload, uploads_from
from integrations.runtime import run_sync
from integrations.storage import S3DocumentStorage
from tests.pipeline.helpers import only_document
from tests.web.helpers import create_assessment

LINE = b"The vendor hosts the platform in Frankfurt and encrypts customer data at rest.\n"
SIZE = 20 * 1024 * 1024


def spooled(name: str, size: int = SIZE) -> tuple[TemporaryUploadedFile, str]:
    """A file as Django hands over a large upload: on disk, with its declared size."""
    upload = TemporaryUploadedFile(name, "text/plain", size, None)
    digest = hashlib.sha256()
    written = 0
    while written < size:
        piece = LINE[: size - written]
        upload.write(piece)
        digest.update(piece)
        written += len(piece)
    upload.seek(0)
    return upload, digest.hexdigest()


def peak_while_uploading(cast: Any, assessment_id: str, upload: TemporaryUploadedFile) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        [outcome] = run_sync(
            documents_upload,
            actor=cast.actor("requestor"),
            assessment_id=assessment_id,
            files=uploads_from([upload]),
        )
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return outcome, peak


def test_it_stores_a_20_mb_upload_without_holding_it_in_memory(
    cast: Any, pipeline: Path, settings: Any
) -> None:
    settings.TRA_UPLOAD_MAX_BYTES = SIZE
    assessment_id = create_assessment(cast)
    upload, sha256 = spooled("notes.txt")

    outcome, peak = peak_while_uploading(cast, assessment_id, upload)

    assert outcome.stored, outcome.error
    document = only_document(assessment_id)
    assert (document.size, document.sha256) == (SIZE, sha256)
    stored = pipeline / "documents" / document.storage_key
    assert stored.stat().st_size == SIZE
    assert peak < SIZE / 4, f"peak {peak / 1e6:.1f} MB while storing a {SIZE / 1e6:.0f} MB upload"


@pytest.mark.slow
def test_it_streams_a_20_mb_upload_to_s3(
    cast: Any, pipeline: Path, aws: str, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The moto server runs in this process and keeps every object in memory, so a memory
    # peak would measure moto; what is checked is that the client is handed a stream.
    settings.TRA_UPLOAD_MAX_BYTES = SIZE
    settings.TRA_DOCUMENT_STORE = "s3"
    settings.TRA_S3_BUCKET = "tra-documents-stream-test"
    s3 = boto3.client("s3", endpoint_url=aws, region_name=settings.AWS_REGION)
    s3.create_bucket(
        Bucket=settings.TRA_S3_BUCKET, CreateBucketConfiguration={"LocationConstraint": settings.AWS_REGION}
    )
    bodies: list[object] = []
    real_client = S3DocumentStorage._client

    async def spying_client(self: S3DocumentStorage) -> Any:
        client = await real_client(self)

        class Spy:
            def __getattr__(self, name: str) -> Any:
                return getattr(client, name)

            async def put_object(self, **kwargs: Any) -> Any:
                bodies.append(kwargs["Body"])
                return await client.put_object(**kwargs)

        return Spy()

    monkeypatch.setattr(S3DocumentStorage, "_client", spying_client)
    assessment_id = create_assessment(cast)
    upload, sha256 = spooled("notes.txt")

    [outcome] = run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=uploads_from([upload]),
    )

    assert outcome.stored, outcome.error
    [body] = bodies
    assert isinstance(body, io.IOBase)  # streamed from the spooled file, not bytes read whole
    document = only_document(assessment_id)
    head = s3.head_object(Bucket=settings.TRA_S3_BUCKET, Key=document.storage_key)
    assert head["ContentLength"] == SIZE and document.sha256 == sha256


def test_it_refuses_an_upload_over_the_limit_from_its_declared_size_without_reading_it(
    cast: Any, pipeline: Path, settings: Any
) -> None:
    settings.TRA_UPLOAD_MAX_BYTES = 1024 * 1024
    assessment_id = create_assessment(cast)
    upload, _ = spooled("big.txt", size=2 * 1024 * 1024)

    [outcome] = run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=uploads_from([upload]),
    )

    assert outcome.error == "big.txt is 2.0 MB; the largest accepted upload is 1.0 MB."
    assert upload.tell() == 0


def test_it_stores_at_most_the_configured_number_of_uploads_at_once(
    cast: Any, pipeline: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.TRA_UPLOAD_CONCURRENCY = 2
    assessment_id = create_assessment(cast)
    inspect = documents_service.inspect_upload
    running = peak = 0

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        try:
            import time

            time.sleep(0.05)  # long enough for every upload to be waiting at once
            return inspect(*args, **kwargs)
        finally:
            running -= 1

    monkeypatch.setattr(documents_service, "inspect_upload", counting)
    actor = cast.actor("requestor")
    uploads = [uploads_from([spooled(f"notes-{n}.txt", size=1000 + n)[0]]) for n in range(5)]

    async def five_requests() -> None:
        await asyncio.gather(
            *(documents_upload(actor=actor, assessment_id=assessment_id, files=files) for files in uploads)
        )

    run_sync(five_requests)
    assert peak == 2
