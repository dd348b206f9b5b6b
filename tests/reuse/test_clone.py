"""Reassessment: a finalized assessment cloned into a new draft, its answers to be confirmed."""

from __future__ import annotations

import math
from typing import Any

import pytest

from assessments.domain.workflow import State
from assessments.errors import NotAllowed, NotFoundError, ValidationFailed
from assessments.selectors.assessments import assessments_of_user
from assessments.services.reassessment import CARRY_BATCH, assessment_clone, carried_answer_confirm
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.reuse.helpers import finalized, import_without
from tests.review.helpers import collection, drafted, events, under_review
from tests.web.helpers import answer


def clone(cast: Any, assessment_id: str, who: str = "requestor", **options: Any) -> Any:
    return run_sync(assessment_clone, actor=cast.actor(who), assessment_id=assessment_id, **options)


def owned(cast: Any, who: str = "requestor") -> list[str]:
    page = run_sync(assessments_of_user, user_id=getattr(cast, who).pk, limit=100)
    return [a.id for a in page.items]


def test_it_opens_a_draft_with_every_answer_carried_over_to_confirm(cast: Any) -> None:
    source = finalized(cast)
    before = collection(source)

    done = clone(cast, source)

    draft = collection(done.record.id)
    assert draft.assessment.state is State.DRAFT and draft.assessment.id != source
    assert draft.assessment.owner_id == cast.requestor.pk
    assert draft.assessment.title == before.assessment.title
    assert draft.answer_values() == before.answer_values()
    assert {a.source for a in draft.answers.values()} == {"carried_over"}
    assert draft.assessment.active_areas == before.assessment.active_areas
    assert not done.dropped
    carried_events = [e for e in events(done.record.id) if e["event_type"] == "carried_over"]
    assert len(carried_events) == len(before.answers)
    assert {e["after"]["from"] for e in carried_events} == {source}
    # The source is untouched: still finalized, its answers its own.
    assert collection(source).assessment.state is State.FINALIZED
    assert collection(source).answers == before.answers


def test_it_writes_the_carried_answers_in_ceil_n_over_k_transactions(cast: Any) -> None:
    source = finalized(cast)
    answers = len(collection(source).answers)
    with instrumentation.recording() as calls:
        clone(cast, source)
    # assessment_create's one transaction, then one per CARRY_BATCH answers.
    assert calls.count("dynamodb", "TransactWriteItems") == 1 + math.ceil(answers / CARRY_BATCH)
    assert calls.count("dynamodb", "Scan") == 0


def test_it_drops_the_answers_whose_question_the_latest_version_removed_and_lists_them(cast: Any) -> None:
    source = finalized(cast)
    assert "TP-01" in collection(source).answers
    version = import_without("TP-01")

    done = clone(cast, source, questionnaire_version="latest")

    draft = collection(done.record.id)
    assert draft.assessment.questionnaire_version == version
    assert "TP-01" not in draft.answers
    assert [d.question_id for d in done.dropped] == ["TP-01"]
    assert "not in this questionnaire version" in done.dropped[0].reason
    opened = next(e for e in events(done.record.id) if e["event_type"] == "reassessment_opened")
    assert [d["question_id"] for d in opened["after"]["dropped"]] == ["TP-01"]


def test_it_reassesses_on_the_same_version_after_a_newer_one_is_active(cast: Any) -> None:
    source = finalized(cast)
    before = collection(source).assessment.questionnaire_version
    import_without("TP-01")  # a newer version without TP-01 becomes the active one

    same = clone(cast, source, questionnaire_version="same")
    latest = clone(cast, source, questionnaire_version="latest")

    assert same.record.questionnaire_version == before
    assert "TP-01" in same.carried and "TP-01" not in {d.question_id for d in same.dropped}
    assert latest.record.questionnaire_version > before
    assert "TP-01" in {d.question_id for d in latest.dropped}


