"""What the API tests share: the operations as the schema lists them, a prepared assessment,
and one valid call per operation (so a refusal can only come from who asks or what is sent)."""

from __future__ import annotations

import functools
import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from assessments.domain.documents import CitationRecord, DocumentRecord, DocumentStatus, SuggestionRecord
from assessments.domain.records import now_iso
from integrations.runtime import run_sync
from integrations.storage import get_document_storage
from integrations.table import get_table
from tests.web.helpers import answer_everything, create_assessment

NOTE = b"Customer records are encrypted at rest with AES-256.\n"
UNSAFE = {"post", "put", "patch", "delete"}
# An id of the right shape that no assessment has.
UNKNOWN_ASSESSMENT = "TRA-2000-000000"


# Every operation the API publishes; tests assert the published schema has exactly these.
OPERATION_NAMES = (
    "GET /api/assessments",
    "POST /api/assessments",
    "GET /api/assessments/{assessment_id}",
    "GET /api/assessments/{assessment_id}/next-question",
    "POST /api/assessments/{assessment_id}/submit",
    "PUT /api/assessments/{assessment_id}/answers/{question_id}",
    "GET /api/assessments/{assessment_id}/documents",
    "POST /api/assessments/{assessment_id}/documents",
    "POST /api/assessments/{assessment_id}/documents/{document_id}/retry",
    "GET /api/assessments/{assessment_id}/documents/{document_id}/download",
    "GET /api/assessments/{assessment_id}/suggestions",
    "POST /api/assessments/{assessment_id}/suggestions/{question_id}/accept",
    # Bulk accept of a section's high-confidence suggestions (assessments/api/bulk_accept.py).
    "POST /api/assessments/{assessment_id}/sections/{section}/accept-high",
    "POST /api/assessments/{assessment_id}/suggestions/{question_id}/dismiss",
    "GET /api/questionnaires",
    "GET /api/notifications",
    "POST /api/notifications/read-all",
    "POST /api/notifications/{note_id}/read",
    # The review (assessments/api/comments.py, assessments/api/review.py).
    "GET /api/assessments/{assessment_id}/comments",
    "POST /api/assessments/{assessment_id}/comments",
    "POST /api/assessments/{assessment_id}/comments/{question_id}/resolve",
    "POST /api/assessments/{assessment_id}/comments/{question_id}/reopen",
    "POST /api/assessments/{assessment_id}/assign",
    "POST /api/assessments/{assessment_id}/send-back",
    "POST /api/assessments/{assessment_id}/withdraw",
    "GET /api/assessments/{assessment_id}/rounds",
    "GET /api/assessments/{assessment_id}/rounds/{number}",
    "GET /api/assessments/{assessment_id}/decisions",
    "POST /api/assessments/{assessment_id}/decisions",
    "GET /api/assessments/{assessment_id}/timeline",
    "GET /api/review/queue",
    # Search (assessments/api/search.py).
    "GET /api/search",
    # Exports (assessments/api/exports.py).
    "POST /api/assessments/{assessment_id}/exports",
    "GET /api/assessments/{assessment_id}/exports",
    "GET /api/assessments/{assessment_id}/exports/{export_id}/download",
    # Reassessment and the answer library (assessments/api/reuse.py).
    "POST /api/assessments/{assessment_id}/clone",
    "POST /api/assessments/{assessment_id}/answers/{question_id}/confirm",
    "GET /api/reassessments/due",
    "GET /api/assessments/{assessment_id}/library/{question_id}",
    "POST /api/assessments/{assessment_id}/library/{question_id}/use",
)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # as the schema spells it, e.g. /api/assessments/{assessment_id}
    spec: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def documented(self) -> set[int]:
        return {int(code) for code in self.spec["responses"]}

    @property
    def body_type(self) -> str | None:
        content = self.spec.get("requestBody", {}).get("content", {})
        return next(iter(content), None)

    @property
    def query(self) -> list[dict[str, Any]]:
        return [p for p in self.spec.get("parameters", []) if p["in"] == "query"]


def schema(client: Client) -> dict[str, Any]:
    """The schema as published at /api/openapi.json."""
    response = client.get("/api/openapi.json")
    assert response.status_code == 200, response.content
    return response.json()


def body_properties(published: dict[str, Any], op: Operation) -> dict[str, Any]:
    """The JSON body's properties, its ``$ref`` resolved."""
    body = op.spec["requestBody"]["content"]["application/json"]["schema"]
    name = body["$ref"].rsplit("/", 1)[-1]
    return published["components"]["schemas"][name]["properties"]


@functools.cache
def _published_operations() -> tuple[Operation, ...]:
    client = Client()
    client.force_login(User.objects.get(username="requestor"))
    return tuple(
        Operation(method, path, spec)
        for path, item in schema(client)["paths"].items()
        for method, spec in item.items()
    )


def operations() -> list[Operation]:
    """Every operation of the published schema (read once per test run: it is static)."""
    return list(_published_operations())


