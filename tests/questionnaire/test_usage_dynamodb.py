"""The questionnaire-usage index on DynamoDB (moto): the create transaction, counts, pages, backfill."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.domain import keys
from assessments.selectors.questionnaire_catalog import questionnaire_catalog, questionnaire_usage
from assessments.services.assessments import assessment_create
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.questionnaire.choice import EXAMPLE_KEY, import_example
from tests.questionnaire.test_usage_backfill import _backfill, _forget_usage
from tests.web.helpers import DETAILS


@pytest.fixture
def tra_table(tra_table_dynamo: Any) -> Any:
    return tra_table_dynamo


def _counts() -> dict[tuple[str, int], int]:
    return {(v.key, v.version): v.assessments for q in run_sync(questionnaire_catalog) for v in q.versions}


def test_it_counts_and_lists_assessments_per_version_on_dynamodb(cast: Any) -> None:
    import_example()
    actor = cast.actor("requestor")
    ids = [
        run_sync(assessment_create, actor=actor, details=DETAILS, questionnaire=EXAMPLE_KEY).id
        for _ in range(3)
    ]
    run_sync(assessment_create, actor=actor, details=DETAILS)

    assert _counts() == {("default", 1): 1, (EXAMPLE_KEY, 1): 3}
    first = run_sync(questionnaire_usage, key=EXAMPLE_KEY, version=1, limit=2)
    rest = run_sync(questionnaire_usage, key=EXAMPLE_KEY, version=1, cursor=first.next_cursor, limit=2)
    assert [a.id for a in first.items + rest.items] == ids[::-1]
    assert rest.next_cursor is None

    _forget_usage(EXAMPLE_KEY, 1)
    assert "newly indexed: 3." in _backfill()
    assert "newly indexed: 0." in _backfill()
    assert _counts() == {("default", 1): 1, (EXAMPLE_KEY, 1): 3}


def test_it_reads_a_usage_page_with_one_query_and_one_batch_get_on_dynamodb(cast: Any) -> None:
    import_example()
    actor = cast.actor("requestor")
    ids = [
        run_sync(assessment_create, actor=actor, details=DETAILS, questionnaire=EXAMPLE_KEY).id
        for _ in range(4)
    ]
    run_sync(get_table().delete, keys.assessment_pk(ids[2]), keys.META)

    with instrumentation.recording() as calls:
        page = run_sync(questionnaire_usage, key=EXAMPLE_KEY, version=1)

    assert [a.id for a in page.items] == [ids[3], ids[1], ids[0]]
    assert page.missing == 1
    assert calls.count("dynamodb", "Query") == 1
    assert calls.count("dynamodb", "BatchGetItem") == 1
    assert calls.count("dynamodb", "GetItem") == 0
