"""Answers: their own items, versioned, audited in the same transaction, never lost on conflict."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from assessments.domain import keys
from assessments.errors import ConflictError, ServiceUnavailable
from assessments.selectors.assessments import assessment_collection
from assessments.services.answers import answer_save
from integrations import errors as integration_errors
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.contract import SortKey
from tests.web.helpers import answer, create_assessment


async def _events(assessment_id):
    page = await get_table().query(
        partition=keys.events_pk(assessment_id), sort=SortKey.begins_with("EVENT#")
    )
    return page.items


def test_it_stores_each_answer_as_its_own_versioned_item_with_an_audit_event(cast):
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-04", "Yes")
    answer(cast, assessment_id, "Q-04", "No")
    item = run_sync(get_table().get, keys.assessment_pk(assessment_id), keys.answer_sk("Q-04"))
    assert item["value"] == "No" and item["version"] == 2 and item["answered_by"] == "requestor"
    events = [e for e in run_sync(_events, assessment_id) if e["event_type"] == "answer_saved"]
    assert [(e["before"]["value"], e["after"]["value"]) for e in events] == [(None, "Yes"), ("Yes", "No")]


def test_it_refuses_a_stale_write_and_shows_the_newer_value(cast):
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-01", "First draft by a colleague.")
    response = cast.client("requestor").post(
        reverse("assessments:answer", args=[assessment_id, "Q-01"]),
        {"value": "My older edit", "expected_version": "0", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409
    assert b'data-testid="answer-conflict"' in response.content
    assert b"First draft by a colleague." in response.content  # the newer value is what the form shows
    stored = run_sync(assessment_collection, assessment_id=assessment_id).answers["Q-01"]
    assert stored.value == "First draft by a colleague." and stored.version == 1


def test_it_returns_409_with_the_current_value_through_the_api(cast):
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-10", "Yes")
    response = cast.client("requestor").put(
        f"/api/assessments/{assessment_id}/answers/Q-10",
        json.dumps({"value": "No", "expected_version": 0}),
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["extra"]["current_value"] == "Yes"
    assert response.json()["extra"]["current_version"] == 1


def test_it_lets_exactly_one_of_two_racing_writers_win(cast):
    assessment_id = create_assessment(cast)
    save = dict(
        actor=cast.actor("requestor"), assessment_id=assessment_id, question_id="Q-01", expected_version=0
    )
    run_sync(answer_save, raw_value="Writer A", **save)
    with pytest.raises(ConflictError) as lost:
        run_sync(answer_save, raw_value="Writer B", **save)
    assert lost.value.extra["current_value"] == "Writer A"


def test_it_clears_an_optional_answer_and_audits_it(cast):
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-03", "2027-03-01")
    answer(cast, assessment_id, "Q-03", "")
    assert "Q-03" not in run_sync(assessment_collection, assessment_id=assessment_id).answers
    assert any(e["event_type"] == "answer_cleared" for e in run_sync(_events, assessment_id))


def test_it_rejects_an_answer_to_a_question_that_does_not_apply(cast):
    assessment_id = create_assessment(cast)
    response = cast.client("requestor").put(
        f"/api/assessments/{assessment_id}/answers/DP-01",
        json.dumps({"value": "Yes"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "does not apply" in response.json()["message"]


def test_it_reports_a_store_failure_without_claiming_success_or_losing_the_old_answer(cast, monkeypatch):
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-01", "Kept")
    table = get_table()

    async def failing_transact(ops):
        raise integration_errors.Unavailable("TransactWriteItems: connection refused")

    monkeypatch.setattr(table, "transact", failing_transact)
    with pytest.raises(ServiceUnavailable):
        answer(cast, assessment_id, "Q-01", "Lost?")
    response = cast.client("requestor").post(
        reverse("assessments:answer", args=[assessment_id, "Q-01"]),
        {"value": "Typed during the outage", "expected_version": "1", "section": "qualifying"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 503
    assert b"Typed during the outage" in response.content and b"Nothing was saved" in response.content
    monkeypatch.undo()
    assert run_sync(assessment_collection, assessment_id=assessment_id).answers["Q-01"].value == "Kept"
