"""Who hears about a comment, a send back, a due date."""

from __future__ import annotations

from assessments.domain.records import Actor
from assessments.domain.roles import Role
from assessments.notifications.recipients import comment_other_side, to_requestor, to_reviewers

OWNER = Actor(user_id=1, username="requestor", roles=frozenset({Role.REQUESTOR}))
REVIEWER = Actor(user_id=3, username="assessor", roles=frozenset({Role.REQUESTOR, Role.ASSESSOR}))


def test_a_reviewers_comment_goes_to_the_requestor() -> None:
    assert comment_other_side(owner_id=1, actor=REVIEWER, assignee_id=3, participant_ids=[3, 5]) == [1]


def test_the_requestors_reply_goes_to_the_assignee_first() -> None:
    assert comment_other_side(owner_id=1, actor=OWNER, assignee_id=5, participant_ids=[3]) == [5]


def test_unassigned_it_goes_to_the_reviewers_in_the_thread_else_to_every_reviewer() -> None:
    assert comment_other_side(owner_id=1, actor=OWNER, assignee_id=None, participant_ids=[1, 5, 3, 5]) == [
        3,
        5,
    ]
    assert comment_other_side(owner_id=1, actor=OWNER, assignee_id=None, participant_ids=[1]) is None


def test_requestor_and_reviewer_lists() -> None:
    assert to_requestor(owner_id=7) == [7]
    assert to_reviewers(assignee_id=4) == [4]
    assert to_reviewers(assignee_id=None) is None