@dataclass(frozen=True)
class Scene:
    """An assessment owned by "requestor", maybe with a failed document and a stored suggestion."""

    assessment_id: str
    document_id: str
    question_id: str
    # A notification of "requestor" (only written for the operations on one note).
    note_id: str = "20260101T000000000000Z-" + "0" * 32

    def url(self, path: str, **overrides: str) -> str:
        values = {
            "assessment_id": self.assessment_id,
            "document_id": self.document_id,
            "question_id": self.question_id,
            "note_id": self.note_id,
            "number": "1",  # a round
            "section": "qualifying",  # the bulk accept's section
            # The ready export prepare_call writes for the download (tests/exports/helpers.py).
            "export_id": "20260101T000000000000Z-json",
            **overrides,
        }
        return path.format(**values)


def quick_scene(cast: Any, op: Operation | None = None) -> Scene:
    """What ``op`` needs (everything when None), written straight to the table: a stored
    suggestion, a failed document. Needs a tasks backend that only queues (``queue_only``),
    so nothing is processed and a retried document stays "uploaded"."""
    assessment_id = create_assessment(cast)
    question_id, document_id = "Q-10", "0" * 32
    now = now_iso()
    items = []
    if op is None or "/suggestions" in op.path:
        question_id = "Q-03"  # the go-live date
        items.append(
            SuggestionRecord(
                question_id=question_id,
                status="suggested",
                # A year ahead: the go-live date refuses past dates (not_before: today).
                answer=(date.today() + timedelta(days=365)).isoformat(),
                confidence="high",
                score=0.9,
                rationale="The brief names the go-live date.",
                citations=(
                    CitationRecord(document_id="d" * 32, document_name="brief.docx", passage="April"),
                ),
                cache_key="",
                fingerprint="",
                model="test",
                prompt_version="test",
                generated_at=now,
            ).to_item(assessment_id)
        )
    if op is None or "{document_id}" in op.path:
        document_id = uuid.uuid4().hex
        items.append(
            DocumentRecord(
                assessment_id=assessment_id,
                id=document_id,
                name="damaged.docx",
                kind="docx",
                size=280,
                sha256="0" * 64,
                storage_key=f"{assessment_id}/{document_id}",
                status=DocumentStatus.FAILED,
                uploaded_by="requestor",
                uploaded_at=now,
                updated_at=now,
                version=2,
                error="The DOCX file is damaged and could not be read.",
            ).to_item()
        )
    note_id = Scene.note_id
    if op is None or "{note_id}" in op.path:
        note_id = requestor_note(cast, assessment_id)
    for item in items:
        run_sync(get_table().put, item)
    return Scene(assessment_id, document_id, question_id, note_id)


def requestor_note(cast: Any, assessment_id: str) -> str:
    """One unread notification for "requestor" (the assessor commented), as notify stores it."""
    from assessments.notifications import NotificationKind, notify
    from assessments.notifications.selectors import notes_of_user
    from assessments.selectors.assessments import assessment_collection

    record = run_sync(assessment_collection, assessment_id=assessment_id).assessment
    run_sync(
        notify,
        kind=NotificationKind.COMMENT,
        assessment=record,
        actor=cast.actor("assessor"),
        recipient_ids=[cast.requestor.pk],
        text="A question on Q-10.",
    )
    return run_sync(notes_of_user, user_id=cast.requestor.pk, limit=1).items[0].id


# A body each operation accepts from its owner.
JSON_BODIES: dict[str, dict[str, Any]] = {
    "POST /api/assessments": {
        "title": "T",
        "project": "P",
        "data_classification": "Internal",
        "business_unit": "B",
    },
    "PUT /api/assessments/{assessment_id}/answers/{question_id}": {"value": "No"},
    "POST /api/assessments/{assessment_id}/suggestions/{question_id}/accept": {},
    "POST /api/assessments/{assessment_id}/comments": {"question_id": "Q-10", "text": "Who has access?"},
    "POST /api/assessments/{assessment_id}/assign": {},
    "POST /api/assessments/{assessment_id}/send-back": {"feedback": "Say who.", "question_ids": ["Q-10"]},
    "POST /api/assessments/{assessment_id}/withdraw": {"reason": "Cancelled."},
    "POST /api/assessments/{assessment_id}/decisions": {
        # Every qualifying question answered No leaves Cyber Security on: it is the one area.
        "area": "cyber_security",
        "outcome": "approve",
        "rationale": "Low exposure.",
        "residual_rating": "low",
        "residual_rationale": "Nothing raises it.",
    },
    "POST /api/assessments/{assessment_id}/exports": {"format": "json"},
    "POST /api/assessments/{assessment_id}/clone": {"questionnaire_version": "latest"},
    "POST /api/assessments/{assessment_id}/library/{question_id}/use": {},
}
# The answer saved is to a qualifying Yes/No question, whatever the suggestion was for.
PATH_OVERRIDES = {
    "PUT /api/assessments/{assessment_id}/answers/{question_id}": {"question_id": "Q-10"},
}


