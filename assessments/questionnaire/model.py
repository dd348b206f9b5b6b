"""The questionnaire (decision tree) as immutable values.

Pure Python: no Django, no AWS. ``parser.py`` builds these from the YAML format described in
docs/questionnaire-format.md; ``engine.py`` evaluates them against answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from assessments.questionnaire.risk_scale import RiskLevel

# The pseudo-area that holds the qualifying questions: always active, never a real area key.
QUALIFYING = "qualifying"


class ResponseType(StrEnum):
    YES_NO = "yes_no"
    FREE_TEXT = "free_text"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    DATE = "date"
    NUMBER = "number"

    @property
    def spelling(self) -> str:
        """How the format page spells the type in a file."""
        return _SPELLINGS[self]

    @property
    def has_options(self) -> bool:
        return self in (ResponseType.SINGLE_CHOICE, ResponseType.MULTI_CHOICE)


_SPELLINGS = {
    ResponseType.YES_NO: "Yes/No",
    ResponseType.FREE_TEXT: "free-text",
    ResponseType.SINGLE_CHOICE: "single-choice",
    ResponseType.MULTI_CHOICE: "multi-choice",
    ResponseType.DATE: "date",
    ResponseType.NUMBER: "number",
}


@dataclass(frozen=True)
class Condition:
    """ "Question ``question_id`` was answered ``answer``" (compared case-insensitively)."""

    question_id: str
    answer: str


ActionKind = Literal["show_all_questions", "skip_questions"]


@dataclass(frozen=True)
class Action:
    """What answering Yes (``on_yes``) or No (``on_no``) does.

    ``show_all_questions`` switches on ``risk_area`` (an area key, already resolved from the
    file's loose name); ``skip_questions`` hides ``skip_questions``.
    """

    action: ActionKind
    risk_area: str | None = None
    level: str | None = None
    skip_questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class RiskRule:
    """One entry of a question's ``risk:`` mapping (the scoring extension, see risk.py).

    ``answer`` is an option (Yes/No or one of the question's options, spelt as the question
    spells it) or, on a number question, a comparison such as ``>= 100000`` (canonical text).
    """

    answer: str
    level: RiskLevel


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    response_type: ResponseType
    required: bool = False
    level: str | None = None
    area_key: str | None = None  # None for a qualifying question
    options: tuple[str, ...] = ()
    depends_on: Condition | None = None
    on_yes: Action | None = None
    on_no: Action | None = None
    show_questions: tuple[str, ...] = ()
    parent_question: str | None = None
    skip_if: tuple[Condition, ...] = ()
    show_if_any: tuple[Condition, ...] = ()
    type: str | None = None
    comments: str | None = None
    # Optional bounds (an extension of the format, see validation.py): canonical number text
    # for a number question, "today" or YYYY-MM-DD for a date question; None: unbounded.
    minimum: str | None = None
    maximum: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    # Optional scoring (an extension of the format, see risk.py): which answers raise risk
    # and to which level, in file order; () for an unscored question.
    risk: tuple[RiskRule, ...] = ()

    @property
    def is_qualifying(self) -> bool:
        return self.area_key is None

    @property
    def section(self) -> str:
        """The area key, or the qualifying pseudo-area."""
        return self.area_key if self.area_key is not None else QUALIFYING


@dataclass(frozen=True)
class RiskArea:
    key: str
    name: str
    questions: tuple[Question, ...]
    triggered_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    name: str
    version: str
    description: str
    qualifying: tuple[Question, ...]
    areas: tuple[RiskArea, ...]
    extras: dict[str, Any] = field(default_factory=dict)
    # Look-up tables derived from the fields above; excluded from equality and repr.
    _by_id: dict[str, Question] = field(init=False, repr=False, compare=False)
    _order: dict[str, int] = field(init=False, repr=False, compare=False)
    _areas_by_key: dict[str, RiskArea] = field(init=False, repr=False, compare=False)
    _skipped_by: dict[str, tuple[Condition, ...]] = field(init=False, repr=False, compare=False)
    _listed_by: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _activators: dict[str, tuple[Condition, ...]] = field(init=False, repr=False, compare=False)
    _rule_inputs: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        questions = [*self.qualifying, *(q for a in self.areas for q in a.questions)]
        skipped_by: dict[str, list[Condition]] = {}
        listed_by: dict[str, list[str]] = {}
        activators: dict[str, list[Condition]] = {a.key: [] for a in self.areas}
        for q in questions:
            for answer, act in (("Yes", q.on_yes), ("No", q.on_no)):
                if act is None:
                    continue
                for target in act.skip_questions:
                    skipped_by.setdefault(target, []).append(Condition(q.id, answer))
                if act.risk_area is not None and act.risk_area in activators:
                    activators[act.risk_area].append(Condition(q.id, answer))
            for child in q.show_questions:
                listed_by.setdefault(child, []).append(q.id)
        by_id = {q.id: q for q in questions}
        for area in self.areas:
            for qid in area.triggered_by:
                # triggered_by states the same link from the area's side: a Yes, unless the
                # question itself says that its No is what switches this area on.
                source = by_id.get(qid)
                links_on_no = (
                    source is not None
                    and _shows(source.on_no, area.key)
                    and not _shows(source.on_yes, area.key)
                )
                condition = Condition(qid, "No" if links_on_no else "Yes")
                if condition not in activators[area.key]:
                    activators[area.key].append(condition)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_order", {q.id: i for i, q in enumerate(questions)})
        object.__setattr__(self, "_areas_by_key", {a.key: a for a in self.areas})
        object.__setattr__(self, "_skipped_by", {k: tuple(v) for k, v in skipped_by.items()})
        object.__setattr__(self, "_listed_by", {k: tuple(v) for k, v in listed_by.items()})
        object.__setattr__(self, "_activators", {k: tuple(v) for k, v in activators.items()})
        object.__setattr__(self, "_rule_inputs", _rule_inputs(questions, self.areas))

    # extras is a dict: questionnaires compare by value but are not hashable.
    __hash__ = None  # type: ignore[assignment]

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError when there is none."""
        return self._by_id[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._by_id

    def all_questions(self) -> list[Question]:
        """Every question in file order: the qualifying questions first."""
        return list(self._by_id.values())

    @property
    def is_scored(self) -> bool:
        """Whether any question carries ``risk:`` scoring (else nothing is rated)."""
        return any(q.risk for q in self._by_id.values())

    def area(self, key: str) -> RiskArea:
        """The risk area with this key; KeyError when there is none."""
        return self._areas_by_key[key]

    def position(self, question_id: str) -> int:
        """The question's index in file order."""
        return self._order[question_id]

    def area_name(self, key: str) -> str:
        return "Qualifying questions" if key == QUALIFYING else self.area(key).name

    def skipped_by(self, question_id: str) -> tuple[Condition, ...]:
        """The answers (question, Yes/No) whose on_yes/on_no skip_questions hide this question."""
        return self._skipped_by.get(question_id, ())

    def listed_by(self, question_id: str) -> tuple[str, ...]:
        """The questions whose show_questions list this one (its parents)."""
        return self._listed_by.get(question_id, ())

    def is_rule_input(self, question_id: str) -> bool:
        """Whether some rule reads this question's answer (a condition, a parent, an action).

        Only such answers can change which questions apply or which risk areas are on; an
        answer no rule reads changes nothing but its own question.
        """
        return question_id in self._rule_inputs

    def activators(self, area_key: str) -> tuple[Condition, ...]:
        """The answers that switch this risk area on (on_yes/on_no show_all_questions, triggered_by).

        An area that nothing switches on has none; the engine treats it as always active.
        """
        return self._activators.get(area_key, ())


def _rule_inputs(questions: list[Question], areas: tuple[RiskArea, ...]) -> frozenset[str]:
    read: set[str] = set()
    for q in questions:
        conditions = [*q.skip_if, *q.show_if_any, *([q.depends_on] if q.depends_on else [])]
        read.update(c.question_id for c in conditions)
        if q.parent_question is not None:
            read.add(q.parent_question)
        if q.show_questions or q.on_yes is not None or q.on_no is not None:
            read.add(q.id)  # its answer shows children, skips questions or switches areas on
    for area in areas:
        read.update(area.triggered_by)
    return frozenset(read)


def _shows(action: Action | None, area_key: str) -> bool:
    return action is not None and action.action == "show_all_questions" and action.risk_area == area_key
