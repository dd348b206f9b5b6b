"""The workflow table, move by move: each role allowed or refused, and every move not in the table refused."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.domain import keys
from assessments.domain.review import decision_areas
from assessments.domain.roles import Role
from assessments.domain.workflow import TRANSITIONS, Action, State, Transition
from assessments.errors import NotAllowed, NotFoundError
from assessments.services.review import (
    area_decide,
    assessment_assign,
    assessment_send_back,
    assessment_submit,
    assessment_withdraw,
)
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.review.helpers import collection, decide, drafted, sent_back, submitted, under_review
from tests.web.helpers import create_assessment

ROLES = ("requestor", "requestor2", "assessor", "admin")


def _move(cast: Any, who: str, action: Action, assessment_id: str) -> Any:
    actor = cast.actor(who)
    if action is Action.SUBMIT:
        return run_sync(assessment_submit, actor=actor, assessment_id=assessment_id)
    if action is Action.WITHDRAW:
        return run_sync(assessment_withdraw, actor=actor, assessment_id=assessment_id)
    if action is Action.ASSIGN:
        return run_sync(assessment_assign, actor=actor, assessment_id=assessment_id)
    if action is Action.SEND_BACK:
        return run_sync(
            assessment_send_back,
            actor=actor,
            assessment_id=assessment_id,
            feedback="Please say more.",
            question_ids=["Q-01"],
        )
    # DECIDE, FINALIZE, REJECT: decide the first area still open (the last one, for the two last).
    found = collection(assessment_id)
    open_areas = [
        a for a in decision_areas(found.assessment.active_areas) if a not in found.current_decisions()
    ]
    return run_sync(
        area_decide,
        actor=actor,
        assessment_id=assessment_id,
        area_key=open_areas[0] if open_areas else "third_party",
        outcome="reject" if action is Action.REJECT else "approve",
        rationale="Reviewed.",
        conditions=(),
        residual_rating="high",
        residual_rationale="Judged against the controls in place.",
    )


def _at_source(cast: Any, transition: Transition) -> str:
    """An assessment in the move's source state, ready for the move to succeed."""
    source, action = transition.source, transition.action
    if source is State.DRAFT:
        return drafted(cast)
    if source is State.SENT_BACK:
        return sent_back(cast)
    if source is State.SUBMITTED:
        return submitted(cast)
    # Under review, held by the second assessor (so the first and the admin act as colleagues).
    assessment_id = under_review(cast, who="assessor2")
    if action in (Action.FINALIZE, Action.REJECT):
        areas = decision_areas(collection(assessment_id).assessment.active_areas)
        for area in areas[:-1]:
            decide(cast, assessment_id, area, who="assessor2")
    return assessment_id


def _allowed(transition: Transition, who: str) -> bool:
    if transition.role is Role.REQUESTOR:
        return who == "requestor"
    return who in ("assessor", "admin")


def _refusal(who: str) -> type[Exception]:
    # Another requestor's assessment does not exist for them: a 404, never a 403.
    return NotFoundError if who == "requestor2" else NotAllowed


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: f"{t.source}-{t.action}")
def test_each_move_is_made_by_its_role_and_refused_to_the_others(cast, notes, transition):
    assessment_id = _at_source(cast, transition)
    version = collection(assessment_id).assessment.version
    allowed = [who for who in ROLES if _allowed(transition, who)]

    for who in ROLES:
        if who in allowed:
            continue
        with pytest.raises(_refusal(who)):
            _move(cast, who, transition.action, assessment_id)
        assert collection(assessment_id).assessment.version == version  # nothing written

    for n, who in enumerate(allowed):  # each allowed role, on an assessment of its own
        target = assessment_id if n == 0 else _at_source(cast, transition)
        _move(cast, who, transition.action, target)
        assert collection(target).assessment.state is transition.target


_IN_TABLE = {(t.source, t.action) for t in TRANSITIONS}
NOT_IN_TABLE = [(s, a) for s in State for a in Action if (s, a) not in _IN_TABLE]


def _force_state(assessment_id: str, state: State) -> None:
    async def write() -> None:
        table = get_table()
        item = await table.get(keys.assessment_pk(assessment_id), keys.META)
        assert item is not None
        await table.put({**item, "current_state": state.value, "round": 1, "active_areas": ["third_party"]})

    run_sync(write)


@pytest.mark.parametrize(("state", "action"), NOT_IN_TABLE, ids=lambda v: str(v))
def test_a_move_the_table_lacks_is_refused_to_everyone(cast, notes, state, action):
    assessment_id = create_assessment(cast)
    _force_state(assessment_id, state)

    for who in ROLES:
        with pytest.raises(_refusal(who)):
            _move(cast, who, action, assessment_id)

    assert collection(assessment_id).assessment.state is state
    assert collection(assessment_id).decisions == []


def test_deciding_before_anyone_has_it_says_to_assign_first(cast, notes):
    assessment_id = submitted(cast)

    with pytest.raises(NotAllowed, match="Assign the assessment"):
        _move(cast, "assessor", Action.DECIDE, assessment_id)


def test_the_old_single_approve_is_gone_and_transition_points_to_the_new_moves(cast):
    from assessments.services.assessments import assessment_transition

    assert "approve" not in {a.value for a in Action}
    assessment_id = submitted(cast)
    with pytest.raises(NotAllowed, match="assessment_send_back"):
        run_sync(
            assessment_transition,
            actor=cast.actor("assessor"),
            assessment_id=assessment_id,
            action=Action.SEND_BACK,
            feedback="x",
        )
