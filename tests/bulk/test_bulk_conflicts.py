"""A conflict on one answer of a batch is reported for it and the rest are saved, on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assessments.domain.bulk_plan import CONFLICT
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import TableStore, forget_tables, get_table
from tests.bulk.helpers import (
    accept_all,
    another_tab_saves_after_the_read,
    long_assessment,
    question_ids,
    store_suggestions,
    suggestion,
)
from tests.fixtures.tables import create_with_all_indexes
from tests.review.helpers import collection, events
from tests.store.moto_atomic import atomic_moto_dynamodb


@pytest.fixture(params=["local", "dynamodb"])
def tra_table(request: pytest.FixtureRequest, settings: Any, tmp_path: Path) -> Iterator[TableStore]:
    """The app's table (``get_table()``), once per backend."""
    if request.param == "dynamodb":
        with atomic_moto_dynamodb():
            yield request.getfixturevalue("tra_table_dynamo")
        return
    settings.TRA_TABLE_BACKEND = "local"
    settings.TRA_LOCAL_TABLE_PATH = tmp_path / "tra-table.sqlite3"
    forget_tables()
    store = get_table()
    run_sync(create_with_all_indexes, store)
    yield store
    forget_tables()


def test_a_conflict_on_one_answer_is_reported_and_the_rest_are_saved(cast: Any, monkeypatch: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(30)])
    another_tab_saves_after_the_read(monkeypatch, cast, assessment_id, {"OP-07": "Typed in the other tab."})

    with instrumentation.recording() as calls:
        outcome = accept_all(cast, assessment_id)

    assert outcome.conflicts == {"OP-07": CONFLICT}
    assert outcome.saved == [q for q in question_ids(30) if q != "OP-07"]
    # The cancelled call and the retry of the other 29: two calls, not one per answer.
    assert outcome.write_calls == 2
    assert calls.count("dynamodb", "TransactWriteItems") == 1 + 2  # the other tab's save, then ours
    answers = collection(assessment_id).answers
    assert answers["OP-07"].value == "Typed in the other tab."
    assert answers["OP-07"].source == "manual"
    assert all(answers[q].source == "suggestion_accepted" for q in outcome.saved)
    accepted = {
        e["after"]["question_id"] for e in events(assessment_id) if e["event_type"] == "suggestion_accepted"
    }
    assert accepted == set(outcome.saved)


def test_conflicts_in_two_batches_are_each_reported(cast: Any, monkeypatch: Any) -> None:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(60)])
    theirs = {"OP-02": "Mine.", "OP-55": "Also mine."}  # one in each batch of 49 and 11
    another_tab_saves_after_the_read(monkeypatch, cast, assessment_id, theirs)

    outcome = accept_all(cast, assessment_id)

    assert outcome.conflicts == dict.fromkeys(theirs, CONFLICT)
    assert len(outcome.saved) == 58
    assert outcome.write_calls == 4
    answers = collection(assessment_id).answers
    assert {q: answers[q].value for q in theirs} == theirs
