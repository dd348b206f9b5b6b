"""Processing an uploaded document: extract, chunk, index, summarise, and the ways it fails."""

from __future__ import annotations

import re
from typing import Any

import pytest

from assessments.documents.extract import extract
from assessments.domain import keys
from assessments.domain.documents import DocumentStatus
from assessments.errors import ValidationFailed
from assessments.services import live
from assessments.services.documents import document_remove, document_retry, document_status_set
from assessments.services.processing import document_process
from integrations.errors import Unavailable
from integrations.kb import Passage, get_knowledge_base
from integrations.kb.local import LocalKnowledgeBase
from integrations.runtime import run_sync
from integrations.storage import get_document_storage
from tests.documents.builders import pdf_bytes, zip_bytes
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import (
    PROCESS_TASK,
    SUGGESTIONS_TASK,
    audit_events,
    collection,
    content_marker,
    enqueued,
    item,
    only_document,
    stored_files,
    upload,
)
from tests.web.helpers import create_assessment

# Sniffed as a Word document (a zip with the Office parts), but its XML is garbage.
DAMAGED_DOCX = zip_bytes(
    {"[Content_Types].xml": b"<Types><<<not xml", "word/document.xml": b"\x00garbage</w:body>"}
)
VENDOR_QUERY = "Brightdesk Service Cloud vendor"


def normalised(text: str) -> str:
    return " ".join(text.split())


def retrieve(assessment_id: str, query: str = VENDOR_QUERY, limit: int = 5) -> list[Passage]:
    return run_sync(get_knowledge_base().retrieve, assessment_id=assessment_id, query=query, limit=limit)


def process(assessment_id: str, document_id: str) -> DocumentStatus | None:
    return run_sync(document_process, assessment_id=assessment_id, document_id=document_id)


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every live message sent to an assessment's open pages, in order."""
    messages: list[dict[str, Any]] = []

    async def record(assessment_id: str, kind: str, **data: Any) -> None:
        messages.append({"assessment_id": assessment_id, "kind": kind, **data})

    monkeypatch.setattr(live, "publish", record)
    return messages


def test_it_takes_a_docx_brief_to_ready_with_a_summary_quoted_from_it(
    cast: Any, pipeline: Any, run_tasks: Any, published: list[dict[str, Any]]
) -> None:
    assessment_id = create_assessment(cast)
    other_id = create_assessment(cast)
    upload(cast, other_id, ("vendors.txt", b"Brightdesk Service Cloud was also evaluated for billing.\n"))

    upload(cast, assessment_id, ("brief.docx", brief("docx")))

    document = only_document(assessment_id)
    assert document.status is DocumentStatus.READY and not document.error
    assert document.chunks > 0
    assert document.pages is None  # a Word document has no fixed pages
    # The summary quotes the brief: its first sentence is a sentence of the document.
    text = normalised(extract(brief("docx"), "docx").text)
    first_sentence = re.split(r"(?<=[.!?])\s", document.summary, maxsplit=1)[0]
    assert len(first_sentence) > 20 and normalised(first_sentence) in text
    # The requestor's open page saw every step, ending at ready and 100%.
    progress = [m for m in published if m["kind"] == "document.status" and m["document_id"] == document.id]
    assert [m["status"] for m in progress] == ["extracting", "summarising", "indexing", "ready"]
    assert [m["percent"] for m in progress] == sorted(m["percent"] for m in progress)
    assert progress[-1]["percent"] == 100 and progress[-1]["label"] == "Ready"
    [ready] = audit_events(assessment_id, "document_ready")
    assert ready["after"] == {"document_id": document.id, "status": "ready", "error": None}
    # Its passages are retrievable for this assessment only.
    passages = retrieve(assessment_id)
    assert passages and {p.document_id for p in passages} == {document.id}
    assert any("Brightdesk Service Cloud" in p.text for p in passages)
    assert all(normalised(p.text) in text for p in passages)
    assert document.id not in {p.document_id for p in retrieve(other_id)}
    # New evidence: suggestions were brought up to date (the task ran, nothing failed).
    assert collection(assessment_id).suggestions


