"""Checking what an assessor typed into a decision form (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assessments.domain.rating import RiskLevel
from assessments.domain.review import ConditionItem, Outcome
from assessments.domain.text import control_character_problem

RATIONALE_MAX_LENGTH = 5000
CONDITION_TEXT_MAX_LENGTH = 2000
CONDITION_OWNER_MAX_LENGTH = 200


@dataclass(frozen=True)
class ConditionInput:
    """One condition row as typed: what must be done, by whom, by when (ISO date)."""

    text: str
    owner: str
    due_on: str


@dataclass(frozen=True)
class CleanDecision:
    outcome: Outcome
    rationale: str
    conditions: tuple[ConditionItem, ...]
    residual: RiskLevel
    residual_rationale: str


def _text(value: object, *, field: str, limit: int, errors: dict[str, str], required: str | None) -> str:
    raw = str(value or "")
    problem = control_character_problem(raw)
    if problem:
        errors[field] = problem
        return ""
    text = raw.strip()
    if required is not None and not text:
        errors[field] = required
    elif len(text) > limit:
        errors[field] = f"At most {limit:,} characters."
    return text


def _conditions(
    outcome: Outcome | None, rows: Sequence[ConditionInput], *, today: date, errors: dict[str, str]
) -> tuple[ConditionItem, ...]:
    # A form's untouched spare rows are not conditions.
    filled = [r for r in rows if any(str(v or "").strip() for v in (r.text, r.owner, r.due_on))]
    if outcome is Outcome.APPROVE_WITH_CONDITIONS and not filled:
        errors["conditions"] = "An approval with conditions needs at least one condition."
        return ()
    if outcome in (Outcome.APPROVE, Outcome.REJECT) and filled:
        errors["conditions"] = (
            f"{outcome.label} takes no conditions: choose “approve with conditions”, or remove them."
        )
        return ()
    items = []
    for n, row in enumerate(filled):
        prefix = f"conditions.{n}"
        text = _text(
            row.text,
            field=f"{prefix}.text",
            limit=CONDITION_TEXT_MAX_LENGTH,
            errors=errors,
            required="Say what must be done.",
        )
        owner = _text(
            row.owner,
            field=f"{prefix}.owner",
            limit=CONDITION_OWNER_MAX_LENGTH,
            errors=errors,
            required="Name who must do it.",
        )
        due_on = _due_on(row.due_on, field=f"{prefix}.due_on", today=today, errors=errors)
        items.append(ConditionItem(text=text, owner=owner, due_on=due_on))
    return tuple(items)


def _due_on(value: object, *, field: str, today: date, errors: dict[str, str]) -> str:
    raw = str(value or "").strip()
    if not raw:
        errors[field] = "Give a due date."
        return ""
    try:
        due = date.fromisoformat(raw)
    except ValueError:
        errors[field] = "Give the due date as YYYY-MM-DD."
        return ""
    if due < today:
        errors[field] = "The due date is in the past."
    return due.isoformat()


def clean_decision(
    *,
    outcome: Outcome | str,
    rationale: str,
    conditions: Sequence[ConditionInput],
    residual_rating: str | None,
    residual_rationale: str,
    inherent: str | None,
    today: date,
) -> tuple[CleanDecision | None, dict[str, str]]:
    """The decision, or the message for every field at fault (``conditions.0.owner`` style)."""
    errors: dict[str, str] = {}
    try:
        chosen: Outcome | None = Outcome(str(outcome))
    except ValueError:
        chosen = None
        errors["outcome"] = "Choose approve, approve with conditions or reject."
    text = _text(
        rationale,
        field="rationale",
        limit=RATIONALE_MAX_LENGTH,
        errors=errors,
        required="Give the rationale for this decision.",
    )
    items = _conditions(chosen, conditions, today=today, errors=errors)
    residual: RiskLevel | None = None
    if not str(residual_rating or "").strip():
        errors["residual_rating"] = "Set the residual rating."
    else:
        try:
            residual = RiskLevel.parse(residual_rating)
        except ValueError:
            known = ", ".join(level.label.lower() for level in RiskLevel.ordered())
            errors["residual_rating"] = f"Choose one of: {known}."
    differs = residual is not None and (inherent is None or residual.value != inherent)
    why = _text(
        residual_rationale,
        field="residual_rationale",
        limit=RATIONALE_MAX_LENGTH,
        errors=errors,
        required="Explain why the residual rating differs from the inherent one." if differs else None,
    )
    if errors or chosen is None or residual is None:
        return None, errors
    return CleanDecision(chosen, text, items, residual, why), {}
