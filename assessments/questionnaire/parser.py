"""Read the questionnaire YAML format (docs/questionnaire-format.md) into model values.

The files are exported from spreadsheets or written by hand, so the reader is lenient about
spelling (response types, loose risk area names, both ``risk_areas`` shapes) and strict about
structure: anything that would make the tree misbehave raises QuestionnaireError naming the
question and the key at fault.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assessments.questionnaire.bounds import date_bounds, number_bounds
from assessments.questionnaire.errors import QuestionnaireError
from assessments.questionnaire.model import (
    QUALIFYING,
    Action,
    Condition,
    Question,
    Questionnaire,
    ResponseType,
    RiskArea,
)
from assessments.questionnaire.risk import risk_rules
from assessments.questionnaire.scalars import as_list, id_text, optional_text, scalar_text
from assessments.questionnaire.yaml_io import json_safe, safe_load

__all__ = ["QuestionnaireError", "load_questionnaire_yaml", "parse_questionnaire", "normalise_response_type"]

_STRUCTURE_KEYS = ("assessment", "qualifying_questions", "risk_areas")

_RESPONSE_TYPES: dict[str, ResponseType] = {
    "yesno": ResponseType.YES_NO,
    "boolean": ResponseType.YES_NO,
    "freetext": ResponseType.FREE_TEXT,
    "text": ResponseType.FREE_TEXT,
    "singlechoice": ResponseType.SINGLE_CHOICE,
    "singleselect": ResponseType.SINGLE_CHOICE,
    "choice": ResponseType.SINGLE_CHOICE,
    "multichoice": ResponseType.MULTI_CHOICE,
    "multiplechoice": ResponseType.MULTI_CHOICE,
    "multiselect": ResponseType.MULTI_CHOICE,
    "date": ResponseType.DATE,
    "number": ResponseType.NUMBER,
    "numeric": ResponseType.NUMBER,
}


def load_questionnaire_yaml(text: str) -> Questionnaire:
    """Parse YAML text; syntax errors are reported with their line."""
    return parse_questionnaire(safe_load(text))


def normalise_response_type(value: str) -> ResponseType | None:
    """``Yes/No``, ``yes-no``, ``free text``, ``Single-Choice``… → ResponseType (None if unknown)."""
    return _RESPONSE_TYPES.get(re.sub(r"[^a-z]", "", value.casefold()))


def parse_questionnaire(data: Mapping[str, Any]) -> Questionnaire:
    """Build a Questionnaire from the parsed YAML mapping, rejecting broken files."""
    if not isinstance(data, Mapping):
        raise QuestionnaireError(
            "the file must be a mapping with 'assessment', 'qualifying_questions' and 'risk_areas'."
        )
    head = data.get("assessment")
    if not isinstance(head, Mapping):
        raise QuestionnaireError("must be a mapping with name, version and description.", key="assessment")
    name = optional_text(head.get("name"), key="assessment.name")
    if not name:
        raise QuestionnaireError("the questionnaire has no name.", key="assessment.name")

    qualifying_raw = as_list(data.get("qualifying_questions"), key="qualifying_questions", where=None)
    areas_raw = _areas(data.get("risk_areas"))
    sections: list[tuple[str | None, list[Any]]] = [(None, qualifying_raw)]
    sections += [(area.key, area.questions) for area in areas_raw]

    ids = _collect_ids(sections)
    if not ids:
        raise QuestionnaireError("the questionnaire has no questions.", key="qualifying_questions")
    qualifying_ids = {qid for qid, section in ids.items() if section is None}
    context = _Context(ids=set(ids), areas=areas_raw)

    qualifying = tuple(_question(raw, None, context) for raw in qualifying_raw)
    areas = tuple(
        RiskArea(
            key=area.key,
            name=area.name,
            questions=tuple(_question(raw, area.key, context) for raw in area.questions),
            triggered_by=_triggered_by(area, qualifying_ids),
        )
        for area in areas_raw
    )
    return Questionnaire(
        name=name,
        version=optional_text(head.get("version"), key="assessment.version") or "",
        description=optional_text(head.get("description"), key="assessment.description") or "",
        qualifying=qualifying,
        areas=areas,
        extras={str(k): json_safe(v) for k, v in data.items() if k not in _STRUCTURE_KEYS},
    )


# --- risk areas ------------------------------------------------------------------------------


@dataclass
class _RawArea:
    key: str
    name: str
    questions: list[Any]
    triggered_by: Any


def _areas(value: Any) -> list[_RawArea]:
    """Both shapes: ``{key: {name, questions}}`` and ``[{id, name, questions}]``."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        items = [(k, v) for k, v in value.items()]
    elif isinstance(value, list):
        items = []
        for index, item in enumerate(value, start=1):
            if not isinstance(item, Mapping):
                raise QuestionnaireError("each risk area must be a mapping.", where=f"risk area #{index}")
            key = item.get("id", item.get("key"))
            if key is None:
                raise QuestionnaireError("the risk area has no id.", where=f"risk area #{index}", key="id")
            items.append((key, item))
    else:
        raise QuestionnaireError(
            "must be a mapping of area key to area, or a list of areas.", key="risk_areas"
        )

    areas: list[_RawArea] = []
    seen: set[str] = set()
    for raw_key, body in items:
        key = scalar_text(raw_key)
        where = f"risk area '{key}'"
        if not key:
            raise QuestionnaireError("a risk area key must be a non-empty string.", key="risk_areas")
        if key == QUALIFYING:
            raise QuestionnaireError(f"'{QUALIFYING}' is reserved for the qualifying questions.", where=where)
        if key in seen:
            raise QuestionnaireError("this risk area appears twice.", where=where, key="id")
        seen.add(key)
        if not isinstance(body, Mapping):
            raise QuestionnaireError("must be a mapping with name and questions.", where=where)
        name = optional_text(body.get("name"), key="name", where=where) or key.replace("_", " ").title()
        questions = as_list(body.get("questions"), key="questions", where=where)
        areas.append(_RawArea(key, name, questions, body.get("triggered_by")))
    return areas


