"""AWS mode: the export's file goes to the S3 bucket under the server-made key (a moto server)."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import sync_to_async

from assessments.exports.record import ExportStatus
from integrations.clients import get_client
from tests.exports.helpers import exported, under_review_with_evidence

BUCKET = "tra-exports-test"
# A moto server: in the full run (`make test`), like the other moto tests.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


async def test_an_export_is_stored_in_s3_under_its_server_made_key(
    cast: Any, aws: str, settings: Any
) -> None:
    settings.TRA_DOCUMENT_STORE = "s3"
    settings.TRA_S3_BUCKET = BUCKET
    s3 = await get_client("s3", endpoint_url=settings.TRA_S3_ENDPOINT_URL, region=settings.AWS_REGION)
    await s3.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": settings.AWS_REGION}
    )
    assessment_id = await sync_to_async(under_review_with_evidence)(cast)

    record = await sync_to_async(exported)(cast, assessment_id, "docx")

    assert record.status is ExportStatus.READY, record.error
    assert record.storage_key == f"exports/{assessment_id}/{record.id}.docx"
    head = await s3.head_object(Bucket=BUCKET, Key=record.storage_key)
    assert head["ContentLength"] == record.size and head["ServerSideEncryption"] == "AES256"
    assert head["ContentType"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
