"""The documents and suggestions API: upload, list, accept, edit, dismiss, retry."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.domain.documents import DocumentStatus
from tests.documents.builders import zip_bytes
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import audit_events, collection, stored_files, upload
from tests.web.helpers import create_assessment

pytestmark = pytest.mark.usefixtures("on_the_briefs_day")

NOTE = b"Customer records are encrypted at rest with AES-256 and in transit with TLS 1.2.\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
DAMAGED_DOCX = zip_bytes(
    {"[Content_Types].xml": b"<Types><<<not xml", "word/document.xml": b"\x00garbage</w:body>"}
)
DATE_QUESTION = "Q-03"  # the brief states the go-live date


def a_file(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_files(client: Any, assessment_id: str, *files: SimpleUploadedFile) -> Any:
    return client.post(f"/api/assessments/{assessment_id}/documents", {"files": list(files)})


def post_json(client: Any, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


@pytest.fixture
def owner(cast: Any) -> Any:
    return cast.client("requestor")


@pytest.fixture
def suggested(cast: Any, pipeline: Any, run_tasks: Any) -> str:
    """An assessment whose processed brief gave suggestions for the qualifying questions."""
    assessment_id = create_assessment(cast)
    upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert collection(assessment_id).suggestions[DATE_QUESTION].status == "suggested"
    return assessment_id


def test_it_uploads_through_the_api_and_reports_each_file(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    response = post_files(
        owner,
        assessment_id,
        a_file("controls.txt", NOTE, "text/plain"),
        a_file("photo.png", PNG, "image/png"),
    )

    assert response.status_code == 201
    stored, refused = response.json()
    assert stored["name"] == "controls.txt" and stored["stored"] is True and stored["error"] == ""
    assert stored["document"]["status"] == "uploaded" and stored["document"]["kind"] == "txt"
    assert stored["document"]["size"] == len(NOTE) and stored["document"]["uploaded_by"] == "requestor"
    assert refused == {
        "name": "photo.png",
        "stored": False,
        "duplicate": False,
        "error": refused["error"],
        "document": None,
    }
    assert "photo.png is an image, not a document." in refused["error"]
    assert [d.name for d in collection(assessment_id).documents] == ["controls.txt"]


def test_it_reports_a_duplicate_upload_without_storing_it(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    first = post_files(owner, assessment_id, a_file("controls.txt", NOTE)).json()[0]

    response = post_files(owner, assessment_id, a_file("again.txt", NOTE))

    assert response.status_code == 200
    [outcome] = response.json()
    assert outcome["duplicate"] is True and outcome["stored"] is False
    assert outcome["document"]["id"] == first["document"]["id"]
    assert len(collection(assessment_id).documents) == 1


def test_it_stores_nothing_for_a_bad_file(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    response = post_files(owner, assessment_id, a_file("photo.png", PNG, "image/png"))

    assert response.status_code == 200
    [outcome] = response.json()
    assert outcome["stored"] is False and outcome["document"] is None
    assert "photo.png is an image, not a document." in outcome["error"]
    assert collection(assessment_id).documents == []
    assert stored_files() == []
    assert audit_events(assessment_id, "document_uploaded") == []


def test_it_needs_at_least_one_file(cast: Any, owner: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)

    response = owner.post(f"/api/assessments/{assessment_id}/documents", {})

    assert response.status_code == 422


def test_it_lists_documents_with_their_progress(cast: Any, owner: Any, pipeline: Any, run_tasks: Any) -> None:
    assessment_id = create_assessment(cast)
    post_files(owner, assessment_id, a_file("brief.docx", brief("docx")))

    response = owner.get(f"/api/assessments/{assessment_id}/documents")

    assert response.status_code == 200
    [document] = response.json()
    assert document["name"] == "brief.docx" and document["kind"] == "docx"
    assert document["status"] == "ready" and document["percent"] == 100
    assert document["summary"] and document["error"] == ""


def test_it_retries_a_failed_document(
    cast: Any, owner: Any, pipeline: Any, run_tasks: Any, settings: Any
) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = post_files(owner, assessment_id, a_file("damaged.docx", DAMAGED_DOCX)).json()
    document_id = outcome["document"]["id"]
    [failed] = owner.get(f"/api/assessments/{assessment_id}/documents").json()
    assert failed["status"] == "failed" and failed["error"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # stay queued

    response = owner.post(f"/api/assessments/{assessment_id}/documents/{document_id}/retry")

    assert response.status_code == 200
    assert response.json()["id"] == document_id
    assert response.json()["status"] == "uploaded" and response.json()["error"] == ""
    assert collection(assessment_id).document(document_id).status is DocumentStatus.UPLOADED


def test_it_lists_suggestions_after_processing(cast: Any, owner: Any, suggested: str) -> None:
    response = owner.get(f"/api/assessments/{suggested}/suggestions")

    assert response.status_code == 200
    by_question = {s["question_id"]: s for s in response.json()}
    assert set(by_question) == set(collection(suggested).suggestions)
    date = by_question[DATE_QUESTION]
    assert date["status"] == "suggested" and date["answer"] and date["dismissed"] is False
    assert date["model"] == "local-extractive"
    [citation, *_] = date["citations"]
    assert citation["document_name"] == "brief.docx" and citation["passage"]


def test_it_accepts_a_suggestion(cast: Any, owner: Any, suggested: str) -> None:
    suggestion = collection(suggested).suggestions[DATE_QUESTION]

    response = post_json(owner, f"/api/assessments/{suggested}/suggestions/{DATE_QUESTION}/accept", {})

    assert response.status_code == 200
    assert response.json() == {
        "question_id": DATE_QUESTION,
        "value": suggestion.answer,
        "version": 1,
        "source": "suggestion_accepted",
    }
    assert collection(suggested).answers[DATE_QUESTION].source == "suggestion_accepted"


def test_it_records_an_edit_of_a_suggestion(cast: Any, owner: Any, suggested: str) -> None:
    response = post_json(
        owner,
        f"/api/assessments/{suggested}/suggestions/{DATE_QUESTION}/accept",
        {"value": "2031-04-01", "expected_version": 0},
    )

    assert response.status_code == 200
    assert response.json()["value"] == "2031-04-01"
    assert response.json()["source"] == "suggestion_edited"
    answer = collection(suggested).answers[DATE_QUESTION]
    assert answer.value == "2031-04-01" and answer.source == "suggestion_edited"


def test_it_refuses_to_accept_over_a_newer_answer(cast: Any, owner: Any, suggested: str) -> None:
    url = f"/api/assessments/{suggested}/suggestions/{DATE_QUESTION}/accept"
    post_json(owner, url, {"value": "2031-04-01"})

    response = post_json(owner, url, {"expected_version": 0})

    assert response.status_code == 409
    assert collection(suggested).answers[DATE_QUESTION].value == "2031-04-01"


def test_the_list_marks_a_suggestion_that_contradicts_the_saved_answer(
    cast: Any, owner: Any, suggested: str
) -> None:
    def listed() -> dict[str, Any]:
        rows = owner.get(f"/api/assessments/{suggested}/suggestions").json()
        return {s["question_id"]: s for s in rows}

    assert listed()[DATE_QUESTION]["contradicts_answer"] is False  # unanswered
    suggested_date = listed()[DATE_QUESTION]["answer"]
    post_json(
        owner, f"/api/assessments/{suggested}/suggestions/{DATE_QUESTION}/accept", {"value": "2031-04-01"}
    )

    row = listed()[DATE_QUESTION]
    assert row["answer"] == suggested_date and row["contradicts_answer"] is True


def test_it_dismisses_a_suggestion(cast: Any, owner: Any, suggested: str) -> None:
    response = owner.post(f"/api/assessments/{suggested}/suggestions/{DATE_QUESTION}/dismiss")

    assert response.status_code == 200
    assert response.json()["question_id"] == DATE_QUESTION and response.json()["dismissed"] is True
    assert collection(suggested).suggestions[DATE_QUESTION].dismissed is True
    listed = {s["question_id"]: s for s in owner.get(f"/api/assessments/{suggested}/suggestions").json()}
    assert listed[DATE_QUESTION]["dismissed"] is True
    # A dismissed suggestion can no longer be accepted.
    accept = post_json(owner, f"/api/assessments/{suggested}/suggestions/{DATE_QUESTION}/accept", {})
    assert accept.status_code == 422
    assert DATE_QUESTION not in collection(suggested).answers


def test_it_404s_a_question_without_a_suggestion(cast: Any, owner: Any, suggested: str) -> None:
    response = post_json(owner, f"/api/assessments/{suggested}/suggestions/Q-999/accept", {})

    assert response.status_code == 404
    assert "message" in response.json()
