"""Object storage for uploaded documents and generated exports: S3, or a local directory.

Keys are always built by the server (``document_key``), never from a user's file name, and
each backend either stores the bytes or raises: there is no fallback from S3 to disk.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import aiohttp
import botocore.exceptions

from integrations.clients import get_client
from integrations.errors import IntegrationError, NotFound, Unavailable, translate_aws_errors
from integrations.instrumentation import record

SERVICE = "s3"

# Our IDs (TRA-2025-1A2B3C, hex/uuid document ids) fit this; anything else is refused
# rather than escaped, so a key can never gain a "/" or ".." from an ID.
_ID_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")


class InvalidKey(IntegrationError):
    """A storage key that is malformed or would leave the storage root."""


def safe_segment(value: str, *, what: str) -> str:
    if not _ID_SEGMENT.fullmatch(value):
        raise InvalidKey(f"{what} {value!r} is not a valid key segment")
    return value


def document_key(assessment_id: str, document_id: str) -> str:
    """The storage key of an uploaded document: ``documents/<assessment_id>/<document_id>``."""
    return (
        f"documents/{safe_segment(assessment_id, what='assessment id')}"
        f"/{safe_segment(document_id, what='document id')}"
    )


# What ``put`` stores: bytes, or a seekable binary file object read from its start in chunks
# (an upload spooled to disk is never read into memory whole).
Source = bytes | BinaryIO
_COPY_CHUNK = 1024 * 1024
# What ``open`` reads at a time: big enough to keep the per-chunk overhead small, small enough
# that a 20 MB download holds a fraction of it in memory at once.
READ_CHUNK = 256 * 1024


class StoredObject:
    """One stored object opened for reading: its size, then its bytes chunk by chunk.

    ``open`` has already found the object (``NotFound`` is raised there, before any byte is
    sent, so a caller can still answer 404); ``chunks`` reads it and closes it at the end,
    also when the consumer stops early. A failure while reading raises ``Unavailable``.
    """

    def __init__(
        self,
        size: int,
        read: Callable[[int], Awaitable[bytes]],
        close: Callable[[], Awaitable[None]],
        *,
        chunk_size: int = READ_CHUNK,
    ) -> None:
        self.size = size
        self._read = read
        self._close = close
        self._chunk_size = chunk_size

    async def chunks(self) -> AsyncIterator[bytes]:
        try:
            while chunk := await self._read(self._chunk_size):
                yield chunk
        finally:
            await self.close()

    async def close(self) -> None:
        close, self._close = self._close, _nothing_to_close
        await close()


async def _nothing_to_close() -> None:
    return None


class DocumentStorage(Protocol):
    async def put(self, key: str, data: Source, content_type: str, *, sha256: str | None = None) -> None:
        """Store ``data`` under ``key``; ``sha256`` (hex), when known, saves hashing it again."""

    async def get(self, key: str) -> bytes:
        """The stored bytes; ``NotFound`` when there is no such object."""

    async def open(self, key: str) -> StoredObject:
        """The object opened for reading in chunks (downloads); ``NotFound`` when there is none."""

    async def delete(self, key: str) -> None:
        """Remove the object; deleting a missing object is not an error (as in S3)."""


# --- a directory on disk (local mode) -------------------------------------------------------


class LocalDirectoryStorage:
    """Objects as files under ``root``. Writes are atomic: a reader sees old or new bytes."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root).resolve()

    def _path(self, key: str) -> Path:
        if not key or key.startswith("/") or "\\" in key or "\x00" in key:
            raise InvalidKey(f"invalid storage key {key!r}")
        path = (self.root / key).resolve()
        # resolve() follows "..", and symlinks, so this also refuses a link pointing outside.
        if path == self.root or not path.is_relative_to(self.root):
            raise InvalidKey(f"storage key {key!r} escapes the storage root")
        return path

    def _write(self, path: Path, data: Source) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The temporary file lives in the target directory so the rename is atomic.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                if isinstance(data, bytes):
                    handle.write(data)
                else:
                    data.seek(0)
                    shutil.copyfileobj(data, handle, _COPY_CHUNK)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        # Persist the directory entry too, or a crash could forget the rename.
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    async def put(self, key: str, data: Source, content_type: str, *, sha256: str | None = None) -> None:
        # content_type only matters to HTTP clients of S3; files are served by our views.
        path = self._path(key)
        record(SERVICE, "PutObject")
        try:
            await asyncio.to_thread(self._write, path, data)
        except OSError as exc:
            raise Unavailable(f"PutObject: {key}: {exc}") from exc

    async def get(self, key: str) -> bytes:
        path = self._path(key)
        record(SERVICE, "GetObject")
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError as exc:
            raise NotFound(f"GetObject: {key}") from exc
        except OSError as exc:
            raise Unavailable(f"GetObject: {key}: {exc}") from exc

    async def open(self, key: str) -> StoredObject:
        path = self._path(key)
        record(SERVICE, "GetObject")
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError as exc:
            raise NotFound(f"GetObject: {key}") from exc
        except OSError as exc:
            raise Unavailable(f"GetObject: {key}: {exc}") from exc

        async def read(size: int) -> bytes:
            # Disk reads happen in a worker thread: a slow disk must not hold the event loop.
            try:
                return await asyncio.to_thread(handle.read, size)
            except OSError as exc:
                raise Unavailable(f"GetObject: {key}: reading failed: {exc}") from exc

        async def close() -> None:
            handle.close()

        return StoredObject(os.fstat(handle.fileno()).st_size, read, close)

    async def delete(self, key: str) -> None:
        path = self._path(key)
        record(SERVICE, "DeleteObject")
        try:
            await asyncio.to_thread(path.unlink, missing_ok=True)
        except OSError as exc:
            raise Unavailable(f"DeleteObject: {key}: {exc}") from exc


