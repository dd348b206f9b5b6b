"""Structural facts of the pipeline's table use, counted at the instrumented boundary."""

from __future__ import annotations

import math
from typing import Any

from assessments.services.suggestions_precompute import suggestions_precompute
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import collection, upload
from tests.web.helpers import create_assessment


def test_precomputing_reads_the_assessment_with_one_query_and_writes_in_batches(
    cast: Any, pipeline: Any
) -> None:
    from assessments.services.processing import document_process

    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert outcome.document
    run_sync(document_process, assessment_id=assessment_id, document_id=outcome.document.id)

    with instrumentation.recording() as calls:
        report = run_sync(suggestions_precompute, assessment_id=assessment_id)
    assert report.computed == len(collection(assessment_id).suggestions) > 0
    dynamodb = {op: n for (service, op), n in calls.by_operation().items() if service == "dynamodb"}
    # A flush every 10 questions writes their 10 suggestions and 10 audit events: 20 items,
    # one BatchWriteItem (up to 25). Never an item-by-item write, never a Scan.
    assert dynamodb == {"Query": 1, "BatchWriteItem": math.ceil(report.computed / 10)}

    with instrumentation.recording() as calls:
        again = run_sync(suggestions_precompute, assessment_id=assessment_id)
    assert again.computed == 0
    assert calls.by_operation() == {("dynamodb", "Query"): 1}  # the cache check is the one read
