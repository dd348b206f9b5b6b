"""Tell what an uploaded document is from its bytes, not from what its name claims.

The name only breaks ties between text formats (CSV, Markdown, plain text). A binary format is
recognised by its content whatever it is called (a PDF named ``.txt`` is read as a PDF), and
anything we cannot read safely is refused with a message a requestor can act on.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath
from typing import BinaryIO

# Office Open XML files are zip archives; one that inflates far beyond its upload size is a
# zip bomb, not a project brief.
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024

_CHUNK = 1024 * 1024
_HEAD = 4096
_CSV_SAMPLE = 8192
# Control bytes that betray binary data (tab, line ends, form feed and vertical tab are text).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v")
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))

ACCEPTED_FORMATS = "PDF, Word (.docx), Excel (.xlsx), CSV, plain text (.txt) or Markdown (.md)"

_TEXT_EXTENSIONS = {"", ".txt", ".text", ".log", ".md", ".markdown", ".csv"}
_MARKDOWN_EXTENSIONS = {".md", ".markdown"}
# Names that promise a binary format; text content under such a name is a mistake or a trick.
_BINARY_EXTENSIONS = {".pdf", ".docx", ".xlsx", ".doc", ".xls", ".docm", ".xlsm", ".pptx", ".ppt"}

# (magic prefix, what it is) for common files people upload by mistake, so the refusal says why.
_KNOWN_BINARIES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows program (executable)"),
    (b"\x7fELF", "a program (executable)"),
    (b"\xcf\xfa\xed\xfe", "a program (executable)"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"\x1f\x8b", "a compressed archive"),
    (b"7z\xbc\xaf", "a compressed archive"),
    (b"Rar!", "a compressed archive"),
    (b"{\\rtf", "a Rich Text (RTF) file"),
)


class DocumentKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    CSV = "csv"
    TXT = "txt"
    MD = "md"


class UnsupportedDocument(ValueError):
    """The upload is not a document we accept; ``message`` is fit to show the requestor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Inspection:
    """What one pass over an upload found: its kind, size and SHA-256."""

    kind: DocumentKind
    size: int
    sha256: str


def detect_kind(data: bytes, filename: str, *, max_bytes: int | None = None) -> DocumentKind:
    """Return the kind of ``data``; raise ``UnsupportedDocument`` when it cannot be accepted."""
    return inspect_upload(io.BytesIO(data), filename, size=len(data), max_bytes=max_bytes).kind


def inspect_upload(
    source: BinaryIO, filename: str, *, size: int | None = None, max_bytes: int | None = None
) -> Inspection:
    """Size, hash and kind of a seekable binary stream, read once in bounded chunks.

    Every check over the content is a C-level operation on a chunk (hashing, incremental
    UTF-8 decoding, ``bytes.translate`` to count control bytes), so the time is linear in the
    size with a small constant, and memory stays at one chunk whatever the upload's size.
    """
    name = PurePath(filename or "").name or "the file"
    if size is not None and max_bytes is not None and size > max_bytes:
        raise UnsupportedDocument(_too_large(name, size, max_bytes))
    source.seek(0)
    scan = _scan(source, name, max_bytes)
    source.seek(0)
    return Inspection(kind=_kind(source, name, scan), size=scan.size, sha256=scan.sha256)


@dataclass
class _Scan:
    head: bytes = b""
    size: int = 0
    sha256: str = ""
    utf8: bool = True
    nul: bool = False
    controls: int = 0
    continuation_bytes: int = 0
    has_text: bool = False
    text_head: list[str] = field(default_factory=list)
    text_head_chars: int = 0


def _scan(source: BinaryIO, name: str, max_bytes: int | None) -> _Scan:
    scan = _Scan()
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    while chunk := source.read(_CHUNK):
        if not scan.head:
            scan.head = chunk[:_HEAD]
        scan.size += len(chunk)
        if max_bytes is not None and scan.size > max_bytes:
            # The declared size was missing or wrong: stop reading at the limit.
            raise UnsupportedDocument(_too_large(name, scan.size, max_bytes, at_least=True))
        digest.update(chunk)
        if scan.utf8:
            _scan_text(scan, decoder, chunk)
    scan.sha256 = digest.hexdigest()
    if scan.utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            scan.utf8 = False
    return scan


