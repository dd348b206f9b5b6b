"""Use cases on an assessment's documents: upload, retry processing, remove.

Bytes go to object storage first, under a key the server makes up; only once they are stored
does the document item appear, in one transaction with its content marker (which makes a
second upload of the same file a recognised duplicate, even when both arrive at once) and its
audit event. A storage failure therefore leaves nothing behind, and a table failure after the
bytes were stored removes them again.
"""

from __future__ import annotations

import asyncio
import dataclasses
import io
import logging
import uuid
import weakref
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings

from assessments.documents.sniff import UnsupportedDocument, inspect_upload
from assessments.domain import keys
from assessments.domain.documents import DocumentRecord, DocumentStatus
from assessments.domain.policy import ensure_can_edit
from assessments.domain.records import Actor, AssessmentCollection, now_iso
from assessments.errors import ConflictError, NotAllowed, NotFoundError, ServiceUnavailable, ValidationFailed
from assessments.selectors.assessments import assessment_for_actor
from assessments.services import document_cleanup as cleanup
from assessments.services import live
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import Conflict, IntegrationError, TransactionCanceled
from integrations.storage import document_key, get_document_storage
from integrations.table import get_table
from integrations.table.contract import Condition, Delete, Put

log = logging.getLogger(__name__)

STORAGE_FAILED = (
    "The document store is not answering, so {name} was not uploaded. Nothing was saved; please try again."
)
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "txt": "text/plain",
    "md": "text/markdown",
}


class UploadFile:
    """One uploaded file as the upload use case takes it: a name and a seekable binary stream.

    ``uploads_from`` builds these from Django's uploaded files, which spool to a temporary
    file past ``FILE_UPLOAD_MAX_MEMORY_SIZE``: the file is then hashed, sniffed and stored in
    chunks, never held whole in memory. Bytes are accepted too (scripts, tests).
    """

    def __init__(
        self, name: str, data: bytes | None = None, *, file: BinaryIO | None = None, size: int | None = None
    ) -> None:
        if (data is None) == (file is None):
            raise TypeError("UploadFile takes either data or file")
        self.name = name
        self.file: BinaryIO = io.BytesIO(data) if data is not None else file  # type: ignore[assignment]
        self.size = len(data) if data is not None else size

    def __repr__(self) -> str:
        return f"UploadFile({self.name!r}, size={self.size})"


def uploads_from(files: list) -> list[UploadFile]:
    """The request's uploaded files (Django ``UploadedFile``s) as the upload use case takes them.

    Every entry point (page, API) builds its uploads here, so how a file is handed over (its
    file object and declared size, never its bytes read into memory) is decided in one place.
    """
    return [UploadFile(f.name or "document", file=f, size=f.size) for f in files]


_upload_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def _upload_slot() -> asyncio.Semaphore:
    """The per-process bound on uploads being stored at once (one semaphore per event loop)."""
    loop = asyncio.get_running_loop()
    slot = _upload_slots.get(loop)
    if slot is None:
        slot = _upload_slots[loop] = asyncio.Semaphore(settings.TRA_UPLOAD_CONCURRENCY)
    return slot


@dataclass(frozen=True)
class UploadOutcome:
    name: str
    document: DocumentRecord | None = None  # stored now, or the earlier copy of a duplicate
    duplicate: bool = False
    error: str = ""
    unavailable: bool = False  # the error was a storage/table outage, not the file

    @property
    def stored(self) -> bool:
        return self.document is not None and not self.duplicate


def _display_name(name: str) -> str:
    # Keep only the last path segment and printable characters: it is shown, never used as a path.
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip()
    return cleaned[:200] or "document"


async def documents_upload(
    *, actor: Actor, assessment_id: str, files: list[UploadFile]
) -> list[UploadOutcome]:
    """Store each acceptable file and queue its processing; one outcome per file, in order."""
    if not files:
        raise ValidationFailed("Choose at least one file to upload.")
    if len(files) > settings.TRA_UPLOAD_MAX_FILES:
        raise ValidationFailed(f"Upload at most {settings.TRA_UPLOAD_MAX_FILES} files at a time.")
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    ensure_can_edit(actor, collection.assessment, part="documents")
    known = {d.sha256: d for d in collection.documents}
    outcomes: list[UploadOutcome] = []
    for upload in files:
        outcome = await _upload_one(actor, collection, upload, known)
        if outcome.stored and outcome.document:
            known[outcome.document.sha256] = outcome.document
        outcomes.append(outcome)
    stored = [o.document for o in outcomes if o.stored and o.document]
    for document in stored:
        await _enqueue_processing(document)
    if stored:
        await live.publish(assessment_id, "documents.changed")
    return outcomes


