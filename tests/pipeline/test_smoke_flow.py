from __future__ import annotations

from typing import Any

from assessments.domain.documents import DocumentStatus
from assessments.selectors.assessments import assessment_collection
from assessments.services.documents import UploadFile, documents_upload
from integrations.runtime import run_sync
from tests.fixtures.pipeline import brief
from tests.web.helpers import answer, create_assessment


def test_it_takes_an_uploaded_brief_to_ready_with_suggestions(
    cast: Any, pipeline: Any, run_tasks: Any
) -> None:
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-01", "Yes")
    outcomes = run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=[UploadFile("brief.docx", brief("docx"))],
    )
    assert outcomes[0].stored
    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    assert [d.status for d in collection.documents] == [DocumentStatus.READY]
    assert collection.documents[0].summary
    assert collection.suggestions
    print(len(collection.suggestions), {s.status for s in collection.suggestions.values()})
