"""What the PDF and DOCX reports share, laid out as rows (pure)."""

from __future__ import annotations

from assessments.exports.content import ExportContent


def cover_rows(content: ExportContent) -> list[tuple[str, str]]:
    rows = [
        ("ID", content.assessment_id),
        ("Title", content.title),
        ("Project", content.project),
        ("System", content.system_id),
        ("Business unit", content.business_unit),
        ("Classification", content.classification),
        ("Requestor", content.requestor),
        ("State", content.state_label),
        ("Created", content.created_at[:10]),
        ("Submitted", content.submitted_at[:10] or "not submitted"),
        ("Decided", content.decided_at[:10] or "not decided"),
        ("Questionnaire", content.questionnaire),
        ("Overall inherent rating", content.overall_inherent),
        ("Overall residual rating", content.overall_residual or "not decided"),
    ]
    rows += [(f"{name} (inherent)", level) for name, level in content.area_ratings]
    rows.append(("Exported", f"{content.exported_at} by {content.exported_by}"))
    return rows


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} bytes"


def documents_rows(content: ExportContent) -> list[list[str]]:
    return [
        [d.name, d.kind, human_size(d.size), f"{d.uploaded_at[:10]} by {d.uploaded_by}", d.sha256[:16] + "…"]
        for d in content.documents
    ]
