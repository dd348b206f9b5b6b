"""A questionnaire → the spreadsheet's text cells (read back by rows.py as the same questionnaire)."""

from __future__ import annotations

from assessments.questionnaire.model import Action, Condition, Question, Questionnaire
from assessments.questionnaire.spreadsheet.columns import COLUMN_NAMES, QUALIFYING_AREA
from assessments.questionnaire.spreadsheet.rows import head_value_text


def question_rows(questionnaire: Questionnaire) -> list[list[str]]:
    """One list of cells (in COLUMN_NAMES order) per question: qualifying first, then each area."""
    rows = [_row(q, QUALIFYING_AREA, {}) for q in questionnaire.qualifying]
    for area in questionnaire.areas:
        # The area's own fields go on its first row; the import reads them from any one row.
        first: dict[str, str] = {"area_name": area.name, "area_triggered_by": _id_list(area.triggered_by)}
        for index, q in enumerate(area.questions):
            rows.append(_row(q, area.key, first if index == 0 else {}))
        if not area.questions:
            # A row with only the area's columns keeps an area that has no questions yet.
            cells = {"area": area.key, **first}
            rows.append([cells.get(name, "") for name in COLUMN_NAMES])
    return rows


def head_rows(questionnaire: Questionnaire) -> list[tuple[str, str]]:
    """(field, value) for the Assessment sheet: name, version, description, then the extras as YAML."""
    rows = [
        ("name", questionnaire.name),
        ("version", questionnaire.version),
        ("description", questionnaire.description),
    ]
    rows += [(key, head_value_text(value)) for key, value in questionnaire.extras.items()]
    return rows


def _row(q: Question, area: str, area_cells: dict[str, str]) -> list[str]:
    cells = {
        "id": q.id,
        "level": q.level or "",
        "area": area,
        **area_cells,
        "question": q.text,
        "response_type": q.response_type.spelling,
        "options": "\n".join(q.options),
        "required": "yes" if q.required else "no",
        "depends_on": _condition(q.depends_on) if q.depends_on else "",
        "show_questions": _id_list(q.show_questions),
        "parent_question": q.parent_question or "",
        "skip_if": "\n".join(_condition(c) for c in q.skip_if),
        "show_if_any": "\n".join(_condition(c) for c in q.show_if_any),
        "on_yes": _action(q.on_yes),
        "on_no": _action(q.on_no),
        "min": q.minimum or "",
        "max": q.maximum or "",
        "not_before": q.not_before or "",
        "not_after": q.not_after or "",
        "risk": "\n".join(f"{rule.answer}: {rule.level.value}" for rule in q.risk),
        "type": q.type or "",
        "comments": q.comments or "",
    }
    return [cells.get(name, "") for name in COLUMN_NAMES]


def _id_list(ids: tuple[str, ...]) -> str:
    # Commas read best; an id that holds a comma itself needs one id per line.
    return "\n".join(ids) if any("," in i for i in ids) else ", ".join(ids)


def _condition(c: Condition) -> str:
    return f"{c.question_id} = {c.answer}"


def _action(a: Action | None) -> str:
    if a is None:
        return ""
    if a.action == "skip_questions":
        return f"skip_questions: {_id_list(a.skip_questions)}"
    lines = [f"show_all_questions: {a.risk_area}"]
    if a.level is not None:
        lines.append(f"level: {a.level}")
    return "\n".join(lines)
