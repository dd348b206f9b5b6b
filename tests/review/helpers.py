"""Builders for the review's tests: an assessment at each point of the workflow."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from assessments.domain import keys
from assessments.domain.records import AssessmentCollection
from assessments.selectors.assessments import assessment_collection
from assessments.services.review import (
    ConditionInput,
    area_decide,
    assessment_assign,
    assessment_send_back,
    assessment_submit,
)
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.contract import SortKey
from tests.web.helpers import answer_everything, create_assessment

# A third party and personal data: two risk areas to decide (more if the "No"s switch others on).
TWO_AREAS = frozenset({"Q-04", "Q-06"})


def collection(assessment_id: str) -> AssessmentCollection:
    return run_sync(assessment_collection, assessment_id=assessment_id)


def drafted(cast: Any, yes: frozenset[str] = TWO_AREAS) -> str:
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id, yes=yes)
    return assessment_id


def submitted(cast: Any, yes: frozenset[str] = TWO_AREAS) -> str:
    assessment_id = drafted(cast, yes)
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    return assessment_id


def under_review(cast: Any, who: str = "assessor", yes: frozenset[str] = TWO_AREAS) -> str:
    assessment_id = submitted(cast, yes)
    run_sync(assessment_assign, actor=cast.actor(who), assessment_id=assessment_id)
    return assessment_id


def sent_back(cast: Any, questions: tuple[str, ...] = ("Q-01",)) -> str:
    assessment_id = under_review(cast)
    run_sync(
        assessment_send_back,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        feedback="Say more about the vendor.",
        question_ids=questions,
    )
    return assessment_id


def in_a_year() -> str:
    return (date.today() + timedelta(days=365)).isoformat()


def decide(cast: Any, assessment_id: str, area: str, who: str = "assessor", **changes: Any) -> Any:
    """Decide ``area`` as the inherent rating has it (so no residual rationale is needed)."""
    inherent = inherent_of(assessment_id, area)
    arguments: dict[str, Any] = {
        "outcome": "approve",
        "rationale": "Controls are adequate.",
        "conditions": (),
        "residual_rating": inherent or "low",
        "residual_rationale": "" if inherent else "Not rated by the questionnaire.",
        **changes,
    }
    return run_sync(
        area_decide, actor=cast.actor(who), assessment_id=assessment_id, area_key=area, **arguments
    )


def inherent_of(assessment_id: str, area: str) -> str | None:
    from assessments.selectors.questionnaires import questionnaire_get
    from assessments.services.review.rating import area_level, rating_of

    found = collection(assessment_id)
    questionnaire = questionnaire_get(
        key=found.assessment.questionnaire_key, version=found.assessment.questionnaire_version
    )
    return area_level(rating_of(found, questionnaire), area)


def condition(**changes: Any) -> ConditionInput:
    values = {"text": "Sign the DPA.", "owner": "Procurement", "due_on": in_a_year(), **changes}
    return ConditionInput(**values)


def queue_ids(phase: str, order: str = "due") -> list[str]:
    async def read() -> list[str]:
        page = await get_table().query(index="gsi1", partition=keys.queue_partition(phase, order))
        return [item["assessment_id"] for item in page.items]

    return run_sync(read)


def events(assessment_id: str) -> list[dict[str, Any]]:
    async def read() -> list[dict[str, Any]]:
        page = await get_table().query(
            partition=keys.events_pk(assessment_id), sort=SortKey.begins_with("EVENT#")
        )
        return page.items

    return run_sync(read)


def everything(assessment_id: str) -> list[dict[str, Any]]:
    """Every item of the assessment's collection and its rounds (to prove nothing was written)."""

    async def read() -> list[dict[str, Any]]:
        table = get_table()
        items = (await table.query(partition=keys.assessment_pk(assessment_id))).items
        rounds = (await table.query(partition=keys.rounds_pk(assessment_id))).items
        audit = (await table.query(partition=keys.events_pk(assessment_id))).items
        return [*items, *rounds, *audit]

    return run_sync(read)


def reads_meet(monkeypatch: Any, module: Any, *, count: int = 2) -> list[str]:
    """Make the first ``count`` reads of ``module.assessment_for_actor`` wait for each other, so
    concurrent moves all read before any writes (a race, every time). Returns who read, in order.
    Call it inside the running event loop (asyncio.Barrier binds to it)."""
    import asyncio

    real_read = module.assessment_for_actor
    barrier = asyncio.Barrier(count)
    readers: list[str] = []

    async def read_together(**kwargs: Any) -> Any:
        found = await real_read(**kwargs)
        readers.append(kwargs["actor"].username)
        if len(readers) <= count:
            await barrier.wait()
        return found

    monkeypatch.setattr(module, "assessment_for_actor", read_together)
    return readers
