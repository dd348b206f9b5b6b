"""YAML in and out for questionnaires: reading that keeps ids verbatim, writing the format back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import yaml
from yaml.tokens import ScalarToken

from assessments.questionnaire.errors import QuestionnaireError
from assessments.questionnaire.model import Action, Condition, Question, Questionnaire

# YAML 1.1 would read an unquoted id ``2.10`` as the float 2.1 and ``2025-01-15`` as a date;
# questionnaire ids and versions must stay exactly as written, so only booleans and nulls
# are resolved implicitly.
_KEEP_AS_TEXT = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}


_BREAKS = "\0 \t\r\n\x85\u2028\u2029"


class _Loader(yaml.SafeLoader):
    def scan_plain(self) -> ScalarToken:
        """PyYAML's plain-scalar scanner, allowing '?' inside flow-context scalars.

        YAML 1.1 (PyYAML) ends a plain scalar at '?' inside ``{...}``; YAML 1.2 does not, and
        hand-written files (the format page's own example) write ``{question: Is it?, ...}``.
        Adapted from yaml/scanner.py (PyYAML 6, MIT licence) with '?' dropped from the breaks.
        """
        chunks: list[str] = []
        start_mark = self.get_mark()
        end_mark = start_mark
        indent = self.indent + 1
        spaces: list[str] = []
        while True:
            length = 0
            if self.peek() == "#":
                break
            while True:
                ch = self.peek(length)
                if (
                    ch in _BREAKS
                    or (ch == ":" and self.peek(length + 1) in _BREAKS + (",[]{}" if self.flow_level else ""))
                    or (self.flow_level and ch in ",[]{}")
                ):
                    break
                length += 1
            if length == 0:
                break
            self.allow_simple_key = False
            chunks.extend(spaces)
            chunks.append(self.prefix(length))
            self.forward(length)
            end_mark = self.get_mark()
            spaces = self.scan_plain_spaces(indent, start_mark)
            if not spaces or self.peek() == "#" or (not self.flow_level and self.column < indent):
                break
        return ScalarToken("".join(chunks), True, start_mark, end_mark)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # A repeated key (two areas with the same key, say) would otherwise silently win.
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _KEEP_AS_TEXT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def safe_load(text: str) -> Any:
    """Load YAML text; a syntax error becomes a QuestionnaireError with its line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        where = f"line {line}, column {mark.column + 1}" if mark else "unknown position"
        problem = exc.problem or exc.context or "invalid YAML"
        raise QuestionnaireError(f"YAML syntax error at {where}: {problem}.", line=line) from None
    except yaml.YAMLError as exc:
        raise QuestionnaireError(f"YAML error: {exc}.") from None


def json_safe(value: Any) -> Any:
    """Free-form parts of a file (metadata…) as JSON-storable values."""
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def questionnaire_to_mapping(questionnaire: Questionnaire) -> dict[str, Any]:
    """The questionnaire in the file format (mapping shape); parsing it gives an equal one.

    This is what the database stores: JSON-safe, and rebuilt with ``parse_questionnaire``.
    """
    data: dict[str, Any] = {
        "assessment": {
            "name": questionnaire.name,
            "version": questionnaire.version,
            "description": questionnaire.description,
        },
        "qualifying_questions": [_question(q) for q in questionnaire.qualifying],
        "risk_areas": {
            area.key: {
                "name": area.name,
                **({"triggered_by": list(area.triggered_by)} if area.triggered_by else {}),
                "questions": [_question(q) for q in area.questions],
            }
            for area in questionnaire.areas
        },
    }
    data.update(json_safe(questionnaire.extras))
    return data


def questionnaire_to_yaml(questionnaire: Questionnaire) -> str:
    return yaml.safe_dump(questionnaire_to_mapping(questionnaire), sort_keys=False, allow_unicode=True)


def _question(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {"id": q.id}
    if q.level is not None:
        out["level"] = q.level
    out["question"] = q.text
    out["response_type"] = q.response_type.spelling
    out["required"] = q.required
    if q.options:
        out["options"] = list(q.options)
    if q.depends_on:
        out["depends_on"] = _condition(q.depends_on)
    if q.on_yes:
        out["on_yes"] = _action(q.on_yes)
    if q.on_no:
        out["on_no"] = _action(q.on_no)
    if q.show_questions:
        out["show_questions"] = list(q.show_questions)
    if q.parent_question is not None:
        out["parent_question"] = q.parent_question
    if q.skip_if:
        out["skip_if"] = [_condition(c) for c in q.skip_if]
    if q.show_if_any:
        out["show_if_any"] = [_condition(c) for c in q.show_if_any]
    if q.type is not None:
        out["type"] = q.type
    if q.comments is not None:
        out["comments"] = q.comments
    for key, bound in (
        ("min", q.minimum),
        ("max", q.maximum),
        ("not_before", q.not_before),
        ("not_after", q.not_after),
    ):
        if bound is not None:
            out[key] = bound  # text, so a number keeps its exact digits and a date stays a string
    if q.risk:
        out["risk"] = {rule.answer: rule.level.value for rule in q.risk}
    return out


def _condition(c: Condition) -> dict[str, str]:
    return {"question_id": c.question_id, "answer": c.answer}


def _action(a: Action) -> dict[str, Any]:
    if a.action == "skip_questions":
        return {"action": a.action, "skip_questions": list(a.skip_questions)}
    out: dict[str, Any] = {"action": a.action, "risk_area": a.risk_area}
    if a.level is not None:
        out["level"] = a.level
    return out
