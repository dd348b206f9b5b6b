"""Small documents built in memory for the document tests."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence


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
