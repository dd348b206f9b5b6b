"""Planning one answer save: from what was read to the writes that make it, or why not (pure).

The writes are one transaction of three operations:

0. the answer's own item, conditioned on the version the user saw (a stale save loses);
1. an ``Update`` of the assessment's META: ``ADD version 1`` plus the new ``updated_at``, on
   the condition that the assessment is still editable. An ADD never conflicts with another
   ADD, so saves of different questions never refuse each other; and because every save
   bumps ``version``, a workflow move (which conditions on the version it read) is ordered
   against every answer: an answer cannot land on a just-submitted assessment, and a submit
   cannot miss an answer that committed before it;
2. the audit event.

An answer that some rule reads (``Questionnaire.is_rule_input``) can switch risk areas on or
off, so its save also writes ``active_areas``, computed from the answers read. Two such
saves must not both write areas computed from a snapshot without the other's answer, so
they also ``ADD areas_rev 1`` on the condition that ``areas_rev`` is what they read: they
serialise among themselves (the loser re-reads and plans again), and never with the others.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

from assessments.domain import keys
from assessments.domain.documents import CitationRecord
from assessments.domain.policy import EDITABLE_STATE_VALUES, ensure_can_edit
from assessments.domain.records import (
    Actor,
    AnswerRecord,
    AssessmentCollection,
    AssessmentRecord,
    EventRecord,
)
from assessments.errors import ConflictError, NotFoundError, ValidationFailed
from assessments.questionnaire import engine
from assessments.questionnaire.errors import AnswerInvalid
from assessments.questionnaire.model import Questionnaire
from integrations.table.contract import Condition, Delete, Put, TransactOp, Update

AnswerSource = Literal["manual", "suggestion_accepted", "suggestion_edited", "carried_over", "library"]

# Where each write sits in the transaction, to read its cancellation reason.
ANSWER_OP = 0
META_OP = 1


@dataclass(frozen=True)
class AnswerPlan:
    question_id: str
    ops: tuple[TransactOp, ...]  # empty when the value is what is stored already
    answer: AnswerRecord | None  # the answer after the save (None: unanswered)
    # The META after the save, as far as this save knows: concurrent saves of other
    # questions may have added to ``version`` too.
    assessment: AssessmentRecord
    applicability_changed: bool  # other questions appeared or disappeared
    questions_appeared: bool

    @property
    def changes_nothing(self) -> bool:
        return not self.ops


def plan_answer_save(
    *,
    actor: Actor,
    collection: AssessmentCollection,
    questionnaire: Questionnaire,
    question_id: str,
    raw_value: Any,
    expected_version: int | None,
    source: AnswerSource,
    now: str,
    event_id: str,
    citations: tuple[CitationRecord, ...] = (),
    suggested_value: str | list[str] | None = None,
) -> AnswerPlan:
    """The writes for saving ``raw_value``, or the DomainError that refuses it.

    An answer taken from a suggestion (accepted, or edited from it) carries the suggestion's
    ``citations`` and ``suggested_value``, frozen on the answer item: the suggestion itself is
    replaced whenever the documents change. A manual save is the requestor's own text and
    carries none, whatever the answer had before.
    """
    assessment = collection.assessment
    ensure_can_edit(actor, assessment, part="answers")
    if not questionnaire.has_question(question_id):
        raise NotFoundError("No such question in this assessment's questionnaire.")
    question = questionnaire.question(question_id)
    answers = collection.answer_values()
    if not engine.is_applicable(questionnaire, question, answers):
        raise ValidationFailed("This question does not apply given your other answers.")
    try:
        value = engine.validate_answer(question, raw_value)
    except AnswerInvalid as exc:
        raise ValidationFailed(str(exc), extra={"question_id": question_id, "value": raw_value}) from None

    existing = collection.answers.get(question_id)
    seen = existing.version if existing else 0
    if expected_version is not None and expected_version != seen:
        raise stale_answer(existing)
    cleared = value in ("", [])
    if source == "manual":
        citations, suggested_value = (), None
    if (existing and _same_answer(existing, value, source, citations)) or (existing is None and cleared):
        return AnswerPlan(
            question_id, (), existing, assessment, applicability_changed=False, questions_appeared=False
        )

    pk = keys.assessment_pk(assessment.id)
    new_answers = dict(answers)
    answer: AnswerRecord | None
    answer_op: TransactOp
    if cleared:
        new_answers.pop(question_id, None)
        answer = None
        answer_op = Delete(pk, keys.answer_sk(question_id), Condition.version_is(seen))
    else:
        new_answers[question_id] = value
        answer = AnswerRecord(
            question_id,
            value,
            source,
            actor.username,
            now,
            seen + 1,
            citations=tuple(citations),
            suggested_value=suggested_value,
        )
        answer_op = Put(
            answer.to_item(assessment.id), Condition.version_is(seen) if existing else Condition.absent()
        )

    editable = Condition.one_of("current_state", EDITABLE_STATE_VALUES)
    after = dataclasses.replace(assessment, updated_at=now, version=assessment.version + 1)
    changes: dict[str, Any] = {"updated_at": now, "gsi1_sk": now}
    counters = {"version": 1}
    condition = editable
    if questionnaire.is_rule_input(question_id):
        areas = tuple(engine.active_areas(questionnaire, new_answers))
        after = dataclasses.replace(after, active_areas=areas, areas_rev=assessment.areas_rev + 1)
        changes["active_areas"] = list(areas)
        counters["areas_rev"] = 1
        condition = Condition.all_of(editable, Condition.counter_is("areas_rev", assessment.areas_rev))
    meta_op = Update(pk, keys.META, set=changes, add=counters, condition=condition)

    event = EventRecord(
        assessment_id=assessment.id,
        # An answer taken from a suggestion is recorded as such (suggestion_accepted/_edited).
        event_type=("answer_saved" if source == "manual" else source) if answer else "answer_cleared",
        actor=actor.username,
        actor_id=actor.user_id,
        at=now,
        event_id=event_id,
        before={"question_id": question_id, "value": existing.value if existing else None},
        after={"question_id": question_id, "value": value or None, "source": source},
    )
    before_ids: set[str] = set()
    after_ids: set[str] = set()
    if questionnaire.is_rule_input(question_id):
        # Only an answer that a rule reads can make other questions apply or not.
        before_ids = {q.id for q in engine.applicable_questions(questionnaire, answers)}
        after_ids = {q.id for q in engine.applicable_questions(questionnaire, new_answers)}
    return AnswerPlan(
        question_id=question_id,
        ops=(answer_op, meta_op, Put(event.to_item(), Condition.absent())),
        answer=answer,
        assessment=after,
        applicability_changed=before_ids != after_ids,
        questions_appeared=bool(after_ids - before_ids),
    )


def _same_answer(
    existing: AnswerRecord, value: Any, source: AnswerSource, citations: tuple[CitationRecord, ...]
) -> bool:
    """Whether saving ``value`` from ``source`` would store what is there already.

    Re-saving the same value by hand keeps what the answer is (and the evidence it was taken
    from: the requestor changed nothing). Taking a suggestion that says what the answer says
    already still records where it came from, unless that is recorded already.
    """
    if existing.value != value:
        return False
    if source == "manual":
        return existing.source != "carried_over"  # saving a carried answer unchanged confirms it
    return existing.source == source and existing.citations == tuple(citations)


def stale_answer(current: AnswerRecord | None) -> ConflictError:
    """Someone else saved this question first: their value travels with the refusal."""
    return ConflictError(
        "Someone else changed this answer after you opened it. Their version is shown; review it and save again.",
        extra={
            "current_value": current.value if current else None,
            "current_version": current.version if current else 0,
            "answered_by": current.answered_by if current else None,
        },
    )
