"""Downloading a document from the pages: who may, what arrives, and how refusals look."""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import unquote

import pytest
from django.test import AsyncClient
from django.urls import reverse

from assessments.domain.documents import DocumentStatus
from assessments.selectors.assessments import assessment_collection
from assessments.services.documents import document_remove
from integrations import errors as integration_errors
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.pipeline.helpers import audit_events, upload
from tests.web.helpers import create_assessment

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = b"Customer records are encrypted at rest with AES-256 and in transit with TLS 1.2.\n"


@dataclasses.dataclass(frozen=True)
class Uploaded:
    assessment_id: str
    document_id: str

    @property
    def url(self) -> str:
        return reverse("assessments:document_download", args=[self.assessment_id, self.document_id])


def uploaded(cast: Any, name: str = "controls.txt", data: bytes = NOTE) -> Uploaded:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, (name, data))
    assert outcome.stored and outcome.document, outcome
    return Uploaded(assessment_id, outcome.document.id)


@pytest.fixture
def note(cast: Any, pipeline: Any) -> Uploaded:
    return uploaded(cast)


async def signed_in(cast: Any, who: str | None) -> AsyncClient:
    # AsyncClient: the ASGI path a browser takes, where the body is streamed chunk by chunk.
    client = AsyncClient(raise_request_exception=False)
    if who is not None:
        await client.aforce_login(getattr(cast, who))
    return client


async def body_of(response: Any) -> bytes:
    return b"".join([chunk async for chunk in response.streaming_content])


def filename_of(response: Any) -> str:
    """The name a browser saves the file as (RFC 6266: ``filename*`` wins over ``filename``)."""
    match = re.search(r"filename\*=UTF-8''([^;]+)", response["Content-Disposition"])
    assert match, response["Content-Disposition"]
    return unquote(match.group(1))


@pytest.mark.parametrize("who", ["requestor", "assessor", "assessor2", "admin"])
async def test_the_owner_and_every_reviewer_download_the_file_as_uploaded(
    cast: Any, note: Uploaded, who: str
) -> None:
    client = await signed_in(cast, who)

    response = await client.get(note.url)

    assert response.status_code == 200
    assert response.streaming
    assert await body_of(response) == NOTE
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Length"] == str(len(NOTE))
    assert response["Content-Disposition"].startswith("attachment;")
    assert filename_of(response) == "controls.txt"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


async def test_it_records_who_downloaded_which_document(cast: Any, note: Uploaded) -> None:
    client = await signed_in(cast, "assessor")

    await body_of(await client.get(note.url))

    [event] = await _events(note.assessment_id, "document_downloaded")
    assert event["actor"] == "assessor"
    assert event["after"]["document_id"] == note.document_id
    assert event["after"]["name"] == "controls.txt"


async def test_another_requestor_gets_no_such_page_and_no_bytes(cast: Any, note: Uploaded) -> None:
    client = await signed_in(cast, "requestor2")

    response = await client.get(note.url)

    assert response.status_code == 404
    assert not response.streaming
    assert NOTE not in response.content
    assert await _events(note.assessment_id, "document_downloaded") == []


