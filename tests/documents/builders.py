"""Small documents built in memory for the document tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence


def docx_bytes(items: Sequence[tuple[str, object]]) -> bytes:
    """``items``: ("h1" | "h2" | "p", text) or ("table", rows) or ("merged", rows) in order."""
    from docx import Document

    document = Document()
    for kind, payload in items:
        if kind in ("h1", "h2"):
            document.add_heading(str(payload), level=int(kind[1]))
        elif kind == "p":
            document.add_paragraph(str(payload))
        else:
            rows: list[list[str]] = payload  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            if kind == "merged":
                table.cell(0, 0).merge(table.cell(0, len(rows[0]) - 1))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(pages: Sequence[str], *, footer: str | None = None, password: str | None = None) -> bytes:
    """One page per string (an empty string is a page without text)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for number, text in enumerate(pages, start=1):
        y = 780
        for line in text.split("\n"):
            pdf.drawString(72, y, line)
            y -= 16
        if footer:
            pdf.drawString(72, 40, footer.format(page=number))
        pdf.showPage()
    pdf.save()
    data = buffer.getvalue()
    if password is None:
        return data
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-128")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    return encrypted.getvalue()


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# --- packages written part by part, for documents too big to build in memory ------------------

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)


def streamed_zip(parts: dict[str, Iterable[bytes] | bytes], *, level: int = 6) -> bytes:
    """A zip whose members are written chunk by chunk (a generator never sits in memory whole)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in parts.items():
            with archive.open(name, "w") as member:
                for piece in [content] if isinstance(content, bytes) else content:
                    member.write(piece)
    return buffer.getvalue()


def raw_docx(paragraphs: Iterable[bytes], *, level: int = 6) -> bytes:
    """A minimal Word package whose body is ``paragraphs`` (each a ``<w:p>`` element)."""

    def document() -> Iterator[bytes]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W_NS}"><w:body>'.encode()
        yield from paragraphs
        yield b"</w:body></w:document>"

    return streamed_zip({"[Content_Types].xml": _DOCX_TYPES, "word/document.xml": document()}, level=level)


def docx_paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def raw_xlsx(rows: Iterable[bytes], *, level: int = 6) -> bytes:
    """A minimal workbook with one sheet whose ``<sheetData>`` is ``rows`` (``<row>`` elements)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"

    def sheet() -> Iterator[bytes]:
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>'.encode()
        yield from rows
        yield b"</sheetData></worksheet>"

    parts: dict[str, Iterable[bytes] | bytes] = {
        "[Content_Types].xml": (
            b'<?xml version="1.0" encoding="UTF-8"?>'
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            b'<Default Extension="xml" ContentType="application/xml"/>'
            b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            b'<Override PartName="/xl/workbook.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            b'<Override PartName="/xl/worksheets/sheet1.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            b"</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet(),
    }
    return streamed_zip(parts, level=level)


def xlsx_row(*values: int) -> bytes:
    """A ``<row>`` of numbers without cell references (optional in the format: rows and cells
    then follow one another), so one row can be repeated to build a big sheet."""
    return ("<row>" + "".join(f"<c><v>{v}</v></c>" for v in values) + "</row>").encode()


def lie_about_size(data: bytes, member: str, declared: int) -> bytes:
    """``data`` with ``member``'s uncompressed size in its headers replaced by ``declared``."""
    patched = bytearray(data)
    encoded = member.encode()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    # The local file header: the size at offset 22 (zip64 sizes live in the extra field).
    local = info.header_offset
    assert patched[local : local + 4] == b"PK\x03\x04"
    patched[local + 22 : local + 26] = declared.to_bytes(4, "little")
    position = 0
    while (position := patched.find(b"PK\x01\x02", position)) != -1:
        name_length = int.from_bytes(patched[position + 28 : position + 30], "little")
        if patched[position + 46 : position + 46 + name_length] == encoded:
            patched[position + 24 : position + 28] = declared.to_bytes(4, "little")
            break
        position += 4
    return bytes(patched)


def many_pages_pdf(count: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_table_bytes(pages: Sequence[tuple[str, list[list[str]], str]], *, ruled: bool = True) -> bytes:
    """One page per (text above, table rows, text below); the table drawn with cell borders
    (``ruled``) as word processors and reporting tools draw them, or without."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    flow: list[object] = []
    for number, (above, rows, below) in enumerate(pages):
        if number:
            flow.append(PageBreak())
        if above:
            flow.append(Paragraph(above, style))
        table = Table(
            [[Paragraph(cell, style) for cell in row] for row in rows], colWidths=[60, 180, 70, 160]
        )
        if ruled:
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
        flow.append(table)
        if below:
            flow.append(Paragraph(below, style))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(flow)
    return buffer.getvalue()
