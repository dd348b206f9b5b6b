"""An export's life: pending with its audit event, running, ready under a server-made key, or
failed with the reason (never a pretend success); each move pushed to the assessment's pages;
the API lists it with its status and, once ready, where to download it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assessments.exports.record import ExportStatus
from assessments.services import exports as service
from assessments.services.exports import export_request, export_run, exports_list
from integrations import instrumentation
from integrations.errors import Unavailable
from integrations.runtime import run_sync
from tests.exports.helpers import exported, finalized_with_evidence, stored_bytes, under_review_with_evidence
from tests.review.helpers import events


@pytest.fixture
def pushed(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def spy(assessment_id: str, kind: str, **data: Any) -> None:
        sent.append({"assessment_id": assessment_id, "kind": kind, **data})

    monkeypatch.setattr(service, "publish", spy)
    return sent


def test_an_export_goes_pending_running_ready_with_progress_pushed_and_an_audit_event(
    cast: Any, pipeline: Any, pushed: list[dict[str, Any]]
) -> None:
    assessment_id = under_review_with_evidence(cast)

    record = run_sync(
        export_request, actor=cast.actor("assessor"), assessment_id=assessment_id, export_format="xlsx"
    )
    assert record.status is ExportStatus.PENDING
    [listed] = run_sync(exports_list, actor=cast.actor("requestor"), assessment_id=assessment_id)
    assert (listed.id, listed.status, listed.requested_by) == (record.id, ExportStatus.PENDING, "assessor")
    [event] = [e for e in events(assessment_id) if e["event_type"] == "export_requested"]
    assert event["actor"] == "assessor" and event["after"]["format"] == "xlsx"

    assert run_sync(export_run, assessment_id=assessment_id, export_id=record.id) is ExportStatus.READY

    [ready] = run_sync(exports_list, actor=cast.actor("assessor"), assessment_id=assessment_id)
    assert ready.status is ExportStatus.READY and ready.draft
    assert ready.storage_key == f"exports/{assessment_id}/{record.id}.xlsx"
    assert stored_bytes(ready)[:2] == b"PK" and ready.size == len(stored_bytes(ready))
    assert [(m["kind"], m["status"]) for m in pushed] == [
        ("export", "pending"),
        ("export", "running"),
        ("export", "ready"),
    ]
    assert {m["assessment_id"] for m in pushed} == {assessment_id}
    # Run again (a redelivered task): nothing is rendered twice.
    assert run_sync(export_run, assessment_id=assessment_id, export_id=record.id) is ExportStatus.READY
    assert len(pushed) == 3


async def _body(*, response: Any) -> bytes:
    return b"".join([chunk async for chunk in response.streaming_content])


class _DownStorage:
    async def put(self, key: str, data: Any, content_type: str, *, sha256: str | None = None) -> None:
        raise Unavailable(f"PutObject: {key}: connection refused")


def test_a_document_store_that_is_down_fails_the_export_with_the_reason_and_the_api_says_so(
    cast: Any, pipeline: Any, pushed: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id = under_review_with_evidence(cast)
    monkeypatch.setattr(service, "get_document_storage", lambda: _DownStorage())

    record = exported(cast, assessment_id, "pdf")

    assert record.status is ExportStatus.FAILED
    assert "document store is not answering" in record.error
    assert pushed[-1]["status"] == "failed" and pushed[-1]["error"] == record.error
    client = cast.client("requestor")
    [listed] = client.get(f"/api/assessments/{assessment_id}/exports").json()
    assert listed["status"] == "failed" and listed["download_url"] is None
    assert "document store is not answering" in listed["error"]
    response = client.get(f"/api/assessments/{assessment_id}/exports/{record.id}/download")
    assert response.status_code == 409 and "failed" in response.json()["message"]


def test_a_renderer_that_breaks_fails_the_export_instead_of_leaving_it_running(
    cast: Any, pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id = under_review_with_evidence(cast)

    async def broken(record: Any) -> bytes:
        raise RuntimeError("layout bug")

    monkeypatch.setattr(service, "_content_bytes", broken)

    record = exported(cast, assessment_id, "docx")

    assert record.status is ExportStatus.FAILED and "could not be rendered" in record.error


def test_the_api_starts_an_export_with_202_lists_it_and_downloads_the_ready_file(
    cast: Any, pipeline: Any
) -> None:
    assessment_id = finalized_with_evidence(cast)
    client = cast.client("assessor")

    started = client.post(
        f"/api/assessments/{assessment_id}/exports",
        json.dumps({"format": "json"}),
        content_type="application/json",
    )

    assert started.status_code == 202
    body = started.json()
    assert (body["format"], body["status"], body["download_url"]) == ("json", "pending", None)
    run_sync(export_run, assessment_id=assessment_id, export_id=body["id"])
    [listed] = client.get(f"/api/assessments/{assessment_id}/exports").json()
    assert listed["status"] == "ready" and listed["draft"] is False
    assert listed["download_url"] == f"/api/assessments/{assessment_id}/exports/{body['id']}/download"
    download = cast.client("requestor").get(listed["download_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/json"
    assert download["Content-Disposition"].startswith(f'attachment; filename="{assessment_id}-')
    data = json.loads(run_sync(_body, response=download))
    assert data["schema"] == "tra-export/1" and data["assessment"]["id"] == assessment_id
    assert [e["actor"] for e in events(assessment_id) if e["event_type"] == "export_downloaded"] == [
        "requestor"
    ]


def test_an_unknown_format_is_a_422_naming_the_field_and_nothing_is_written(cast: Any, pipeline: Any) -> None:
    assessment_id = under_review_with_evidence(cast)
    response = cast.client("requestor").post(
        f"/api/assessments/{assessment_id}/exports",
        json.dumps({"format": "html"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert run_sync(exports_list, actor=cast.actor("requestor"), assessment_id=assessment_id) == []


def test_listing_exports_is_one_get_item_and_one_query_however_big_the_assessment(
    cast: Any, pipeline: Any
) -> None:
    assessment_id = finalized_with_evidence(cast)
    for export_format in ("json", "xlsx"):
        exported(cast, assessment_id, export_format)

    with instrumentation.recording() as calls:
        listed = run_sync(exports_list, actor=cast.actor("assessor"), assessment_id=assessment_id)

    assert [e.format for e in listed] == ["xlsx", "json"]  # newest first
    assert calls.by_operation() == {("dynamodb", "GetItem"): 1, ("dynamodb", "Query"): 1}


def test_the_task_renders_the_export_it_was_queued_for(cast: Any, pipeline: Any, run_tasks: Any) -> None:
    """Through the tasks backend, as the worker runs it: the API's 202, then the file is ready."""
    assessment_id = finalized_with_evidence(cast)
    client = cast.client("requestor")

    started = client.post(
        f"/api/assessments/{assessment_id}/exports",
        json.dumps({"format": "pdf"}),
        content_type="application/json",
    )

    assert started.status_code == 202
    [listed] = client.get(f"/api/assessments/{assessment_id}/exports").json()
    assert (listed["id"], listed["status"]) == (started.json()["id"], "ready")
    assert listed["size"] > 10_000 and listed["download_url"]
