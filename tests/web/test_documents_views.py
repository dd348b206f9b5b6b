"""The documents card: uploading (htmx and plain forms), refusals, outages, retry and remove."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.domain.documents import DocumentStatus
from assessments.domain.workflow import State
from assessments.services.processing import document_process
from integrations.errors import Unavailable
from integrations.runtime import run_sync
from tests.documents.builders import zip_bytes
from tests.pipeline.helpers import (
    PROCESS_TASK,
    collection,
    enqueued,
    only_document,
    set_state,
    stored_files,
    upload,
)
from tests.web.helpers import create_assessment

NOTE = b"Customer records are encrypted at rest with AES-256 and in transit with TLS 1.2.\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
DAMAGED_DOCX = zip_bytes(
    {"[Content_Types].xml": b"<Types><<<not xml", "word/document.xml": b"\x00garbage</w:body>"}
)
MB = 1024 * 1024


def text_of(response: Any) -> str:
    return html.unescape(response.content.decode())


def listed(response: Any) -> list[str]:
    """Names of the documents the card lists, in order."""
    return re.findall(
        r'data-testid="document">\s*<div class="doc-head"><strong>([^<]*)</strong>', text_of(response)
    )


def a_file(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_upload(
    client: Any, assessment_id: str, *files: SimpleUploadedFile, htmx: bool = True, **extra: Any
) -> Any:
    if htmx:
        extra["HTTP_HX_REQUEST"] = "true"
    return client.post(reverse("assessments:upload", args=[assessment_id]), {"files": list(files)}, **extra)


@pytest.fixture
def owner(cast: Any) -> Any:
    return cast.client("requestor")


def test_it_uploads_through_htmx_and_lists_the_file(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    response = post_upload(owner, assessment_id, a_file("controls.txt", NOTE, "text/plain"))

    assert response.status_code == 200
    assert 'id="documents"' in text_of(response)
    assert "controls.txt uploaded; processing has started." in text_of(response)
    assert listed(response) == ["controls.txt"]
    assert only_document(assessment_id).name == "controls.txt"


def test_it_refuses_a_file_that_is_not_a_document_with_422(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    response = post_upload(owner, assessment_id, a_file("photo.png", PNG, "image/png"))

    assert response.status_code == 422
    assert 'data-testid="upload-error"' in text_of(response)
    assert "photo.png is an image, not a document." in text_of(response)
    assert listed(response) == []
    assert collection(assessment_id).documents == []


def test_it_stores_the_good_files_of_a_mixed_upload_and_explains_the_bad(
    cast: Any, owner: Any, pipeline: Any
) -> None:
    assessment_id = create_assessment(cast)

    response = post_upload(
        owner,
        assessment_id,
        a_file("controls.txt", NOTE, "text/plain"),
        a_file("photo.png", PNG, "image/png"),
    )

    assert response.status_code == 200
    assert "controls.txt uploaded; processing has started." in text_of(response)
    assert "photo.png is an image, not a document." in text_of(response)
    assert listed(response) == ["controls.txt"]


def test_it_says_when_a_file_is_already_uploaded(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    post_upload(owner, assessment_id, a_file("controls.txt", NOTE, "text/plain"))

    response = post_upload(owner, assessment_id, a_file("copy of controls.txt", NOTE, "text/plain"))

    assert response.status_code == 200
    assert 'data-testid="upload-duplicate"' in text_of(response)
    assert "copy of controls.txt is already uploaded as controls.txt; it was not added twice." in text_of(
        response
    )
    assert listed(response) == ["controls.txt"]


def test_it_redirects_a_plain_form_upload_to_the_assessment_with_a_message(
    cast: Any, owner: Any, pipeline: Any
) -> None:
    assessment_id = create_assessment(cast)

    response = post_upload(
        owner,
        assessment_id,
        a_file("controls.txt", NOTE, "text/plain"),
        a_file("photo.png", PNG, "image/png"),
        htmx=False,
    )

    assert response.status_code == 302
    assert response.url == reverse("assessments:detail", args=[assessment_id])
    page = owner.get(response.url)
    assert "controls.txt uploaded; processing has started." in text_of(page)
    assert "photo.png is an image, not a document." in text_of(page)
    assert listed(page) == ["controls.txt"]


def test_it_explains_the_size_limit(cast: Any, owner: Any, pipeline: Any, settings: Any) -> None:
    settings.TRA_UPLOAD_MAX_BYTES = 1 * MB
    assessment_id = create_assessment(cast)

    response = post_upload(owner, assessment_id, a_file("big.txt", NOTE * (MB * 3 // 2 // len(NOTE))))

    assert response.status_code == 422
    assert "big.txt is 1.5 MB; the largest accepted upload is 1.0 MB." in text_of(response)
    assert collection(assessment_id).documents == []


def test_it_refuses_an_over_large_request_unread(cast: Any, owner: Any, pipeline: Any, settings: Any) -> None:
    settings.TRA_UPLOAD_MAX_BYTES = 1 * MB
    settings.TRA_UPLOAD_MAX_FILES = 1
    assessment_id = create_assessment(cast)
    # Above one file of 1 MB plus the framing allowance (1 MB): refused before it is read.
    body = NOTE * (MB * 5 // 2 // len(NOTE))

    response = post_upload(owner, assessment_id, a_file("huge.txt", body, "text/plain"))

    assert response.status_code == 413
    assert "That upload is too large" in response.content.decode()
    assert collection(assessment_id).documents == []
    assert stored_files() == []


def test_it_refuses_a_request_whose_declared_length_is_over_the_limit(
    cast: Any, owner: Any, pipeline: Any, settings: Any
) -> None:
    assessment_id = create_assessment(cast)
    limit = settings.TRA_UPLOAD_MAX_FILES * settings.TRA_UPLOAD_MAX_BYTES + MB

    response = post_upload(owner, assessment_id, a_file("controls.txt", NOTE), CONTENT_LENGTH=str(limit + 1))

    assert response.status_code == 413
    assert collection(assessment_id).documents == []
    assert stored_files() == []


class BrokenStorage:
    async def put(self, key: str, data: Any, content_type: str, *, sha256: str | None = None) -> None:
        raise Unavailable("S3 is down")

    async def delete(self, key: str) -> None:
        raise Unavailable("S3 is down")


def test_it_says_nothing_was_saved_when_the_document_store_is_down(
    cast: Any, owner: Any, pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("assessments.services.documents.get_document_storage", BrokenStorage)
    assessment_id = create_assessment(cast)

    response = post_upload(owner, assessment_id, a_file("controls.txt", NOTE, "text/plain"))

    assert response.status_code == 503
    assert "Nothing was saved" in text_of(response)
    assert listed(response) == []
    assert collection(assessment_id).documents == []


def test_it_shows_the_dropzone_to_the_owner_only(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    upload(cast, assessment_id, ("controls.txt", NOTE))
    upload_url = reverse("assessments:upload", args=[assessment_id])

    mine = text_of(cast.client("requestor").get(reverse("assessments:detail", args=[assessment_id])))
    theirs = text_of(cast.client("assessor").get(reverse("assessments:detail", args=[assessment_id])))

    assert 'data-testid="documents"' in mine and 'data-testid="dropzone"' in mine and upload_url in mine
    assert 'data-testid="documents"' in theirs
    assert "controls.txt" in theirs
    assert 'data-testid="dropzone"' not in theirs and upload_url not in theirs
    assert "Remove" not in theirs


def failed_document(cast: Any, assessment_id: str) -> str:
    """A document whose processing failed (its Word XML is garbage)."""
    [outcome] = upload(cast, assessment_id, ("damaged.docx", DAMAGED_DOCX))
    assert outcome.document is not None
    status = run_sync(document_process, assessment_id=assessment_id, document_id=outcome.document.id)
    assert status is DocumentStatus.FAILED
    return outcome.document.id


def test_it_shows_a_failed_document_with_its_error_and_a_retry_button(
    cast: Any, owner: Any, pipeline: Any
) -> None:
    assessment_id = create_assessment(cast)
    document_id = failed_document(cast, assessment_id)
    error = only_document(assessment_id).error
    assert error

    response = owner.get(reverse("assessments:documents", args=[assessment_id]))

    assert response.status_code == 200
    assert 'data-testid="document-error"' in text_of(response)
    assert error in text_of(response)
    assert 'data-testid="document-retry"' in text_of(response)
    assert reverse("assessments:document_retry", args=[assessment_id, document_id]) in text_of(response)


def test_it_requeues_a_failed_document_on_retry(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    document_id = failed_document(cast, assessment_id)
    queued_before = len(enqueued(PROCESS_TASK, assessment_id))

    response = owner.post(
        reverse("assessments:document_retry", args=[assessment_id, document_id]), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    document = only_document(assessment_id)
    assert document.status is DocumentStatus.UPLOADED and document.error == ""
    assert len(enqueued(PROCESS_TASK, assessment_id)) == queued_before + 1
    assert DocumentStatus.UPLOADED.label in text_of(response)
    assert 'data-testid="document-retry"' not in text_of(response)


def test_it_redirects_after_a_plain_form_retry(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    document_id = failed_document(cast, assessment_id)

    response = owner.post(reverse("assessments:document_retry", args=[assessment_id, document_id]))

    assert response.status_code == 302
    assert "Processing the document again." in text_of(owner.get(response.url))
    assert only_document(assessment_id).status is DocumentStatus.UPLOADED


def test_it_refuses_to_retry_a_document_that_did_not_fail(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("controls.txt", NOTE))
    assert outcome.document is not None

    response = owner.post(
        reverse("assessments:document_retry", args=[assessment_id, outcome.document.id]),
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 422
    assert "Only a document whose processing failed can be retried." in text_of(response)


def test_it_removes_a_document(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("controls.txt", NOTE))
    assert outcome.document is not None

    response = owner.post(
        reverse("assessments:document_remove", args=[assessment_id, outcome.document.id]),
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert listed(response) == []
    assert collection(assessment_id).documents == []
    # The same file can be uploaded again afterwards (its content marker went with it).
    again = post_upload(owner, assessment_id, a_file("controls.txt", NOTE, "text/plain"))
    assert "controls.txt uploaded; processing has started." in text_of(again)


def test_it_404s_for_an_unknown_document(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    response = owner.post(
        reverse("assessments:document_remove", args=[assessment_id, "f" * 32]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 404


def test_it_asks_for_a_file_when_none_was_chosen(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    response = owner.post(reverse("assessments:upload", args=[assessment_id]), {}, HTTP_HX_REQUEST="true")

    assert response.status_code == 422
    assert "Choose at least one file to upload." in text_of(response)
    assert 'data-testid="dropzone"' in text_of(response)


def test_it_refuses_more_files_than_allowed_at_once(
    cast: Any, owner: Any, pipeline: Any, settings: Any
) -> None:
    settings.TRA_UPLOAD_MAX_FILES = 1
    assessment_id = create_assessment(cast)

    response = post_upload(owner, assessment_id, a_file("a.txt", NOTE), a_file("b.txt", NOTE + b"more\n"))

    assert response.status_code == 422
    assert "Upload at most 1 files at a time." in text_of(response)
    assert collection(assessment_id).documents == []


def test_it_keeps_the_documents_of_a_submitted_assessment_read_only(
    cast: Any, owner: Any, pipeline: Any
) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("controls.txt", NOTE))
    assert outcome.document is not None
    set_state(assessment_id, State.SUBMITTED)

    refused = post_upload(owner, assessment_id, a_file("more.txt", NOTE + b"more\n"))
    removal = owner.post(
        reverse("assessments:document_remove", args=[assessment_id, outcome.document.id]),
        HTTP_HX_REQUEST="true",
    )
    card = text_of(owner.get(reverse("assessments:documents", args=[assessment_id])))

    assert refused.status_code == 403 and removal.status_code == 403
    assert "This assessment has been submitted" in text_of(refused)
    assert [d.name for d in collection(assessment_id).documents] == ["controls.txt"]
    assert "controls.txt" in card and 'data-testid="dropzone"' not in card and "Remove" not in card
