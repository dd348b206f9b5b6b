"""Answers saved at the same time: different questions never refuse each other; submit is ordered."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from assessments.domain import keys
from assessments.domain.workflow import Action, State
from assessments.errors import ConflictError, NotAllowed, ValidationFailed
from assessments.questionnaire import engine
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import questionnaire_get_active
from assessments.services import answers as answers_service
from assessments.services.answers import answer_save
from assessments.services.assessments import assessment_transition
from assessments.services.review import submit as submit_service
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.contract import SortKey
from tests.web.helpers import answer, answer_everything, create_assessment, valid_value

QUALIFYING = [f"Q-{n:02d}" for n in range(1, 11)]


def _value(question_id: str) -> Any:
    _version, questionnaire = questionnaire_get_active(key="default")
    return valid_value(questionnaire.question(question_id), yes_no="Yes")


async def _save_all(actor: Any, assessment_id: str, values: dict[str, Any]) -> list[Any]:
    return await asyncio.gather(
        *(
            answer_save(
                actor=actor, assessment_id=assessment_id, question_id=qid, raw_value=value, expected_version=0
            )
            for qid, value in values.items()
        ),
        return_exceptions=True,
    )


def _errors(results: list[Any]) -> list[BaseException]:
    return [r for r in results if isinstance(r, BaseException)]


def test_it_saves_ten_different_questions_at_once_without_a_conflict(cast):
    assessment_id = create_assessment(cast)
    values = {qid: _value(qid) for qid in QUALIFYING}  # 3 free answers, 7 that switch areas on

    results = run_sync(_save_all, cast.actor("requestor"), assessment_id, values)

    assert _errors(results) == []
    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    assert {qid: a.value for qid, a in collection.answers.items()} == values
    assessment = collection.assessment
    assert assessment.version == 1 + len(values)  # every save counted, none lost
    _version, questionnaire = questionnaire_get_active(key="default")
    # The areas are those of all ten answers, whichever save committed last.
    assert list(assessment.active_areas) == engine.active_areas(questionnaire, values)


def test_it_saves_ten_answers_no_rule_reads_in_one_transaction_each(cast):
    assessment_id = create_assessment(cast)
    for qid in QUALIFYING:
        answer(cast, assessment_id, qid, _value(qid))
    _version, questionnaire = questionnaire_get_active(key="default")
    answered = {qid: _value(qid) for qid in QUALIFYING}
    plain = [
        q
        for q in engine.applicable_questions(questionnaire, answered)
        if not q.is_qualifying and not questionnaire.is_rule_input(q.id)
    ][:10]
    assert len(plain) == 10

    with instrumentation.recording() as calls:
        results = run_sync(
            _save_all, cast.actor("requestor"), assessment_id, {q.id: valid_value(q) for q in plain}
        )

    assert _errors(results) == []
    # Not one retry: saves of different questions do not even meet inside the store.
    assert calls.count("dynamodb", "TransactWriteItems") == 10
    assert calls.count("dynamodb", "Query") == 10
    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.version == 1 + 10 + 10


def test_it_still_gives_one_winner_and_a_409_for_the_same_question(cast):
    assessment_id = create_assessment(cast)

    results = run_sync(_race_one_question, cast.actor("requestor"), assessment_id)

    winners = [r for r in results if not isinstance(r, BaseException)]
    losers = _errors(results)
    assert len(winners) == 1 and len(losers) == 4
    assert all(isinstance(e, ConflictError) and e.extra["current_version"] == 1 for e in losers)
    stored = run_sync(assessment_collection, assessment_id=assessment_id).answers["Q-01"]
    assert stored.version == 1 and stored.value == winners[0].answer.value


async def _race_one_question(actor: Any, assessment_id: str) -> list[Any]:
    return await asyncio.gather(
        *(
            answer_save(
                actor=actor,
                assessment_id=assessment_id,
                question_id="Q-01",
                raw_value=f"Description number {n}",
                expected_version=0,
            )
            for n in range(5)
        ),
        return_exceptions=True,
    )


def test_it_orders_answer_saves_and_a_submit_racing_them(cast):
    assessment_id = create_assessment(cast)
    answered = answer_everything(cast, assessment_id)
    _version, questionnaire = questionnaire_get_active(key="default")
    # Each differs from what answer_everything stored, so each that lands is one write.
    late = {
        "Q-03": "2031-05-01",
        "Q-01": "Rewritten while submitting.",
        "Q-02": questionnaire.question("Q-02").options[-1],
    }
    actor = cast.actor("requestor")

    async def race() -> tuple[Any, list[Any]]:
        submit = asyncio.ensure_future(
            assessment_transition(actor=actor, assessment_id=assessment_id, action=Action.SUBMIT)
        )
        saves = await asyncio.gather(
            *(
                answer_save(
                    actor=actor,
                    assessment_id=assessment_id,
                    question_id=q,
                    raw_value=v,
                    expected_version=None,
                )
                for q, v in late.items()
            ),
            return_exceptions=True,
        )
        return await submit, saves

    submitted, saves = run_sync(race)

    assert submitted.state is State.SUBMITTED
    # Each save either landed before the submit or was refused because it came after.
    assert all(not isinstance(s, BaseException) or isinstance(s, NotAllowed) for s in saves)
    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    landed = {q for q, s in zip(late, saves, strict=True) if not isinstance(s, BaseException)}
    assert {q for q in late if collection.answers[q].value == late[q]} == landed
    # The submit's write was conditioned on the version it read: every landed save is before it.
    assert collection.assessment.version == 1 + answered + len(landed) + 1


def test_it_refuses_an_answer_whose_read_was_overtaken_by_a_submit(cast, monkeypatch):
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id)
    actor = cast.actor("requestor")
    real_read = answers_service.assessment_for_actor
    reads = []

    async def read_then_submit(**kwargs: Any) -> Any:
        collection = await real_read(**kwargs)
        if not reads:  # the submit commits between this save's read and its write
            await assessment_transition(actor=actor, assessment_id=assessment_id, action=Action.SUBMIT)
        reads.append(collection.assessment.state)
        return collection

    monkeypatch.setattr(answers_service, "assessment_for_actor", read_then_submit)

    with pytest.raises(NotAllowed, match="submitted"):
        run_sync(
            answer_save,
            actor=actor,
            assessment_id=assessment_id,
            question_id="Q-01",
            raw_value="Too late",
            expected_version=None,
        )

    assert reads == [State.DRAFT, State.SUBMITTED]  # its write failed on META, it re-read
    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    assert collection.answers["Q-01"].value != "Too late"


def test_it_makes_a_submit_see_an_answer_that_committed_after_its_read(cast, monkeypatch):
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id)  # complete: a submit now would pass
    actor = cast.actor("requestor")
    real_read = submit_service.assessment_for_actor
    seen = []

    async def read_then_answer(**kwargs: Any) -> Any:
        collection = await real_read(**kwargs)
        if not seen:  # Q-04 = Yes commits between the submit's read and its write
            await answer_save(
                actor=actor,
                assessment_id=assessment_id,
                question_id="Q-04",
                raw_value="Yes",
                expected_version=None,
            )
        seen.append(collection.answers["Q-04"].value)
        return collection

    monkeypatch.setattr(submit_service, "assessment_for_actor", read_then_answer)

    with pytest.raises(ValidationFailed, match="required"):
        run_sync(assessment_transition, actor=actor, assessment_id=assessment_id, action=Action.SUBMIT)

    # Its write lost on the version, it read again and found the area Q-04 switched on unanswered.
    assert seen == ["No", "Yes"]
    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.state is State.DRAFT


async def _events(assessment_id: str) -> list[dict[str, Any]]:
    page = await get_table().query(
        partition=keys.events_pk(assessment_id), sort=SortKey.begins_with("EVENT#")
    )
    return page.items


def test_it_audits_every_concurrent_save_once(cast):
    assessment_id = create_assessment(cast)
    values = {qid: _value(qid) for qid in QUALIFYING}

    run_sync(_save_all, cast.actor("requestor"), assessment_id, values)

    saved = [e for e in run_sync(_events, assessment_id) if e["event_type"] == "answer_saved"]
    assert sorted(e["after"]["question_id"] for e in saved) == QUALIFYING