def test_it_counts_the_pages_of_a_pdf_brief(cast: Any, pipeline: Any, run_tasks: Any) -> None:
    assessment_id = create_assessment(cast)

    upload(cast, assessment_id, ("brief.pdf", brief("pdf")))

    document = only_document(assessment_id)
    assert document.status is DocumentStatus.READY
    assert document.pages == 3
    assert document.chunks > 0 and document.summary
    assert {p.page for p in retrieve(assessment_id)} <= {1, 2, 3}


def test_it_fails_a_damaged_docx_with_a_reason_and_retries_it(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("brief.docx", DAMAGED_DOCX))
    assert outcome.stored and outcome.document
    document_id = outcome.document.id

    assert process(assessment_id, document_id) is DocumentStatus.FAILED

    failed = only_document(assessment_id)
    assert failed.status is DocumentStatus.FAILED
    assert failed.error == "The DOCX file is damaged and could not be read."
    assert failed.summary == "" and failed.chunks == 0
    [event] = audit_events(assessment_id, "document_failed")
    assert event["after"]["error"] == failed.error
    assert retrieve(assessment_id, "garbage") == []

    retried = run_sync(
        document_retry, actor=cast.actor("requestor"), assessment_id=assessment_id, document_id=document_id
    )

    assert retried.status is DocumentStatus.UPLOADED and retried.error == ""
    assert only_document(assessment_id).status is DocumentStatus.UPLOADED
    assert enqueued(PROCESS_TASK, assessment_id) == [(assessment_id, document_id)] * 2
    assert len(audit_events(assessment_id, "document_retried")) == 1


def test_it_fails_a_pdf_without_a_text_layer(cast: Any, pipeline: Any, run_tasks: Any) -> None:
    assessment_id = create_assessment(cast)

    upload(cast, assessment_id, ("scan.pdf", pdf_bytes(["", ""])))

    document = only_document(assessment_id)
    assert document.status is DocumentStatus.FAILED
    assert "no extractable text" in document.error and "scan" in document.error


def test_it_refuses_to_retry_a_ready_document(cast: Any, pipeline: Any, run_tasks: Any) -> None:
    assessment_id = create_assessment(cast)
    upload(cast, assessment_id, ("brief.docx", brief("docx")))
    document = only_document(assessment_id)
    assert document.status is DocumentStatus.READY

    with pytest.raises(ValidationFailed, match="Only a document whose processing failed"):
        run_sync(
            document_retry,
            actor=cast.actor("requestor"),
            assessment_id=assessment_id,
            document_id=document.id,
        )

    assert only_document(assessment_id).version == document.version


