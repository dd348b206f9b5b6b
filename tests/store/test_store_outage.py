"""A missing table or index is an outage (503, logged at ERROR), never "No such item"."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from django.conf import settings

from assessments.domain.queue import QueueFilters, QueueOrder, QueuePhase
from assessments.errors import ServiceUnavailable
from assessments.selectors.assessments import assessment_for_actor, assessments_of_user
from assessments.selectors.review_queue import review_queue_page
from assessments.services.answers import answer_save
from integrations import clients
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.schema import GSI1
from tests.web.helpers import create_assessment


async def _drop_table() -> None:
    table = get_table()
    if settings.TRA_TABLE_BACKEND == "local":
        with sqlite3.connect(settings.TRA_LOCAL_TABLE_PATH) as conn:
            conn.execute(f'DROP TABLE "{table.table_name}"')
        return
    client = await clients.get_client("dynamodb", endpoint_url=settings.TRA_DYNAMODB_ENDPOINT_URL)
    await client.delete_table(TableName=table.table_name)


def test_it_answers_the_assessment_page_read_with_503_when_the_table_is_gone(cast, caplog):
    assessment_id = create_assessment(cast)
    run_sync(_drop_table)

    with caplog.at_level(logging.ERROR), pytest.raises(ServiceUnavailable) as raised:
        run_sync(assessment_for_actor, actor=cast.actor("requestor"), assessment_id=assessment_id)

    assert raised.value.status == 503
    assert "The assessment store is not available" in raised.value.message
    assert any(r.levelno == logging.ERROR and "OUTAGE" in r.getMessage() for r in caplog.records)


def test_it_answers_my_assessments_with_503_when_the_table_is_gone(cast):
    run_sync(_drop_table)

    with pytest.raises(ServiceUnavailable, match="assessment store is not available"):
        run_sync(assessments_of_user, user_id=cast.requestor.pk)


def test_it_refuses_an_answer_with_503_not_404_when_the_table_is_gone(cast):
    assessment_id = create_assessment(cast)
    run_sync(_drop_table)

    with pytest.raises(ServiceUnavailable):
        run_sync(
            answer_save,
            actor=cast.actor("requestor"),
            assessment_id=assessment_id,
            question_id="Q-01",
            raw_value="Anything",
            expected_version=None,
        )


async def _drop_index(name: str) -> None:
    table = get_table()
    if settings.TRA_TABLE_BACKEND == "local":
        with sqlite3.connect(settings.TRA_LOCAL_TABLE_PATH) as conn:
            conn.execute(f'DROP INDEX "{table.table_name}:{name}"')
        return
    client = await clients.get_client("dynamodb", endpoint_url=settings.TRA_DYNAMODB_ENDPOINT_URL)
    await client.update_table(
        TableName=table.table_name, GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": name}}]
    )


def test_it_answers_the_review_queue_with_503_when_its_index_is_gone(cast):
    run_sync(_drop_index, GSI1.name)

    with pytest.raises(ServiceUnavailable, match="assessment store is not available"):
        run_sync(
            review_queue_page,
            phase=QueuePhase.OPEN,
            order=QueueOrder.DUE,
            descending=False,
            filters=QueueFilters(),
            cursor=None,
        )
