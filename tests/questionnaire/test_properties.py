"""Properties of the engine and parser over random valid questionnaires and answers."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.questionnaire import engine
from assessments.questionnaire.errors import AnswerInvalid
from assessments.questionnaire.model import QUALIFYING, Questionnaire
from assessments.questionnaire.parser import load_questionnaire_yaml, parse_questionnaire
from assessments.questionnaire.yaml_io import questionnaire_to_mapping, questionnaire_to_yaml
from tests.questionnaire.strategies import answer_sets, questionnaire_mappings, valid_answer

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def questionnaire_and_answers(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, Any]]:
    questionnaire = parse_questionnaire(draw(questionnaire_mappings()))
    return questionnaire, draw(answer_sets(questionnaire))


def _only_applicable(q: Questionnaire, answers: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answers.items() if engine.is_applicable(q, k, answers)}


@PROPERTY_SETTINGS
@given(questionnaire_and_answers())
def test_it_keeps_progress_within_bounds_and_consistent(case: tuple[Questionnaire, dict[str, Any]]) -> None:
    q, answers = case
    result = engine.progress(q, answers)
    assert list(result.per_area) == [QUALIFYING, *engine.active_areas(q, answers)]
    for part in [result.overall, *result.per_area.values()]:
        assert 0 <= part.answered <= part.total
        assert 0 <= part.percent <= 100
        assert (part.percent == 100) == (part.answered == part.total)
    assert result.overall.total == sum(p.total for p in result.per_area.values())
    assert result.overall.total == len(engine.applicable_questions(q, answers))


@PROPERTY_SETTINGS
@given(questionnaire_and_answers())
def test_it_offers_the_first_applicable_unanswered_question_next(
    case: tuple[Questionnaire, dict[str, Any]],
) -> None:
    q, answers = case
    applicable = engine.applicable_questions(q, answers)
    nxt = engine.next_question(q, answers)
    unanswered = [x for x in applicable if not engine.is_answered(answers.get(x.id))]
    if nxt is None:
        assert unanswered == []
        assert engine.progress(q, answers).overall.percent == 100
    else:
        assert engine.is_applicable(q, nxt, answers)
        assert not engine.is_answered(answers.get(nxt.id))
        assert unanswered[0] == nxt
        earlier = [x for x in applicable if q.position(x.id) < q.position(nxt.id)]
        assert all(engine.is_answered(answers.get(x.id)) for x in earlier)


@PROPERTY_SETTINGS
@given(questionnaire_and_answers())
def test_it_ignores_answers_to_inapplicable_questions(case: tuple[Questionnaire, dict[str, Any]]) -> None:
    q, answers = case
    kept = _only_applicable(q, answers)
    assert engine.progress(q, kept) == engine.progress(q, answers)
    assert engine.applicable_questions(q, kept) == engine.applicable_questions(q, answers)
    assert engine.active_areas(q, kept) == engine.active_areas(q, answers)
    assert engine.next_question(q, kept) == engine.next_question(q, answers)


@PROPERTY_SETTINGS
@given(questionnaire_and_answers())
def test_it_lists_applicable_questions_in_file_order_qualifying_first(
    case: tuple[Questionnaire, dict[str, Any]],
) -> None:
    q, answers = case
    applicable = engine.applicable_questions(q, answers)
    positions = [q.position(x.id) for x in applicable]
    assert positions == sorted(positions)
    active = set(engine.active_areas(q, answers))
    assert all(x.area_key is None or x.area_key in active for x in applicable)
    for question in q.qualifying:
        carries_rules = (
            question.depends_on
            or question.parent_question
            or question.skip_if
            or question.show_if_any
            or q.skipped_by(question.id)
            or q.listed_by(question.id)
        )
        if not carries_rules:
            assert question in applicable


@PROPERTY_SETTINGS
@given(questionnaire_and_answers())
def test_it_reports_only_applicable_unanswered_required_questions_as_missing(
    case: tuple[Questionnaire, dict[str, Any]],
) -> None:
    q, answers = case
    missing = engine.missing_required(q, answers)
    applicable = engine.applicable_questions(q, answers)
    expected = [x for x in applicable if x.required and not engine.is_answered(answers.get(x.id))]
    assert missing == expected


@PROPERTY_SETTINGS
@given(st.data())
def test_it_reaches_the_end_by_always_answering_the_next_question(data: st.DataObject) -> None:
    q = parse_questionnaire(data.draw(questionnaire_mappings()))
    answers: dict[str, Any] = {}
    for _step in range(len(q.all_questions()) + 1):
        nxt = engine.next_question(q, answers)
        if nxt is None:
            break
        before = engine.progress(q, answers).overall
        answers[nxt.id] = data.draw(valid_answer(nxt))
        after = engine.progress(q, answers).overall
        assert after.answered >= 1
        assert before.total - before.answered >= 0
    assert engine.next_question(q, answers) is None
    assert engine.missing_required(q, answers) == []
    assert all(p.percent == 100 for p in engine.progress(q, answers).per_area.values())


@PROPERTY_SETTINGS
@given(questionnaire_mappings())
def test_it_parses_its_own_output_to_an_equal_questionnaire(mapping: dict[str, Any]) -> None:
    q = parse_questionnaire(mapping)
    assert parse_questionnaire(questionnaire_to_mapping(q)) == q
    assert load_questionnaire_yaml(questionnaire_to_yaml(q)) == q


_RAW_INPUTS = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(
        ["yes", "NO", " Yes ", "2024-02-29", "2023-02-29", "1,250,000", "-0", "1e3", "0.50", "abc"]
    ),
    st.integers(-(10**6), 10**6).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.lists(st.sampled_from(["Low", "low", "HIGH", "Other", "", "nope"]), max_size=4),
)


@PROPERTY_SETTINGS
@given(st.data(), _RAW_INPUTS)
def test_it_accepts_its_own_normalised_answers_unchanged(data: st.DataObject, raw: Any) -> None:
    q = parse_questionnaire(data.draw(questionnaire_mappings()))
    question = data.draw(st.sampled_from(q.all_questions()))
    if question.options and data.draw(st.booleans()):
        raw = data.draw(st.sampled_from(question.options)).swapcase()
    try:
        value = engine.validate_answer(question, raw)
    except AnswerInvalid as exc:
        assert str(exc)
        return
    assert engine.validate_answer(question, value) == value
