"""A document download as an HTTP response, for the page and the API alike."""

from __future__ import annotations

from django.http import StreamingHttpResponse

from assessments.services.document_download import DocumentDownload


def download_response(download: DocumentDownload) -> StreamingHttpResponse:
    """The bytes streamed as they are read (an async iterator: under ASGI a sync one would be
    read whole into memory first), sent as an attachment that no browser renders or sniffs."""
    response = StreamingHttpResponse(download.chunks, content_type=download.content_type)
    response["Content-Length"] = str(download.size)
    response["Content-Disposition"] = download.content_disposition
    response["X-Content-Type-Options"] = "nosniff"
    # Evidence may be confidential: no shared cache keeps a copy, and the browser keeps none.
    response["Cache-Control"] = "private, no-store"
    return response
