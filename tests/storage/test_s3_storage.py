from __future__ import annotations

import base64
import hashlib

import pytest

from integrations.clients import get_client
from integrations.errors import NotFound, Unavailable
from integrations.instrumentation import recording
from integrations.storage import S3DocumentStorage, document_key, get_document_storage

BUCKET = "tra-documents-test"


@pytest.fixture
async def storage(aws: str, settings) -> S3DocumentStorage:
    s3 = await get_client("s3", endpoint_url=settings.TRA_S3_ENDPOINT_URL, region="eu-west-2")
    await s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    return S3DocumentStorage(bucket=BUCKET, endpoint_url=settings.TRA_S3_ENDPOINT_URL, region="eu-west-2")


async def test_it_stores_a_document_under_the_server_side_key_encrypted(storage: S3DocumentStorage) -> None:
    key = document_key("TRA-2025-ABC123", "d1")
    data = b"%PDF-1.7 a risk assessment"

    with recording() as calls:
        await storage.put(key, data, "application/pdf")

    s3 = await get_client("s3", endpoint_url=storage.endpoint_url, region="eu-west-2")
    head = await s3.head_object(Bucket=BUCKET, Key="documents/TRA-2025-ABC123/d1", ChecksumMode="ENABLED")
    assert head["ServerSideEncryption"] == "AES256"
    assert head["ContentType"] == "application/pdf"
    assert head["ChecksumSHA256"] == base64.b64encode(hashlib.sha256(data).digest()).decode()
    assert calls.count("s3", "PutObject") == 1


async def test_it_reads_back_and_deletes_a_document(storage: S3DocumentStorage) -> None:
    key = document_key("TRA-2025-ABC123", "d2")
    await storage.put(key, b"contents", "text/plain")

    assert await storage.get(key) == b"contents"

    await storage.delete(key)
    with pytest.raises(NotFound):
        await storage.get(key)


async def test_it_fails_loudly_when_the_bucket_does_not_exist(aws: str, settings) -> None:
    storage = S3DocumentStorage(
        bucket="no-such-bucket", endpoint_url=settings.TRA_S3_ENDPOINT_URL, region="eu-west-2"
    )

    with pytest.raises(Unavailable, match="NoSuchBucket"):
        await storage.put(document_key("TRA-2025-ABC123", "d1"), b"x", "text/plain")


async def test_it_fails_loudly_when_s3_cannot_be_reached(aws: str, settings, tmp_path) -> None:
    settings.TRA_DOCUMENT_DIR = tmp_path
    # Port 9 (discard) is not served on loopback: the connection is refused at once.
    storage = S3DocumentStorage(bucket=BUCKET, endpoint_url="http://127.0.0.1:9", region="eu-west-2")

    with pytest.raises(Unavailable):
        await storage.put(document_key("TRA-2025-ABC123", "d1"), b"x", "text/plain")
    # Nothing was quietly written to disk instead.
    assert list(tmp_path.iterdir()) == []


def test_it_uses_s3_when_configured(settings) -> None:
    settings.TRA_DOCUMENT_STORE = "s3"
    settings.TRA_S3_BUCKET = "prod-bucket"
    settings.TRA_S3_ENDPOINT_URL = None

    storage = get_document_storage()

    assert isinstance(storage, S3DocumentStorage)
    assert storage.bucket == "prod-bucket"
