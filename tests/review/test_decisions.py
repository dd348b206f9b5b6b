"""Per-area decisions: what a decision needs, stale forms, two assessors, the finalize race, the record."""

from __future__ import annotations

import asyncio

import pytest

from assessments.domain.rating import RiskLevel, worst
from assessments.domain.review import OVERALL_AREA, Outcome, decision_areas
from assessments.domain.workflow import State
from assessments.errors import ConflictError, NotAllowed, NotFoundError, ValidationFailed
from assessments.selectors.review import assessment_rounds
from assessments.services.review import (
    area_decide,
    assessment_assign,
    assessment_send_back,
    assessment_submit,
)
from assessments.services.review import decisions as decisions_service
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.review.helpers import (
    collection,
    condition,
    decide,
    everything,
    inherent_of,
    queue_ids,
    reads_meet,
    submitted,
    under_review,
)


def _areas(assessment_id):
    return decision_areas(collection(assessment_id).assessment.active_areas)


def test_one_area_decided_keeps_it_under_review_with_the_inherent_rating_stored(cast, notes):
    assessment_id = under_review(cast)
    first, *_rest = _areas(assessment_id)

    result = decide(
        cast,
        assessment_id,
        first,
        outcome="approve_with_conditions",
        conditions=[condition()],
        residual_rating="low",
        residual_rationale="The DPA and the vendor's SOC 2 report cover it.",
    )

    assert not result.finalized and result.record.state is State.UNDER_REVIEW
    decision = collection(assessment_id).current_decisions()[first]
    assert decision == result.decision
    assert decision.outcome is Outcome.APPROVE_WITH_CONDITIONS
    assert decision.inherent_rating == inherent_of(assessment_id, first) and decision.inherent_rating
    assert (decision.residual_rating, decision.assessor) == ("low", "assessor")
    assert [(c.text, c.owner) for c in decision.conditions] == [("Sign the DPA.", "Procurement")]
    assert assessment_id in queue_ids("open", "due")


def test_two_assessors_decide_different_areas_and_the_last_finalizes_with_a_frozen_record(cast, notes):
    assessment_id = under_review(cast)
    areas = _areas(assessment_id)
    assert len(areas) >= 2
    notes.clear()

    for n, area in enumerate(areas):
        result = decide(cast, assessment_id, area, who="assessor2" if n % 2 else "assessor")

    assert result.finalized and result.record.state is State.FINALIZED and result.record.decided_at
    found = collection(assessment_id)
    assert found.assessment == result.record
    (record,) = found.decision_records
    assert record == result.decision_record
    assert record.outcome == "finalized" and record.round == 1
    assert [d.area_key for d in record.decisions] == list(areas)
    assert {d.assessor for d in record.decisions} == {"assessor", "privacy"}
    # The answers as they were: exactly what round 1 froze.
    (snapshot,) = run_sync(assessment_rounds, actor=cast.actor("requestor"), assessment_id=assessment_id)
    assert record.answers == snapshot.answers
    assert record.residual_overall == worst(RiskLevel.parse(d.residual_rating) for d in record.decisions)
    assert record.inherent_overall and record.questionnaire_key == "default"
    assert assessment_id in queue_ids("archive", "updated") and assessment_id not in queue_ids("open")
    assert [(n.kind, n.recipient_ids) for n in notes] == [("decided", frozenset({cast.requestor.pk}))]


def test_any_area_rejected_rejects_the_assessment(cast, notes):
    assessment_id = under_review(cast)
    first, *rest = _areas(assessment_id)
    decide(cast, assessment_id, first, outcome="reject", rationale="Unacceptable data transfer.")

    for area in rest:
        result = decide(cast, assessment_id, area)

    assert result.record.state is State.REJECTED
    assert collection(assessment_id).decision_records[0].outcome == "rejected"


