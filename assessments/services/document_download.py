"""Downloading an assessment's document: authorised like the assessment, streamed, audited.

Who may download is who may read the assessment (its owner and every reviewer; anyone else
is told there is no such assessment). Any document the assessment lists may be downloaded,
whatever its processing status: the bytes are stored from the moment the item exists (a
failed document is still the file the requestor gave), and a removed document has no item,
so it is "No such document".

Each download leaves a ``document_downloaded`` event in the audit trail (one Put, no
transaction: nothing else changes), so the record shows which evidence a reviewer opened.
It is written before the first byte: a store that cannot record the read refuses it (503).
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from assessments.domain.documents import DocumentRecord
from assessments.domain.records import Actor
from assessments.errors import NotFoundError, ServiceUnavailable
from assessments.selectors.assessments import assessment_for_actor
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from assessments.services.documents import CONTENT_TYPES
from integrations.errors import IntegrationError, NotFound
from integrations.storage import StoredObject, get_document_storage
from integrations.table import get_table

log = logging.getLogger(__name__)

STORE_DOWN = (
    "The document store is not answering right now, so the file cannot be downloaded; please try again."
)
BYTES_MISSING = "This document's file is no longer stored."
NO_SUCH_DOCUMENT = "No such document."
# What a file of an unknown kind is sent as (never a type a browser would render).
OPAQUE = "application/octet-stream"


@dataclass(frozen=True)
class DocumentDownload:
    document: DocumentRecord
    content_type: str
    size: int
    chunks: AsyncIterator[bytes]  # the stored bytes, read as they are sent; closes at the end

    @property
    def content_disposition(self) -> str:
        return attachment_disposition(self.document.name)


async def document_download(*, actor: Actor, assessment_id: str, document_id: str) -> DocumentDownload:
    """The document's bytes as a stream, for the owner or a reviewer.

    Raises NotFoundError (another user's assessment, no such document, or its bytes are gone)
    and ServiceUnavailable (the table or the document store is not answering) before the
    first byte; a failure while streaming ends the stream early (logged).
    """
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    document = collection.document(document_id)
    if document is None:
        raise NotFoundError(NO_SUCH_DOCUMENT)
    return await audited_download(
        document,
        actor=actor,
        event_type="document_downloaded",
        after={"document_id": document.id, "name": document.name, "sha256": document.sha256},
    )


async def audited_download(
    document: DocumentRecord, *, actor: Actor, event_type: str, after: dict[str, Any]
) -> DocumentDownload:
    """Open ``document``'s bytes, record the read (``event_type``) and return the stream: the one
    path of every download (a reviewer's, a requestor's, a guest's), after the caller decided
    that this reader may have this document."""
    try:
        stored = await get_document_storage().open(document.storage_key)
    except NotFound:
        # The item is there but its object is not: a clean-up raced the read, or a fault.
        log.error(
            "document %s of %s has no stored object at %s",
            document.id,
            document.assessment_id,
            document.storage_key,
        )
        raise NotFoundError(BYTES_MISSING) from None
    except IntegrationError as exc:
        log.warning("opening document %s of %s failed: %s", document.id, document.assessment_id, exc)
        raise ServiceUnavailable(STORE_DOWN) from exc
    try:
        with table_errors_as_domain():
            event = event_put(
                assessment_id=document.assessment_id, event_type=event_type, actor=actor, after=after
            )
            await get_table().put(event.item, condition=event.condition)
    except BaseException:
        await stored.close()
        raise
    return DocumentDownload(
        document=document,
        content_type=CONTENT_TYPES.get(document.kind, OPAQUE),
        size=stored.size or document.size,
        chunks=_logged(stored, document),
    )


async def _logged(stored: StoredObject, document: DocumentRecord) -> AsyncIterator[bytes]:
    # The status line is sent already: all a failure can do now is end the body short (the
    # Content-Length tells the browser the download is incomplete).
    try:
        async for chunk in stored.chunks():
            yield chunk
    except IntegrationError as exc:
        log.warning("download of document %s of %s broke off: %s", document.id, document.assessment_id, exc)
    finally:
        # The browser went away mid-download (the server closes this generator): let go of
        # the file or the S3 connection now, not whenever the generator is collected.
        await stored.close()


def attachment_disposition(name: str) -> str:
    """``Content-Disposition: attachment`` for a user's file name, safe in a header.

    Control characters (a newline would split the header) are dropped; the plain
    ``filename`` is an ASCII stand-in with quotes and backslashes replaced, and
    ``filename*`` (RFC 5987/6266) carries the real name, UTF-8 percent-encoded, for every
    browser that reads it.
    """
    cleaned = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip() or "document"
    fallback = unicodedata.normalize("NFKD", cleaned).encode("ascii", "ignore").decode()
    fallback = "".join("_" if ch in '"\\' else ch for ch in fallback).strip()
    if not fallback.rsplit(".", 1)[0].strip("._ "):
        # Nothing of the name is ASCII (a Chinese or Greek name): keep at least its extension.
        extension = cleaned.rsplit(".", 1)[-1] if "." in cleaned else ""
        fallback = f"document.{extension}" if extension.isascii() and extension.isalnum() else "document"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(cleaned, safe='')}"
