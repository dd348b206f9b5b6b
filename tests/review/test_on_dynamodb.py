"""The review's writes on DynamoDB (through moto): its conditions (version, absent, one_of in a
Check) and the queue's gsi1 entries behave as on the local store."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from assessments.domain.review import decision_areas
from assessments.domain.workflow import State
from assessments.errors import NotAllowed
from assessments.services.review import area_decide, comment_add
from assessments.services.review import comments as comments_service
from assessments.services.review import decisions as decisions_service
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import TableStore
from tests.review.helpers import collection, decide, queue_ids, reads_meet, sent_back, under_review
from tests.store.moto_atomic import atomic_moto_dynamodb


@pytest.fixture
def tra_table(request: pytest.FixtureRequest) -> Iterator[TableStore]:
    with atomic_moto_dynamodb():
        yield request.getfixturevalue("tra_table_dynamo")


def test_the_last_two_areas_decided_at_once_finalize_once_on_dynamodb(cast, notes, monkeypatch):
    assessment_id = under_review(cast)
    areas = decision_areas(collection(assessment_id).assessment.active_areas)
    for area in areas[:-2]:
        decide(cast, assessment_id, area)
    actors = (cast.actor("assessor"), cast.actor("assessor2"))
    readers: list[list[str]] = []

    async def both():
        readers.append(reads_meet(monkeypatch, decisions_service))
        return await asyncio.gather(
            *(
                area_decide(
                    actor=actor,
                    assessment_id=assessment_id,
                    area_key=area,
                    outcome="approve",
                    rationale="Fine.",
                    conditions=(),
                    residual_rating="medium",
                    residual_rationale="Controls reduce it.",
                )
                for actor, area in zip(actors, areas[-2:], strict=True)
            )
        )

    with instrumentation.recording() as calls:
        results = run_sync(both)

    assert sorted(r.finalized for r in results) == [False, True]
    assert len(readers[0]) == 3 and calls.count("dynamodb", "TransactWriteItems") == 3
    found = collection(assessment_id)
    assert found.assessment.state is State.FINALIZED and len(found.decision_records) == 1
    assert assessment_id in queue_ids("archive", "updated") and assessment_id not in queue_ids("open", "due")


def test_a_comment_racing_a_decision_that_closes_the_assessment_is_refused(cast, notes, monkeypatch):
    assessment_id = under_review(cast)
    real_read = comments_service.assessment_for_actor
    cast_actors = {"assessor": cast.actor("assessor")}  # resolved here: the ORM is sync
    calls: list[int] = []

    async def read_then_finalize(**kwargs: Any) -> Any:
        found = await real_read(**kwargs)
        if not calls:  # every area decided between the comment's read and its write
            for area in decision_areas(found.assessment.active_areas):
                await area_decide(
                    actor=cast_actors["assessor"],
                    assessment_id=assessment_id,
                    area_key=area,
                    outcome="approve",
                    rationale="Fine.",
                    conditions=(),
                    residual_rating="medium",
                    residual_rationale="Controls reduce it.",
                )
        calls.append(1)
        return found

    monkeypatch.setattr(comments_service, "assessment_for_actor", read_then_finalize)

    with pytest.raises(NotAllowed, match="takes no comments"):
        run_sync(
            comment_add,
            actor=cast.actor("requestor"),
            assessment_id=assessment_id,
            question_id="Q-01",
            text="Hi",
        )

    assert len(calls) == 2  # the Check on META's state cancelled the write; the re-read refused
    assert collection(assessment_id).comments == []


def test_a_sent_back_assessment_is_in_the_archive_on_dynamodb(cast, notes):
    assessment_id = sent_back(cast)

    assert assessment_id in queue_ids("archive", "updated") and assessment_id not in queue_ids("open", "due")
