"""The scoring extension of the format: a question's optional ``risk:`` mapping (pure Python).

``risk:`` maps answers to a level of the fixed five-level scale (risk_scale.py)::

    risk: {"Yes": high}                          # Yes/No
    risk: {Critical: very_high, High: high}      # single- or multi-choice: per option
    risk: {">= 100000": high, ">= 1000000": very_high}   # number: comparisons

A file without ``risk:`` is unscored and behaves exactly as before. What the scores add up to
is assessments.domain.rating's business; this module reads the key and says which answers hit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from assessments.questionnaire.errors import AnswerInvalid, QuestionnaireError
from assessments.questionnaire.model import Question, ResponseType, RiskRule
from assessments.questionnaire.risk_scale import RiskLevel
from assessments.questionnaire.scalars import scalar_text
from assessments.questionnaire.validation import AnswerValue, canonical_number

KEY = "risk"
_SCORABLE = (ResponseType.YES_NO, ResponseType.SINGLE_CHOICE, ResponseType.MULTI_CHOICE, ResponseType.NUMBER)
_COMPARISON = re.compile(r"\s*(>=|<=|==|=|>|<)?\s*(.*?)\s*")
_OPERATORS = {
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
    "=": lambda a, b: a == b,
}


def risk_rules(
    raw: Mapping[str, Any], qid: str, kind: ResponseType, options: tuple[str, ...]
) -> tuple[RiskRule, ...]:
    """The question's ``risk:`` entries in file order, or QuestionnaireError naming the fault."""
    value = raw.get(KEY)
    if value is None:
        return ()
    if kind not in _SCORABLE:
        # A free-text or date answer has no fixed values to score; refusing says so at import
        # rather than leaving a scoring that silently never applies.
        raise QuestionnaireError(
            f"'risk' cannot score a {kind.spelling} answer: it applies to Yes/No, single-choice, "
            "multi-choice and number questions.",
            question_id=qid,
            key=KEY,
        )
    if not isinstance(value, Mapping):
        raise QuestionnaireError(
            'must be a mapping of answer to risk level, for example {"Yes": high}.', question_id=qid, key=KEY
        )
    if not value:
        raise QuestionnaireError("scores no answers.", question_id=qid, key=KEY)
    rules: list[RiskRule] = []
    seen: set[str] = set()
    for raw_answer, raw_level in value.items():
        answer = _answer(raw_answer, qid, kind, options)
        if answer.casefold() in seen:
            raise QuestionnaireError(f"answer '{answer}' is scored twice.", question_id=qid, key=KEY)
        seen.add(answer.casefold())
        try:
            level = RiskLevel.parse(raw_level)
        except ValueError as exc:
            raise QuestionnaireError(f"answer '{answer}': {exc}", question_id=qid, key=KEY) from None
        rules.append(RiskRule(answer=answer, level=level))
    return tuple(rules)


def _answer(raw: Any, qid: str, kind: ResponseType, options: tuple[str, ...]) -> str:
    text = scalar_text(raw)  # an unquoted Yes reads as True; this gives "Yes" back
    if kind is ResponseType.YES_NO:
        if text.casefold() in ("yes", "no"):
            return text.casefold().capitalize()
        raise QuestionnaireError(
            f"'{text}' is not an answer to a Yes/No question: score Yes or No.", question_id=qid, key=KEY
        )
    if kind is ResponseType.NUMBER:
        return _comparison(text, qid)
    for option in options:
        if option.casefold() == text.casefold():
            return option
    raise QuestionnaireError(
        f"'{text}' is not one of the options ({', '.join(options)}).", question_id=qid, key=KEY
    )


def _comparison(text: str, qid: str) -> str:
    match = _COMPARISON.fullmatch(text)
    operator, number = (match.group(1), match.group(2)) if match else (None, "")
    try:
        canonical = canonical_number(number)
    except AnswerInvalid:
        raise QuestionnaireError(
            f"'{text}' is not a comparison with a number, such as '>= 100000' "
            "(use >, >=, <, <= or = before the number).",
            question_id=qid,
            key=KEY,
        ) from None
    operator = "=" if operator in (None, "==") else operator
    return f"{operator} {canonical}"


def risk_hits(question: Question, value: AnswerValue | None) -> list[tuple[str, RiskRule]]:
    """(the answer as shown, the rule it hit) for ``value``; [] when nothing scores it.

    A multi-choice answer hits once per chosen option that is scored. A number hits its highest
    matching comparison only (``>= 100`` and ``>= 1000`` both hold for 5000: one factor, the
    higher), so one figure is never counted twice.
    """
    if not question.risk or value is None:
        return []
    values = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
    values = [v.strip() for v in values if v.strip()]
    if question.response_type is ResponseType.NUMBER:
        hits = [(v, rule) for v in values for rule in question.risk if _number_matches(v, rule.answer)]
        best = max(hits, key=lambda hit: hit[1].level.rank, default=None)
        return [best] if best is not None else []
    by_answer = {rule.answer.casefold(): rule for rule in question.risk}
    return [(v, by_answer[v.casefold()]) for v in values if v.casefold() in by_answer]


def _number_matches(value: str, comparison: str) -> bool:
    operator, _, bound = comparison.partition(" ")
    try:
        return bool(_OPERATORS[operator](Decimal(value), Decimal(bound)))
    except InvalidOperation:
        return False  # a stored answer that is not a number cannot meet a comparison
