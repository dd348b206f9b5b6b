"""Streaming readers for Word (.docx) and Excel (.xlsx) files.

Both formats are zip archives of XML. The archive's declared sizes are checked against the
budget before anything is inflated, and the XML is parsed as a stream: a Word document is read
with ``lxml.etree.iterparse`` (python-docx would build the whole tree, about ten times the
XML's size, before the first paragraph could be counted), a workbook with openpyxl's read-only
mode. Each paragraph, cell and character is counted as it arrives, so a bomb stops at the
first limit it passes instead of after it has been read whole.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from assessments.documents.limits import BoundedReader, Budget
from assessments.documents.tables import TableLines, plain_row

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_P, _TBL, _TR, _TC, _SDT = (f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt")
_TEXT_TAGS = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def clean_line(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()) if text else ""


# --- DOCX -----------------------------------------------------------------------------------


def docx_lines(data: bytes, budget: Budget) -> Iterator[tuple[str, bool]]:
    """(line, is_heading) for each body paragraph and table row of a Word document, in order."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        budget.check_unpacked(archive)
        headings = _heading_style_ids(archive, budget)
        with archive.open(_main_part(archive)) as raw:
            reader = BoundedReader(raw, budget)
            # resolve_entities/no_network: a document is data; it never loads anything.
            events = etree.iterparse(
                reader,
                events=("start", "end"),
                tag=(_P, _TBL, _TR, _TC, _SDT),
                resolve_entities=False,
                no_network=True,
                huge_tree=False,
            )
            yield from _docx_events(events, headings, budget)


def _docx_events(events: Any, headings: set[str], budget: Budget) -> Iterator[tuple[str, bool]]:
    # Until a paragraph in a heading style is seen, short bold or numbered paragraphs are the
    # document's headings (many documents are formatted by hand, with no heading styles).
    styled_headings = False
    cells: list[list[str]] = []  # the open cells' paragraphs, innermost last
    # The open rows' finished cells, innermost last, by grid column ("" for an empty one), so
    # each cell of a body-level table meets its column's header.
    rows: list[list[str]] = []
    # One per open table: a body-level table's rows are labelled with its header row; a table
    # nested in a cell (None) reads as plain rows of that cell, as it always has.
    tables: list[TableLines | None] = []
    content_controls = 0
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == _TBL:
                tables.append(None if cells else TableLines(budget))
            elif tag == _TR:
                rows.append([])
            elif tag == _TC:
                cells.append([])
                budget.add_cells(1)
            elif tag == _SDT:
                content_controls += 1
            continue
        if tag == _P:
            budget.add_paragraph()
            text = clean_line(_paragraph_text(element))
            budget.add_text(text)
            if text and cells:
                cells[-1].append(text)
            elif text and not tables and not content_controls:
                # Like python-docx's body content, content controls (a table of contents) are skipped.
                styled = _style_of(element) in headings
                styled_headings = styled_headings or styled
                yield text, styled or (not styled_headings and looks_like_heading(element, text))
        elif tag == _TC and cells:
            text = " ".join(cells.pop())
            if rows:
                # A cell merged across columns fills them all; its text is quoted once.
                rows[-1].extend([text] + [""] * (_grid_count(element, f"{_W}tcPr/{_W}gridSpan", 1) - 1))
            element.clear()
        elif tag == _TR and rows:
            row_cells = [""] * _grid_count(element, f"{_W}trPr/{_W}gridBefore", 0) + rows.pop()
            element.clear()
            if cells:
                if row := plain_row(row_cells):
                    cells[-1].append(row)  # a table nested in a cell reads as part of that cell
            else:
                table = tables[-1] if tables else None
                if line := table.add(row_cells) if table else plain_row(row_cells):
                    yield line, False
        elif tag == _TBL:
            if tables:
                tables.pop()
        elif tag == _SDT:
            content_controls -= 1
        if not cells and tag in (_P, _TBL, _SDT):
            # A finished body-level element: drop it and what came before it, so the tree
            # never holds more than the element being read.
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]


# Beyond any real table's width: a damaged count must not make a row of a million cells.
_MAX_GRID = 64


def _grid_count(element: Any, path: str, default: int) -> int:
    """A cell's gridSpan or a row's gridBefore: how many grid columns it covers or skips."""
    node = element.find(path)
    value = node.get(f"{_W}val", "") if node is not None else ""
    return min(int(value), _MAX_GRID) if value.isdigit() else default


