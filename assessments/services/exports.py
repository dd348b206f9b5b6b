"""Exports of an assessment: ask for one, render it in the background, list them, download one.

``export_request`` writes the EXPORT# item (pending) with its audit event in one transaction
and queues the task. ``export_run`` (the task) moves it to running, reads the assessment,
renders the report in a budgeted child process (CPU-bound; the event loop and the worker's
other work go on), stores the file under a server-made key (``exports/<id>/<export id>.<ext>``)
and moves it to ready, or to failed with the reason: never a pretend success. Each move is
pushed to the assessment's open pages. Who may export, list and download: whoever may read the
assessment (its owner and every reviewer); anyone else is told there is no such assessment.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

from assessments.documents.isolation import BudgetExceeded, TaskBudget, run_within_budget
from assessments.domain import keys, policy
from assessments.domain.ids import is_assessment_id
from assessments.domain.records import SYSTEM_ACTOR, Actor, AssessmentRecord, now_iso
from assessments.errors import ConflictError, NotFoundError, ServiceUnavailable, ValidationFailed
from assessments.exports.build import build_content
from assessments.exports.record import (
    EXPORT_PREFIX,
    ExportRecord,
    ExportStatus,
    export_storage_key,
    sk_of_export_id,
)
from assessments.exports.render import FORMATS, render
from assessments.presenters.review import build_review_page
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from assessments.services.document_download import attachment_disposition
from assessments.services.live import publish
from integrations.errors import Conflict, IntegrationError, NotFound
from integrations.storage import StoredObject, get_document_storage
from integrations.table import get_table
from integrations.table.contract import Condition, Put, SortKey, Update

log = logging.getLogger(__name__)

LIVE_KIND = "export"  # the websocket message kind the exports panel listens for
LIST_LIMIT = 50
STORE_DOWN = "The document store is not answering, so the file could not be stored. Export again in a moment."
NO_SUCH_EXPORT = "No such export."
NOT_READY = "This export is not ready yet."


async def _readable(actor: Actor, assessment_id: str) -> AssessmentRecord:
    """META by one GetItem, for someone who may read it (else a 404, like a missing one)."""
    if not is_assessment_id(assessment_id):
        raise NotFoundError("No such assessment.")
    with table_errors_as_domain():
        item = await get_table().get(keys.assessment_pk(assessment_id), keys.META)
    if item is None:
        raise NotFoundError("No such assessment.")
    record = AssessmentRecord.from_item(item)
    policy.ensure_can_read(actor, record)
    return record


async def _enqueue(assessment_id: str, export_id: str) -> None:
    from assessments.tasks import export_render_task

    await export_render_task.aenqueue(assessment_id, export_id)


def _live(record: ExportRecord) -> dict[str, object]:
    return {
        "export_id": record.id,
        "format": record.format,
        "status": record.status.value,
        "label": record.status.label,
        "error": record.error,
    }


async def export_request(*, actor: Actor, assessment_id: str, export_format: str) -> ExportRecord:
    """A pending export of ``export_format`` (pdf, docx, xlsx, json), queued for rendering."""
    if export_format not in FORMATS:
        raise ValidationFailed(
            "Choose a format to export: PDF, DOCX, XLSX or JSON.",
            extra={"fields": {"format": f"One of {', '.join(FORMATS)}."}},
        )
    assessment = await _readable(actor, assessment_id)
    at = now_iso()
    record = ExportRecord(
        assessment_id=assessment.id,
        format=export_format,
        status=ExportStatus.PENDING,
        created_at=at,
        updated_at=at,
        requested_by=actor.username,
        requested_by_id=actor.user_id,
        version=1,
        draft=assessment.state.value not in ("finalized", "rejected"),
    )
    event = event_put(
        assessment_id=assessment.id,
        event_type="export_requested",
        actor=actor,
        after={"export_id": record.id, "format": export_format, "state": assessment.state.value},
        at=at,
    )
    try:
        with table_errors_as_domain():
            await get_table().transact([Put(record.to_item(), Condition.absent()), event])
    except Conflict as exc:  # the same format asked for in the same microsecond
        raise ConflictError("That export was just asked for; see the list of exports.") from exc
    await _enqueue(assessment.id, record.id)
    await publish(assessment.id, LIVE_KIND, **_live(record))
    return record


async def exports_list(*, actor: Actor, assessment_id: str) -> list[ExportRecord]:
    """The assessment's latest exports, newest first: a GetItem (access) and one Query."""
    await _readable(actor, assessment_id)
    with table_errors_as_domain():
        page = await get_table().query(
            partition=keys.assessment_pk(assessment_id),
            sort=SortKey.begins_with(EXPORT_PREFIX),
            forward=False,
            limit=LIST_LIMIT,
        )
    return [ExportRecord.from_item(item) for item in page.items]


async def _move(record: ExportRecord, status: ExportStatus, **changes: object) -> ExportRecord:
    moved = record.moved(status, now_iso(), **changes)
    fields = {k: v for k, v in moved.to_item().items() if k not in ("pk", "sk", "version")}
    await get_table().transact(
        [
            Update(
                keys.assessment_pk(record.assessment_id),
                record.sk,
                set=fields,
                add={"version": 1},
                condition=Condition.version_is(record.version),
            )
        ]
    )
    await publish(record.assessment_id, LIVE_KIND, **_live(moved))
    return moved