# The review's operations need the assessment submitted (in review: assigned; a thread: a comment).
SUBMITTED_FIRST = {
    "POST /api/assessments/{assessment_id}/comments",
    "POST /api/assessments/{assessment_id}/comments/{question_id}/resolve",
    "POST /api/assessments/{assessment_id}/comments/{question_id}/reopen",
    "POST /api/assessments/{assessment_id}/assign",
    "POST /api/assessments/{assessment_id}/send-back",
    "GET /api/assessments/{assessment_id}/rounds/{number}",
    "POST /api/assessments/{assessment_id}/decisions",
    "GET /api/review/queue",
}
ASSIGNED_FIRST = {"POST /api/assessments/{assessment_id}/decisions"}
THREAD_FIRST = {
    "POST /api/assessments/{assessment_id}/comments/{question_id}/resolve",
    "POST /api/assessments/{assessment_id}/comments/{question_id}/reopen",
}


def _finalize(cast: Any, scene: Scene) -> None:
    """The scene's assessment finalized (all No: Cyber Security is its one area)."""
    from assessments.services.review import area_decide, assessment_assign, assessment_submit

    answer_everything(cast, scene.assessment_id)
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=scene.assessment_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=scene.assessment_id)
    decision = dict(JSON_BODIES["POST /api/assessments/{assessment_id}/decisions"])
    area = decision.pop("area")
    run_sync(
        area_decide,
        actor=cast.actor("assessor"),
        assessment_id=scene.assessment_id,
        area_key=area,
        conditions=(),
        **decision,
    )


def _carried_answer(cast: Any, scene: Scene) -> None:
    """A carried-over answer on the scene's question (as a reassessment writes it)."""
    from assessments.domain.records import AnswerRecord

    answer = AnswerRecord(scene.question_id, "No", "carried_over", "requestor", now_iso(), 1)
    run_sync(get_table().put, answer.to_item(scene.assessment_id))


def _library_answer(cast: Any, scene: Scene) -> None:
    """An approved answer for the scene's question in the library (another finalized assessment)."""
    from assessments.domain.reuse import LibraryAnswer

    entry = LibraryAnswer(
        assessment_id="TRA-2025-0000AA",
        decided_at="2026-01-01T00:00:00.000000Z",
        questionnaire_key="default",
        question_id=scene.question_id,
        question_text="",
        value="No",
        source="manual",
        data_classification="Internal",
        owner_id=cast.requestor.pk,
    )
    run_sync(get_table().batch_write, puts=entry.to_items()[:1])


REUSE_PREPARED = {
    "POST /api/assessments/{assessment_id}/clone": _finalize,
    "POST /api/assessments/{assessment_id}/answers/{question_id}/confirm": _carried_answer,
    "POST /api/assessments/{assessment_id}/library/{question_id}/use": _library_answer,
}


def prepare_call(op: Operation, scene: Scene, cast: Any) -> None:
    """What the owner's call needs beyond the scene (a complete assessment to submit, a review
    under way)."""
    from assessments.services.review import assessment_assign, assessment_submit, comment_add

    if op.name == "POST /api/assessments/{assessment_id}/submit" or op.name in SUBMITTED_FIRST:
        answer_everything(cast, scene.assessment_id)
    if op.name in SUBMITTED_FIRST:
        run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=scene.assessment_id)
    if op.name in ASSIGNED_FIRST:
        run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=scene.assessment_id)
    if op.name in THREAD_FIRST:
        run_sync(
            comment_add,
            actor=cast.actor("assessor"),
            assessment_id=scene.assessment_id,
            question_id=scene.question_id,
            text="Who has access?",
        )
    if op.name == "GET /api/assessments/{assessment_id}/documents/{document_id}/download":
        # The scene's document item is written straight to the table: its bytes too.
        key = f"{scene.assessment_id}/{scene.document_id}"
        run_sync(get_document_storage().put, key, b"PK damaged", "application/octet-stream")
    if op.name in REUSE_PREPARED:
        REUSE_PREPARED[op.name](cast, scene)
    if op.name == "GET /api/assessments/{assessment_id}/exports/{export_id}/download":
        from tests.exports.helpers import ready_export

        ready_export(scene.assessment_id, created_at="2026-01-01T00:00:00.000000Z")


def send(client: Client, op: Operation, scene: Scene) -> Any:
    """Call ``op`` with input its owner may send."""
    url = scene.url(op.path, **PATH_OVERRIDES.get(op.name, {}))
    if op.body_type == "application/json":
        body = json.dumps(JSON_BODIES[op.name])
        return getattr(client, op.method)(url, body, content_type="application/json")
    if op.body_type == "multipart/form-data":
        return client.post(url, {"files": [SimpleUploadedFile("note.txt", NOTE, content_type="text/plain")]})
    return getattr(client, op.method)(url)


def valid_call(client: Client, op: Operation, scene: Scene, cast: Any) -> Any:
    prepare_call(op, scene, cast)
    return send(client, op, scene)


def error_keys(response: Any) -> set[str]:
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert isinstance(body, dict), body
    assert isinstance(body.get("message"), str) and body["message"], body
    assert isinstance(body.get("extra"), dict), body
    return set(body)
