"""Reading questionnaire files: the accepted variations and the rejected mistakes."""

from __future__ import annotations

import copy
from textwrap import dedent
from typing import Any

import pytest

from assessments.questionnaire.errors import QuestionnaireError
from assessments.questionnaire.model import Action, Condition, ResponseType
from assessments.questionnaire.parser import load_questionnaire_yaml, parse_questionnaire
from tests.questionnaire.test_engine import FORMAT_PAGE_EXAMPLE

BASE: dict[str, Any] = {
    "assessment": {"name": "Base", "version": "2", "description": "d"},
    "qualifying_questions": [
        {
            "id": "Q-1",
            "question": "Vendor involved?",
            "response_type": "Yes/No",
            "required": True,
            "on_yes": {"action": "show_all_questions", "risk_area": "Third Party", "level": "L2"},
        },
    ],
    "risk_areas": {
        "third_party": {
            "name": "Third Party Risk",
            "questions": [
                {"id": "TP-1", "question": "Contract signed?", "response_type": "Yes/No", "required": True},
                {
                    "id": "TP-2",
                    "question": "Tier?",
                    "response_type": "single-choice",
                    "options": ["Gold", "Silver"],
                },
            ],
        },
    },
}


def with_changes(path: str, value: Any) -> dict[str, Any]:
    """BASE with one value replaced; ``path`` like ``risk_areas.third_party.questions.1.options``."""
    data = copy.deepcopy(BASE)
    *parents, last = path.split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    if isinstance(target, list):
        target[int(last)] = value
    elif value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return data


_DELETE = object()
TP2 = "risk_areas.third_party.questions.1"


def test_it_reads_the_format_page_example_as_written() -> None:
    q = load_questionnaire_yaml(FORMAT_PAGE_EXAMPLE)
    assert (q.name, q.version, q.description) == ("Example TRA", "1", "Small sample")
    assert [a.key for a in q.areas] == ["data_privacy"]
    assert q.question("Q-1").on_yes == Action("show_all_questions", risk_area="data_privacy", level="L2")
    assert q.question("DP-1").on_no == Action("skip_questions", skip_questions=("DP-2",))
    assert q.question("DP-2").depends_on == Condition("DP-1", "Yes")
    assert q.question("DP-2").response_type is ResponseType.FREE_TEXT
    assert q.question("DP-2").area_key == "data_privacy"
    assert q.question("Q-1").area_key is None
    assert q.question("Q-1").text == "Does the change process personal information?"


def test_it_accepts_risk_areas_as_a_list_of_id_name_questions() -> None:
    listed = copy.deepcopy(BASE)
    listed["risk_areas"] = [{"id": key, **body} for key, body in BASE["risk_areas"].items()]
    assert parse_questionnaire(listed) == parse_questionnaire(BASE)


@pytest.mark.parametrize(
    "loose",
    ["Third Party", "Third Party Risk", "third_party", "THIRD PARTY", "third-party risk", "ThirdParty"],
)
def test_it_matches_risk_areas_named_loosely(loose: str) -> None:
    q = parse_questionnaire(with_changes("qualifying_questions.0.on_yes.risk_area", loose))
    assert q.question("Q-1").on_yes.risk_area == "third_party"


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Yes/No", ResponseType.YES_NO),
        ("yes-no", ResponseType.YES_NO),
        ("YES / NO", ResponseType.YES_NO),
        ("free-text", ResponseType.FREE_TEXT),
        ("free text", ResponseType.FREE_TEXT),
        ("Free_Text", ResponseType.FREE_TEXT),
        ("single-choice", ResponseType.SINGLE_CHOICE),
        ("Single Choice", ResponseType.SINGLE_CHOICE),
        ("multi-choice", ResponseType.MULTI_CHOICE),
        ("multi choice", ResponseType.MULTI_CHOICE),
        ("date", ResponseType.DATE),
        ("Number", ResponseType.NUMBER),
    ],
)
def test_it_normalises_response_type_spellings(spelling: str, expected: ResponseType) -> None:
    data = with_changes(f"{TP2}.response_type", spelling)
    assert parse_questionnaire(data).question("TP-2").response_type is expected


def test_it_keeps_ids_with_spaces_and_dots_verbatim() -> None:
    q = load_questionnaire_yaml(
        dedent(
            """
            assessment: {name: Dots}
            qualifying_questions:
              - {id: Q 2.10, question: First?, response_type: Yes/No}
              - {id: 2.10, question: Second?, response_type: Yes/No, parent_question: Q 2.10}
              - {id: "Q 2.1", question: Third?, response_type: Yes/No,
                 skip_if: [{question_id: 2.10, answer: no}]}
            """
        )
    )
    assert [x.id for x in q.all_questions()] == ["Q 2.10", "2.10", "Q 2.1"]
    assert q.question("2.10").parent_question == "Q 2.10"
    # An unquoted No in YAML is a boolean; it still means the answer "No".
    assert q.question("Q 2.1").skip_if == (Condition("2.10", "No"),)


def test_it_keeps_navigation_rules_instructions_and_metadata() -> None:
    data = copy.deepcopy(BASE)
    data["navigation_rules"] = ["Qualifying first."]
    data["ai_agent_instructions"] = "Quote the documents."
    data["metadata"] = {"owner": "Risk", "created": "2025-01-15"}
    q = parse_questionnaire(data)
    assert q.extras == {
        "navigation_rules": ["Qualifying first."],
        "ai_agent_instructions": "Quote the documents.",
        "metadata": {"owner": "Risk", "created": "2025-01-15"},
    }