async def _content_bytes(record: ExportRecord) -> bytes:
    collection = await assessment_collection(assessment_id=record.assessment_id)
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    page = build_review_page(
        actor=SYSTEM_ACTOR,
        collection=collection,
        questionnaire=questionnaire,
        rounds=[],
        timeline=[],
        today=date.today(),
    )
    content = build_content(page, exported_at=record.created_at, exported_by=record.requested_by)
    budget = TaskBudget.from_settings()
    try:
        # The layout is CPU-bound: a child process renders it, a worker thread waits for it.
        return await asyncio.to_thread(run_within_budget, render, content, record.format, budget=budget)
    except BudgetExceeded:
        raise _Failed(
            f"Rendering the report took more than {budget.seconds:g} s or {budget.memory_mb:,} MB, "
            "the limit for one export."
        ) from None


class _Failed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def export_run(*, assessment_id: str, export_id: str) -> ExportStatus | None:
    """Render and store one export (the task). None when there is no such export."""
    sk = sk_of_export_id(export_id)
    if sk is None or not is_assessment_id(assessment_id):
        return None
    item = await get_table().get(keys.assessment_pk(assessment_id), sk)
    if item is None:
        return None
    record = ExportRecord.from_item(item)
    if record.status.finished:
        return record.status
    try:
        record = await _move(record, ExportStatus.RUNNING)
    except Conflict:
        return None  # another run moved it meanwhile
    spec = FORMATS[record.format]
    key = export_storage_key(record.assessment_id, record.id, spec.extension)
    try:
        data = await _content_bytes(record)
        try:
            await get_document_storage().put(key, data, spec.content_type)
        except IntegrationError as exc:
            log.warning("storing export %s of %s failed: %s", record.id, assessment_id, exc)
            raise _Failed(STORE_DOWN) from None
    except _Failed as failed:
        await _move(record, ExportStatus.FAILED, error=failed.reason)
        return ExportStatus.FAILED
    except (NotFoundError, ServiceUnavailable) as exc:
        await _move(record, ExportStatus.FAILED, error=f"The assessment could not be read: {exc}")
        return ExportStatus.FAILED
    except Exception:  # a renderer's bug: fail the export with a reason, never leave it running
        log.exception("rendering export %s of %s failed unexpectedly", record.id, assessment_id)
        await _move(
            record,
            ExportStatus.FAILED,
            error="The report could not be rendered (an unexpected error, now logged for the team).",
        )
        return ExportStatus.FAILED
    await _move(record, ExportStatus.READY, storage_key=key, size=len(data))
    return ExportStatus.READY


@dataclass(frozen=True)
class ExportDownload:
    """What ``download_response`` sends: the same shape as a document's download."""

    export: ExportRecord
    filename: str
    content_type: str
    size: int
    chunks: AsyncIterator[bytes]

    @property
    def content_disposition(self) -> str:
        return attachment_disposition(self.filename)


async def export_get(*, actor: Actor, assessment_id: str, export_id: str) -> ExportRecord:
    await _readable(actor, assessment_id)
    sk = sk_of_export_id(export_id)
    if sk is None:
        raise NotFoundError(NO_SUCH_EXPORT)
    with table_errors_as_domain():
        item = await get_table().get(keys.assessment_pk(assessment_id), sk)
    if item is None:
        raise NotFoundError(NO_SUCH_EXPORT)
    return ExportRecord.from_item(item)


async def export_download(*, actor: Actor, assessment_id: str, export_id: str) -> ExportDownload:
    """A ready export's file as a stream, for whoever may read the assessment (audited)."""
    record = await export_get(actor=actor, assessment_id=assessment_id, export_id=export_id)
    if record.status is not ExportStatus.READY:
        raise ConflictError(
            NOT_READY if not record.status.finished else f"This export failed: {record.error}"
        )
    try:
        stored = await get_document_storage().open(record.storage_key)
    except NotFound:
        log.error("export %s of %s has no stored object at %s", record.id, assessment_id, record.storage_key)
        raise NotFoundError("This export's file is no longer stored; export again.") from None
    except IntegrationError as exc:
        raise ServiceUnavailable(
            "The document store is not answering right now, so the file cannot be downloaded; please try again."
        ) from exc
    try:
        with table_errors_as_domain():
            event = event_put(
                assessment_id=assessment_id,
                event_type="export_downloaded",
                actor=actor,
                after={"export_id": record.id, "format": record.format},
            )
            await get_table().put(event.item, condition=event.condition)
    except BaseException:
        await stored.close()
        raise
    spec = FORMATS[record.format]
    draft = "-DRAFT" if record.draft else ""
    return ExportDownload(
        export=record,
        filename=f"{assessment_id}{draft}-{record.created_at[:10]}.{spec.extension}",
        content_type=spec.content_type,
        size=stored.size or record.size,
        chunks=_stream(stored),
    )


async def _stream(stored: StoredObject) -> AsyncIterator[bytes]:
    try:
        async for chunk in stored.chunks():
            yield chunk
    except IntegrationError as exc:
        log.warning("an export download broke off: %s", exc)
    finally:
        await stored.close()
