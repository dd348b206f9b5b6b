"""The guest links' writes on DynamoDB (through moto): the two invite items, the revoke's
one_of condition, the comment's Check on the invite and the rate counters' atomic add."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from assessments.guests.service import guest_revoke
from integrations.runtime import run_sync
from integrations.table import TableStore
from tests.guests.helpers import comment_path, invite, page_path
from tests.review.helpers import collection, under_review
from tests.store.moto_atomic import atomic_moto_dynamodb


@pytest.fixture
def tra_table(request: pytest.FixtureRequest) -> Iterator[TableStore]:
    with atomic_moto_dynamodb():
        yield request.getfixturevalue("tra_table_dynamo")


def test_a_guest_link_reads_comments_is_limited_and_withdrawn_on_dynamodb(cast: Any, settings: Any) -> None:
    settings.TRA_GUEST_USES_PER_LINK = 3
    assessment_id = under_review(cast)
    made, _, token = invite(cast, assessment_id)
    client = Client()

    assert client.get(page_path(token)).status_code == 200
    assert client.post(comment_path(token, "Q-01"), {"text": "On DynamoDB."}).status_code == 302
    assert [c.role for c in collection(assessment_id).comments] == ["guest"]
    assert client.get(page_path(token)).status_code == 200
    assert client.get(page_path(token)).status_code == 429

    run_sync(
        guest_revoke, actor=cast.actor("assessor"), assessment_id=assessment_id, invite_id=made.invite_id
    )
    assert client.get(page_path(token)).status_code == 410
