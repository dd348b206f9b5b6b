"""Uploading documents to an assessment: what is stored, what is refused, what is left behind."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import boto3
import pytest

from assessments.domain.documents import DocumentStatus
from assessments.domain.workflow import State
from assessments.errors import NotAllowed, NotFoundError, ValidationFailed
from integrations.errors import Unavailable
from integrations.runtime import run_sync
from integrations.storage import get_document_storage
from integrations.table import get_table
from tests.documents.builders import docx_bytes, pdf_bytes, xlsx_bytes, zip_bytes
from tests.pipeline.helpers import (
    PROCESS_TASK,
    audit_events,
    collection,
    content_marker,
    enqueued,
    only_document,
    set_state,
    stored_files,
    upload,
)
from tests.web.helpers import create_assessment

TEXT = b"Customer records are encrypted at rest with AES-256 and in transit with TLS 1.2.\n"
DOCUMENTS = {
    "docx": lambda: docx_bytes([("h1", "Security"), ("p", TEXT.decode())]),
    "pdf": lambda: pdf_bytes([TEXT.decode()]),
    "txt": lambda: TEXT,
    "md": lambda: b"# Security\n\n" + TEXT,
    "csv": lambda: b"control,status\nencryption at rest,AES-256\nencryption in transit,TLS 1.2\n",
    "xlsx": lambda: xlsx_bytes({"Controls": [["control", "status"], ["encryption at rest", "AES-256"]]}),
}
# Names a hostile or careless client might send; none may reach a storage path.
HOSTILE_NAMES = {
    "docx": "../../etc/passwd.docx",
    "pdf": "..\\..\\windows\\system32\\brief.pdf",
    "txt": "../../etc/passwd.txt",
    "md": "a/b\\c.md",
    "csv": "/absolute/path/controls.csv",
    "xlsx": "controls\x00.xlsx",
}
KEY = re.compile(r"^documents/(?P<assessment>[^/]+)/(?P<document>[0-9a-f]{32})$")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200)


def stored(key: str) -> bytes:
    return run_sync(get_document_storage().get, key)


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_it_stores_an_upload_under_a_key_the_server_makes(cast: Any, pipeline: Any, kind: str) -> None:
    assessment_id = create_assessment(cast)
    data = DOCUMENTS[kind]()
    name = HOSTILE_NAMES[kind]

    [outcome] = upload(cast, assessment_id, (name, data))

    assert outcome.stored and not outcome.error
    document = only_document(assessment_id)
    assert document.status is DocumentStatus.UPLOADED
    assert document.kind == kind
    assert document.size == len(data)
    assert document.uploaded_by == "requestor"
    # The name is kept for display (its last segment only), never used as a path.
    assert "/" not in document.name and "\\" not in document.name and ".." not in document.name
    # documents/<assessment id>/<uuid hex>: nothing of the user's file name.
    match = KEY.fullmatch(document.storage_key)
    assert match, document.storage_key
    assert match["assessment"] == assessment_id and match["document"] == document.id
    assert stored(document.storage_key) == data
    [on_disk] = stored_files()
    assert on_disk.read_bytes() == data
    assert on_disk.relative_to(pipeline / "documents").as_posix() == document.storage_key
    [event] = audit_events(assessment_id, "document_uploaded")
    assert event["actor"] == "requestor"
    assert event["after"]["document_id"] == document.id
    assert event["after"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert enqueued(PROCESS_TASK, assessment_id) == [(assessment_id, document.id)]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("diagram.pdf", PNG, "diagram.pdf is an image, not a document"),
        ("brief.docx", EXE, "brief.docx is a Windows program (executable), not a document"),
        ("notes.pdf", b"Just some notes, typed as plain text.\n", "named .pdf but contains plain text"),
        ("brief.docx", b"PK\x03\x04" + bytes(range(256)), "damaged or incomplete archive"),
        ("bundle.docx", zip_bytes({"a.txt": b"hello"}), "zip archive, not a Word or Excel document"),
    ],
    ids=["png-as-pdf", "exe-as-docx", "text-as-pdf", "broken-zip-as-docx", "plain-zip-as-docx"],
)
def test_it_refuses_a_file_whose_content_is_not_what_its_name_says(
    cast: Any, pipeline: Any, name: str, data: bytes, message: str
) -> None:
    assessment_id = create_assessment(cast)
    good = TEXT

    refused, accepted = upload(cast, assessment_id, (name, data), ("notes.txt", good))

    assert not refused.stored and refused.document is None
    assert message in refused.error
    assert not refused.unavailable
    # The other file of the same upload still went in, and only it.
    assert accepted.stored and accepted.document
    [document] = collection(assessment_id).documents
    assert document.name == "notes.txt"
    assert [p.read_bytes() for p in stored_files()] == [good]
    assert content_marker(assessment_id, hashlib.sha256(data).hexdigest()) is None
    assert len(audit_events(assessment_id, "document_uploaded")) == 1
    assert enqueued(PROCESS_TASK, assessment_id) == [(assessment_id, document.id)]


@pytest.mark.parametrize(
    ("limit", "size", "message"),
    [
        (1000, 2000, "the largest accepted upload is"),
        (2 * 1024 * 1024, 3 * 1024 * 1024, "big.txt is 3.0 MB; the largest accepted upload is 2.0 MB."),
    ],
    ids=["1000-bytes", "2-MB"],
)
def test_it_refuses_a_file_over_the_size_limit(
    cast: Any, pipeline: Any, settings: Any, limit: int, size: int, message: str
) -> None:
    settings.TRA_UPLOAD_MAX_BYTES = limit
    assessment_id = create_assessment(cast)

    big, small = upload(cast, assessment_id, ("big.txt", b"a" * (size - 1) + b"\n"), ("small.txt", TEXT))

    assert not big.stored and not big.unavailable
    assert message in big.error
    assert small.stored
    assert [d.name for d in collection(assessment_id).documents] == ["small.txt"]
    assert len(stored_files()) == 1


def test_it_refuses_more_files_than_allowed_at_once(cast: Any, pipeline: Any, settings: Any) -> None:
    settings.TRA_UPLOAD_MAX_FILES = 2
    assessment_id = create_assessment(cast)
    files = [(f"notes-{n}.txt", f"Note number {n}.\n".encode()) for n in range(3)]

    with pytest.raises(ValidationFailed, match="at most 2 files"):
        upload(cast, assessment_id, *files)

    assert collection(assessment_id).documents == []
    assert stored_files() == []
    assert enqueued(PROCESS_TASK, assessment_id) == []


def test_it_refuses_an_upload_without_files(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    with pytest.raises(ValidationFailed, match="at least one file"):
        upload(cast, assessment_id)

    assert collection(assessment_id).documents == []


def test_it_recognises_the_same_file_uploaded_again_under_another_name(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    data = DOCUMENTS["docx"]()
    [first] = upload(cast, assessment_id, ("brief.docx", data))

    [second] = upload(cast, assessment_id, ("brief (copy).docx", data))

    assert second.duplicate and not second.stored and not second.error
    assert second.document and first.document
    assert second.document.id == first.document.id
    assert second.document.name == "brief.docx"
    assert [d.id for d in collection(assessment_id).documents] == [first.document.id]
    assert len(stored_files()) == 1
    assert len(audit_events(assessment_id, "document_uploaded")) == 1
    assert enqueued(PROCESS_TASK, assessment_id) == [(assessment_id, first.document.id)]


def test_it_recognises_the_same_file_twice_in_one_upload(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    first, second = upload(cast, assessment_id, ("notes.txt", TEXT), ("notes-again.txt", TEXT))

    assert first.stored and first.document
    assert second.duplicate and second.document
    assert second.document.id == first.document.id and second.document.name == "notes.txt"
    assert len(collection(assessment_id).documents) == 1
    assert len(stored_files()) == 1
    assert enqueued(PROCESS_TASK, assessment_id) == [(assessment_id, first.document.id)]


def test_it_saves_nothing_when_the_s3_bucket_is_missing(
    cast: Any, pipeline: Any, aws: str, settings: Any
) -> None:
    settings.TRA_DOCUMENT_STORE = "s3"
    settings.TRA_S3_BUCKET = "no-such-bucket"
    assessment_id = create_assessment(cast)

    [outcome] = upload(cast, assessment_id, ("notes.txt", TEXT))

    assert outcome.unavailable and not outcome.stored
    assert "notes.txt was not uploaded" in outcome.error
    assert "Nothing was saved" in outcome.error
    assert collection(assessment_id).documents == []
    assert content_marker(assessment_id, hashlib.sha256(TEXT).hexdigest()) is None
    assert audit_events(assessment_id, "document_uploaded") == []
    assert enqueued(PROCESS_TASK, assessment_id) == []
    # No quiet fallback to the local directory either.
    assert stored_files() == []


def test_it_stores_an_upload_in_s3(cast: Any, pipeline: Any, aws: str, settings: Any) -> None:
    settings.TRA_DOCUMENT_STORE = "s3"
    settings.TRA_S3_BUCKET = "tra-documents-upload-test"
    s3 = boto3.client("s3", endpoint_url=aws, region_name=settings.AWS_REGION)
    s3.create_bucket(
        Bucket=settings.TRA_S3_BUCKET,
        CreateBucketConfiguration={"LocationConstraint": settings.AWS_REGION},
    )
    assessment_id = create_assessment(cast)

    [outcome] = upload(cast, assessment_id, ("../secret/notes.txt", TEXT))

    assert outcome.stored
    document = only_document(assessment_id)
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=settings.TRA_S3_BUCKET).get("Contents", [])]
    assert keys == [document.storage_key]
    assert KEY.fullmatch(document.storage_key)
    assert "notes" not in document.storage_key and "secret" not in document.storage_key
    body = s3.get_object(Bucket=settings.TRA_S3_BUCKET, Key=document.storage_key)["Body"].read()
    assert body == TEXT
    assert stored_files() == []


def test_it_removes_the_stored_file_again_when_the_table_fails(
    cast: Any, pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id = create_assessment(cast)

    async def broken_transact(ops: Any) -> None:
        raise Unavailable("TransactWriteItems: connection refused")

    monkeypatch.setattr(get_table(), "transact", broken_transact)

    [outcome] = upload(cast, assessment_id, ("notes.txt", TEXT))

    assert outcome.unavailable and not outcome.stored
    assert outcome.error.startswith("notes.txt: ")
    assert "Nothing was saved" in outcome.error
    assert stored_files() == []
    monkeypatch.undo()
    assert collection(assessment_id).documents == []
    assert enqueued(PROCESS_TASK, assessment_id) == []


def test_it_hides_another_requestors_assessment(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    with pytest.raises(NotFoundError):
        upload(cast, assessment_id, ("notes.txt", TEXT), who="requestor2")

    assert collection(assessment_id).documents == []
    assert stored_files() == []


def test_it_does_not_let_an_assessor_upload(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    with pytest.raises(NotAllowed, match="Only the requestor who owns"):
        upload(cast, assessment_id, ("notes.txt", TEXT), who="assessor")

    assert collection(assessment_id).documents == []
    assert stored_files() == []


def test_it_does_not_let_the_owner_upload_after_submitting(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    set_state(assessment_id, State.SUBMITTED)

    with pytest.raises(NotAllowed, match="submitted"):
        upload(cast, assessment_id, ("notes.txt", TEXT))

    assert collection(assessment_id).documents == []
    assert stored_files() == []


def test_it_lets_the_owner_upload_again_once_sent_back(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    set_state(assessment_id, State.SENT_BACK)

    [outcome] = upload(cast, assessment_id, ("notes.txt", TEXT))

    assert outcome.stored