async def _upload_one(
    actor: Actor, collection: AssessmentCollection, upload: UploadFile, known: dict[str, DocumentRecord]
) -> UploadOutcome:
    name = _display_name(upload.name)
    async with _upload_slot():
        try:
            # One pass over the stream in a worker thread: hashing and sniffing 20 MB is CPU
            # work that must not hold the event loop (and every other request) meanwhile.
            inspection = await asyncio.to_thread(
                inspect_upload, upload.file, name, size=upload.size, max_bytes=settings.TRA_UPLOAD_MAX_BYTES
            )
        except UnsupportedDocument as exc:
            return UploadOutcome(name=name, error=exc.message)
        kind, sha256, size = inspection.kind, inspection.sha256, inspection.size
        if sha256 in known:
            return UploadOutcome(name=name, document=known[sha256], duplicate=True)

        assessment_id = collection.assessment.id
        document_id = uuid.uuid4().hex
        key = document_key(assessment_id, document_id)
        storage = get_document_storage()
        try:
            await storage.put(key, upload.file, CONTENT_TYPES[kind.value], sha256=sha256)
        except IntegrationError as exc:
            log.warning("storing %s for %s failed: %s", document_id, assessment_id, exc)
            return UploadOutcome(name=name, error=STORAGE_FAILED.format(name=name), unavailable=True)

    now = now_iso()
    document = DocumentRecord(
        assessment_id=assessment_id,
        id=document_id,
        name=name,
        kind=kind.value,
        size=size,
        sha256=sha256,
        storage_key=key,
        status=DocumentStatus.UPLOADED,
        uploaded_by=actor.username,
        uploaded_at=now,
        updated_at=now,
        version=1,
    )
    marker = {
        "pk": keys.assessment_pk(assessment_id),
        "sk": keys.content_sk(sha256),
        "document_id": document_id,
    }
    event = event_put(
        assessment_id=assessment_id,
        event_type="document_uploaded",
        actor=actor,
        after={"document_id": document_id, "name": name, "sha256": sha256, "size": size},
        at=now,
    )
    ops = [Put(document.to_item(), Condition.absent()), Put(marker, Condition.absent()), event]
    try:
        with table_errors_as_domain():
            await get_table().transact(ops)
    except TransactionCanceled as exc:
        await _discard_bytes(key)
        if len(exc.reasons) > 1 and exc.reasons[1]:
            # The same content landed a moment ago (another tab, a double click).
            latest = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
            earlier = next((d for d in latest.documents if d.sha256 == sha256), None)
            if earlier is not None:
                return UploadOutcome(name=name, document=earlier, duplicate=True)
        return UploadOutcome(name=name, error=f"{name} could not be recorded; please try again.")
    except ServiceUnavailable as exc:
        await _discard_bytes(key)
        return UploadOutcome(name=name, error=f"{name}: {exc.message}", unavailable=True)
    return UploadOutcome(name=name, document=document)


async def _discard_bytes(key: str) -> None:
    try:
        await get_document_storage().delete(key)
    except IntegrationError:
        # No item points at the object, so it is invisible to users; log it for clean-up.
        log.error("orphaned document object %s could not be removed", key, exc_info=True)


async def _enqueue_processing(document: DocumentRecord) -> None:
    from assessments.tasks import document_process_task

    await document_process_task.aenqueue(document.assessment_id, document.id)


async def _owned_document(actor: Actor, assessment_id: str, document_id: str) -> DocumentRecord:
    """A document of an assessment the actor may change (404 for others' assessments)."""
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    ensure_can_edit(actor, collection.assessment, part="documents")
    document = collection.document(document_id)
    if document is None:
        raise NotFoundError("No such document.")
    return document


async def document_retry(*, actor: Actor, assessment_id: str, document_id: str) -> DocumentRecord:
    """Queue a failed document for processing again, from the start."""
    document = await _owned_document(actor, assessment_id, document_id)
    if document.status is not DocumentStatus.FAILED:
        raise ValidationFailed("Only a document whose processing failed can be retried.")
    try:
        retried = await document_status_set(
            document, status=DocumentStatus.UPLOADED, error="", event=("document_retried", actor)
        )
    except Conflict:
        raise ConflictError("The document changed meanwhile; reload the page and try again.") from None
    await _enqueue_processing(retried)
    return retried


async def document_remove(*, actor: Actor, assessment_id: str, document_id: str) -> None:
    """Remove a document and its index entries; suggestions are recomputed without it."""
    document = await _owned_document(actor, assessment_id, document_id)
    pk = keys.assessment_pk(assessment_id)
    ops = [
        Delete(pk, keys.document_sk(document_id), Condition.version_is(document.version)),
        Delete(pk, keys.content_sk(document.sha256)),
        event_put(
            assessment_id=assessment_id,
            event_type="document_removed",
            actor=actor,
            before={"document_id": document_id, "name": document.name, "sha256": document.sha256},
        ),
    ]
    try:
        with table_errors_as_domain():
            await get_table().transact(ops)
    except TransactionCanceled:
        raise NotAllowed(
            "The document is changing right now (it is being processed); try again in a moment."
        ) from None
    # Committed: the document is gone for every reader, so from here on nothing may turn the
    # request into a failure. Its bytes and index entries are invisible leftovers; removing
    # them and recomputing the suggestions are follow-ups, retried by a task when they fail.
    await cleanup.document_removed_follow_ups(
        assessment_id=assessment_id, document_id=document_id, storage_key=document.storage_key
    )


async def document_status_set(
    document: DocumentRecord,
    *,
    status: DocumentStatus,
    error: str = "",
    event: tuple[str, Actor] | None = None,
    extra_item: dict[str, object] | None = None,
    **changes: object,
) -> DocumentRecord:
    """Move a document to ``status`` if nobody changed it meanwhile (ConditionFailed otherwise).

    ``extra_item``: attributes stored on the item beside the record's own (processing's run
    count); any later status change that does not repeat them drops them."""
    updated = dataclasses.replace(
        document,
        status=status,
        error=error,
        updated_at=now_iso(),
        version=document.version + 1,
        **changes,  # type: ignore[arg-type]
    )
    ops: list[Put] = [
        Put({**updated.to_item(), **(extra_item or {})}, Condition.version_is(document.version))
    ]
    if event is not None:
        event_type, actor = event
        ops.append(
            event_put(
                assessment_id=document.assessment_id,
                event_type=event_type,
                actor=actor,
                before={"document_id": document.id, "status": document.status.value},
                after={"document_id": document.id, "status": status.value, "error": error or None},
            )
        )
    with table_errors_as_domain():
        if len(ops) == 1:
            await get_table().put(ops[0].item, condition=ops[0].condition)
        else:
            await get_table().transact(ops)
    await live.publish(document.assessment_id, "document.status", **live.document_status(updated))
    return updated