def test_it_keeps_unquoted_dates_and_versions_as_written() -> None:
    q = load_questionnaire_yaml(
        "assessment: {name: V, version: 1.10}\nmetadata: {created: 2025-01-15}\n"
        "qualifying_questions: [{id: Q1, question: q?, response_type: Yes/No, required: yes}]\n"
    )
    assert q.version == "1.10"
    assert q.extras["metadata"] == {"created": "2025-01-15"}
    assert q.question("Q1").required is True


def test_it_links_an_area_from_its_triggered_by() -> None:
    data = with_changes("risk_areas.third_party.triggered_by", "Q-1")
    q = parse_questionnaire(data)
    assert q.area("third_party").triggered_by == ("Q-1",)


# --- rejections -----------------------------------------------------------------------------

REJECTIONS = [
    # (what is wrong, changed path, new value, question id named, key named)
    ("duplicate id", f"{TP2}.id", "TP-1", "TP-1", "id"),
    (
        "unknown depends_on",
        f"{TP2}.depends_on",
        {"question_id": "TP-9", "answer": "Yes"},
        "TP-2",
        "depends_on",
    ),
    (
        "unknown skip_questions",
        f"{TP2}.on_no",
        {"action": "skip_questions", "skip_questions": ["X-1"]},
        "TP-2",
        "skip_questions",
    ),
    ("unknown show_questions", f"{TP2}.show_questions", ["TP-1", "NOPE"], "TP-2", "show_questions"),
    ("unknown parent_question", f"{TP2}.parent_question", "Q-9", "TP-2", "parent_question"),
    ("unknown skip_if", f"{TP2}.skip_if", [{"question_id": "Z", "answer": "Yes"}], "TP-2", "skip_if"),
    (
        "unknown show_if_any",
        f"{TP2}.show_if_any",
        [{"question_id": "Z", "answer": "Yes"}],
        "TP-2",
        "show_if_any",
    ),
    ("unknown risk area", "qualifying_questions.0.on_yes.risk_area", "Quantum Risk", "Q-1", "on_yes"),
    (
        "unknown area on_no",
        "qualifying_questions.0.on_no",
        {"action": "show_all_questions", "risk_area": "Nope"},
        "Q-1",
        "on_no",
    ),
    ("choice without options", f"{TP2}.options", _DELETE, "TP-2", "options"),
    ("unknown response_type", f"{TP2}.response_type", "slider", "TP-2", "response_type"),
    ("non-boolean required", f"{TP2}.required", "sometimes", "TP-2", "required"),
    ("missing question text", f"{TP2}.question", _DELETE, "TP-2", "question"),
    ("options not a list", f"{TP2}.options", "Gold, Silver", "TP-2", "options"),
    ("skip_if not a list", f"{TP2}.skip_if", {"question_id": "TP-1", "answer": "Yes"}, "TP-2", "skip_if"),
    ("show_questions not a list", f"{TP2}.show_questions", "TP-1", "TP-2", "show_questions"),
    (
        "depends_on on itself",
        f"{TP2}.depends_on",
        {"question_id": "TP-2", "answer": "Yes"},
        "TP-2",
        "depends_on",
    ),
    ("unknown action", f"{TP2}.on_yes", {"action": "explode"}, "TP-2", "on_yes"),
]


@pytest.mark.parametrize(
    ("path", "value", "question_id", "key"), [r[1:] for r in REJECTIONS], ids=[r[0] for r in REJECTIONS]
)
def test_it_rejects_a_broken_file_naming_the_question_and_key(
    path: str, value: Any, question_id: str, key: str
) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(with_changes(path, value))
    message = str(caught.value)
    assert f"'{question_id}'" in message
    assert key in message
    assert caught.value.question_id == question_id


def test_it_rejects_a_question_without_an_id_saying_where_it_is() -> None:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(with_changes(f"{TP2}.id", _DELETE))
    assert str(caught.value) == "Question #2 in risk area 'third_party', key 'id': the question has no id."


def test_it_rejects_triggered_by_naming_an_unknown_question() -> None:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(with_changes("risk_areas.third_party.triggered_by", "Q-42"))
    assert "'Q-42'" in str(caught.value)
    assert str(caught.value).startswith("Risk area 'third_party', key 'triggered_by':")


@pytest.mark.parametrize(
    ("path", "key"),
    [("qualifying_questions", "qualifying_questions"), ("risk_areas.third_party.questions", "questions")],
)
def test_it_rejects_a_mapping_where_a_list_of_questions_is_needed(path: str, key: str) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        parse_questionnaire(with_changes(path, {"id": "X"}))
    assert f"key '{key}'" in str(caught.value).lower()
    assert "must be a list, not a mapping" in str(caught.value)


def test_it_reports_the_line_of_a_yaml_syntax_error() -> None:
    text = "assessment: {name: Broken}\nqualifying_questions:\n  - id: Q-1\n    question: [unclosed\n"
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire_yaml(text)
    assert caught.value.line is not None
    assert f"line {caught.value.line}" in str(caught.value)
    assert "YAML syntax error" in str(caught.value)


def test_it_rejects_a_repeated_risk_area_key_with_its_line() -> None:
    text = dedent(
        """
        assessment: {name: Twice}
        qualifying_questions: [{id: Q1, question: q?, response_type: Yes/No}]
        risk_areas:
          privacy: {name: Privacy, questions: []}
          privacy: {name: Privacy again, questions: []}
        """
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire_yaml(text)
    assert "duplicate key 'privacy'" in str(caught.value)
    assert caught.value.line == 6


def test_it_rejects_a_file_without_a_name_or_questions() -> None:
    with pytest.raises(QuestionnaireError, match="Key 'assessment.name'"):
        parse_questionnaire(with_changes("assessment.name", _DELETE))
    with pytest.raises(QuestionnaireError, match="no questions"):
        parse_questionnaire({"assessment": {"name": "Empty"}})
