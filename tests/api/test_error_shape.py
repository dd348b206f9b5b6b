"""Every error the API returns is ``{"message": str, "extra": {...}}``, on a status it documents.

Walks every operation of /api/openapi.json: anonymous, with a body that is not JSON (or
multipart without a boundary), with a body of the wrong shape, with bad parameters, on an
assessment that does not exist. Then the errors that need a set-up of their own.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.test import Client

from tests.api.helpers import (
    JSON_BODIES,
    OPERATION_NAMES,
    UNKNOWN_ASSESSMENT,
    Operation,
    Scene,
    body_properties,
    error_keys,
    operations,
    quick_scene,
    schema,
)
from tests.web.helpers import create_assessment

SHAPE = {"message", "extra"}


def _assert_documented_error(op: Operation, response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, (op.name, response.status_code, response.content[:300])
    assert status in op.documented, f"{op.name} answers {status} but documents {sorted(op.documented)}"
    assert error_keys(response) == SHAPE
    return response.json()


def _scene(cast: Any) -> Scene:
    return Scene(create_assessment(cast), "0" * 32, "Q-10")


def _url(op: Operation, scene: Scene) -> str:
    return scene.url(op.path)


def _op(name: str) -> Operation:
    [op] = [op for op in operations() if op.name == name]
    return op


def test_it_walks_every_published_operation(cast: Any) -> None:
    published = schema(cast.client("requestor"))
    names = {f"{m.upper()} {p}" for p, item in published["paths"].items() for m in item}
    assert names == set(OPERATION_NAMES)
    json_bodies = {op.name for op in operations() if op.body_type == "application/json"}
    assert json_bodies == set(JSON_BODIES)


@pytest.mark.parametrize("name", sorted(OPERATION_NAMES))
def test_it_tells_an_anonymous_caller_to_sign_in(cast: Any, name: str) -> None:
    op = _op(name)
    body = _assert_documented_error(op, getattr(Client(), op.method)(_url(op, _scene(cast))), status=401)
    assert "Sign in" in body["message"]


# Operations that take no parameters and no body: there is no bad input to send them.
NO_INPUT = {"GET /api/questionnaires", "POST /api/notifications/read-all"}


def test_it_leaves_out_only_operations_that_take_no_input(cast: Any) -> None:
    for name in NO_INPUT:
        op = _op(name)
        assert not op.spec.get("parameters") and op.body_type is None, name


@pytest.mark.parametrize("name", sorted(set(OPERATION_NAMES) - NO_INPUT))
def test_it_refuses_bad_input_in_the_same_shape(cast: Any, name: str) -> None:
    """A body it cannot read (400), else an unknown assessment (404), else a bad parameter (422)."""
    op = _op(name)
    client = cast.client("requestor")
    url = _url(op, _scene(cast))
    if op.body_type == "multipart/form-data":
        response = client.generic(op.method.upper(), url, b"--x\r\n\r\n", content_type="multipart/form-data")
        status = 400
    elif op.body_type == "application/json":
        response = client.generic(op.method.upper(), url, b'{"title": ', content_type="application/json")
        status = 400
    elif "{assessment_id}" in op.path:
        response = getattr(client, op.method)(
            op.path.format(
                assessment_id=UNKNOWN_ASSESSMENT,
                document_id="0" * 32,
                question_id="Q-10",
                number="1",
                export_id="20260101T000000000000Z-json",
                section="qualifying",
            )
        )
        status = 404
    elif "{note_id}" in op.path:
        response = getattr(client, op.method)(op.path.format(note_id="not-a-note"))
        status = 404
    else:
        response = getattr(client, op.method)(f"{url}?limit=0")
        status = 422
    body = _assert_documented_error(op, response, status=status)
    if status == 400:
        assert "could not be read" in body["message"]


@pytest.mark.parametrize("name", sorted(JSON_BODIES))
def test_it_names_every_field_of_the_wrong_type_with_a_422(cast: Any, name: str) -> None:
    op = _op(name)
    properties = body_properties(schema(cast.client("requestor")), op)
    wrong = {field: {"not": "a valid value"} for field in properties}
    response = cast.client("requestor").generic(
        op.method.upper(), _url(op, _scene(cast)), json.dumps(wrong), content_type="application/json"
    )
    body = _assert_documented_error(op, response, status=422)
    assert set(body["extra"]["fields"]) == set(properties)


def test_it_names_a_bad_query_parameter_with_a_422(cast: Any) -> None:
    op = _op("GET /api/assessments")
    for bad in ("0", "101", "many"):
        body = _assert_documented_error(
            op, cast.client("requestor").get(f"/api/assessments?limit={bad}"), status=422
        )
        assert set(body["extra"]["fields"]) == {"limit"}


def test_it_names_every_field_at_fault_with_a_422(cast: Any) -> None:
    op = _op("POST /api/assessments")
    response = cast.client("requestor").post(
        "/api/assessments",
        json.dumps({"title": "", "project": "P", "data_classification": "Secret", "business_unit": 7}),
        content_type="application/json",
    )
    body = _assert_documented_error(op, response, status=422)
    assert set(body["extra"]["fields"]) == {"title", "data_classification", "business_unit"}
    assert "Restricted" in body["extra"]["fields"]["data_classification"]


def test_it_refuses_a_multipart_part_header_over_the_limit_with_a_400(cast: Any) -> None:
    op = _op("POST /api/assessments/{assessment_id}/documents")
    long_header = "X-Padding: " + "a" * 2000
    body = (
        f'--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n{long_header}\r\n\r\n'
        "text\r\n--b--\r\n"
    ).encode()
    response = cast.client("requestor").generic(
        "POST", _url(op, _scene(cast)), body, content_type="multipart/form-data; boundary=b"
    )
    _assert_documented_error(op, response, status=400)


def test_it_refuses_an_upload_over_the_limits_unread_with_a_413(cast: Any, settings: Any) -> None:
    settings.TRA_UPLOAD_MAX_BYTES = 1000
    settings.TRA_UPLOAD_MAX_FILES = 1
    op = _op("POST /api/assessments/{assessment_id}/documents")
    response = cast.client("requestor").generic(
        "POST",
        _url(op, _scene(cast)),
        b"x" * (2 * 1024 * 1024),
        content_type="multipart/form-data; boundary=b",
    )
    body = _assert_documented_error(op, response, status=413)
    assert "too large" in body["message"]


def test_it_refuses_a_json_body_over_the_limit_with_a_413(cast: Any, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    op = _op("PUT /api/assessments/{assessment_id}/answers/{question_id}")
    response = cast.client("requestor").put(
        _url(op, _scene(cast)), json.dumps({"value": "x" * 2000}), content_type="application/json"
    )
    _assert_documented_error(op, response, status=413)


def test_it_answers_a_domain_error_in_the_same_shape(cast: Any) -> None:
    op = _op("POST /api/assessments/{assessment_id}/submit")
    body = _assert_documented_error(op, cast.client("requestor").post(_url(op, _scene(cast))), status=422)
    assert body["extra"]["missing"]


def test_it_hides_an_unexpected_failure_behind_a_logged_500_in_the_same_shape(
    cast: Any, monkeypatch: Any, caplog: Any
) -> None:
    async def broken(**kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("assessments.api.assessments.assessment_overview", broken)
    scene = _scene(cast)

    with caplog.at_level(logging.ERROR, logger="assessments.api.errors"):
        response = cast.client("requestor").get(f"/api/assessments/{scene.assessment_id}")

    assert response.status_code == 500
    assert error_keys(response) == SHAPE
    assert "secret internals" not in response.content.decode()
    [record] = [r for r in caplog.records if r.name == "assessments.api.errors"]
    assert record.exc_info and "secret internals" in str(record.exc_info[1])


def test_it_reports_a_store_outage_during_upload_as_a_503_listing_each_file(
    cast: Any, pipeline: Any, monkeypatch: Any
) -> None:
    from integrations.errors import Unavailable
    from integrations.storage import get_document_storage

    async def down(*args: Any, **kwargs: Any) -> None:
        raise Unavailable("storage is down")

    monkeypatch.setattr(type(get_document_storage()), "put", down)
    op = _op("POST /api/assessments/{assessment_id}/documents")
    scene = quick_scene(cast, op)
    from django.core.files.uploadedfile import SimpleUploadedFile

    note = SimpleUploadedFile("note.txt", b"Encrypted at rest.\n", content_type="text/plain")
    response = cast.client("requestor").post(_url(op, scene), {"files": [note]})

    body = _assert_documented_error(op, response, status=503)
    [outcome] = body["extra"]["outcomes"]
    assert outcome["name"] == "note.txt" and outcome["stored"] is False and outcome["error"]


def test_it_refuses_a_method_a_path_does_not_take_in_the_same_shape(cast: Any) -> None:
    response = cast.client("requestor").delete("/api/assessments")
    assert response.status_code == 405
    assert error_keys(response) == SHAPE
    assert set(response["Allow"].split(", ")) == {"GET", "POST"}
    assert set(response.json()["extra"]["allowed"]) == {"GET", "POST"}


def test_it_answers_an_unknown_api_path_in_the_same_shape(cast: Any) -> None:
    for path in ("/api/nothing-here", "/api/", "/api/assessments/x/y/z"):
        response = cast.client("requestor").get(path)
        assert response.status_code == 404, path
        assert error_keys(response) == SHAPE
