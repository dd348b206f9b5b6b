"""Turn an accepted document into ordered blocks of text, each with where it came from.

A block is a run of text with one location (a PDF page, a heading's section, a sheet). Its
text is what citations quote, so the chunker and the suggestion engine only ever cut it, never
rewrite it. Lines that a PDF or a hard-wrapped text file broke mid-sentence are joined here,
once, so a sentence reads as one line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from assessments.documents import pdf_tables
from assessments.documents.limits import Budget, ExtractionFailed, ExtractLimits, TooLarge
from assessments.documents.office import clean_line, docx_lines, xlsx_rows
from assessments.documents.sniff import DocumentKind, decode_text
from assessments.documents.tables import CELL_SEPARATOR, TableLines

__all__ = ["Block", "ExtractLimits", "ExtractedText", "ExtractionFailed", "TooLarge", "extract"]


@dataclass(frozen=True)
class Block:
    text: str
    page: int | None = None  # 1-based PDF page
    section: str | None = None  # nearest heading, or the sheet name


@dataclass(frozen=True)
class ExtractedText:
    kind: DocumentKind
    blocks: tuple[Block, ...]
    page_count: int | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)


# What python-docx, openpyxl and the XML parsers under them raise on damaged or truncated
# parts (malformed XML is a SyntaxError subclass in both lxml and ElementTree).
_DAMAGED_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    SyntaxError,
    KeyError,
    ValueError,
    IndexError,
    TypeError,
    AttributeError,
    OSError,
    EOFError,
    RecursionError,
)
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
# Lines that start a new item rather than continue the previous line's sentence.
_LIST_ITEM = re.compile(r"^\s*([-*+•▪◦]|\d{1,3}[.)]|[a-z][.)]|\|)\s")


def extract(data: bytes, kind: DocumentKind | str, limits: ExtractLimits | None = None) -> ExtractedText:
    """Extract the text of ``data``; raise ``ExtractionFailed`` with a reason when impossible,
    ``TooLarge`` (an ``ExtractionFailed``) as soon as the document passes one of ``limits``."""
    kind = DocumentKind(kind)
    budget = Budget(limits or ExtractLimits())
    page_count: int | None = None
    try:
        if kind is DocumentKind.PDF:
            blocks, page_count = _pdf_blocks(data, budget)
        elif kind is DocumentKind.DOCX:
            blocks = list(_docx_blocks(data, budget))
        elif kind is DocumentKind.XLSX:
            blocks = list(_xlsx_blocks(data, budget))
        elif kind is DocumentKind.CSV:
            blocks = list(_csv_blocks(_decode(data, budget), budget))
        else:
            blocks = list(_text_blocks(_decode(data, budget)))
    except ExtractionFailed:
        raise
    except _DAMAGED_ERRORS as exc:
        raise ExtractionFailed(f"The {kind.value.upper()} file is damaged and could not be read.") from exc
    blocks = [block for block in blocks if block.text.strip()]
    if not blocks:
        hint = " It may be a scan; upload a version with selectable text." if kind is DocumentKind.PDF else ""
        raise ExtractionFailed(f"The document contains no extractable text.{hint}")
    return ExtractedText(kind=kind, blocks=tuple(blocks), page_count=page_count)


def _decode(data: bytes, budget: Budget) -> str:
    # A UTF-8 character is at least one byte: a file within the limit in bytes is within it
    # in characters, and one over it is decoded only to be counted exactly.
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        raise ExtractionFailed("The text file is not valid UTF-8.") from exc
    budget.add_text(text)
    return text


# --- PDF ------------------------------------------------------------------------------------


def _pdf_blocks(data: bytes, budget: Budget) -> tuple[list[Block], int]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _unlock_without_password(reader):
            raise ExtractionFailed("The PDF is password-protected. Upload a copy without a password.")
        # The page tree's own count first: refusing a 100,000-page file must not walk it.
        budget.check_pages(_declared_page_count(reader))
        budget.check_pages(len(reader.pages))
        pages: list[list[str]] = []
        for page in reader.pages:
            text = page.extract_text() or ""
            budget.add_text(text)
            pages.append(text.split("\n"))
    except (PdfReadError, PyPdfError) as exc:
        raise ExtractionFailed("The PDF is damaged and could not be read.") from exc
    for index, lines in pdf_tables.table_pages(data, budget).items():
        pages[index] = lines
    pages = _join_split_sentences(_without_running_lines(pages))
    blocks = [
        Block(text=text, page=number)
        for number, lines in enumerate(pages, 1)
        if (text := _reflow("\n".join(lines)))
    ]
    return blocks, len(pages)


def _declared_page_count(reader: object) -> int:
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]  # type: ignore[attr-defined]
    except (KeyError, TypeError, AttributeError):
        return 0
    return int(count) if isinstance(count, int) else 0


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers and footers: edge lines that recur on most pages (page numbers aside)."""
    if len(pages) < 2:
        return pages

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()).lower())

    counts: dict[str, int] = {}
    for lines in pages:
        edges = [line for line in lines if line.strip()]
        for line in {key(line) for line in edges[:2] + edges[-2:]}:
            counts[line] = counts.get(line, 0) + 1
    running = {line for line, n in counts.items() if line and n >= max(2, 0.6 * len(pages))}
    result = []
    for lines in pages:
        edges = [i for i, line in enumerate(lines) if line.strip()]
        drop = {i for i in edges[:2] + edges[-2:] if key(lines[i]) in running}
        result.append([line for i, line in enumerate(lines) if i not in drop])
    return result