def test_an_assessment_with_no_active_area_gets_one_overall_decision(cast, notes):
    assessment_id = under_review(cast, yes=frozenset({"Q-10"}))  # own staff only: nothing switched on
    if collection(assessment_id).assessment.active_areas:
        pytest.skip("the default questionnaire switches an area on for these answers")

    result = decide(cast, assessment_id, OVERALL_AREA)

    assert result.finalized and result.decision.area_key == OVERALL_AREA


def test_a_second_decision_of_the_same_area_is_a_conflict_naming_who_decided(cast, notes):
    assessment_id = under_review(cast)
    first = _areas(assessment_id)[0]
    decide(cast, assessment_id, first, who="assessor2")
    before = everything(assessment_id)

    with pytest.raises(ConflictError, match="privacy already decided"):
        decide(cast, assessment_id, first)

    assert everything(assessment_id) == before


def test_a_stale_form_is_refused_and_nothing_is_written(cast, notes):
    assessment_id = under_review(cast)
    first, second, *_ = _areas(assessment_id)
    opened_on = collection(assessment_id).assessment.version
    decide(cast, assessment_id, first, who="assessor2")
    before = everything(assessment_id)

    with pytest.raises(ConflictError, match="changed since you opened it; reload"):
        decide(cast, assessment_id, second, expected_version=opened_on)

    assert everything(assessment_id) == before


def test_a_current_form_is_accepted(cast, notes):
    assessment_id = under_review(cast)
    version = collection(assessment_id).assessment.version

    result = decide(cast, assessment_id, _areas(assessment_id)[0], expected_version=version)

    assert result.record.version == version + 1


def test_the_last_two_areas_decided_at_once_finalize_exactly_once(cast, notes, monkeypatch):
    assessment_id = under_review(cast)
    areas = _areas(assessment_id)
    for area in areas[:-2]:
        decide(cast, assessment_id, area)
    last_two = areas[-2:]
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
                for actor, area in zip(actors, last_two, strict=True)
            )
        )

    with instrumentation.recording() as calls:
        results = run_sync(both)

    assert sorted(r.finalized for r in results) == [False, True]
    # The loser's write was refused on META's version; it read again and finalized.
    assert len(readers[0]) == 3 and calls.count("dynamodb", "TransactWriteItems") == 3
    found = collection(assessment_id)
    assert found.assessment.state is State.FINALIZED
    (record,) = found.decision_records
    assert [d.area_key for d in record.decisions] == list(areas)
    assert {d.assessor for d in record.decisions if d.area_key in last_two} == {"assessor", "privacy"}


def _bad(cast, assessment_id, area, **changes):
    arguments = {
        "outcome": "approve",
        "rationale": "Fine.",
        "conditions": (),
        "residual_rationale": "",
        **changes,
    }
    if "residual_rating" not in arguments:
        arguments["residual_rating"] = inherent_of(assessment_id, area)
    return run_sync(
        area_decide, actor=cast.actor("assessor"), assessment_id=assessment_id, area_key=area, **arguments
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"rationale": " "}, "rationale", "Give the rationale"),
        ({"rationale": "x" * 5001}, "rationale", "5,000"),
        ({"outcome": "maybe"}, "outcome", "Choose approve"),
        ({"outcome": "approve_with_conditions"}, "conditions", "at least one condition"),
        ({"conditions": "ROW"}, "conditions", "takes no conditions"),
        ({"outcome": "reject", "conditions": "ROW"}, "conditions", "takes no conditions"),
        (
            {"outcome": "approve_with_conditions", "conditions": [{"owner": ""}]},
            "conditions.0.owner",
            "Name who",
        ),
        (
            {"outcome": "approve_with_conditions", "conditions": [{"text": ""}]},
            "conditions.0.text",
            "Say what",
        ),
        (
            {"outcome": "approve_with_conditions", "conditions": [{}, {"due_on": "2001-01-01"}]},
            "conditions.1.due_on",
            "in the past",
        ),
        (
            {"outcome": "approve_with_conditions", "conditions": [{"due_on": "soon"}]},
            "conditions.0.due_on",
            "YYYY",
        ),
        ({"residual_rating": None}, "residual_rating", "Set the residual"),
        ({"residual_rating": "enormous"}, "residual_rating", "very low"),
        ({"residual_rating": "DIFFERENT"}, "residual_rationale", "differs from the inherent"),
        ({"rationale": "Bad\x1b"}, "rationale", "control character"),
    ],
    ids=lambda v: str(v)[:30] if not isinstance(v, dict) else None,
)
def test_a_bad_decision_is_refused_naming_the_field_and_nothing_is_written(
    cast, notes, changes, field, message
):
    assessment_id = under_review(cast)
    area = _areas(assessment_id)[0]
    if changes.get("conditions") == "ROW":
        changes = {**changes, "conditions": [condition()]}
    elif isinstance(changes.get("conditions"), list):
        changes = {**changes, "conditions": [condition(**row) for row in changes["conditions"]]}
    if changes.get("residual_rating") == "DIFFERENT":
        inherent = inherent_of(assessment_id, area)
        changes = {**changes, "residual_rating": "very_low" if inherent != "very_low" else "high"}
    before = everything(assessment_id)
    notes.clear()

    with pytest.raises(ValidationFailed) as caught:
        _bad(cast, assessment_id, area, **changes)

    assert message in caught.value.extra["fields"][field]
    assert everything(assessment_id) == before
    assert notes == []


