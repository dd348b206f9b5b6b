"""``GET /healthz``: ready when the table, the document store and a worker are; 503 naming what is not."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import AsyncClient, Client

from assessments.domain import keys
from assessments.management.commands import run_worker
from assessments.services.health import worker_heartbeat_put
from integrations import clients, instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table, schema


@pytest.fixture
def healthy(db: Any, tra_table: Any, settings: Any, tmp_path: Any) -> Any:
    settings.TRA_DOCUMENT_STORE = "local"
    settings.TRA_DOCUMENT_DIR = tmp_path / "documents"
    settings.TRA_DOCUMENT_DIR.mkdir()
    run_sync(worker_heartbeat_put, worker_id="worker-1")
    return settings


def _get() -> tuple[int, dict[str, Any], Any]:
    response = Client().get("/healthz")
    return response.status_code, json.loads(response.content), response


def test_it_is_ready_when_every_part_is(healthy):
    with instrumentation.recording() as calls:
        status, body, response = _get()

    assert status == 200
    assert body["status"] == "ready"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "table": True,
        "document_store": True,
        "worker": True,
    }
    assert body["checks"]["table"]["indexes"] == {i.name: "ACTIVE" for i in schema.INDEXES}
    assert body["checks"]["worker"]["live_workers"] == 1
    assert response["Cache-Control"] == "no-store"
    # Cheap enough to probe every few seconds: one DescribeTable and one Query, no Scan.
    assert sorted(op for _service, op in calls.calls) == ["DescribeTable", "Query"]


def test_it_names_the_table_when_it_is_missing(healthy):
    with sqlite3.connect(healthy.TRA_LOCAL_TABLE_PATH) as conn:
        conn.execute(f'DROP TABLE "{get_table().table_name}"')

    status, body, _response = _get()

    assert status == 503
    assert body["status"] == "not ready"
    assert "table" in body["failing"]
    assert body["checks"]["table"] == {"ok": False, "status": "missing"}
    assert body["checks"]["document_store"]["ok"] is True


def test_it_names_an_index_that_is_missing(healthy):
    with sqlite3.connect(healthy.TRA_LOCAL_TABLE_PATH) as conn:
        conn.execute(f'DROP INDEX "{get_table().table_name}:{schema.GSI4.name}"')

    status, body, _response = _get()

    assert status == 503
    assert body["failing"] == ["table"]
    assert body["checks"]["table"]["indexes"][schema.GSI4.name] == "MISSING"


def test_it_names_the_worker_when_its_heartbeat_is_stale(healthy):
    old = (datetime.now(UTC) - timedelta(seconds=healthy.TRA_WORKER_HEARTBEAT_MAX_AGE + 5)).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ"
    )
    run_sync(get_table().put, {"pk": keys.WORKER_HEARTBEAT_PK, "sk": "worker-1", "seen_at": old})

    status, body, _response = _get()

    assert status == 503
    assert body["failing"] == ["worker"]
    assert body["checks"]["worker"]["status"] == "stale"
    assert body["checks"]["worker"]["last_seen_seconds"] > healthy.TRA_WORKER_HEARTBEAT_MAX_AGE


def test_it_names_the_worker_when_none_ever_beat(db, tra_table, settings, tmp_path):
    settings.TRA_DOCUMENT_STORE = "local"
    settings.TRA_DOCUMENT_DIR = tmp_path

    status, body, _response = _get()

    assert status == 503
    assert body["failing"] == ["worker"]
    assert body["checks"]["worker"] == {"ok": False, "live_workers": 0, "status": "never seen"}


def test_it_names_the_document_store_when_its_directory_is_gone(healthy, tmp_path):
    healthy.TRA_DOCUMENT_DIR = tmp_path / "not-there"

    status, body, _response = _get()

    assert status == 503
    assert body["failing"] == ["document_store"]


def test_it_needs_no_login_and_leaks_nothing_sensitive(healthy):
    status, body, response = _get()
    text = response.content.decode()

    assert status == 200  # anonymous, and not a redirect to the login page
    assert "Set-Cookie" not in response  # no session was started for a probe
    for secret in (
        get_table().table_name,
        str(healthy.TRA_LOCAL_TABLE_PATH),
        str(healthy.TRA_DOCUMENT_DIR),
        healthy.TRA_S3_BUCKET,
        str(healthy.SECRET_KEY),
        "worker-1",
        "pid",
    ):
        assert secret not in text


def test_it_refuses_anything_but_get(healthy):
    assert Client().post("/healthz").status_code == 405


async def _aget() -> tuple[int, dict[str, Any]]:
    # In the test's own loop, so the aws fixture closes the clients the view opened.
    response = await AsyncClient().get("/healthz")
    return response.status_code, json.loads(response.content)


async def test_it_checks_the_bucket_in_aws_mode(tra_table_dynamo, settings, aws):
    settings.TRA_DOCUMENT_STORE = "s3"
    await worker_heartbeat_put(worker_id="worker-1")

    status, body = await _aget()
    assert status == 503 and body["failing"] == ["document_store"]  # the bucket does not exist yet

    client = await clients.get_client("s3", endpoint_url=aws, region=settings.AWS_REGION)
    await client.create_bucket(
        Bucket=settings.TRA_S3_BUCKET, CreateBucketConfiguration={"LocationConstraint": settings.AWS_REGION}
    )
    status, body = await _aget()
    assert status == 200, body
    assert body["checks"]["table"]["status"] == "ACTIVE"


async def test_it_reports_a_deleted_dynamodb_table_as_missing(tra_table_dynamo, settings, aws, tmp_path):
    settings.TRA_DOCUMENT_STORE = "local"
    settings.TRA_DOCUMENT_DIR = tmp_path
    client = await clients.get_client("dynamodb", endpoint_url=aws, region=settings.AWS_REGION)
    await client.delete_table(TableName=get_table().table_name)

    status, body = await _aget()

    assert status == 503
    assert body["checks"]["table"] == {"ok": False, "status": "missing"}
    assert body["checks"]["worker"]["ok"] is False  # its heartbeats lived in that table


def test_run_worker_beats_while_it_runs_and_removes_its_heartbeat_when_it_stops(
    db, tra_table, settings, monkeypatch
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    seen: list[list[str]] = []
    real_handle = run_worker.DbWorkerCommand.handle

    def handle_and_look(self: Any, *args: Any, **options: Any) -> None:
        real_handle(self, *args, **options)
        for _ in range(40):  # the first beat is written as the worker starts: give it a moment
            beats = [i["sk"] for i in run_sync(get_table().query, partition=keys.WORKER_HEARTBEAT_PK).items]
            if beats:
                break
            time.sleep(0.05)
        seen.append(beats)

    monkeypatch.setattr(run_worker.DbWorkerCommand, "handle", handle_and_look)

    call_command(
        "run_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--worker-id",
        "w-test",
        "--heartbeat-interval",
        "0.5",
    )

    assert seen == [["w-test"]]  # beating while the worker ran
    assert run_sync(get_table().query, partition=keys.WORKER_HEARTBEAT_PK).items == []
