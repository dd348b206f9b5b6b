"""The guest links' writes on DynamoDB (through moto): the two invite items, the revoke's
one_of condition, the comment's Check on the invite and the rate counters' atomic add."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient

from assessments.guests.service import guest_revoke
from assessments.selectors.assessments import assessment_collection
from integrations.table import TableStore
from tests.guests.helpers import comment_path, invite, page_path
from tests.review.helpers import under_review
from tests.store.moto_atomic import atomic_moto_dynamodb

# Async: the test's own loop and the views' share the database, so transactions are real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tra_table(request: pytest.FixtureRequest) -> Iterator[TableStore]:
    with atomic_moto_dynamodb():
        yield request.getfixturevalue("tra_table_dynamo")


async def test_a_guest_link_reads_comments_is_limited_and_withdrawn_on_dynamodb(
    cast: Any, settings: Any
) -> None:
    # AsyncClient: the ASGI path, where each request's loop closes the AWS clients it opened
    # (a sync test client would leave them for the garbage collector).
    settings.TRA_GUEST_USES_PER_LINK = 3
    assessment_id = await sync_to_async(under_review)(cast)
    made, _, token = await sync_to_async(invite)(cast, assessment_id)
    client = AsyncClient()

    assert (await client.get(page_path(token))).status_code == 200
    assert (await client.post(comment_path(token, "Q-01"), {"text": "On DynamoDB."})).status_code == 302
    assert [c.role for c in (await assessment_collection(assessment_id=assessment_id)).comments] == ["guest"]
    assert (await client.get(page_path(token))).status_code == 200
    assert (await client.get(page_path(token))).status_code == 429

    assessor = await sync_to_async(cast.actor)("assessor")
    await guest_revoke(actor=assessor, assessment_id=assessment_id, invite_id=made.invite_id)
    assert (await client.get(page_path(token))).status_code == 410