# --- Amazon S3 ----------------------------------------------------------------------------------


@contextlib.contextmanager
def _translate_s3_errors(operation: str, key: str) -> Iterator[None]:
    try:
        with translate_aws_errors(f"{operation} {key}"):
            yield
    except NotFound as exc:
        # A missing bucket is a deployment fault, not a missing document: it must not turn
        # into a 404 for the user, nor ever into a silent success.
        cause_response = getattr(exc.__cause__, "response", None) or {}
        if cause_response.get("Error", {}).get("Code") == "NoSuchBucket":
            raise Unavailable(str(exc)) from exc
        raise


class S3DocumentStorage:
    def __init__(self, *, bucket: str, endpoint_url: str | None = None, region: str | None = None) -> None:
        self.bucket = bucket
        self.endpoint_url = endpoint_url
        self.region = region

    async def _client(self) -> Any:
        return await get_client(SERVICE, endpoint_url=self.endpoint_url, region=self.region)

    async def put(self, key: str, data: Source, content_type: str, *, sha256: str | None = None) -> None:
        client = await self._client()
        if isinstance(data, bytes):
            body: Source = data
            md5 = base64.b64encode(hashlib.md5(data).digest()).decode()  # noqa: S324
            digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
            length = len(data)
        else:
            body = data if isinstance(data, io.IOBase) else _Stream(data)
            md5, digest, length = await asyncio.to_thread(_digests, data)
        if sha256 is not None and base64.b64decode(digest).hex() != sha256:
            # The stream changed since it was hashed: storing it would record a wrong hash.
            raise IntegrationError(f"PutObject {key}: the content changed while it was being stored")
        record(SERVICE, "PutObject")
        with _translate_s3_errors("PutObject", key):
            # Reference: PutObject (Amazon S3 API Reference). S3 checks both digests, so a
            # corrupted upload is refused instead of stored; naming the algorithm makes S3 keep
            # the SHA-256 with the object (GetObjectAttributes), next to our own record of it.
            # A file object is sent in chunks from where it lies (a spooled upload on disk).
            await client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=body,
                ContentLength=length,
                ContentType=content_type,
                ContentMD5=md5,
                ChecksumAlgorithm="SHA256",
                ChecksumSHA256=digest,
                ServerSideEncryption="AES256",
            )

    async def get(self, key: str) -> bytes:
        client = await self._client()
        record(SERVICE, "GetObject")
        with _translate_s3_errors("GetObject", key):
            response = await client.get_object(Bucket=self.bucket, Key=key)
            try:
                async with response["Body"] as body:
                    return await body.read()
            except (aiohttp.ClientError, TimeoutError) as exc:
                # The body is read after botocore returned, so its errors are aiohttp's.
                raise Unavailable(f"GetObject {key}: reading the body failed: {exc}") from exc

    async def open(self, key: str) -> StoredObject:
        client = await self._client()
        record(SERVICE, "GetObject")
        with _translate_s3_errors("GetObject", key):
            response = await client.get_object(Bucket=self.bucket, Key=key)
        body = response["Body"]

        async def read(size: int) -> bytes:
            try:
                return await body.read(size)
            except (aiohttp.ClientError, TimeoutError, botocore.exceptions.BotoCoreError) as exc:
                # The body is read after botocore returned, so its errors are the HTTP client's.
                raise Unavailable(f"GetObject {key}: reading the body failed: {exc}") from exc

        async def close() -> None:
            # Releases the connection to the pool (or drops it when the body was left unread).
            await body.__aexit__(None, None, None)

        return StoredObject(int(response.get("ContentLength", 0)), read, close)

    async def delete(self, key: str) -> None:
        client = await self._client()
        record(SERVICE, "DeleteObject")
        with _translate_s3_errors("DeleteObject", key):
            await client.delete_object(Bucket=self.bucket, Key=key)


class _Stream(io.RawIOBase):
    """A file-like object (Django's ``UploadedFile``, a temporary file wrapper) as the
    ``io.IOBase`` the HTTP client streams from; reads, seeks and tells go to the source."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._source.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._source.seek(offset, whence)
        return self._source.tell()

    def tell(self) -> int:
        return self._source.tell()


def _digests(source: BinaryIO) -> tuple[str, str, int]:
    """Base64 MD5 and SHA-256 of a stream and its length, read in chunks; leaves it at 0."""
    md5, sha256, length = hashlib.md5(), hashlib.sha256(), 0  # noqa: S324
    source.seek(0)
    while chunk := source.read(_COPY_CHUNK):
        md5.update(chunk)
        sha256.update(chunk)
        length += len(chunk)
    source.seek(0)
    return base64.b64encode(md5.digest()).decode(), base64.b64encode(sha256.digest()).decode(), length


def get_document_storage() -> DocumentStorage:
    from django.conf import settings

    if settings.TRA_DOCUMENT_STORE == "s3":
        return S3DocumentStorage(
            bucket=settings.TRA_S3_BUCKET,
            endpoint_url=settings.TRA_S3_ENDPOINT_URL,
            region=settings.AWS_REGION,
        )
    return LocalDirectoryStorage(settings.TRA_DOCUMENT_DIR)
