"""Assessments at the stage each review route needs, for the review authorization matrix.

Every stage is built through the use cases (as a user would get there), on an assessment of
"requestor" that switches on Third Party and Data Privacy, so a decision, a comment on TP-01 and
a send back naming it are all valid for whoever is allowed to make them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from assessments.notifications.selectors import notes_of_user, unread_count
from assessments.selectors.assessments import assessment_collection
from assessments.services.reassessment import assessment_clone
from assessments.services.review import (
    area_decide,
    assessment_assign,
    assessment_submit,
    comment_add,
    thread_resolve,
)
from integrations.runtime import run_sync
from tests.pipeline.helpers import upload
from tests.web.helpers import answer_everything, create_assessment

# An id of the right shape that no assessment has.
MISSING = "TRA-2000-000000"
QUESTION = "TP-01"
AREAS = ("third_party", "data_privacy")
# Yes to a third party and to personal data; Yes to "staff only" keeps Cyber Security off.
YES = frozenset({"Q-04", "Q-06", "Q-10"})


@dataclass(frozen=True)
class Scene:
    assessment_id: str = MISSING
    document_id: str = "0" * 32
    question_id: str = QUESTION
    note_id: str = ""  # a note of "requestor"'s, where the stage made one


def _submitted(cast: Any) -> str:
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id, yes=YES)
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    return assessment_id


def _assigned(cast: Any) -> Scene:
    assessment_id = _submitted(cast)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    return Scene(assessment_id)


def _with_thread(cast: Any) -> Scene:
    """Under review, the assessor's question on TP-01 (which gives the requestor a note)."""
    scene = _assigned(cast)
    run_sync(
        comment_add,
        actor=cast.actor("assessor"),
        assessment_id=scene.assessment_id,
        question_id=QUESTION,
        text="Which legal entity signs the contract?",
    )
    notes = run_sync(notes_of_user, user_id=cast.requestor.pk).items
    return replace(scene, note_id=notes[0].id)


def _resolved(cast: Any) -> Scene:
    scene = _with_thread(cast)
    run_sync(
        thread_resolve, actor=cast.actor("assessor"), assessment_id=scene.assessment_id, question_id=QUESTION
    )
    return scene


def _finalized(cast: Any) -> Scene:
    scene = _assigned(cast)
    for area in AREAS:
        run_sync(
            area_decide,
            actor=cast.actor("assessor"),
            assessment_id=scene.assessment_id,
            area_key=area,
            outcome="approve",
            rationale="Controls are adequate.",
            conditions=[],
            residual_rating="low",
            residual_rationale="Mitigated by the vendor's certifications.",
        )
    return scene


def _with_document(cast: Any) -> Scene:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("controls.txt", b"Customer records are encrypted at rest.\n"))
    assert outcome.document is not None, outcome
    return Scene(assessment_id, document_id=outcome.document.id)


def _reassessed(cast: Any) -> Scene:
    """A reassessment of a finalized assessment: its answers (TP-01 too) carried over to confirm."""
    source = _finalized(cast)
    done = run_sync(assessment_clone, actor=cast.actor("requestor"), assessment_id=source.assessment_id)
    return Scene(done.record.id)


STAGES: dict[str, Callable[[Any], Scene]] = {
    "none": lambda cast: Scene(),
    "submitted": lambda cast: Scene(_submitted(cast)),
    "under_review": _assigned,
    "thread": _with_thread,
    "resolved": _resolved,
    "finalized": _finalized,
    "document": _with_document,
    "reassessed": _reassessed,
}


def build(cast: Any, stage: str) -> Scene:
    return STAGES[stage](cast)


def fingerprint(cast: Any, scene: Scene) -> tuple[Any, ...]:
    """What a refused request must leave as it was: the assessment, its threads and decisions,
    and the requestor's unread notes."""
    unread = run_sync(unread_count, user_id=cast.requestor.pk)
    if scene.assessment_id == MISSING:
        return (unread,)
    c = run_sync(assessment_collection, assessment_id=scene.assessment_id)
    a = c.assessment
    threads = sorted((q, str(t.status), t.version) for q, t in c.threads.items())
    return (
        unread,
        a.state,
        a.version,
        a.assignee_id,
        len(c.comments),
        threads,
        len(c.decisions),
        sorted((d.id, d.status) for d in c.documents),
    )