def test_it_fails_a_document_whose_stored_file_went_missing(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert outcome.document
    run_sync(get_document_storage().delete, outcome.document.storage_key)

    assert process(assessment_id, outcome.document.id) is DocumentStatus.FAILED

    document = only_document(assessment_id)
    assert document.error == "The stored file is missing. Remove this document and upload it again."
    assert retrieve(assessment_id) == []


def test_it_fails_while_the_knowledge_base_is_down_and_recovers_on_retry(
    cast: Any, pipeline: Any, run_tasks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id = create_assessment(cast)

    async def down(self: Any, **kwargs: Any) -> None:
        raise Unavailable("Ingest: connection refused")

    monkeypatch.setattr(LocalKnowledgeBase, "ingest", down)
    upload(cast, assessment_id, ("brief.docx", brief("docx")))

    failed = only_document(assessment_id)
    assert failed.status is DocumentStatus.FAILED
    assert "knowledge base is not answering" in failed.error
    assert "connection refused" in failed.error and "Retry" in failed.error

    monkeypatch.undo()
    run_sync(
        document_retry, actor=cast.actor("requestor"), assessment_id=assessment_id, document_id=failed.id
    )

    document = only_document(assessment_id)
    assert document.status is DocumentStatus.READY and document.error == ""
    assert document.chunks > 0 and document.summary
    assert retrieve(assessment_id)


def test_it_indexes_a_document_once_however_often_it_is_processed(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert outcome.document
    document_id = outcome.document.id

    assert process(assessment_id, document_id) is DocumentStatus.READY
    first = only_document(assessment_id)
    assert process(assessment_id, document_id) is DocumentStatus.READY  # a duplicate task
    assert only_document(assessment_id).version == first.version  # left alone
    # A run a crash interrupted mid-index is taken again from the top.
    run_sync(document_status_set, first, status=DocumentStatus.INDEXING)
    assert process(assessment_id, document_id) is DocumentStatus.READY

    document = only_document(assessment_id)
    assert document.status is DocumentStatus.READY and document.chunks == first.chunks
    passages = retrieve(assessment_id, "customer support platform email chat agents", limit=100)
    texts = [p.text for p in passages]
    assert texts and len(texts) == len(set(texts))
    assert len(texts) <= document.chunks
    assert len(audit_events(assessment_id, "document_uploaded")) == 1


def test_it_does_nothing_for_a_document_removed_before_its_turn(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert outcome.document
    run_sync(
        document_remove,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        document_id=outcome.document.id,
    )

    assert process(assessment_id, outcome.document.id) is None

    assert collection(assessment_id).documents == []
    assert retrieve(assessment_id) == []


def test_it_removes_a_document_and_everything_derived_from_it(
    cast: Any, pipeline: Any, run_tasks: Any, published: list[dict[str, Any]]
) -> None:
    assessment_id = create_assessment(cast)
    data = brief("docx")
    upload(cast, assessment_id, ("brief.docx", data))
    document = only_document(assessment_id)
    assert document.status is DocumentStatus.READY and retrieve(assessment_id)

    run_sync(
        document_remove, actor=cast.actor("requestor"), assessment_id=assessment_id, document_id=document.id
    )

    assert collection(assessment_id).documents == []
    assert item(assessment_id, keys.document_sk(document.id)) is None
    assert content_marker(assessment_id, document.sha256) is None
    assert stored_files() == []
    assert retrieve(assessment_id) == []
    [removed] = audit_events(assessment_id, "document_removed")
    assert removed["actor"] == "requestor"
    assert removed["before"]["document_id"] == document.id
    assert published[-1] == {"assessment_id": assessment_id, "kind": "documents.changed"}

    # The same file is a new document again, not a duplicate of the removed one.
    [again] = upload(cast, assessment_id, ("brief.docx", data))

    assert again.stored and not again.duplicate and again.document
    assert again.document.id != document.id
    assert only_document(assessment_id).status is DocumentStatus.READY
    assert {p.document_id for p in retrieve(assessment_id)} == {again.document.id}


def test_it_queues_suggestions_once_a_document_is_ready(cast: Any, pipeline: Any) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert outcome.document
    assert enqueued(SUGGESTIONS_TASK, assessment_id) == []

    process(assessment_id, outcome.document.id)

    assert enqueued(SUGGESTIONS_TASK, assessment_id) == [(assessment_id,)]


def test_it_queues_suggestions_again_when_a_task_finds_its_document_already_ready(
    cast: Any, pipeline: Any
) -> None:
    # A worker killed between "ready" and queueing the suggestions: the requeued task must
    # still lead to suggestions, not stop at "nothing to do".
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert outcome.document
    assert process(assessment_id, outcome.document.id) is DocumentStatus.READY
    before = len(enqueued(SUGGESTIONS_TASK, assessment_id))

    assert process(assessment_id, outcome.document.id) is DocumentStatus.READY
    assert len(enqueued(SUGGESTIONS_TASK, assessment_id)) == before + 1