def test_it_keeps_the_same_version_while_it_is_the_active_one(cast: Any) -> None:
    source = finalized(cast)
    done = clone(cast, source, questionnaire_version="same")
    assert done.record.questionnaire_version == collection(source).assessment.questionnaire_version


@pytest.mark.parametrize("build", [drafted, under_review], ids=["draft", "under review"])
def test_it_refuses_an_assessment_that_is_not_finalized(cast: Any, build: Any) -> None:
    source = build(cast)
    mine = owned(cast)
    with pytest.raises(NotAllowed, match="finalized"):
        clone(cast, source)
    assert owned(cast) == mine


def test_another_requestor_gets_a_404_and_a_reviewer_is_refused(cast: Any) -> None:
    source = finalized(cast)
    with pytest.raises(NotFoundError):
        clone(cast, source, who="requestor2")
    with pytest.raises(NotAllowed, match="owns"):
        clone(cast, source, who="assessor")
    assert owned(cast, "requestor2") == [] and owned(cast, "assessor") == []


def test_confirming_a_carried_answer_makes_it_the_requestors_own(cast: Any) -> None:
    draft_id = clone(cast, finalized(cast)).record.id
    carried = collection(draft_id).answers["Q-01"]

    confirmed = run_sync(
        carried_answer_confirm,
        actor=cast.actor("requestor"),
        assessment_id=draft_id,
        question_id="Q-01",
        expected_version=carried.version,
    )

    stored = collection(draft_id).answers["Q-01"]
    assert stored.source == confirmed.source == "manual" and stored.value == carried.value
    assert any(e["event_type"] == "carried_answer_confirmed" for e in events(draft_id))
    with pytest.raises(ValidationFailed):  # once confirmed, there is nothing left to confirm
        run_sync(
            carried_answer_confirm, actor=cast.actor("requestor"), assessment_id=draft_id, question_id="Q-01"
        )


def test_changing_a_carried_answer_makes_it_manual_and_others_stay_to_confirm(cast: Any) -> None:
    draft_id = clone(cast, finalized(cast)).record.id
    answer(cast, draft_id, "Q-01", "A new description of the change.")
    answers = collection(draft_id).answers
    assert answers["Q-01"].source == "manual"
    assert answers["Q-02"].source == "carried_over"


def test_only_the_owner_confirms(cast: Any) -> None:
    draft_id = clone(cast, finalized(cast)).record.id
    with pytest.raises(NotFoundError):
        run_sync(
            carried_answer_confirm, actor=cast.actor("requestor2"), assessment_id=draft_id, question_id="Q-01"
        )
    with pytest.raises(NotAllowed):
        run_sync(
            carried_answer_confirm, actor=cast.actor("assessor"), assessment_id=draft_id, question_id="Q-01"
        )
    assert collection(draft_id).answers["Q-01"].source == "carried_over"


def test_documents_are_copied_under_new_keys_and_processed_again_only_when_asked(
    cast: Any, pipeline: Any, run_tasks: Any
) -> None:
    from tests.pipeline.helpers import upload

    source = finalized(
        cast, before_submit=lambda a: upload(cast, a, ("controls.txt", b"Records are encrypted.\n"))
    )
    [original] = collection(source).documents

    without = clone(cast, source)
    with_docs = clone(cast, source, carry_documents=True)

    assert collection(without.record.id).documents == []
    [copied] = collection(with_docs.record.id).documents
    assert with_docs.documents_carried == ("controls.txt",)
    assert copied.sha256 == original.sha256 and copied.status.value == "ready"
    assert copied.storage_key != original.storage_key and copied.id != original.id


def test_saving_a_carried_answer_unchanged_confirms_it(cast: Any) -> None:
    draft_id = clone(cast, finalized(cast)).record.id
    carried = collection(draft_id).answers["Q-01"]
    assert carried.source == "carried_over"

    answer(cast, draft_id, "Q-01", carried.value)

    stored = collection(draft_id).answers["Q-01"]
    assert stored.source == "manual" and stored.value == carried.value
