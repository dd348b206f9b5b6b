"""Who may read an assessment and who may change it: the rule, written once (pure).

Reading: the requestor who owns it, and every reviewer (assessors, admins). Anyone else is
told "No such assessment" (a 404, never a 403: another user's assessment is indistinguishable
from a missing one).

Changing its answers, documents and suggestions: only the owner, and only while the
requestor holds it (draft or sent back). Moving it through the workflow is the workflow
table's business (``workflow.find_transition``), which uses ``is_owner`` from here.
"""

from __future__ import annotations

from typing import Literal

from assessments.domain.records import Actor, AssessmentRecord
from assessments.domain.workflow import EDITABLE_STATES
from assessments.errors import NotAllowed, NotFoundError

# What the refusal names: "its answers", "its documents", ...
Part = Literal["answers", "documents"]


def is_owner(actor: Actor, assessment: AssessmentRecord) -> bool:
    return assessment.owner_id == actor.user_id


def can_read(actor: Actor, assessment: AssessmentRecord) -> bool:
    return is_owner(actor, assessment) or actor.is_reviewer


def can_edit(actor: Actor, assessment: AssessmentRecord) -> bool:
    return is_owner(actor, assessment) and assessment.state in EDITABLE_STATES


def ensure_can_read(actor: Actor, assessment: AssessmentRecord) -> None:
    if not can_read(actor, assessment):
        raise NotFoundError("No such assessment.")


def ensure_can_edit(actor: Actor, assessment: AssessmentRecord, *, part: Part = "answers") -> None:
    """NotAllowed naming why: not the owner, or the assessment is with the assessor."""
    if not is_owner(actor, assessment):
        raise NotAllowed(f"Only the requestor who owns this assessment can change its {part}.")
    if assessment.state not in EDITABLE_STATES:
        raise NotAllowed(
            f"This assessment has been submitted; its {part} are read-only until it is sent back."
        )


# The states in which the owner may edit, for a write's condition on the stored item: the
# check above ran on what was read; the condition makes the write fail if that moved since.
EDITABLE_STATE_VALUES: tuple[str, ...] = tuple(sorted(s.value for s in EDITABLE_STATES))
