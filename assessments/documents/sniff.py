"""Tell what an uploaded document is from its bytes, not from what its name claims.

The name only breaks ties between text formats (CSV, Markdown, plain text). A binary format is
recognised by its content whatever it is called (a PDF named ``.txt`` is read as a PDF), and
anything we cannot read safely is refused with a message a requestor can act on.
"""

from __future__ import annotations

import csv
import io
import zipfile
from enum import StrEnum
from pathlib import PurePath

# Office Open XML files are zip archives; one that inflates far beyond its upload size is a
# zip bomb, not a project brief.
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024

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


def detect_kind(data: bytes, filename: str, *, max_bytes: int | None = None) -> DocumentKind:
    """Return the kind of ``data``; raise ``UnsupportedDocument`` when it cannot be accepted."""
    name = PurePath(filename or "").name or "the file"
    extension = PurePath(name).suffix.lower()
    if not data:
        raise UnsupportedDocument(f"{name} is empty.")
    if max_bytes is not None and len(data) > max_bytes:
        raise UnsupportedDocument(
            f"{name} is {human_size(len(data))}; the largest accepted upload is {human_size(max_bytes)}."
        )
    # The PDF specification lets readers accept a header within the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return DocumentKind.PDF
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnsupportedDocument(
            f"{name} is a legacy Office file (.doc/.xls) or a password-protected Office document. "
            "Remove any password and save it as .docx or .xlsx, then upload it again."
        )
    for magic, what in _KNOWN_BINARIES:
        if data.startswith(magic):
            raise UnsupportedDocument(f"{name} is {what}, not a document. Accepted: {ACCEPTED_FORMATS}.")
    text = _as_text(data)
    if text is None:
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
    if not text.strip():
        raise UnsupportedDocument(f"{name} contains no text.")
    if extension in _MARKDOWN_EXTENSIONS:
        return DocumentKind.MD
    if extension == ".csv" and _looks_like_csv(text):
        return DocumentKind.CSV
    # A ".csv" whose rows do not parse as delimited values is still readable line by line.
    return DocumentKind.TXT


def decode_text(data: bytes) -> str:
    """UTF-8 text of a text document, without a byte-order mark and with ``\\n`` line ends."""
    text = data.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _office_kind(data: bytes, name: str) -> DocumentKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
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


def _as_text(data: bytes) -> str | None:
    if b"\x00" in data:
        return None
    try:
        text = decode_text(data)
    except UnicodeDecodeError:
        return None
    # Valid UTF-8 can still be binary junk; real text has almost no control characters.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\f\v")
    if controls > max(2, len(text) // 200):
        return None
    return text


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