def test_an_area_that_is_not_active_is_refused(cast, notes):
    assessment_id = under_review(cast)

    with pytest.raises(ValidationFailed, match="not a risk area") as caught:
        _bad(cast, assessment_id, "artificial_intelligence", residual_rating="low", residual_rationale="n/a")

    assert "area_key" in caught.value.extra["fields"]


def test_deciding_needs_it_assigned_and_a_reviewer(cast, notes):
    assessment_id = submitted(cast)
    area = _areas(assessment_id)[0]

    with pytest.raises(NotAllowed, match="Assign the assessment"):
        _bad(cast, assessment_id, area)
    run_sync(
        assessment_assign,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
    )
    with pytest.raises(NotAllowed):
        run_sync(
            area_decide,
            actor=cast.actor("requestor"),
            assessment_id=assessment_id,
            area_key=area,
            outcome="approve",
            rationale="Mine.",
            conditions=(),
            residual_rating="low",
        )
    with pytest.raises(NotFoundError):
        run_sync(
            area_decide,
            actor=cast.actor("requestor2"),
            assessment_id=assessment_id,
            area_key=area,
            outcome="approve",
            rationale="Not mine.",
            conditions=(),
            residual_rating="low",
        )


def test_a_decision_even_the_last_is_one_query_and_one_transaction(cast, notes):
    assessment_id = under_review(cast)
    areas = _areas(assessment_id)
    for area in areas[:-1]:
        decide(cast, assessment_id, area)

    rating = inherent_of(assessment_id, areas[-1])

    with instrumentation.recording() as calls:
        result = _bad(cast, assessment_id, areas[-1], residual_rating=rating)

    assert result.finalized
    assert (calls.count("dynamodb", "Query"), calls.count("dynamodb", "TransactWriteItems")) == (1, 1)


def test_a_round_sent_back_keeps_its_decisions_and_the_next_round_decides_afresh(cast, notes):
    assessment_id = under_review(cast)
    first = _areas(assessment_id)[0]
    decide(cast, assessment_id, first, outcome="reject", rationale="Not yet.")
    run_sync(
        assessment_send_back,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        feedback="Fix the vendor answers.",
        question_ids=["Q-01"],
    )
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    assert collection(assessment_id).current_decisions() == {}  # round 2 starts undecided

    for area in _areas(assessment_id):
        result = decide(cast, assessment_id, area)

    assert result.record.state is State.FINALIZED and result.record.round == 2
    found = collection(assessment_id)
    assert sorted((d.round, d.area_key) for d in found.decisions if d.area_key == first) == [
        (1, first),
        (2, first),
    ]
    (record,) = found.decision_records
    assert record.round == 2 and all(d.round == 2 for d in record.decisions)
