"""The assessment workflow: one explicit table of allowed moves and who may make them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assessments.domain.roles import Role


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    SENT_BACK = "sent_back"
    FINALIZED = "finalized"


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    SEND_BACK = "send_back"


@dataclass(frozen=True)
class Transition:
    source: State
    action: Action
    target: State
    role: Role
    owner_only: bool  # only the assessment's own requestor may make this move


TRANSITIONS: tuple[Transition, ...] = (
    Transition(State.DRAFT, Action.SUBMIT, State.SUBMITTED, Role.REQUESTOR, owner_only=True),
    Transition(State.SENT_BACK, Action.SUBMIT, State.SUBMITTED, Role.REQUESTOR, owner_only=True),
    Transition(State.SUBMITTED, Action.APPROVE, State.FINALIZED, Role.ASSESSOR, owner_only=False),
    Transition(State.SUBMITTED, Action.SEND_BACK, State.SENT_BACK, Role.ASSESSOR, owner_only=False),
)

# Answers can be changed only while the requestor holds the assessment.
EDITABLE_STATES = frozenset({State.DRAFT, State.SENT_BACK})
REVIEWABLE_STATES = frozenset({State.SUBMITTED})

STATE_LABELS = {
    State.DRAFT: "Draft",
    State.SUBMITTED: "Submitted for review",
    State.SENT_BACK: "Sent back",
    State.FINALIZED: "Finalized",
}


class TransitionNotAllowed(Exception):
    pass


def find_transition(*, state: State, action: Action, roles: frozenset[Role], is_owner: bool) -> Transition:
    for transition in TRANSITIONS:
        if transition.source == state and transition.action == action:
            if transition.role not in roles or (transition.owner_only and not is_owner):
                raise TransitionNotAllowed(f"You may not {action.value.replace('_', ' ')} this assessment.")
            return transition
    raise TransitionNotAllowed(
        f"An assessment that is {STATE_LABELS[state].lower()} cannot be {_past(action)}."
    )


def allowed_actions(*, state: State, roles: frozenset[Role], is_owner: bool) -> list[Action]:
    return [
        t.action
        for t in TRANSITIONS
        if t.source == state and t.role in roles and (is_owner or not t.owner_only)
    ]


def _past(action: Action) -> str:
    return {Action.SUBMIT: "submitted", Action.APPROVE: "approved", Action.SEND_BACK: "sent back"}[action]
