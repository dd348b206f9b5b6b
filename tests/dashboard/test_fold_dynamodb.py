"""The fold's idempotence and its race on DynamoDB (moto): the checkpoint's condition, the
transaction and gsi6's pages behave there as in the local store."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dashboard.test_fold import (  # noqa: F401 (run here again, on DynamoDB)
    test_a_run_reads_pages_of_events_and_stops_at_max_pages_to_go_on_later,
    test_a_scripted_trail_folds_into_the_right_figures,
    test_running_again_counts_nothing_twice_and_only_what_is_new,
    test_two_runs_at_once_cannot_both_count_the_same_events,
)


@pytest.fixture
def tra_table(tra_table_dynamo: Any) -> Any:
    return tra_table_dynamo
