"""Reassessing a finalized assessment: a new draft with its answers carried over, to be confirmed.

Who: only the requestor who owns the finalized assessment (a reviewer can read it, but a clone
is a draft owned by whoever makes it, and a reviewer's draft is nobody's work): another
requestor gets the 404 every other assessment of theirs gives, a reviewer a NotAllowed.

The new draft is opened by ``assessment_create`` (its checks, id, usage index and audit event),
then the carried answers are written in transactions of at most ``CARRY_BATCH`` answers, each
with its audit event and one Update of the new META: TransactWriteItems takes at most 100
operations; each answer is 2 (its item and its event), beside the 1 META Update and, in the
first, the 5 operations that link the draft to its source (``_link_ops``). One k for every batch:
``CARRY_BATCH`` = (100 - 1 - 5) // 2 = 47, so N answers cost ⌈N/47⌉ transactions.

Carried answers keep source ``carried_over`` ("Carried over — confirm") until the requestor
confirms one (``carried_answer_confirm``: source ``manual``) or saves another value. Submitting
with some still unconfirmed is allowed: they were approved before, and the review page marks
them (the source travels with every answer), so the assessor sees what was not looked at again.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from typing import Literal

from assessments.domain import keys, reuse
from assessments.domain.policy import EDITABLE_STATE_VALUES, ensure_can_edit
from assessments.domain.records import Actor, AnswerRecord, AssessmentCollection, AssessmentRecord, now_iso
from assessments.domain.workflow import State
from assessments.errors import ConflictError, NotAllowed, NotFoundError, ValidationFailed
from assessments.questionnaire import engine
from assessments.questionnaire.errors import AnswerInvalid
from assessments.questionnaire.model import Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import (
    aquestionnaire_get,
)
from assessments.services.assessments import AssessmentDetails, assessment_create
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from assessments.services.document_download import document_download
from assessments.services.documents import UploadFile, documents_upload
from integrations.errors import TransactionCanceled
from integrations.table import get_table
from integrations.table.contract import Condition, Delete, Put, TransactOp, Update

__all__ = ["CARRY_BATCH", "Reassessment", "assessment_clone", "carried_answer_confirm"]

LINK_OPS = 5  # see _link_ops
CARRY_BATCH = (100 - 1 - LINK_OPS) // 2  # 47
VersionChoice = Literal["same", "latest"]
CLONED_FROM_SK = "CLONEDFROM"


@dataclass(frozen=True)
class Dropped:
    question_id: str
    reason: str


@dataclass(frozen=True)
class Reassessment:
    record: AssessmentRecord  # the new draft
    source_id: str
    carried: tuple[str, ...]  # question ids
    dropped: tuple[Dropped, ...]
    documents_carried: tuple[str, ...] = ()  # names
    documents_not_carried: tuple[str, ...] = ()


async def assessment_clone(
    *,
    actor: Actor,
    assessment_id: str,
    questionnaire_version: VersionChoice | str = "latest",
    carry_documents: bool = False,
) -> Reassessment:
    """Open a reassessment of the finalized ``assessment_id`` (see the module docstring)."""
    if questionnaire_version not in ("same", "latest"):
        message = "Choose the same questionnaire version or the latest."
        raise ValidationFailed(message, extra={"fields": {"questionnaire_version": message}})
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    source = collection.assessment
    if source.owner_id != actor.user_id:
        raise NotAllowed("Only the requestor who owns this assessment can reassess it.")
    if source.state is not State.FINALIZED:
        raise NotAllowed("Only a finalized assessment can be reassessed.")
    details = AssessmentDetails(
        title=source.title,
        project=source.project,
        description=source.description,
        system_id=source.system_id,
        data_classification=source.data_classification,
        business_unit=source.business_unit,
    )
    draft = await assessment_create(
        actor=actor,
        details=details,
        questionnaire=source.questionnaire_key,
        questionnaire_version=source.questionnaire_version if questionnaire_version == "same" else None,
    )
    questionnaire = await aquestionnaire_get(key=draft.questionnaire_key, version=draft.questionnaire_version)
    carried, dropped = carry_plan(collection, questionnaire)
    draft = await _write_carried(actor, source, draft, questionnaire, carried, dropped, questionnaire_version)
    names_ok: tuple[str, ...] = ()
    names_failed: tuple[str, ...] = ()
    if carry_documents:
        names_ok, names_failed = await _carry_documents(actor, collection, draft.id)
    return Reassessment(
        record=draft,
        source_id=source.id,
        carried=tuple(carried),
        dropped=tuple(dropped),
        documents_carried=names_ok,
        documents_not_carried=names_failed,
    )


def carry_plan(
    collection: AssessmentCollection, questionnaire: Questionnaire
) -> tuple[dict[str, str | list[str]], list[Dropped]]:
    """The answers that carry over to ``questionnaire`` and the ones dropped, with why (pure)."""
    values: dict[str, str | list[str]] = {}
    dropped: list[Dropped] = []
    for qid, answer in sorted(collection.answers.items()):
        if not questionnaire.has_question(qid):
            dropped.append(Dropped(qid, "The question is not in this questionnaire version."))
            continue
        try:
            values[qid] = engine.validate_answer(questionnaire.question(qid), answer.value)
        except AnswerInvalid as exc:
            dropped.append(Dropped(qid, f"The old answer is not valid any more: {exc}"))
    # A question that does not apply given the other carried answers is not carried either.
    for qid in list(values):
        if not engine.is_applicable(questionnaire, questionnaire.question(qid), values):
            dropped.append(Dropped(qid, "The question does not apply given the other answers."))
    applicable = {
        qid: v
        for qid, v in values.items()
        if engine.is_applicable(questionnaire, questionnaire.question(qid), values)
    }
    return applicable, dropped


async def _write_carried(
    actor: Actor,
    source: AssessmentRecord,
    draft: AssessmentRecord,
    questionnaire: Questionnaire,
    carried: dict[str, str | list[str]],
    dropped: list[Dropped],
    choice: str,
) -> AssessmentRecord:
    pk = keys.assessment_pk(draft.id)
    areas = tuple(engine.active_areas(questionnaire, carried))
    qids = list(carried)
    batches = [qids[i : i + CARRY_BATCH] for i in range(0, len(qids), CARRY_BATCH)] or [[]]
    table = get_table()
    for number, batch in enumerate(batches):
        now = now_iso()
        ops: list[TransactOp] = []
        for qid in batch:
            answer = AnswerRecord(qid, carried[qid], "carried_over", actor.username, now, 1)
            ops.append(Put(answer.to_item(draft.id), Condition.absent()))
            ops.append(
                event_put(
                    assessment_id=draft.id,
                    event_type="carried_over",
                    actor=actor,
                    after={
                        "question_id": qid,
                        "value": carried[qid],
                        "source": "carried_over",
                        "from": source.id,
                    },
                    at=now,
                )
            )
        ops.append(
            Update(
                pk,
                keys.META,
                set={"updated_at": now, "gsi1_sk": now, "active_areas": list(areas)},
                add={"version": 1},
                condition=Condition.one_of("current_state", EDITABLE_STATE_VALUES),
            )
        )
        if number == 0:
            ops += _link_ops(actor, source, draft, dropped, choice, now)
        try:
            with table_errors_as_domain():
                await table.transact(ops)
        except TransactionCanceled:
            raise ConflictError(
                f"The reassessment {draft.id} was opened but changed while its answers were carried over; "
                "open it and check the answers."
            ) from None
    return dataclasses.replace(
        draft, active_areas=areas, version=draft.version + len(batches), updated_at=now
    )


def _link_ops(
    actor: Actor,
    source: AssessmentRecord,
    draft: AssessmentRecord,
    dropped: list[Dropped],
    choice: str,
    now: str,
) -> list[TransactOp]:
    """The new draft's note of where it came from; the old one leaves "due for reassessment"."""
    dropped_items = [{"question_id": d.question_id, "reason": d.reason} for d in dropped]
    return [
        Put(
            {
                "pk": keys.assessment_pk(draft.id),
                "sk": CLONED_FROM_SK,
                "cloned_from": source.id,
                "version_choice": choice,
                "dropped": dropped_items,
                "at": now,
            },
            Condition.absent(),
        ),
        Delete(keys.assessment_pk(source.id), reuse.REASSESS_SK_ALL),
        Delete(keys.assessment_pk(source.id), reuse.REASSESS_SK_OWNER),
        event_put(
            assessment_id=draft.id,
            event_type="reassessment_opened",
            actor=actor,
            after={"from": source.id, "version_choice": choice, "dropped": dropped_items},
            at=now,
        ),
        event_put(
            assessment_id=source.id,
            event_type="reassessed",
            actor=actor,
            after={"reassessment": draft.id},
            at=now,
        ),
    ]


