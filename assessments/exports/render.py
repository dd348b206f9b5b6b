"""One entry point for every format: ``render(content, format) -> bytes`` (runs in a child)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assessments.exports.content import ExportContent


@dataclass(frozen=True)
class ExportFormat:
    name: str  # pdf | docx | xlsx | json
    extension: str
    content_type: str
    label: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("pdf", "pdf", "application/pdf", "PDF"),
        ExportFormat(
            "docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"
        ),
        ExportFormat(
            "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"
        ),
        ExportFormat("json", "json", "application/json", "JSON"),
    )
}


def _renderer(name: str) -> Callable[[ExportContent], bytes]:
    # Imported on use: a child rendering JSON never loads reportlab.
    if name == "pdf":
        from assessments.exports.pdf import render_pdf

        return render_pdf
    if name == "docx":
        from assessments.exports.docx import render_docx

        return render_docx
    if name == "xlsx":
        from assessments.exports.xlsx import render_xlsx

        return render_xlsx
    if name == "json":
        from assessments.exports.json_export import render_json

        return render_json
    raise KeyError(name)


def render(content: ExportContent, name: str) -> bytes:
    return _renderer(name)(content)