_HEADING_MAX_CHARS = 80
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.)\s+\S")


def looks_like_heading(paragraph: Any, text: str) -> bool:
    """A short paragraph that is bold throughout, or numbered ("3.1 Hosting"), and does not end
    like a sentence: a heading written by hand."""
    if len(text) > _HEADING_MAX_CHARS or text.endswith((".", ",", ";", ":", "?", "!")) or "|" in text:
        return False
    if _NUMBERED.match(text) and not text[-1].isdigit():
        return True
    runs = [r for r in paragraph.iter(f"{_W}r") if "".join(t.text or "" for t in r.iter(f"{_W}t")).strip()]
    paragraph_bold = _bold(paragraph.find(f"{_W}pPr/{_W}rPr"))
    return bool(runs) and all(_bold(r.find(f"{_W}rPr"), default=paragraph_bold) for r in runs)


def _bold(properties: Any, *, default: bool = False) -> bool:
    if properties is None:
        return default
    bold = properties.find(f"{_W}b")
    if bold is None:
        return default
    return bold.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for node in paragraph.iter(*_TEXT_TAGS):
        fixed = _TEXT_TAGS[node.tag]
        parts.append(node.text or "" if fixed is None else fixed)
    return "".join(parts)


def _style_of(paragraph: Any) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val", "") if style is not None else ""


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main document part named by the package relationships (usually word/document.xml)."""
    from lxml import etree

    try:
        with archive.open("_rels/.rels") as raw:
            root = etree.parse(raw, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except KeyError:
        return "word/document.xml"
    for rel in root.iter(f"{_REL}Relationship"):
        if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            return posixpath.normpath(rel.get("Target", "").lstrip("/"))
    return "word/document.xml"


def _heading_style_ids(archive: zipfile.ZipFile, budget: Budget) -> set[str]:
    """Ids of the styles whose names make a paragraph a heading ("Heading 1", "Title")."""
    from lxml import etree

    try:
        raw = archive.open("word/styles.xml")
    except KeyError:
        return set()
    ids: set[str] = set()
    with raw:
        parser = etree.iterparse(
            BoundedReader(raw, budget), tag=f"{_W}style", resolve_entities=False, no_network=True
        )
        for _event, style in parser:
            name_node = style.find(f"{_W}name")
            name = (name_node.get(f"{_W}val", "") if name_node is not None else "").lower()
            if name.startswith("heading") or name == "title":
                ids.add(style.get(f"{_W}styleId", ""))
            style.clear()
    return ids


# --- XLSX -----------------------------------------------------------------------------------


def xlsx_rows(data: bytes, budget: Budget, cell_text: Any) -> Iterator[tuple[str, list[str]]]:
    """(sheet title, its non-empty row lines) per worksheet, read row by row; a sheet that opens
    with a header row has each later row's cells labelled with it (``tables``)."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        budget.check_unpacked(archive)
    _read_sheets_without_sizing_them()
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            # A sheet's stated dimensions can claim a million columns; read the rows it has.
            sheet.reset_dimensions()
            rows: list[str] = []
            table = TableLines(budget)
            for values in sheet.iter_rows(values_only=True):
                budget.add_cells(len(values))
                cells = [cell_text(value) for value in values]
                budget.add_text(plain_row(cells))
                if line := table.add(cells):
                    rows.append(line)
            yield sheet.title, rows
    finally:
        workbook.close()


def _read_sheets_without_sizing_them() -> None:
    """Make openpyxl's read-only loader skip sizing each sheet when the workbook is opened.

    To size a sheet without a ``<dimension>`` element, openpyxl (3.1) parses the whole sheet
    before the first row is read, because it waits for the *end* of ``<sheetData>``: a large
    sheet was read twice and the cell limit came only after a full pass. Rows are read as they
    come here (``reset_dimensions``), so the size is never needed.
    """
    from openpyxl.reader import excel
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    if getattr(excel.ReadOnlyWorksheet, "unsized", False):
        return

    class UnsizedReadOnlyWorksheet(ReadOnlyWorksheet):
        unsized = True

        def _get_size(self) -> None:
            return None

    excel.ReadOnlyWorksheet = UnsizedReadOnlyWorksheet