async def test_a_visitor_who_is_not_signed_in_is_sent_to_log_in(cast: Any, note: Uploaded) -> None:
    client = await signed_in(cast, None)

    response = await client.get(note.url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_removed_document_is_no_longer_downloadable(cast: Any, note: Uploaded) -> None:
    run_sync(
        document_remove,
        actor=cast.actor("requestor"),
        assessment_id=note.assessment_id,
        document_id=note.document_id,
    )
    client = cast.client("assessor")

    response = client.get(note.url)

    assert response.status_code == 404
    assert NOTE not in response.content


def test_a_document_of_another_assessment_is_not_found_through_this_one(cast: Any, note: Uploaded) -> None:
    other = create_assessment(cast)
    client = cast.client("requestor")

    response = client.get(reverse("assessments:document_download", args=[other, note.document_id]))

    assert response.status_code == 404


async def test_a_document_whose_processing_failed_is_still_downloadable(cast: Any, note: Uploaded) -> None:
    # The bytes are the file the requestor gave: a reviewer may need to see why it failed.
    document = (await assessment_collection(assessment_id=note.assessment_id)).document(note.document_id)
    assert document is not None
    failed = dataclasses.replace(document, status=DocumentStatus.FAILED, error="Could not be read.")
    await get_table().put(failed.to_item())
    client = await signed_in(cast, "assessor")

    response = await client.get(note.url)

    assert response.status_code == 200
    assert await body_of(response) == NOTE


async def test_a_large_file_arrives_in_pieces_not_in_one_read(cast: Any, pipeline: Any) -> None:
    data = b"".join(f"{i:07d} encrypted at rest.\n".encode() for i in range(60_000))  # ~1.5 MB
    big = await _uploaded_async(cast, "big.txt", data)
    client = await signed_in(cast, "assessor")

    response = await client.get(big.url)
    chunks = [chunk async for chunk in response.streaming_content]

    assert b"".join(chunks) == data
    assert len(chunks) > 1
    assert max(len(c) for c in chunks) < len(data)


@pytest.mark.parametrize(
    ("stored_name", "saved_as", "fallback"),
    [
        ('Risk "register" v2.txt', 'Risk "register" v2.txt', 'filename="Risk _register_ v2.txt"'),
        ("Données privées – été.txt", "Données privées – été.txt", 'filename="Donnees privees  ete.txt"'),
        ("数据保护.txt", "数据保护.txt", 'filename="document.txt"'),
        ("line\r\nSet-Cookie: x=1.txt", "lineSet-Cookie: x=1.txt", 'filename="lineSet-Cookie: x=1.txt"'),
        ("back\\slash.txt", "back\\slash.txt", 'filename="back_slash.txt"'),
    ],
)
async def test_it_names_the_file_safely_whatever_its_name(
    cast: Any, note: Uploaded, stored_name: str, saved_as: str, fallback: str
) -> None:
    # Written straight to the item: uploads already drop control characters from names, but
    # the header must be safe for any stored name.
    document = (await assessment_collection(assessment_id=note.assessment_id)).document(note.document_id)
    assert document is not None
    await get_table().put(dataclasses.replace(document, name=stored_name).to_item())
    client = await signed_in(cast, "requestor")

    response = await client.get(note.url)

    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "\n" not in disposition and "\r" not in disposition
    assert disposition.isascii()
    assert fallback in disposition
    assert filename_of(response) == saved_as
    assert "Set-Cookie" not in {k for k, _ in response.items()}
    assert await body_of(response) == NOTE


async def test_a_document_store_outage_is_a_503_page_not_a_500(
    cast: Any, note: Uploaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unreachable:
        async def open(self, key: str) -> Any:
            raise integration_errors.Unavailable("GetObject: connection refused")

    monkeypatch.setattr("assessments.services.document_download.get_document_storage", Unreachable)
    client = await signed_in(cast, "assessor")

    response = await client.get(note.url)

    assert response.status_code == 503
    assert b"The document store is not answering right now" in response.content
    assert await _events(note.assessment_id, "document_downloaded") == []


async def test_a_table_outage_is_a_503_page_not_a_500(
    cast: Any, note: Uploaded, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def query(*args: Any, **kwargs: Any) -> Any:
        raise integration_errors.Unavailable("Query: connection refused")

    monkeypatch.setattr(get_table(), "query", query)
    client = await signed_in(cast, "assessor")

    response = await client.get(note.url)

    assert response.status_code == 503
    assert b"The data store is not answering right now" in response.content


async def test_the_file_is_gone_from_the_store_but_listed_is_a_404(cast: Any, note: Uploaded) -> None:
    from integrations.storage import get_document_storage

    document = (await assessment_collection(assessment_id=note.assessment_id)).document(note.document_id)
    assert document is not None
    await get_document_storage().delete(document.storage_key)
    client = await signed_in(cast, "assessor")

    response = await client.get(note.url)

    assert response.status_code == 404
    assert b"no longer stored" in response.content


async def _uploaded_async(cast: Any, name: str, data: bytes) -> Uploaded:
    from asgiref.sync import sync_to_async

    return await sync_to_async(uploaded)(cast, name, data)


async def _events(assessment_id: str, event_type: str) -> list[dict[str, Any]]:
    from asgiref.sync import sync_to_async

    return await sync_to_async(audit_events)(assessment_id, event_type)


@pytest.fixture
def in_s3(cast: Any, pipeline: Any, aws: str, settings: Any) -> tuple[Uploaded, bytes]:
    """A ~600 KB document uploaded to S3 (the moto server), in a bucket of its own."""
    import boto3

    settings.TRA_DOCUMENT_STORE = "s3"
    settings.TRA_S3_BUCKET = "tra-documents-download-test"
    s3 = boto3.client("s3", endpoint_url=aws, region_name=settings.AWS_REGION)
    s3.create_bucket(
        Bucket=settings.TRA_S3_BUCKET, CreateBucketConfiguration={"LocationConstraint": settings.AWS_REGION}
    )
    data = b"".join(f"{i:06d} keys are rotated yearly.\n".encode() for i in range(20_000))
    return uploaded(cast, "Key management – policy.txt", data), data


async def test_it_streams_a_document_from_s3(cast: Any, in_s3: tuple[Uploaded, bytes]) -> None:
    document, data = in_s3
    client = await signed_in(cast, "assessor")

    response = await client.get(document.url)
    chunks = [chunk async for chunk in response.streaming_content]

    assert response.status_code == 200
    assert b"".join(chunks) == data
    assert len(chunks) > 1
    assert response["Content-Length"] == str(len(data))
    assert filename_of(response) == "Key management – policy.txt"


async def test_a_missing_s3_object_is_a_404_and_a_missing_bucket_a_503(
    cast: Any, in_s3: tuple[Uploaded, bytes], settings: Any
) -> None:
    import boto3

    document, _ = in_s3
    stored = (await assessment_collection(assessment_id=document.assessment_id)).document(
        document.document_id
    )
    assert stored is not None
    s3 = boto3.client("s3", endpoint_url=settings.TRA_S3_ENDPOINT_URL, region_name=settings.AWS_REGION)
    s3.delete_object(Bucket=settings.TRA_S3_BUCKET, Key=stored.storage_key)
    client = await signed_in(cast, "assessor")

    gone = await client.get(document.url)
    settings.TRA_S3_BUCKET = "no-such-bucket"
    misconfigured = await client.get(document.url)

    assert gone.status_code == 404
    assert misconfigured.status_code == 503


async def test_a_download_reads_the_assessment_once_and_writes_one_audit_event(
    cast: Any, note: Uploaded
) -> None:
    from integrations import instrumentation

    client = await signed_in(cast, "assessor")
    with instrumentation.recording() as calls:
        response = await client.get(note.url)
        assert await body_of(response) == NOTE

    assert calls.by_operation() == {
        ("dynamodb", "Query"): 1,
        ("dynamodb", "PutItem"): 1,
        ("s3", "GetObject"): 1,
    }


async def test_a_store_failure_mid_download_ends_the_file_short_and_is_logged(
    cast: Any, note: Uploaded, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from integrations.storage import StoredObject

    closed: list[bool] = []

    class BreaksOff:
        async def open(self, key: str) -> StoredObject:
            pieces = [NOTE[:10]]

            async def read(size: int) -> bytes:
                if pieces:
                    return pieces.pop()
                raise integration_errors.Unavailable("GetObject: connection reset")

            async def close() -> None:
                closed.append(True)

            return StoredObject(len(NOTE), read, close)

    monkeypatch.setattr("assessments.services.document_download.get_document_storage", BreaksOff)
    client = await signed_in(cast, "assessor")

    response = await client.get(note.url)
    body = await body_of(response)

    # The status line was sent already; the short body (against Content-Length) tells the
    # browser the download failed, and the file is let go of.
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(NOTE))
    assert body == NOTE[:10]
    assert closed == [True]
    assert "broke off" in caplog.text