async def _carry_documents(
    actor: Actor, collection: AssessmentCollection, draft_id: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Copy each ready document's bytes into the new draft as a fresh upload: a new storage key
    (removing one assessment's copy never removes the other's) and its own processing run."""
    ok: list[str] = []
    failed: list[str] = []
    for document in collection.ready_documents:
        try:
            download = await document_download(
                actor=actor, assessment_id=collection.assessment.id, document_id=document.id
            )
        except NotFoundError:
            failed.append(document.name)
            continue
        with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as spool:
            async for chunk in download.chunks:
                spool.write(chunk)
            size = spool.tell()
            spool.seek(0)
            outcomes = await documents_upload(
                actor=actor, assessment_id=draft_id, files=[UploadFile(document.name, file=spool, size=size)]
            )
        (ok if outcomes and outcomes[0].stored else failed).append(document.name)
    return tuple(ok), tuple(failed)


async def carried_answer_confirm(
    *, actor: Actor, assessment_id: str, question_id: str, expected_version: int | None = None
) -> AnswerRecord:
    """The requestor confirms a carried-over answer as it is: it becomes their own (``manual``)."""
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    ensure_can_edit(actor, collection.assessment, part="answers")
    existing = collection.answers.get(question_id)
    if existing is None or existing.source != "carried_over":
        raise ValidationFailed("This answer is not a carried-over answer waiting for confirmation.")
    if expected_version is not None and expected_version != existing.version:
        raise ConflictError(
            "Someone else changed this answer after you opened it; reload.",
            extra={"current_value": existing.value, "current_version": existing.version},
        )
    now = now_iso()
    confirmed = dataclasses.replace(
        existing, source="manual", answered_by=actor.username, answered_at=now, version=existing.version + 1
    )
    ops: list[TransactOp] = [
        Put(confirmed.to_item(assessment_id), Condition.version_is(existing.version)),
        Update(
            keys.assessment_pk(assessment_id),
            keys.META,
            set={"updated_at": now, "gsi1_sk": now},
            add={"version": 1},
            condition=Condition.one_of("current_state", EDITABLE_STATE_VALUES),
        ),
        event_put(
            assessment_id=assessment_id,
            event_type="carried_answer_confirmed",
            actor=actor,
            before={"question_id": question_id, "source": "carried_over"},
            after={"question_id": question_id, "value": existing.value, "source": "manual"},
            at=now,
        ),
    ]
    try:
        with table_errors_as_domain():
            await get_table().transact(ops)
    except TransactionCanceled:
        raise ConflictError("The answer or the assessment changed since you opened it; reload.") from None
    return confirmed
