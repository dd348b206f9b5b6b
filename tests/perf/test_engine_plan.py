"""The engine's precomputed plan: same answers as the recursive walk, once per questionnaire, linear.

``engine.rule_plan`` orders every question after what its rules read, so one pass resolves a
set of answers; a questionnaire whose rules form a circle keeps the recursive walk (and its
"the earlier one wins" rule). These tests hold the two to the same results and count the work.
"""

from __future__ import annotations

from collections import Counter
from textwrap import dedent
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.questionnaire import engine
from assessments.questionnaire.model import Questionnaire
from assessments.questionnaire.parser import load_questionnaire_yaml, parse_questionnaire
from assessments.selectors.questionnaires import default_questionnaire_path
from tests.questionnaire.strategies import answer_sets, questionnaire_mappings


def _recursive(questionnaire: Questionnaire, answers: dict[str, Any]) -> engine.Evaluation:
    """The evaluation by the recursive walk, whatever the plan says."""
    original = engine.rule_plan
    try:
        engine.rule_plan = lambda _q: engine.RulePlan(steps=None)  # type: ignore[assignment]
        return engine.Evaluation(questionnaire, answers)
    finally:
        engine.rule_plan = original  # type: ignore[assignment]


def _same(a: engine.Evaluation, b: engine.Evaluation) -> None:
    assert a.active_areas == b.active_areas
    assert [q.id for q in a.applicable_questions()] == [q.id for q in b.applicable_questions()]
    assert a.progress() == b.progress()
    assert a.next_question() == b.next_question()
    assert a.missing_required() == b.missing_required()


@st.composite
def questionnaire_and_answers(draw: st.DrawFn) -> tuple[Questionnaire, dict[str, Any]]:
    questionnaire = parse_questionnaire(draw(questionnaire_mappings()))
    return questionnaire, draw(answer_sets(questionnaire))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questionnaire_and_answers())
def test_it_resolves_random_questionnaires_as_the_recursive_walk_does(case):
    questionnaire, answers = case
    assert engine.rule_plan(questionnaire).steps is not None  # generated trees have no circle
    _same(engine.evaluate(questionnaire, answers), _recursive(questionnaire, answers))


@pytest.fixture(scope="module")
def default_questionnaire() -> Questionnaire:
    return load_questionnaire_yaml(default_questionnaire_path().read_text())


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_it_resolves_the_default_questionnaire_as_the_recursive_walk_does(default_questionnaire, data):
    answers = data.draw(answer_sets(default_questionnaire))
    assert engine.rule_plan(default_questionnaire).steps is not None
    _same(engine.evaluate(default_questionnaire, answers), _recursive(default_questionnaire, answers))


def test_it_builds_the_plan_once_per_questionnaire(default_questionnaire):
    first = engine.rule_plan(default_questionnaire)
    engine.evaluate(default_questionnaire, {})
    assert engine.rule_plan(default_questionnaire) is first


CIRCLE = """
assessment: {name: Circle, version: "1"}
qualifying_questions:
  - {id: A, question: A?, response_type: Yes/No, on_yes: {action: skip_questions, skip_questions: [B]}}
  - {id: B, question: B?, response_type: Yes/No, on_yes: {action: skip_questions, skip_questions: [A]}}
"""


def test_it_keeps_the_recursive_walk_for_rules_in_a_circle():
    questionnaire = load_questionnaire_yaml(dedent(CIRCLE))

    assert engine.rule_plan(questionnaire).steps is None
    # Both answered Yes: each would hide the other; the earlier one wins.
    applicable = engine.applicable_questions(questionnaire, {"A": "Yes", "B": "Yes"})
    assert [q.id for q in applicable] == ["A"]


def _chain(length: int) -> Questionnaire:
    """Qualifying Q-1..Q-n, each asked only when the one before is answered Yes."""
    lines = ['assessment: {name: Chain, version: "1"}', "qualifying_questions:"]
    lines.append("  - {id: Q-1, question: Q1?, response_type: Yes/No}")
    for n in range(2, length + 1):
        lines.append(
            f"  - {{id: Q-{n}, question: Q{n}?, response_type: Yes/No,"
            f" depends_on: {{question_id: Q-{n - 1}, answer: 'Yes'}}}}"
        )
    return load_questionnaire_yaml("\n".join(lines) + "\n")


def _checks(monkeypatch: pytest.MonkeyPatch, questionnaire: Questionnaire, answers: dict[str, str]) -> int:
    counts: Counter[str] = Counter()
    original = engine._holds

    def counted(effective: Any, check: Any) -> bool:
        counts["checks"] += 1
        return original(effective, check)

    monkeypatch.setattr(engine, "_holds", counted)
    engine.evaluate(questionnaire, answers)
    monkeypatch.setattr(engine, "_holds", original)
    return counts["checks"]


def test_it_checks_each_rule_once_so_the_cost_grows_linearly(monkeypatch):
    small, large = _chain(50), _chain(200)
    yes = {f"Q-{n}": "Yes" for n in range(1, 201)}

    small_checks = _checks(monkeypatch, small, yes)
    large_checks = _checks(monkeypatch, large, yes)

    assert small_checks == 49 and large_checks == 199  # one check per rule, none repeated
    assert [q.id for q in engine.applicable_questions(large, yes)][-1] == "Q-200"
