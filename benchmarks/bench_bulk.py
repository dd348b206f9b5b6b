"""Bulk accept of 30 high-confidence suggestions vs accepting them one by one, on the local store.

Two fresh drafts on the long questionnaire of tests/bulk (one qualifying question switching on an
area of free-text questions nothing depends on), each with 30 high-confidence suggestions
written straight to the table. One is accepted with ``suggestions_accept_all`` (batches of
``ANSWERS_PER_CALL`` = 49 answers, one TransactWriteItems each), the other with
``suggestion_apply`` once per question, as the card's Accept button does. The write calls are
counted at the store (TransactWriteItems), the time is the wall time of the accepting only.
Both must leave the same answers (value, source, citations) and one ``suggestion_accepted``
event per answer.
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path
from typing import Any

ANSWERS = 30


def _draft(actor: Any) -> str:
    from assessments.services.answers import answer_save
    from assessments.services.assessments import assessment_create
    from integrations.runtime import run_sync
    from integrations.table import get_table
    from tests.bulk.helpers import question_ids, suggestion
    from tests.web.helpers import DETAILS

    assessment_id = run_sync(assessment_create, actor=actor, details=DETAILS, questionnaire="long").id
    run_sync(
        answer_save,
        actor=actor,
        assessment_id=assessment_id,
        question_id="QL-1",
        raw_value="Yes",
        expected_version=None,
    )
    for question_id in question_ids(ANSWERS):
        run_sync(get_table().put, suggestion(question_id).to_item(assessment_id))
    return assessment_id


def _accepted(assessment_id: str) -> list[tuple[str, Any, str, int]]:
    from assessments.selectors.assessments import assessment_collection
    from integrations.runtime import run_sync
    from tests.bulk.helpers import question_ids

    answers = run_sync(assessment_collection, assessment_id=assessment_id).answers
    return [
        (q, answers[q].value, answers[q].source, len(answers[q].citations)) for q in question_ids(ANSWERS)
    ]


def main() -> None:
    from assessments.domain.bulk_plan import ANSWERS_PER_CALL
    from assessments.domain.records import Actor
    from assessments.services.bulk_accept import suggestions_accept_all
    from assessments.services.questionnaires import questionnaire_import
    from assessments.services.suggestion_actions import suggestion_apply
    from benchmarks.bench_suggestions import isolated_app
    from integrations import instrumentation
    from integrations.runtime import run_sync
    from tests.bulk.helpers import AREA, long_questionnaire, question_ids

    actor = Actor(user_id=1, username="bench-requestor", roles=frozenset())
    with tempfile.TemporaryDirectory(prefix="tra-bench-bulk-") as tmp, isolated_app(Path(tmp)):
        questionnaire_import(text=long_questionnaire(), key="long", activate=True)
        bulk_id, single_id = _draft(actor), _draft(actor)

        with instrumentation.recording() as calls:
            started = time.perf_counter()
            outcome = run_sync(suggestions_accept_all, actor=actor, assessment_id=bulk_id, section=AREA)
            bulk_ms = (time.perf_counter() - started) * 1000
        bulk_calls = calls.count("dynamodb", "TransactWriteItems")

        with instrumentation.recording() as calls:
            started = time.perf_counter()
            for question_id in question_ids(ANSWERS):
                run_sync(
                    suggestion_apply,
                    actor=actor,
                    assessment_id=single_id,
                    question_id=question_id,
                    expected_version=0,
                )
            single_ms = (time.perf_counter() - started) * 1000
        single_calls = calls.count("dynamodb", "TransactWriteItems")

        assert outcome.saved == question_ids(ANSWERS) and not outcome.conflicts, outcome
        assert bulk_calls == outcome.write_calls == math.ceil(ANSWERS / ANSWERS_PER_CALL), bulk_calls
        assert single_calls == ANSWERS, single_calls
        assert _accepted(bulk_id) == _accepted(single_id)

    print(
        f"bulk: {ANSWERS} answers in {bulk_calls} write calls ({bulk_ms:.0f} ms) "
        f"vs {single_calls} write calls one by one ({single_ms:.0f} ms); "
        f"k = {ANSWERS_PER_CALL} answers per TransactWriteItems (1 META Update + 2 x 49 Puts <= 100)"
    )
