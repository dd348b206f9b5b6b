"""Comment threads per question, for both sides: add, resolve, reopen.

A comment never bumps META's version: talking about a question must not make an assessor's
open decision form stale. It is ordered against workflow moves by a Check of META's state.
"""

from __future__ import annotations

import dataclasses

from assessments.domain import keys
from assessments.domain.policy import is_owner
from assessments.domain.records import Actor, AssessmentCollection, AssessmentRecord, now_iso
from assessments.domain.review import COMMENT_MAX_LENGTH, CommentRecord, ThreadState, ThreadStatus
from assessments.domain.workflow import COMMENTABLE_STATES, STATE_LABELS
from assessments.errors import NotAllowed, NotFoundError, ValidationFailed
from assessments.guests.domain import GuestInvite, InviteStatus, invite_sk
from assessments.notifications import NotificationKind
from assessments.questionnaire import engine
from assessments.selectors.assessments import assessment_collection, assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.audit import event_put
from assessments.services.review._common import clean_text, tell, transact_with_retries
from integrations.table.contract import Check, Condition, Put, TransactOp

COMMENTABLE_VALUES = tuple(sorted(s.value for s in COMMENTABLE_STATES))
NOT_APPLICABLE = "This question does not apply to this assessment."


def _role(actor: Actor, assessment: AssessmentRecord) -> str:
    # The owner speaks as the requestor even when they are also a reviewer.
    return "requestor" if is_owner(actor, assessment) else "assessor"


def _ensure_commentable(assessment: AssessmentRecord) -> None:
    if assessment.state not in COMMENTABLE_STATES:
        raise NotAllowed(
            f"An assessment that is {STATE_LABELS[assessment.state].lower()} takes no comments: "
            "comments are for the time between submission and decision."
        )


def _state_check(assessment_id: str) -> Check:
    return Check(
        keys.assessment_pk(assessment_id), keys.META, Condition.one_of("current_state", COMMENTABLE_VALUES)
    )


def _thread_put(thread: ThreadState, previous: ThreadState | None) -> Put:
    condition = Condition.absent() if previous is None else Condition.version_is(previous.version)
    return Put(thread.to_item(), condition)


async def _collection_for(
    actor: Actor, assessment_id: str, guest: GuestInvite | None
) -> AssessmentCollection:
    if guest is None:
        return await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    # A guest has no account: their link (resolved by assessments.guests) is the read check.
    if guest.assessment_id != assessment_id:
        raise NotFoundError("No such assessment.")
    return await assessment_collection(assessment_id=assessment_id)


async def comment_add(
    *,
    actor: Actor,
    assessment_id: str,
    question_id: str,
    text: str,
    guest: GuestInvite | None = None,
) -> CommentRecord:
    """One comment on an applicable question, by the owner or any reviewer; it (re)opens the thread.

    ``guest``: an invited guest reviewer's comment (assessments.guests resolved their link and
    checked the area): role "guest", author their address, and it commits only while the invite
    is still active (a Check on it), audited as ``guest_commented`` with the invite id."""

    async def plan(_attempt: int) -> tuple[list[TransactOp], tuple[CommentRecord, AssessmentRecord]]:
        collection = await _collection_for(actor, assessment_id, guest)
        current = collection.assessment
        _ensure_commentable(current)
        body = clean_text(
            text, field="text", limit=COMMENT_MAX_LENGTH, required=True, required_message="Write a comment."
        )
        await _ensure_applicable(collection, question_id)
        # A new ts each attempt: a same-microsecond clash on the comment's key retries cleanly.
        now = now_iso()
        comment = CommentRecord(
            assessment_id=current.id,
            question_id=question_id,
            at=now,
            author=guest.email if guest else actor.username,
            author_id=actor.user_id,
            role="guest" if guest else _role(actor, current),
            text=body,
            round=current.round,
        )
        previous = collection.threads.get(question_id)
        if previous is not None and previous.status is ThreadStatus.OPEN:
            thread = dataclasses.replace(previous, version=previous.version + 1)
        else:  # a new thread, or a resolved one this comment reopens
            thread = ThreadState(
                assessment_id=current.id,
                question_id=question_id,
                status=ThreadStatus.OPEN,
                changed_by=actor.username,
                changed_at=now,
                version=(previous.version + 1) if previous else 1,
            )
        ops: list[TransactOp] = [
            Put(comment.to_item(), Condition.absent()),
            _thread_put(thread, previous),
            _state_check(current.id),
            event_put(
                assessment_id=current.id,
                event_type="guest_commented" if guest else "comment_added",
                actor=actor,
                after={
                    "question_id": question_id,
                    "role": comment.role,
                    "round": current.round,
                    "text": body,
                    **({"invite_id": guest.invite_id} if guest else {}),
                },
                at=now,
            ),
        ]
        if guest is not None:
            ops.append(guest_active_check(guest))
        return ops, (comment, current)

    comment, assessment = await transact_with_retries(plan)
    if comment.role == "assessor":
        recipients: list[int] | None = [assessment.owner_id]
    else:
        recipients = [assessment.assignee_id] if assessment.assignee_id is not None else None
    await tell(
        NotificationKind.COMMENT,
        assessment=assessment,
        actor=actor,
        recipient_ids=recipients,
        text=f"{actor.username} commented on {question_id} of “{assessment.title}”.",
    )
    return comment


def guest_active_check(guest: GuestInvite) -> Check:
    return Check(
        keys.assessment_pk(guest.assessment_id),
        invite_sk(guest.invite_id),
        Condition.one_of("status", (InviteStatus.ACTIVE.value,)),
    )


async def _ensure_applicable(collection: AssessmentCollection, question_id: str) -> None:
    current = collection.assessment
    questionnaire = await aquestionnaire_get(
        key=current.questionnaire_key, version=current.questionnaire_version
    )
    if not questionnaire.has_question(question_id) or not engine.is_applicable(
        questionnaire, question_id, collection.answer_values()
    ):
        raise ValidationFailed(NOT_APPLICABLE, extra={"fields": {"question_id": NOT_APPLICABLE}})


async def thread_resolve(*, actor: Actor, assessment_id: str, question_id: str) -> ThreadState:
    return await _thread_set(actor, assessment_id, question_id, ThreadStatus.RESOLVED)


async def thread_reopen(*, actor: Actor, assessment_id: str, question_id: str) -> ThreadState:
    return await _thread_set(actor, assessment_id, question_id, ThreadStatus.OPEN)


async def _thread_set(
    actor: Actor, assessment_id: str, question_id: str, status: ThreadStatus
) -> ThreadState:
    """Either side; the thread must exist. Setting the status it already has writes nothing."""
    event_type = "comment_thread_resolved" if status is ThreadStatus.RESOLVED else "comment_thread_reopened"

    async def plan(_attempt: int) -> tuple[list[TransactOp], ThreadState]:
        collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
        current = collection.assessment
        previous = collection.threads.get(question_id)
        if previous is None:
            raise NotFoundError("There is no comment thread on this question.")
        _ensure_commentable(current)
        if previous.status is status:
            return [], previous
        now = now_iso()
        thread = dataclasses.replace(
            previous, status=status, changed_by=actor.username, changed_at=now, version=previous.version + 1
        )
        ops: list[TransactOp] = [
            _thread_put(thread, previous),
            _state_check(current.id),
            event_put(
                assessment_id=current.id,
                event_type=event_type,
                actor=actor,
                before={"question_id": question_id, "status": previous.status.value},
                after={"question_id": question_id, "status": status.value},
                at=now,
            ),
        ]
        return ops, thread

    return await transact_with_retries(plan)
