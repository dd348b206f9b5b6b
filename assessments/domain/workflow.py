"""The assessment workflow: one explicit table of allowed moves and who may make them.

    draft ──submit──▶ submitted ──assign──▶ under_review ──decide (last area)──▶ finalized | rejected
      ▲                  │  ▲                   │  │ ▲
      │                  │  └──────────── submit (round n+1)
      │                  │                      │  └─ assign (hand to a colleague), decide (one area)
      │                  └─send_back─┐          └─send_back─┐
      │                              ▼                      ▼
      └───────────────────────── sent_back ◀────────────────┘
    draft / submitted (not yet assigned) / sent_back ──withdraw──▶ withdrawn

A move's role is checked here; what a move needs beyond the role (a rationale, named questions,
every area decided) is the use case's business (assessments/services/review/).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assessments.domain.roles import Role


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    SENT_BACK = "sent_back"
    FINALIZED = "finalized"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Action(StrEnum):
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    ASSIGN = "assign"
    SEND_BACK = "send_back"
    # One risk area decided while others are still open: the assessment stays under review.
    DECIDE = "decide"
    # The last open area decided: finalized, or rejected when any area was rejected.
    FINALIZE = "finalize"
    REJECT = "reject"


@dataclass(frozen=True)
class Transition:
    source: State
    action: Action
    target: State
    role: Role
    owner_only: bool  # only the assessment's own requestor may make this move


def _requestor(source: State, action: Action, target: State) -> Transition:
    return Transition(source, action, target, Role.REQUESTOR, owner_only=True)


def _assessor(source: State, action: Action, target: State) -> Transition:
    return Transition(source, action, target, Role.ASSESSOR, owner_only=False)


TRANSITIONS: tuple[Transition, ...] = (
    _requestor(State.DRAFT, Action.SUBMIT, State.SUBMITTED),
    _requestor(State.SENT_BACK, Action.SUBMIT, State.SUBMITTED),
    # Withdrawn only before review starts: once an assessor has it, they decide or send it back.
    _requestor(State.DRAFT, Action.WITHDRAW, State.WITHDRAWN),
    _requestor(State.SUBMITTED, Action.WITHDRAW, State.WITHDRAWN),
    _requestor(State.SENT_BACK, Action.WITHDRAW, State.WITHDRAWN),
    _assessor(State.SUBMITTED, Action.ASSIGN, State.UNDER_REVIEW),
    _assessor(State.UNDER_REVIEW, Action.ASSIGN, State.UNDER_REVIEW),
    _assessor(State.SUBMITTED, Action.SEND_BACK, State.SENT_BACK),
    _assessor(State.UNDER_REVIEW, Action.SEND_BACK, State.SENT_BACK),
    _assessor(State.UNDER_REVIEW, Action.DECIDE, State.UNDER_REVIEW),
    _assessor(State.UNDER_REVIEW, Action.FINALIZE, State.FINALIZED),
    _assessor(State.UNDER_REVIEW, Action.REJECT, State.REJECTED),
)

# Answers can be changed only while the requestor holds the assessment.
EDITABLE_STATES = frozenset({State.DRAFT, State.SENT_BACK})
# Waiting for or in review: the queue.
REVIEWABLE_STATES = frozenset({State.SUBMITTED, State.UNDER_REVIEW})
# Left the assessor's hands after a submission: the archive.
ARCHIVED_STATES = frozenset({State.SENT_BACK, State.FINALIZED, State.REJECTED, State.WITHDRAWN})
# Nothing moves any more.
FINAL_STATES = frozenset({State.FINALIZED, State.REJECTED, State.WITHDRAWN})
# Both sides may talk about a question while the assessment is between submission and decision.
COMMENTABLE_STATES = frozenset({State.SUBMITTED, State.UNDER_REVIEW, State.SENT_BACK})

STATE_LABELS = {
    State.DRAFT: "Draft",
    State.SUBMITTED: "Submitted for review",
    State.UNDER_REVIEW: "Under review",
    State.SENT_BACK: "Sent back",
    State.FINALIZED: "Finalized",
    State.REJECTED: "Rejected",
    State.WITHDRAWN: "Withdrawn",
}

_PAST = {
    Action.SUBMIT: "submitted",
    Action.WITHDRAW: "withdrawn",
    Action.ASSIGN: "assigned",
    Action.SEND_BACK: "sent back",
    Action.DECIDE: "decided",
    Action.FINALIZE: "finalized",
    Action.REJECT: "rejected",
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
        f"An assessment that is {STATE_LABELS[state].lower()} cannot be {_PAST[action]}."
    )


def allowed_actions(*, state: State, roles: frozenset[Role], is_owner: bool) -> list[Action]:
    return [
        t.action
        for t in TRANSITIONS
        if t.source == state and t.role in roles and (is_owner or not t.owner_only)
    ]