def _triggered_by(area: _RawArea, qualifying_ids: set[str]) -> tuple[str, ...]:
    where = f"risk area '{area.key}'"
    value = area.triggered_by
    if value is None:
        return ()
    # The format states a single id; a list of ids is the natural hand-written variation.
    ids = [value] if not isinstance(value, list) else value
    result: list[str] = []
    for item in ids:
        qid = id_text(item)
        if qid not in qualifying_ids:
            raise QuestionnaireError(
                f"refers to '{qid}', which is not a qualifying question.", where=where, key="triggered_by"
            )
        if qid not in result:
            result.append(qid)
    return tuple(result)


class _Context:
    """What a question's references are checked against."""

    def __init__(self, *, ids: set[str], areas: list[_RawArea]) -> None:
        self.ids = ids
        self.areas = areas

    def resolve_area(self, loose: str, *, question_id: str, key: str) -> str:
        """A loose area name → area key: the key, the name, or the name without "Risk"."""
        wanted = _norm(loose)
        wanted_bare = _norm(_strip_risk(loose))
        tiers = [
            [a.key for a in self.areas if _norm(a.key) == wanted],
            [a.key for a in self.areas if _norm(a.name) == wanted],
            [
                a.key
                for a in self.areas
                if {wanted, wanted_bare} & {_norm(_strip_risk(a.name)), _norm(_strip_risk(a.key))}
            ],
        ]
        for matches in tiers:
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise QuestionnaireError(
                    f"risk area '{loose}' is ambiguous: it matches {', '.join(matches)}.",
                    question_id=question_id,
                    key=key,
                )
        known = ", ".join(f"'{a.name}' ({a.key})" for a in self.areas) or "none"
        raise QuestionnaireError(
            f"unknown risk area '{loose}'. Known risk areas: {known}.", question_id=question_id, key=key
        )

    def ref(self, value: Any, *, question_id: str, key: str) -> str:
        """A reference to another question: it must exist and not be the question itself."""
        ref = id_text(value)
        if not ref.strip():
            raise QuestionnaireError("a question id is missing.", question_id=question_id, key=key)
        if ref not in self.ids:
            raise QuestionnaireError(f"refers to unknown question '{ref}'.", question_id=question_id, key=key)
        if ref == question_id:
            raise QuestionnaireError("refers to the question itself.", question_id=question_id, key=key)
        return ref


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).casefold()


def _strip_risk(name: str) -> str:
    return re.sub(r"[\s_\-]*risk\s*$", "", name.strip(), flags=re.IGNORECASE)


# --- questions -------------------------------------------------------------------------------


def _collect_ids(sections: list[tuple[str | None, list[Any]]]) -> dict[str, str | None]:
    """Every question id → its section, checking presence and uniqueness first."""
    ids: dict[str, str | None] = {}
    for area_key, questions in sections:
        section = f"risk area '{area_key}'" if area_key else "the qualifying questions"
        for index, raw in enumerate(questions, start=1):
            where = f"question #{index} in {section}"
            if not isinstance(raw, Mapping):
                raise QuestionnaireError("each question must be a mapping.", where=where)
            qid = raw.get("id")
            if isinstance(qid, bool) or not isinstance(qid, str | int | float) or not str(qid).strip():
                raise QuestionnaireError("the question has no id.", where=where, key="id")
            qid = str(qid)
            if qid in ids:
                raise QuestionnaireError(
                    "this id is used by more than one question.", question_id=qid, key="id"
                )
            ids[qid] = area_key
    return ids


