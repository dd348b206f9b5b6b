"""The decision-tree engine: which risk areas are on, which questions apply, what comes next.

Pure Python. Answers are ``Mapping[str, str | list[str]]`` of normalised values (see
``validate_answer``). A question is applicable when its risk area is active and every rule it
carries holds (docs/questionnaire-format.md). Rules read *effective* answers: the answer to a
question that is itself inapplicable is kept by the caller but ignored here, so hiding a
question also hides everything that hangs off its answer.
"""

from __future__ import annotations

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
    that skip each other: the earlier one wins).
    """

    def __init__(self, questionnaire: Questionnaire, answers: Answers) -> None:
        self.questionnaire = questionnaire
        self.answers = answers
        self._applicable: dict[str, bool] = {}
        self._active: dict[str, bool] = {}
        self._visiting: set[str] = set()
        for question in questionnaire.all_questions():
            self._question_applicable(question.id)
        self.active_areas = [a.key for a in questionnaire.areas if self._area_active(a.key)]

    def is_applicable(self, question_id: str) -> bool:
        return self._applicable[question_id]

    def is_answered(self, question_id: str) -> bool:
        return is_answered(self.answers.get(question_id))

    def applicable_questions(self) -> list[Question]:
        return [q for q in self.questionnaire.all_questions() if self._applicable[q.id]]

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
