"""GET /api/assessments/{id}/documents/{doc}/download: the file for its owner and reviewers,
the API's one error shape for everyone and everything else."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

import pytest
from django.test import AsyncClient

from assessments.services.documents import document_remove
from integrations import errors as integration_errors
from integrations.runtime import run_sync
from tests.pipeline.helpers import upload
from tests.web.helpers import create_assessment

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
NOTE = b"Backups are encrypted and tested monthly.\n"


@pytest.fixture
def document(cast: Any, pipeline: Any) -> tuple[str, str]:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("Backup policy – 2025.txt", NOTE))
    assert outcome.stored and outcome.document
    return assessment_id, outcome.document.id


def url(document: tuple[str, str]) -> str:
    assessment_id, document_id = document
    return f"/api/assessments/{assessment_id}/documents/{document_id}/download"


async def client_for(cast: Any, who: str | None) -> AsyncClient:
    client = AsyncClient(raise_request_exception=False)
    if who is not None:
        await client.aforce_login(getattr(cast, who))
    return client


def error_of(response: Any) -> dict[str, Any]:
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) == {"message", "extra"} and body["message"], body
    return body


@pytest.mark.parametrize("who", ["requestor", "assessor", "admin"])
async def test_it_sends_the_file_to_its_owner_and_reviewers(
    cast: Any, document: tuple[str, str], who: str
) -> None:
    client = await client_for(cast, who)

    response = await client.get(url(document))

    assert response.status_code == 200
    assert b"".join([c async for c in response.streaming_content]) == NOTE
    assert response["Content-Type"] == "text/plain"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == "Backup policy – 2025.txt"


async def test_it_sends_a_pdf_as_a_pdf(cast: Any, pipeline: Any) -> None:
    from asgiref.sync import sync_to_async

    assessment_id = await sync_to_async(create_assessment)(cast)
    [outcome] = await sync_to_async(upload)(cast, assessment_id, ("plan.pdf", PDF))
    assert outcome.stored and outcome.document
    client = await client_for(cast, "assessor")

    response = await client.get(url((assessment_id, outcome.document.id)))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join([c async for c in response.streaming_content]) == PDF


async def test_another_requestor_is_told_there_is_no_such_assessment(
    cast: Any, document: tuple[str, str]
) -> None:
    client = await client_for(cast, "requestor2")

    response = await client.get(url(document))

    assert response.status_code == 404
    assert error_of(response)["message"] == "No such assessment."


async def test_a_caller_who_is_not_signed_in_gets_a_401(cast: Any, document: tuple[str, str]) -> None:
    client = await client_for(cast, None)

    response = await client.get(url(document))

    assert response.status_code == 401
    error_of(response)


def test_a_removed_or_unknown_document_is_a_404(cast: Any, document: tuple[str, str]) -> None:
    assessment_id, document_id = document
    run_sync(
        document_remove, actor=cast.actor("requestor"), assessment_id=assessment_id, document_id=document_id
    )
    client = cast.client("assessor")

    removed = client.get(url(document))
    unknown = client.get(url((assessment_id, "f" * 32)))

    assert removed.status_code == 404 and error_of(removed)["message"] == "No such document."
    assert unknown.status_code == 404 and error_of(unknown)["message"] == "No such document."


async def test_a_document_store_outage_is_a_503_in_the_error_shape(
    cast: Any, document: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unreachable:
        async def open(self, key: str) -> Any:
            raise integration_errors.Unavailable("GetObject: connection refused")

    monkeypatch.setattr("assessments.services.document_download.get_document_storage", Unreachable)
    client = await client_for(cast, "requestor")

    response = await client.get(url(document))

    assert response.status_code == 503
    assert "document store is not answering" in error_of(response)["message"]


def test_the_schema_publishes_the_download_as_a_binary_file(cast: Any) -> None:
    schema = cast.client("requestor").get("/api/openapi.json").json()

    operation = schema["paths"]["/api/assessments/{assessment_id}/documents/{document_id}/download"]["get"]

    ok = operation["responses"]["200"]["content"]
    assert ok["application/pdf"]["schema"] == {"type": "string", "format": "binary"}
    assert {"401", "404", "503"} <= set(operation["responses"])
