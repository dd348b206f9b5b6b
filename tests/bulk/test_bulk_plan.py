"""The batch arithmetic: k answers and one META Update fit one TransactWriteItems, k + 1 do not."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.domain.bulk_plan import (
    ANSWERS_PER_CALL,
    DYNAMODB_TRANSACTION_LIMIT,
    batch_ops,
    bulk_selection,
    plan_bulk_accept,
    section_question_ids,
)
from assessments.domain.records import now_iso
from assessments.selectors.questionnaires import questionnaire_get
from integrations.table import codec
from integrations.table.contract import Put, Update
from tests.bulk.helpers import AREA, long_assessment, question_ids, store_suggestions, suggestion
from tests.review.helpers import collection


def _plans(cast: Any, count: int) -> list[Any]:
    assessment_id = long_assessment(cast)
    store_suggestions(assessment_id, [suggestion(q) for q in question_ids(count)])
    c = collection(assessment_id)
    questionnaire = questionnaire_get(key="long", version=c.assessment.questionnaire_version)
    ids = section_question_ids(questionnaire, AREA, c.answer_values())
    assert ids is not None
    selection = bulk_selection(questionnaire, c, ids)
    counter = iter(range(10_000))
    plans, refused = plan_bulk_accept(
        actor=cast.actor("requestor"),
        collection=c,
        questionnaire=questionnaire,
        suggestions=selection.take,
        now=now_iso(),
        new_event_id=lambda: f"{next(counter):032x}",
    )
    assert not refused
    return plans


def test_k_is_derived_from_the_limit_the_table_stores_enforce() -> None:
    assert DYNAMODB_TRANSACTION_LIMIT == codec.MAX_TRANSACTION_OPS == 100
    assert ANSWERS_PER_CALL == 49  # 1 META Update + 2 x 49 = 99 <= 100; 2 x 50 + 1 = 101 > 100


def test_a_full_batch_is_one_valid_transaction_and_one_more_answer_is_refused(cast: Any) -> None:
    plans = _plans(cast, ANSWERS_PER_CALL + 1)

    full = batch_ops(plans[:ANSWERS_PER_CALL])

    assert len(full.ops) == 1 + 2 * ANSWERS_PER_CALL
    codec.check_transaction(full.ops)  # what both backends run before writing
    meta = full.ops[0]
    assert isinstance(meta, Update) and meta.add == {"version": ANSWERS_PER_CALL}
    assert sum(isinstance(op, Put) for op in full.ops) == 2 * ANSWERS_PER_CALL
    assert set(full.question_at.values()) == {p.question_id for p in plans[:ANSWERS_PER_CALL]}
    with pytest.raises(ValueError):
        batch_ops(plans)
