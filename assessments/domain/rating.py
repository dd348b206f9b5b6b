"""The explainable inherent risk rating, computed from answers only (pure; no Django, no AWS).

The questionnaire's ``risk:`` scoring (assessments/questionnaire/risk.py) says which answers
raise risk and to which level. Each such answer to an applicable question is a *factor*. The
rule, in one sentence a risk officer can repeat:

    An area's rating is its highest factor, one step higher when three or more factors reach
    that level; the overall rating is the highest of the areas and the qualifying questions.

Details that follow from it:

- only applicable, answered questions count (the engine's evaluation): an answer kept in a
  switched-off area or behind a hidden question raises nothing;
- the qualifying questions are rated as a section of their own (``InherentRating.qualifying``)
  that counts towards the overall rating but not towards the areas they switch on: a
  qualifying question can switch on several areas or none, and each area's decision should
  rest on that area's own answers;
- an active area with scored questions but no factor is *very low* (nothing raised it); an
  area none of whose questions is scored is *not rated* (None), and so is everything when the
  questionnaire carries no scoring at all (files without ``risk:``);
- the AI never sets a rating: this module reads answers and the questionnaire, nothing else.
  The residual rating is the assessor's, with a rationale, and lives with the decisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assessments.questionnaire.engine import evaluate
from assessments.questionnaire.model import QUALIFYING, Question, Questionnaire
from assessments.questionnaire.risk import risk_hits
from assessments.questionnaire.risk_scale import RiskLevel, worst

__all__ = [
    "RAISE_AT",
    "AreaRating",
    "InherentRating",
    "RiskFactor",
    "RiskLevel",
    "inherent_rating",
    "worst",
]

# How many factors at an area's highest level raise the area one step.
RAISE_AT = 3

QUALIFYING_NAME = "Qualifying questions"


@dataclass(frozen=True)
class RiskFactor:
    """One answer that raised risk: ``answer`` as given, ``level`` from the questionnaire.

    ``matched`` is the scored entry it hit: the answer itself for an option, the comparison
    (``>= 100000``) for a number.
    """

    question_id: str
    question_text: str
    answer: str
    level: RiskLevel
    matched: str = ""

    @property
    def explanation(self) -> str:
        """``TP-02 'Critical' (very high)``; a number adds the comparison it met."""
        rule = f", {self.matched}" if self.matched and self.matched != self.answer else ""
        return f"{self.question_id} '{self.answer}' ({self.level.label.lower()}{rule})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "question_text": self.question_text,
            "answer": self.answer,
            "matched": self.matched,
            "level": self.level.value,
            "level_label": self.level.label,
        }


@dataclass(frozen=True)
class AreaRating:
    area_key: str
    area_name: str
    level: RiskLevel | None  # None: not rated (no question here is scored)
    factors: tuple[RiskFactor, ...]  # highest level first, then in questionnaire order
    explanation: str

    @property
    def raised(self) -> bool:
        """Whether RAISE_AT or more factors at the top level lifted the rating one step."""
        return self.level is not None and bool(self.factors) and self.level != self.factors[0].level

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe (the API, a frozen decision record); ``level`` None means not rated."""
        return {
            "area_key": self.area_key,
            "area_name": self.area_name,
            **_level_fields(self.level),
            "raised": self.raised,
            "explanation": self.explanation,
            "factors": [f.as_dict() for f in self.factors],
        }


@dataclass(frozen=True)
class InherentRating:
    overall: RiskLevel | None  # None: the questionnaire carries no scoring
    # The rated risk areas, active ones only, in questionnaire order: one per area decision.
    areas: dict[str, AreaRating]
    explanation: str
    # The qualifying questions' own section; counts towards ``overall`` only.
    qualifying: AreaRating | None = None

    @property
    def factors(self) -> tuple[RiskFactor, ...]:
        """Every factor: the qualifying questions' first, then each area's."""
        sections = [*([self.qualifying] if self.qualifying else []), *self.areas.values()]
        return tuple(f for section in sections for f in section.factors)

    def as_dict(self) -> dict[str, Any]:
        """JSON-safe, areas in questionnaire order; ``overall`` None means not rated."""
        return {
            **_level_fields(self.overall),
            "explanation": self.explanation,
            "qualifying": self.qualifying.as_dict() if self.qualifying else None,
            "areas": [area.as_dict() for area in self.areas.values()],
        }


def _level_fields(level: RiskLevel | None) -> dict[str, Any]:
    return {"level": level.value if level else None, "level_label": level.label if level else "Not rated"}


def inherent_rating(
    questionnaire: Questionnaire,
    answers: Mapping[str, str | list[str]],
    *,
    active_areas: Sequence[str] | None = None,
) -> InherentRating:
    """Rate ``answers`` against ``questionnaire``'s scoring (the rule is in the module docstring).

    ``active_areas`` narrows the rated areas to those keys (the areas of a frozen round, say);
    an area the answers do not switch on is never rated, whatever the list says.
    """
    evaluation = evaluate(questionnaire, answers)
    wanted = None if active_areas is None else set(active_areas)
    keys = [k for k in evaluation.active_areas if wanted is None or k in wanted]
    applicable = evaluation.applicable_questions()

    def section(key: str, questions: Iterable[Question]) -> AreaRating:
        return _rate_section(key, questionnaire.area_name(key), list(questions), answers, applicable)

    qualifying = section(QUALIFYING, questionnaire.qualifying)
    areas = {key: section(key, questionnaire.area(key).questions) for key in keys}
    if not questionnaire.is_scored:
        return InherentRating(
            overall=None,
            areas=areas,
            explanation="Not rated: the questionnaire has no risk scoring.",
            qualifying=qualifying,
        )
    rated = [s for s in (qualifying, *areas.values()) if s.level is not None]
    overall = worst(s.level for s in rated)
    return InherentRating(
        overall=overall, areas=areas, explanation=_overall_explanation(overall, rated), qualifying=qualifying
    )


def _rate_section(
    key: str,
    name: str,
    questions: list[Question],
    answers: Mapping[str, str | list[str]],
    applicable: list[Question],
) -> AreaRating:
    if not any(q.risk for q in questions):
        return AreaRating(key, name, None, (), "Not rated: no question here is scored.")
    applicable_ids = {q.id for q in applicable}
    factors = [
        RiskFactor(q.id, q.text, answer, rule.level, rule.answer)
        for q in questions
        if q.id in applicable_ids
        for answer, rule in risk_hits(q, answers.get(q.id))
    ]
    # Highest first; sorted() is stable, so equal levels keep the questionnaire's order.
    ordered = tuple(sorted(factors, key=lambda f: -f.level.rank))
    if not ordered:
        return AreaRating(key, name, RiskLevel.VERY_LOW, (), "Very low: no answer here raises risk.")
    top = ordered[0].level
    at_top = sum(1 for f in ordered if f.level == top)
    level = top.step_up() if at_top >= RAISE_AT else top
    listed = "; ".join(f.explanation for f in ordered)
    if level != top:
        because = f"{at_top} answers at {top.label.lower()} raise it one step"
        return AreaRating(key, name, level, ordered, f"{level.label}: {because}: {listed}.")
    return AreaRating(key, name, level, ordered, f"{level.label}: {listed}.")


def _overall_explanation(overall: RiskLevel | None, rated: list[AreaRating]) -> str:
    if overall is None:
        return "Not rated: no scored question applies."
    parts = ", ".join(f"{s.area_name} ({s.level.label.lower()})" for s in rated if s.level is not None)
    return f"{overall.label}: the highest of {parts}."