def _join_split_sentences(pages: list[list[str]]) -> list[list[str]]:
    """Move the end of a sentence that runs over a page break back to the page it starts on,
    so it can be quoted whole; its page is then the one where it starts."""
    pages = [list(lines) for lines in pages]
    for number in range(len(pages) - 1):
        here, following = pages[number], pages[number + 1]
        last = next((i for i in range(len(here) - 1, -1, -1) if here[i].strip()), None)
        first = next((i for i, line in enumerate(following) if line.strip()), None)
        if last is None or first is None:
            continue
        tail, head = here[last].rstrip(), following[first].strip()
        if tail.endswith((".", "!", "?", ":", ";")) or not head[:1].islower():
            continue
        end = re.search(r"[.!?](?=\s|$)", head)
        cut = end.end() if end else len(head)
        here[last] = tail + " " + head[:cut]
        following[first] = head[cut:].strip()
    return pages


def _unlock_without_password(reader: object) -> bool:
    # Many PDFs are "encrypted" only to restrict printing: the empty user password opens them.
    from pypdf.errors import PyPdfError

    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except (PyPdfError, NotImplementedError, ValueError):
        return False


# --- DOCX -----------------------------------------------------------------------------------


def _docx_blocks(data: bytes, budget: Budget) -> Iterator[Block]:
    section: str | None = None
    lines: list[str] = []
    for text, heading in docx_lines(data, budget):
        if heading:
            if lines:
                yield Block(text="\n".join(lines), section=section)
                lines = []
            section = text
        else:
            lines.append(text)
    if lines:
        yield Block(text="\n".join(lines), section=section)


# --- XLSX and CSV ---------------------------------------------------------------------------


def _xlsx_blocks(data: bytes, budget: Budget) -> Iterator[Block]:
    for title, rows in xlsx_rows(data, budget, _cell_text):
        if rows:
            yield Block(text="\n".join(rows), section=title)


def _csv_blocks(text: str, budget: Budget) -> Iterator[Block]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[str] = []
    table = TableLines(budget)
    for row in csv.reader(io.StringIO(text), dialect):
        budget.add_cells(len(row))
        if line := table.add([_cell_text(value) for value in row]):
            rows.append(line)
    body = "\n".join(rows)
    if body:
        yield Block(text=body)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


# --- plain text and Markdown ----------------------------------------------------------------


def _text_blocks(text: str) -> Iterator[Block]:
    section: str | None = None
    lines: list[str] = []
    source = text.split("\n")
    index = 0
    while index < len(source):
        line = source[index]
        following = source[index + 1] if index + 1 < len(source) else ""
        heading: str | None = None
        if match := _MARKDOWN_HEADING.match(line):
            heading = match.group(2)
            index += 1
        elif (
            line.strip()
            and not _LIST_ITEM.match(line)
            and _SETEXT_UNDERLINE.match(following)
            and (following.strip().startswith("=") or len(following.strip()) >= 3)
        ):
            heading = line.strip()
            index += 2
        if heading is None:
            lines.append(line)
            index += 1
            continue
        body = _reflow("\n".join(lines))
        if body:
            yield Block(text=body, section=section)
        lines = []
        section = heading or section
    body = _reflow("\n".join(lines))
    if body:
        yield Block(text=body, section=section)


# --- shared ---------------------------------------------------------------------------------


def _reflow(text: str) -> str:
    """Join wrapped lines into one line per paragraph; keep list items and paragraph breaks.

    A line that falls well short of the text's usual line length ends its paragraph when it
    closes a sentence or the next line starts a new one (that is how PDF paragraphs, headings
    and table cells come out of pypdf); a blank line always does.
    """
    raw_lines = text.split("\n")
    lines = [clean_line(raw) for raw in raw_lines]
    # Table rows are one line each however long: the prose's own line length is the measure.
    width = max((len(line) for line in lines if CELL_SEPARATOR not in line), default=0)
    paragraphs: list[str] = []
    # The paragraph being built, as parts joined once at its end: appending to one growing
    # string would copy it for every line of a long paragraph.
    current: list[str] = []
    previous = ""
    for raw, line in zip(raw_lines, lines, strict=True):
        if not line:
            if current:
                paragraphs.append("".join(current))
                current = []
            continue
        if not current:
            current = [line]
        elif _LIST_ITEM.match(raw) or _ends_paragraph(previous, line, width):
            paragraphs.append("".join(current))
            current = [line]
        elif previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha():
            current.append(line)  # a word hyphenated at the line end, or a compound like "third-party"
        else:
            current.extend((" ", line))
        previous = line
    if current:
        paragraphs.append("".join(current))
    return "\n".join(paragraphs)


def _ends_paragraph(line: str, following: str, width: int) -> bool:
    # Table rows and "Key: value" lines from forms stand alone.
    if CELL_SEPARATOR in line or CELL_SEPARATOR in following or line.endswith(":"):
        return True
    if len(line) >= 0.8 * width:
        return False
    return line.endswith((".", "!", "?", ":", ";")) or following[:1].isupper() or following[:1].isdigit()
