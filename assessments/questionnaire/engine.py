"""The decision-tree engine: which risk areas are on, which questions apply, what comes next.

Pure Python. Answers are ``Mapping[str, str | list[str]]`` of normalised values (see
``validate_answer``). A question is applicable when its risk area is active and every rule it
carries holds (docs/questionnaire-format.md). Rules read *effective* answers: the answer to a
question that is itself inapplicable is kept by the caller but ignored here, so hiding a
question also hides everything that hangs off its answer.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass

from assessments.questionnaire.errors import AnswerInvalid
from assessments.questionnaire.model import QUALIFYING, Condition, Question, Questionnaire
from assessments.questionnaire.validation import (
    MAX_TEXT_LENGTH,
    REQUIRED_MESSAGE,
    AnswerValue,
    is_answered,
    validate_answer,
)

__all__ = [
    "MAX_TEXT_LENGTH",
    "QUALIFYING",
    "REQUIRED_MESSAGE",
    "AnswerInvalid",
    "AnswerValue",
    "AreaProgress",
    "Evaluation",
    "Progress",
    "active_areas",
    "applicable_questions",
    "evaluate",
    "is_answered",
    "is_applicable",
    "missing_required",
    "next_question",
    "progress",
    "validate_answer",
]

Answers = Mapping[str, AnswerValue]


@dataclass(frozen=True)
class AreaProgress:
    answered: int
    total: int
    percent: int  # 0..100, rounded down so 100 means done; 100 when nothing applies


@dataclass(frozen=True)
class Progress:
    overall: AreaProgress
    # "qualifying" first, then each active risk area in file order.
    per_area: dict[str, AreaProgress]


class Evaluation:
    """Applicability of every question for one set of answers.

    Everything is resolved eagerly in file order, so results depend only on the questionnaire
    and the answers, even for files whose rules refer to each other in a circle (two questions
    that skip each other: the earlier one wins). A questionnaire without such a circle (the
    usual case) is resolved in one pass over its precomputed plan (``rule_plan``); one with a
    circle by the recursive walk below, which the plan's results equal wherever both apply.
    """

    def __init__(self, questionnaire: Questionnaire, answers: Answers) -> None:
        self.questionnaire = questionnaire
        self.answers = answers
        self._applicable: dict[str, bool] = {}
        self._active: dict[str, bool] = {}
        self._visiting: set[str] = set()
        plan = rule_plan(questionnaire)
        if plan.steps is not None:
            self._applicable, self._active = _resolve_in_order(plan.steps, answers)
        else:
            for question in questionnaire.all_questions():
                self._question_applicable(question.id)
            for area in questionnaire.areas:
                self._area_active(area.key)
        self.active_areas = [a.key for a in questionnaire.areas if self._active[a.key]]
        self._applicable_list: list[Question] | None = None

    def is_applicable(self, question_id: str) -> bool:
        return self._applicable[question_id]

    def is_answered(self, question_id: str) -> bool:
        return is_answered(self.answers.get(question_id))

    def applicable_questions(self) -> list[Question]:
        if self._applicable_list is None:
            self._applicable_list = [q for q in self.questionnaire.all_questions() if self._applicable[q.id]]
        return list(self._applicable_list)

    def next_question(self) -> Question | None:
        for question in self.applicable_questions():
            if not self.is_answered(question.id):
                return question
        return None

    def missing_required(self, area_key: str | None = None) -> list[Question]:
        return [
            q
            for q in self.applicable_questions()
            if q.required and not self.is_answered(q.id) and (area_key is None or q.section == area_key)
        ]

    def progress(self) -> Progress:
        counts: dict[str, list[int]] = {QUALIFYING: [0, 0], **{key: [0, 0] for key in self.active_areas}}
        for question in self.applicable_questions():
            count = counts[question.section]
            count[1] += 1
            count[0] += self.is_answered(question.id)
        answered = sum(c[0] for c in counts.values())
        total = sum(c[1] for c in counts.values())
        return Progress(
            overall=_area_progress(answered, total),
            per_area={key: _area_progress(a, t) for key, (a, t) in counts.items()},
        )

    # --- resolution ------------------------------------------------------------------------

    def _effective(self, question_id: str) -> AnswerValue | None:
        value = self.answers.get(question_id)
        if not is_answered(value) or not self._question_applicable(question_id):
            return None
        return value

    def _holds(self, condition: Condition) -> bool:
        return _matches(self._effective(condition.question_id), condition.answer)

    def _area_active(self, key: str) -> bool:
        if key in self._active:
            return self._active[key]
        marker = f"area:{key}"
        if marker in self._visiting:
            return True  # a circular link: fall back to the raw answers (see class docstring)
        self._visiting.add(marker)
        activators = self.questionnaire.activators(key)
        # An area that nothing can switch on would never be asked: it is always on.
        active = not activators or any(self._holds(c) for c in activators)
        self._visiting.discard(marker)
        self._active[key] = active
        return active

    def _question_applicable(self, question_id: str) -> bool:
        if question_id in self._applicable:
            return self._applicable[question_id]
        if question_id in self._visiting:
            return True  # a circular rule: fall back to the raw answer (see class docstring)
        self._visiting.add(question_id)
        result = self._rules_hold(self.questionnaire.question(question_id))
        self._visiting.discard(question_id)
        self._applicable[question_id] = result
        return result

    def _rules_hold(self, q: Question) -> bool:
        if q.area_key is not None and not self._area_active(q.area_key):
            return False
        if q.depends_on is not None and not self._holds(q.depends_on):
            return False
        if q.parent_question is not None and self._effective(q.parent_question) is None:
            return False
        parents = self.questionnaire.listed_by(q.id)
        if parents and all(self._effective(p) is None for p in parents):
            return False
        if any(self._holds(c) for c in q.skip_if):
            return False
        if q.show_if_any and not any(self._holds(c) for c in q.show_if_any):
            return False
        return not any(self._holds(c) for c in self.questionnaire.skipped_by(q.id))


# --- the precomputed plan ------------------------------------------------------------------
#
# A questionnaire is immutable once parsed, so what each rule reads is worked out once per
# questionnaire object: the rules as plain tuples (expected answers already folded) and an
# order in which every question and area comes after everything it reads. Resolving answers
# is then one pass with no recursion, no cycle bookkeeping and no look-ups in the model.

_Check = tuple[str, str]  # (question id, expected answer folded)


@dataclass(frozen=True, slots=True)
class _QuestionStep:
    id: str
    area_key: str | None
    depends_on: _Check | None
    parent: str | None
    parents: tuple[str, ...]  # show_questions listing it: at least one must be effective
    hidden_by: tuple[_Check, ...]  # skip_if and the skip_questions of others' on_yes/on_no
    show_if_any: tuple[_Check, ...]


@dataclass(frozen=True, slots=True)
class _AreaStep:
    key: str
    activators: tuple[_Check, ...]


@dataclass(frozen=True)
class RulePlan:
    # None when some rules refer to each other in a circle (or to a question that is not in
    # the file): those questionnaires take the recursive walk.
    steps: tuple[_QuestionStep | _AreaStep, ...] | None


_plans: dict[int, RulePlan] = {}


def rule_plan(questionnaire: Questionnaire) -> RulePlan:
    """The plan of one questionnaire object, built on first use and kept while it lives."""
    key = id(questionnaire)
    plan = _plans.get(key)
    if plan is None:
        plan = _build_plan(questionnaire)
        _plans[key] = plan
        # Keyed by identity (questionnaires compare by value and are not hashable): forget
        # the plan with the object, so a recycled id never finds a stale one.
        weakref.finalize(questionnaire, _plans.pop, key, None)
    return plan


def _check(condition: Condition) -> _Check:
    return condition.question_id, condition.answer.strip().casefold()


def _build_plan(questionnaire: Questionnaire) -> RulePlan:
    nodes: dict[str, _QuestionStep | _AreaStep] = {}
    reads: dict[str, tuple[str, ...]] = {}
    for q in questionnaire.all_questions():
        step = _QuestionStep(
            id=q.id,
            area_key=q.area_key,
            depends_on=_check(q.depends_on) if q.depends_on is not None else None,
            parent=q.parent_question,
            parents=questionnaire.listed_by(q.id),
            hidden_by=tuple(_check(c) for c in (*q.skip_if, *questionnaire.skipped_by(q.id))),
            show_if_any=tuple(_check(c) for c in q.show_if_any),
        )
        checks = [*step.hidden_by, *step.show_if_any, *([step.depends_on] if step.depends_on else [])]
        nodes[q.id] = step
        reads[q.id] = (
            *((f"area:{q.area_key}",) if q.area_key is not None else ()),
            *(qid for qid, _ in checks),
            *((step.parent,) if step.parent is not None else ()),
            *step.parents,
        )
    for area in questionnaire.areas:
        activators = tuple(_check(c) for c in questionnaire.activators(area.key))
        nodes[f"area:{area.key}"] = _AreaStep(area.key, activators)
        reads[f"area:{area.key}"] = tuple(qid for qid, _ in activators)
    order = _dependency_order(reads)
    return RulePlan(steps=None if order is None else tuple(nodes[n] for n in order))


def _dependency_order(reads: dict[str, tuple[str, ...]]) -> list[str] | None:
    """Every node after all it reads (file order otherwise); None on a circle or unknown node."""
    order: list[str] = []
    state: dict[str, int] = {}  # 1: on the path being walked, 2: placed
    for root in reads:
        if state.get(root) == 2:
            continue
        stack = [(root, iter(reads[root]))]
        state[root] = 1
        while stack:
            node, pending = stack[-1]
            child = next(pending, None)
            if child is None:
                stack.pop()
                state[node] = 2
                order.append(node)
            elif child not in reads or state.get(child) == 1:
                return None
            elif state.get(child) is None:
                state[child] = 1
                stack.append((child, iter(reads[child])))
    return order


def _folded(value: AnswerValue | None) -> frozenset[str] | None:
    """An answer as the set of folded values a rule compares with; None when unanswered."""
    if not is_answered(value):
        return None
    if isinstance(value, str):
        return frozenset((value.strip().casefold(),))
    return frozenset(v.strip().casefold() for v in value if isinstance(v, str))  # type: ignore[union-attr]


def _holds(effective: Mapping[str, frozenset[str] | None], check: _Check) -> bool:
    values = effective[check[0]]
    return values is not None and check[1] in values


def _resolve_in_order(
    steps: tuple[_QuestionStep | _AreaStep, ...], answers: Answers
) -> tuple[dict[str, bool], dict[str, bool]]:
    applicable: dict[str, bool] = {}
    active: dict[str, bool] = {}
    effective: dict[str, frozenset[str] | None] = {}  # folded answer of an applicable question

    for step in steps:
        if isinstance(step, _AreaStep):
            active[step.key] = not step.activators or any(_holds(effective, c) for c in step.activators)
            continue
        ok = (
            (step.area_key is None or active[step.area_key])
            and (step.depends_on is None or _holds(effective, step.depends_on))
            and (step.parent is None or effective[step.parent] is not None)
            and (not step.parents or any(effective[p] is not None for p in step.parents))
            and not any(_holds(effective, c) for c in step.hidden_by)
            and (not step.show_if_any or any(_holds(effective, c) for c in step.show_if_any))
        )
        applicable[step.id] = ok
        effective[step.id] = _folded(answers.get(step.id)) if ok else None
    return applicable, active


def _matches(value: AnswerValue | None, expected: str) -> bool:
    """Case-insensitive; a multi-choice answer matches when it includes the value."""
    if value is None:
        return False
    wanted = expected.strip().casefold()
    if isinstance(value, str):
        return value.strip().casefold() == wanted
    return any(isinstance(v, str) and v.strip().casefold() == wanted for v in value)


def _area_progress(answered: int, total: int) -> AreaProgress:
    percent = 100 if total == 0 else (100 * answered) // total
    return AreaProgress(answered=answered, total=total, percent=percent)


# --- the functional API ------------------------------------------------------------------------


def evaluate(questionnaire: Questionnaire, answers: Answers) -> Evaluation:
    """Resolve once, ask many questions (a page that needs progress, next and missing)."""
    return Evaluation(questionnaire, answers)


def active_areas(questionnaire: Questionnaire, answers: Answers) -> list[str]:
    """Keys of the switched-on risk areas, in file order (the qualifying pseudo-area excluded)."""
    return evaluate(questionnaire, answers).active_areas


def applicable_questions(questionnaire: Questionnaire, answers: Answers) -> list[Question]:
    """The questions to ask now, in file order: the qualifying questions first."""
    return evaluate(questionnaire, answers).applicable_questions()


def is_applicable(questionnaire: Questionnaire, question: Question | str, answers: Answers) -> bool:
    question_id = question if isinstance(question, str) else question.id
    return evaluate(questionnaire, answers).is_applicable(question_id)


def next_question(questionnaire: Questionnaire, answers: Answers) -> Question | None:
    """The first applicable unanswered question in file order; None when all are answered."""
    return evaluate(questionnaire, answers).next_question()


def progress(questionnaire: Questionnaire, answers: Answers) -> Progress:
    """Answered applicable / applicable, overall and per area ("qualifying" included)."""
    return evaluate(questionnaire, answers).progress()


def missing_required(
    questionnaire: Questionnaire, answers: Answers, area_key: str | None = None
) -> list[Question]:
    """Required applicable questions without an answer (of one area, or of all)."""
    return evaluate(questionnaire, answers).missing_required(area_key)
