"""Rows of a questionnaire spreadsheet → the YAML format's mapping → the parser's validation.

The readers (xlsx.py, csv_io.py) hand over text cells; this module splits the list and rule
cells, builds exactly the mapping a YAML file gives ``parse_questionnaire`` and translates
its errors (which name a question and a key) into the row and column they came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessments.questionnaire.errors import QuestionnaireError
from assessments.questionnaire.model import Questionnaire
from assessments.questionnaire.parser import normalise_response_type, parse_questionnaire
from assessments.questionnaire.spreadsheet.columns import (
    COLUMNS,
    HEAD_FIELDS,
    KEY_COLUMNS,
    MAX_QUESTION_ROWS,
    QUALIFYING_AREA,
    SpreadsheetError,
)
from assessments.questionnaire.yaml_io import safe_load

_TRUE = {"yes", "y", "true", "1", "x"}
_FALSE = {"no", "n", "false", "0", ""}
_ID_LIST = re.compile(r"[\n,]")


@dataclass
class Sheet:
    """The question rows as text, and where they came from (for messages)."""

    name: str  # the sheet's name in messages ("" for a CSV file)
    headers: dict[str, str]  # column → the header as the file spells it
    header_row: int = 1
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (row number, column → text)


@dataclass
class Head:
    """The questionnaire's own fields: name, version, description and free-form extras."""

    sheet: str  # the sheet's name in messages ("" for a CSV file)
    missing_hint: str  # how to add a missing field, with {name}
    values: dict[str, tuple[int, str]] = field(default_factory=dict)  # field → (row, text)


def build_questionnaire(sheet: Sheet, head: Head) -> Questionnaire:
    missing = [c.name for c in COLUMNS if c.required and c.name not in sheet.headers]
    if missing:
        raise SpreadsheetError(
            f"the header row has no '{missing[0]}' column (required columns: "
            f"{', '.join(c.name for c in COLUMNS if c.required)}).",
            row=sheet.header_row,
            column=missing[0],
            sheet=sheet.name,
        )
    if len(sheet.rows) > MAX_QUESTION_ROWS:
        raise SpreadsheetError(
            f"the sheet has {len(sheet.rows):,} question rows; the limit is {MAX_QUESTION_ROWS:,}.",
            sheet=sheet.name,
        )
    builder = _Builder(sheet)
    data: dict[str, Any] = {"assessment": _assessment(head)}
    data.update(_extras(head))
    for number, cells in sheet.rows:
        builder.add(number, cells)
    data["qualifying_questions"] = builder.qualifying
    data["risk_areas"] = builder.areas
    try:
        return parse_questionnaire(data)
    except SpreadsheetError:
        raise
    except QuestionnaireError as exc:
        raise builder.locate(exc, head) from None


