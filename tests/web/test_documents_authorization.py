"""Documents and suggestions, for every role: who gets in, who gets a 404, who is sent to log in.

Every endpoint runs against an assessment owned by "requestor", prepared so the owner's call
succeeds (a failed document to retry, a stored suggestion to accept), so a refusal can only
come from who is asking.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from assessments.domain.documents import DocumentStatus
from tests.documents.builders import zip_bytes
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import collection, upload
from tests.web.helpers import create_assessment

# Accepting a suggestion accepts the brief's go-live date (2 March 2026): validate as before it.
pytestmark = pytest.mark.usefixtures("on_the_briefs_day")

ROLES = ["anonymous", "requestor", "requestor2", "assessor", "admin"]

# Sniffed as a Word document (a zip with the Office parts), but its XML is garbage: processing fails.
DAMAGED_DOCX = zip_bytes(
    {"[Content_Types].xml": b"<Types><<<not xml", "word/document.xml": b"\x00garbage</w:body>"}
)
NOTE = b"Customer records are encrypted at rest with AES-256.\n"

READ = {"anonymous": 302, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200}
WRITE = {"anonymous": 302, "requestor": 200, "requestor2": 404, "assessor": 403, "admin": 403}
STREAM = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 403, "admin": 403}
API_READ = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200}
API_WRITE = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 403, "admin": 403}
API_UPLOAD = {**API_WRITE, "requestor": 201}


def _client(cast: Any, role: str) -> Client:
    return cast.client(None if role == "anonymous" else role)


def failed_document(cast: Any, assessment_id: str) -> str:
    [outcome] = upload(cast, assessment_id, ("damaged.docx", DAMAGED_DOCX))
    assert outcome.stored and outcome.document
    document = collection(assessment_id).document(outcome.document.id)
    assert document is not None and document.status is DocumentStatus.FAILED, document
    return document.id


def any_document(cast: Any, assessment_id: str) -> str:
    [outcome] = upload(cast, assessment_id, ("note.txt", NOTE))
    assert outcome.stored and outcome.document
    return outcome.document.id


def suggested_question(cast: Any, assessment_id: str) -> str:
    upload(cast, assessment_id, ("brief.docx", brief("docx")))
    suggestions = collection(assessment_id).suggestions
    return next(q for q, s in sorted(suggestions.items()) if s.status == "suggested")


def _htmx_post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, data or {}, HTTP_HX_REQUEST="true")


# name -> (expectations, request); each request prepares what the owner's call needs.
def _web_documents(cast: Any, client: Client, aid: str) -> Any:
    return client.get(reverse("assessments:documents", args=[aid]))


def _web_upload(cast: Any, client: Client, aid: str) -> Any:
    files = {"files": SimpleUploadedFile("note.txt", NOTE, content_type="text/plain")}
    return _htmx_post(client, reverse("assessments:upload", args=[aid]), files)


def _web_document_retry(cast: Any, client: Client, aid: str) -> Any:
    doc = failed_document(cast, aid)
    return _htmx_post(client, reverse("assessments:document_retry", args=[aid, doc]))


def _web_document_remove(cast: Any, client: Client, aid: str) -> Any:
    doc = any_document(cast, aid)
    return _htmx_post(client, reverse("assessments:document_remove", args=[aid, doc]))


def _web_document_download(cast: Any, client: Client, aid: str) -> Any:
    doc = any_document(cast, aid)
    return client.get(reverse("assessments:document_download", args=[aid, doc]))


def _web_question(cast: Any, client: Client, aid: str) -> Any:
    return client.get(reverse("assessments:question", args=[aid, "Q-04"]))


def _suggestion_action(name: str) -> Callable[[Any, Client, str], Any]:
    def request(cast: Any, client: Client, aid: str) -> Any:
        qid = suggested_question(cast, aid)
        return _htmx_post(client, reverse(f"assessments:{name}", args=[aid, qid]), {"expected_version": "0"})

    return request


def _web_suggestion_stream(cast: Any, client: Client, aid: str) -> Any:
    qid = suggested_question(cast, aid)
    # The status comes before the first byte; the body itself is read in test_suggestion_views.
    return client.post(reverse("assessments:suggestion_stream", args=[aid, qid]))


WEB = {
    "documents": (READ, _web_documents),
    "upload": (WRITE, _web_upload),
    "document_retry": (WRITE, _web_document_retry),
    "document_remove": (WRITE, _web_document_remove),
    "document_download": (READ, _web_document_download),
    "question": (READ, _web_question),
    "suggestion_accept": (WRITE, _suggestion_action("suggestion_accept")),
    "suggestion_dismiss": (WRITE, _suggestion_action("suggestion_dismiss")),
    "suggestion_retry": (WRITE, _suggestion_action("suggestion_retry")),
    "suggestion_stream": (STREAM, _web_suggestion_stream),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(WEB))
def test_it_applies_the_right_access_to_document_and_suggestion_pages(
    cast: Any, pipeline: Any, run_tasks: Any, name: str, role: str
) -> None:
    assessment_id = create_assessment(cast)
    expected, request = WEB[name]
    response = request(cast, _client(cast, role), assessment_id)
    assert response.status_code == expected[role]
    if response.status_code == 302:
        assert response.url.startswith(reverse("login"))
    if name == "suggestion_stream":
        assert response["Content-Type"].startswith("text/plain")
        assert response.streaming == (role == "requestor")
        if role == "anonymous":
            assert response.content == b"Sign in first."


def _api_list_documents(cast: Any, client: Client, aid: str) -> Any:
    return client.get(f"/api/assessments/{aid}/documents")


def _api_upload(cast: Any, client: Client, aid: str) -> Any:
    files = {"files": SimpleUploadedFile("note.txt", NOTE, content_type="text/plain")}
    return client.post(f"/api/assessments/{aid}/documents", files)


def _api_retry(cast: Any, client: Client, aid: str) -> Any:
    doc = failed_document(cast, aid)
    return client.post(f"/api/assessments/{aid}/documents/{doc}/retry")


def _api_list_suggestions(cast: Any, client: Client, aid: str) -> Any:
    suggested_question(cast, aid)
    return client.get(f"/api/assessments/{aid}/suggestions")


def _api_accept(cast: Any, client: Client, aid: str) -> Any:
    qid = suggested_question(cast, aid)
    return client.post(
        f"/api/assessments/{aid}/suggestions/{qid}/accept", json.dumps({}), content_type="application/json"
    )


def _api_dismiss(cast: Any, client: Client, aid: str) -> Any:
    qid = suggested_question(cast, aid)
    return client.post(f"/api/assessments/{aid}/suggestions/{qid}/dismiss")


API = {
    "list_documents": (API_READ, _api_list_documents),
    "upload": (API_UPLOAD, _api_upload),
    "retry": (API_WRITE, _api_retry),
    "list_suggestions": (API_READ, _api_list_suggestions),
    "accept": (API_WRITE, _api_accept),
    "dismiss": (API_WRITE, _api_dismiss),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("op", sorted(API))
def test_it_applies_the_right_access_to_the_documents_api(
    cast: Any, pipeline: Any, run_tasks: Any, op: str, role: str
) -> None:
    assessment_id = create_assessment(cast)
    expected, request = API[op]
    response = request(cast, _client(cast, role), assessment_id)
    assert response.status_code == expected[role]
    if response.status_code in (403, 404):
        assert "message" in response.json()


def test_it_changes_nothing_for_refused_callers(cast: Any, pipeline: Any, run_tasks: Any) -> None:
    assessment_id = create_assessment(cast)
    doc = failed_document(cast, assessment_id)
    for role in ("requestor2", "assessor", "admin"):
        client = _client(cast, role)
        _web_upload(cast, client, assessment_id)
        _htmx_post(client, reverse("assessments:document_retry", args=[assessment_id, doc]))
        _htmx_post(client, reverse("assessments:document_remove", args=[assessment_id, doc]))
    [document] = collection(assessment_id).documents
    assert document.id == doc and document.status is DocumentStatus.FAILED


def _csrf_upload(client: Client, aid: str, qid: str, doc: str) -> Any:
    files = {"files": SimpleUploadedFile("note.txt", NOTE, content_type="text/plain")}
    return client.post(f"/api/assessments/{aid}/documents", files)


def _csrf_retry(client: Client, aid: str, qid: str, doc: str) -> Any:
    return client.post(f"/api/assessments/{aid}/documents/{doc}/retry")


def _csrf_accept(client: Client, aid: str, qid: str, doc: str) -> Any:
    return client.post(
        f"/api/assessments/{aid}/suggestions/{qid}/accept", json.dumps({}), content_type="application/json"
    )


def _csrf_dismiss(client: Client, aid: str, qid: str, doc: str) -> Any:
    return client.post(f"/api/assessments/{aid}/suggestions/{qid}/dismiss")


CSRF_WRITES = {
    "upload": _csrf_upload,
    "retry": _csrf_retry,
    "accept": _csrf_accept,
    "dismiss": _csrf_dismiss,
}


@pytest.mark.parametrize("op", sorted(CSRF_WRITES))
def test_it_refuses_a_documents_api_write_without_the_csrf_token(
    cast: Any, pipeline: Any, run_tasks: Any, op: str
) -> None:
    assessment_id = create_assessment(cast)
    qid = suggested_question(cast, assessment_id)
    doc = failed_document(cast, assessment_id)
    before = collection(assessment_id)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)

    response = CSRF_WRITES[op](client, assessment_id, qid, doc)

    assert response.status_code == 403
    after = collection(assessment_id)
    assert [(d.id, d.status) for d in after.documents] == [(d.id, d.status) for d in before.documents]
    assert after.answers == before.answers
    assert after.suggestions[qid].dismissed is False


@pytest.mark.parametrize(
    "name", ["upload", "document_retry", "document_remove", "suggestion_accept", "suggestion_stream"]
)
def test_it_refuses_a_web_write_without_the_csrf_token(cast: Any, pipeline: Any, name: str) -> None:
    assessment_id = create_assessment(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)
    args = {
        "upload": [assessment_id],
        "document_retry": [assessment_id, "d" * 32],
        "document_remove": [assessment_id, "d" * 32],
        "suggestion_accept": [assessment_id, "Q-04"],
        "suggestion_stream": [assessment_id, "Q-04"],
    }[name]
    response = client.post(reverse(f"assessments:{name}", args=args), HTTP_HX_REQUEST="true")
    assert response.status_code == 403
