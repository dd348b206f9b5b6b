"""A document download as an HTTP response, for the page and the API alike."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from django.http import StreamingHttpResponse


class Download(Protocol):
    """What a download needs to be sent: a document's (services/document_download.py) or an
    export's (services/exports.py)."""

    # Read-only, so frozen dataclasses satisfy it.
    @property
    def content_type(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def chunks(self) -> AsyncIterator[bytes]: ...
    @property
    def content_disposition(self) -> str: ...


def download_response(download: Download) -> StreamingHttpResponse:
    """The bytes streamed as they are read (an async iterator: under ASGI a sync one would be
    read whole into memory first), sent as an attachment that no browser renders or sniffs."""
    response = StreamingHttpResponse(download.chunks, content_type=download.content_type)
    response["Content-Length"] = str(download.size)
    response["Content-Disposition"] = download.content_disposition
    response["X-Content-Type-Options"] = "nosniff"
    # Evidence may be confidential: no shared cache keeps a copy, and the browser keeps none.
    response["Cache-Control"] = "private, no-store"
    return response