class _Builder:
    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.qualifying: list[dict[str, Any]] = []
        self.areas: dict[str, dict[str, Any]] = {}
        self.question_rows: dict[str, int] = {}
        self.area_rows: dict[str, dict[str, int]] = {}  # area → column → the row that set it
        self.current: str | None = None  # the id of the row being read, for messages

    def error(self, message: str, number: int, column: str, question: str | None = None) -> SpreadsheetError:
        return SpreadsheetError(
            message,
            row=number,
            column=self.sheet.headers.get(column, column),
            sheet=self.sheet.name,
            question=question or self.current,
        )

    def add(self, number: int, cells: dict[str, str]) -> None:
        qid = cells.get("id", "").strip()
        if not qid and self.declares_area(number, cells):
            return
        if not qid:
            raise self.error("the row has no question id.", number, "id")
        if qid in self.question_rows:
            raise self.error(f"id '{qid}' is already used on row {self.question_rows[qid]}.", number, "id")
        self.question_rows[qid] = number
        self.current = qid
        area = cells.get("area", "").strip()
        if not area:
            raise self.error(
                f"give the risk area's key, or '{QUALIFYING_AREA}' for a qualifying question.", number, "area"
            )
        question = self.question(number, qid, cells)
        if area.casefold() == QUALIFYING_AREA:
            for column in ("area_name", "area_triggered_by"):
                if cells.get(column, "").strip():
                    raise self.error("a qualifying question belongs to no risk area.", number, column)
            self.qualifying.append(question)
            self.current = None
            return
        body = self.areas.setdefault(area, {"questions": []})
        self.area_rows.setdefault(area, {"area": number})
        self.set_area_fields(area, number, cells)
        body["questions"].append(question)
        self.current = None

    def declares_area(self, number: int, cells: dict[str, str]) -> bool:
        """A row with only area columns: a risk area that has no questions (yet)."""
        area = cells.get("area", "").strip()
        question_cells = [v for k, v in cells.items() if k not in ("area", "area_name", "area_triggered_by")]
        if not area or area.casefold() == QUALIFYING_AREA or any(v.strip() for v in question_cells):
            return False
        self.areas.setdefault(area, {"questions": []})
        self.area_rows.setdefault(area, {"area": number})
        self.set_area_fields(area, number, cells)
        return True

    def set_area_fields(self, area: str, number: int, cells: dict[str, str]) -> None:
        body, rows = self.areas[area], self.area_rows[area]
        for column, key, value in (
            ("area_name", "name", cells.get("area_name", "").strip() or None),
            ("area_triggered_by", "triggered_by", _ids(cells.get("area_triggered_by", "")) or None),
        ):
            if value is None:
                continue
            if key in body and body[key] != value:
                raise self.error(
                    f"risk area '{area}' already has a different {key} on row {rows[column]}.", number, column
                )
            body[key] = value
            rows.setdefault(column, number)

    def question(self, number: int, qid: str, cells: dict[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {"id": qid}
        for column in ("level", "question", "response_type", "type", "comments"):
            if cells.get(column, "").strip():
                out[column] = cells[column]
        for column in ("parent_question", "min", "max", "not_before", "not_after"):
            if cells.get(column, "").strip():
                out[column] = cells[column].strip()
        required = cells.get("required", "").strip().casefold()
        # An unknown spelling goes to the parser as written, so its message says what it found.
        out["required"] = True if required in _TRUE else False if required in _FALSE else cells["required"]
        if cells.get("options", "").strip():
            kind = normalise_response_type(cells.get("response_type", ""))
            if kind is not None and not kind.has_options:
                # Options on a Yes/No (or free-text, date, number) question would never be offered;
                # in a sheet that is usually a row whose type was changed, so say so.
                raise self.error(
                    f"a {kind.spelling} question takes no options; clear the cell or make the question "
                    "single-choice or multi-choice.",
                    number,
                    "options",
                )
            out["options"] = [line.strip() for line in cells["options"].splitlines() if line.strip()]
        if cells.get("show_questions", "").strip():
            out["show_questions"] = _ids(cells["show_questions"])
        if cells.get("depends_on", "").strip():
            conditions = self.conditions(number, cells["depends_on"], "depends_on")
            if len(conditions) > 1:
                raise self.error("depends_on takes one condition: 'ID = answer'.", number, "depends_on")
            out["depends_on"] = conditions[0]
        for column in ("skip_if", "show_if_any"):
            if cells.get(column, "").strip():
                out[column] = self.conditions(number, cells[column], column)
        for column in ("on_yes", "on_no"):
            if cells.get(column, "").strip():
                out[column] = self.action(number, cells[column], column)
        if cells.get("risk", "").strip():
            out["risk"] = self.risk(number, cells["risk"])
        return out

    def conditions(self, number: int, text: str, column: str) -> list[dict[str, str]]:
        result = []
        for line in (line.strip() for line in text.splitlines()):
            if not line:
                continue
            qid, equals, answer = line.partition("=")
            if not equals or not qid.strip() or not answer.strip():
                raise self.error(
                    f"'{line}' is not a condition: write 'QUESTION-ID = answer', e.g. 'Q-04 = Yes'.",
                    number,
                    column,
                )
            result.append({"question_id": qid.strip(), "answer": answer.strip()})
        return result

    def action(self, number: int, text: str, column: str) -> dict[str, Any]:
        action: dict[str, Any] = {}
        for line in (line.strip() for line in text.splitlines()):
            if not line:
                continue
            name, colon, value = line.partition(":")
            name = name.strip().casefold().replace(" ", "_")
            if not colon or name not in {"show_all_questions", "show", "skip_questions", "skip", "level"}:
                raise self.error(
                    f"'{line}' is not understood: write 'show_all_questions: <risk area>' "
                    "(and optionally 'level: L2' on the next line) or 'skip_questions: ID, ID'.",
                    number,
                    column,
                )
            if name in ("show", "show_all_questions"):
                action.update(action="show_all_questions", risk_area=value.strip())
            elif name in ("skip", "skip_questions"):
                action.update(action="skip_questions", skip_questions=_ids(value))
            else:
                action["level"] = value.strip()
        if "action" not in action:
            raise self.error(
                "say what the answer does: show_all_questions or skip_questions.", number, column
            )
        return action

    def risk(self, number: int, text: str) -> dict[str, str]:
        rules: dict[str, str] = {}
        for line in (line.strip() for line in text.splitlines()):
            if not line:
                continue
            # The level has no colon; an option may ("Tier: 1"), so split at the last one.
            answer, colon, level = line.rpartition(":")
            if not colon or not answer.strip():
                raise self.error(
                    f"'{line}' is not a score: write 'answer: level', e.g. 'Yes: high'.", number, "risk"
                )
            if answer.strip() in rules:
                raise self.error(f"answer '{answer.strip()}' is scored twice.", number, "risk")
            rules[answer.strip()] = level.strip()
        return rules

    def locate(self, exc: QuestionnaireError, head: Head) -> QuestionnaireError:
        """The parser's error, told by row and column instead of question id and key."""
        key = (exc.key or "").split(".")[0]
        if exc.question_id is not None and exc.question_id in self.question_rows:
            column = key if key in self.sheet.headers or key in {c.name for c in COLUMNS} else "id"
            return self.error(exc.detail, self.question_rows[exc.question_id], column, exc.question_id)
        area = re.fullmatch(r"risk area '(.*)'", exc.where or "")
        if area and area.group(1) in self.area_rows:
            column = KEY_COLUMNS.get(key, "area")
            rows = self.area_rows[area.group(1)]
            return self.error(exc.detail, rows.get(column, rows["area"]), column)
        if (exc.key or "").startswith("assessment."):
            name = (exc.key or "").split(".", 1)[1]
            if name not in head.values:
                return SpreadsheetError(f"{exc.detail} {head.missing_hint.format(name=name)}")
            return SpreadsheetError(f"'{name}': {exc.detail}", row=head.values[name][0], sheet=head.sheet)
        if exc.key == "qualifying_questions" and not self.question_rows:
            return SpreadsheetError("the sheet has no question rows under its header.", sheet=self.sheet.name)
        return exc


def _ids(text: str) -> list[str]:
    return [part.strip() for part in _ID_LIST.split(text) if part.strip()]


def _assessment(head: Head) -> dict[str, str]:
    return {name: head.values[name][1] for name in HEAD_FIELDS if name in head.values}


def _extras(head: Head) -> dict[str, Any]:
    """The Assessment sheet's other entries: free-form YAML values (navigation rules…)."""
    extras: dict[str, Any] = {}
    for name, (row, text) in head.values.items():
        if name in HEAD_FIELDS:
            continue
        if name in ("assessment", "qualifying_questions", "risk_areas"):
            raise SpreadsheetError(
                f"'{name}' is reserved: the question rows hold it.", row=row, sheet=head.sheet
            )
        try:
            extras[name] = safe_load(text)
        except QuestionnaireError as exc:
            raise SpreadsheetError(f"'{name}': {exc.detail}", row=row, sheet=head.sheet) from None
    return extras


def head_value_text(value: Any) -> str:
    """How an extra's value is written in its cell (YAML), read back by ``_extras``."""
    import yaml

    if isinstance(value, Mapping | list):
        return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100).rstrip("\n")
    return yaml.safe_dump(value, allow_unicode=True, width=100).removesuffix("...\n").rstrip("\n")