def _too_large(name: str, size: int, max_bytes: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"{name} is {more}{human_size(size)}; the largest accepted upload is {human_size(max_bytes)}."


def _scan_text(scan: _Scan, decoder: codecs.IncrementalDecoder, chunk: bytes) -> None:
    if b"\x00" in chunk:
        scan.nul, scan.utf8 = True, False
        return
    try:
        text = decoder.decode(chunk)
    except UnicodeDecodeError:
        scan.utf8 = False  # not text: stop decoding the rest
        return
    # Control characters are single bytes below 0x20 in UTF-8 (multi-byte sequences use
    # bytes >= 0x80 only), so counting bytes counts characters.
    scan.controls += len(chunk) - len(chunk.translate(None, _CONTROL_BYTES))
    scan.continuation_bytes += len(chunk) - len(chunk.translate(None, _CONTINUATION_BYTES))
    if not scan.has_text and text.strip():
        scan.has_text = True
    if scan.text_head_chars < _CSV_SAMPLE:
        scan.text_head.append(text)
        scan.text_head_chars += len(text)


def _kind(source: BinaryIO, name: str, scan: _Scan) -> DocumentKind:
    extension = PurePath(name).suffix.lower()
    data = scan.head
    if not scan.size:
        raise UnsupportedDocument(f"{name} is empty.")
    # The PDF specification lets readers accept a header within the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return DocumentKind.PDF
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(source, name)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnsupportedDocument(
            f"{name} is a legacy Office file (.doc/.xls) or a password-protected Office document. "
            "Remove any password and save it as .docx or .xlsx, then upload it again."
        )
    for magic, what in _KNOWN_BINARIES:
        if data.startswith(magic):
            raise UnsupportedDocument(f"{name} is {what}, not a document. Accepted: {ACCEPTED_FORMATS}.")
    if not _is_text(scan):
        if extension in _TEXT_EXTENSIONS - {""}:
            raise UnsupportedDocument(
                f"{name} is named like a text file but contains binary data or is not UTF-8 text. "
                "Save it as UTF-8 text and upload it again."
            )
        raise UnsupportedDocument(f"{name} is not a format we can read. Accepted: {ACCEPTED_FORMATS}.")
    if extension in _BINARY_EXTENSIONS:
        raise UnsupportedDocument(
            f"{name} is named {extension} but contains plain text, not a {extension} document. "
            "Upload the original file."
        )
    if extension not in _TEXT_EXTENSIONS:
        raise UnsupportedDocument(f"{extension} files are not accepted. Accepted: {ACCEPTED_FORMATS}.")
    if not scan.has_text:
        raise UnsupportedDocument(f"{name} contains no text.")
    if extension in _MARKDOWN_EXTENSIONS:
        return DocumentKind.MD
    head = "".join(scan.text_head).replace("\r\n", "\n").replace("\r", "\n")
    if extension == ".csv" and _looks_like_csv(head):
        return DocumentKind.CSV
    # A ".csv" whose rows do not parse as delimited values is still readable line by line.
    return DocumentKind.TXT


def _is_text(scan: _Scan) -> bool:
    if scan.nul or not scan.utf8:
        return False
    # Valid UTF-8 can still be binary junk; real text has almost no control characters.
    characters = scan.size - scan.continuation_bytes
    return scan.controls <= max(2, characters // 200)


def decode_text(data: bytes) -> str:
    """UTF-8 text of a text document, without a byte-order mark and with ``\\n`` line ends."""
    text = data.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _office_kind(source: BinaryIO, name: str) -> DocumentKind:
    try:
        with zipfile.ZipFile(source) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnsupportedDocument(f"{name} is a damaged or incomplete archive and cannot be read.") from exc
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        raise UnsupportedDocument(
            f"{name} is a zip archive, not a Word or Excel document. Upload the documents themselves."
        )
    if sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES:
        raise UnsupportedDocument(f"{name} expands to more than we can safely read.")
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        # Macros are never needed to read the text and are a common malware carrier.
        raise UnsupportedDocument(f"{name} contains macros. Save it without macros (.docx or .xlsx).")
    if any(n.startswith("word/") for n in names):
        return DocumentKind.DOCX
    if any(n.startswith("xl/") for n in names):
        return DocumentKind.XLSX
    raise UnsupportedDocument(
        f"{name} is an Office file we do not read (for example PowerPoint). Accepted: {ACCEPTED_FORMATS}."
    )


def _looks_like_csv(text: str) -> bool:
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return False
    return dialect.delimiter in ",;\t|"


def human_size(size: int) -> str:
    # Small limits (a test, a tight deployment) must still read sensibly: "900 bytes", "12 KB".
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