def _question(raw: Mapping[str, Any], area_key: str | None, ctx: _Context) -> Question:
    qid = str(raw["id"])
    text = optional_text(raw.get("question"), key="question", question_id=qid)
    if not text:
        raise QuestionnaireError("the question has no text.", question_id=qid, key="question")

    response_type = _response_type(raw.get("response_type"), qid)
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise QuestionnaireError(f"must be true or false, not {required!r}.", question_id=qid, key="required")
    options = _options(raw.get("options"), qid)
    if response_type.has_options and not options:
        raise QuestionnaireError(
            f"a {response_type.spelling} question needs an 'options' list.", question_id=qid, key="options"
        )

    minimum, maximum = number_bounds(raw, qid, response_type)
    not_before, not_after = date_bounds(raw, qid, response_type)

    def conditions(key: str) -> tuple[Condition, ...]:
        items = as_list(raw.get(key), key=key, question_id=qid)
        return tuple(_condition(item, qid, key, ctx) for item in items)

    return Question(
        id=qid,
        text=text,
        response_type=response_type,
        required=required,
        level=optional_text(raw.get("level"), key="level", question_id=qid),
        area_key=area_key,
        options=options,
        depends_on=_condition(raw["depends_on"], qid, "depends_on", ctx) if raw.get("depends_on") else None,
        on_yes=_action(raw.get("on_yes"), qid, "on_yes", ctx),
        on_no=_action(raw.get("on_no"), qid, "on_no", ctx),
        show_questions=_refs(raw.get("show_questions"), qid, "show_questions", ctx),
        parent_question=(
            ctx.ref(raw["parent_question"], question_id=qid, key="parent_question")
            if raw.get("parent_question") is not None
            else None
        ),
        skip_if=conditions("skip_if"),
        show_if_any=conditions("show_if_any"),
        type=optional_text(raw.get("type"), key="type", question_id=qid),
        comments=optional_text(raw.get("comments"), key="comments", question_id=qid),
        minimum=minimum,
        maximum=maximum,
        not_before=not_before,
        not_after=not_after,
        risk=risk_rules(raw, qid, response_type, options),
    )


def _response_type(value: Any, qid: str) -> ResponseType:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise QuestionnaireError("the question has no response_type.", question_id=qid, key="response_type")
    normalised = normalise_response_type(value) if isinstance(value, str) else None
    if normalised is None:
        known = ", ".join(t.spelling for t in ResponseType)
        raise QuestionnaireError(
            f"unknown response type '{value}' (expected one of {known}).",
            question_id=qid,
            key="response_type",
        )
    return normalised


def _options(value: Any, qid: str) -> tuple[str, ...]:
    items = as_list(value, key="options", question_id=qid)
    options: list[str] = []
    seen: set[str] = set()
    for item in items:
        option = scalar_text(item)
        if not option:
            raise QuestionnaireError("an option is empty.", question_id=qid, key="options")
        if option.casefold() in seen:
            raise QuestionnaireError(f"option '{option}' is listed twice.", question_id=qid, key="options")
        seen.add(option.casefold())
        options.append(option)
    return tuple(options)


def _condition(value: Any, qid: str, key: str, ctx: _Context) -> Condition:
    if not isinstance(value, Mapping) or "question_id" not in value or "answer" not in value:
        raise QuestionnaireError("must be a mapping with question_id and answer.", question_id=qid, key=key)
    answer = scalar_text(value["answer"])
    if not answer:
        raise QuestionnaireError("the answer to compare with is empty.", question_id=qid, key=key)
    return Condition(ctx.ref(value["question_id"], question_id=qid, key=key), answer)


def _action(value: Any, qid: str, key: str, ctx: _Context) -> Action | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise QuestionnaireError(
            "must be a mapping with an action (show_all_questions or skip_questions).",
            question_id=qid,
            key=key,
        )
    kind = value.get("action")
    if kind is None:
        # Hand-written files sometimes leave the action implied by the other keys.
        kind = "skip_questions" if "skip_questions" in value else "show_all_questions"
    kind = scalar_text(kind).strip().casefold()
    if kind == "show_all_questions":
        loose = scalar_text(value.get("risk_area"))
        if not loose:
            raise QuestionnaireError("show_all_questions needs a risk_area.", question_id=qid, key=key)
        area = ctx.resolve_area(loose, question_id=qid, key=key)
        level = optional_text(value.get("level"), key=key, question_id=qid)
        return Action("show_all_questions", risk_area=area, level=level)
    if kind == "skip_questions":
        skipped = _refs(value.get("skip_questions"), qid, f"{key}.skip_questions", ctx)
        if not skipped:
            raise QuestionnaireError("skip_questions lists no questions.", question_id=qid, key=key)
        return Action("skip_questions", skip_questions=skipped)
    raise QuestionnaireError(
        f"unknown action '{kind}' (expected show_all_questions or skip_questions).", question_id=qid, key=key
    )


def _refs(value: Any, qid: str, key: str, ctx: _Context) -> tuple[str, ...]:
    refs: list[str] = []
    for item in as_list(value, key=key, question_id=qid):
        ref = ctx.ref(item, question_id=qid, key=key)
        if ref not in refs:
            refs.append(ref)
    return tuple(refs)
