"""Search on DynamoDB (moto): the create transaction holds the entries, pages resume, the backfill."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.selectors.search import search
from assessments.services.search_index import search_index_backfill
from integrations.runtime import run_sync
from tests.web.helpers import create_assessment


@pytest.fixture
def tra_table(tra_table_dynamo: Any) -> Any:
    return tra_table_dynamo


def test_it_finds_pages_and_backfills_on_dynamodb(cast: Any) -> None:
    ids = [create_assessment(cast, title=f"Payroll cloud {n}") for n in range(5)]
    other = create_assessment(cast, "requestor2", title="Payroll vendor")
    owner, assessor = cast.actor("requestor"), cast.actor("assessor")

    first = run_sync(search, actor=owner, q="payroll", limit=3)
    rest = run_sync(search, actor=owner, q="payroll", cursor=first.next_cursor, limit=3)
    assert [h.assessment_id for h in first.items + rest.items] == ids[::-1]
    # Several words: the entries' stored tokens decide, the page resumes after the last examined.
    two = run_sync(search, actor=assessor, q="cloud payroll 3", limit=1)
    assert [h.assessment_id for h in two.items] == [ids[3]]
    assert [h.assessment_id for h in run_sync(search, actor=assessor, q="vendor").items] == [other]

    result = run_sync(search_index_backfill)
    assert result.seen == 6
    assert len(run_sync(search, actor=assessor, q="payroll", limit=50).items) == 6
