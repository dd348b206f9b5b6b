"""A guest downloads the assessment's documents (all of them, or those cited in their area)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.test import Client

from assessments.domain.documents import CitationRecord
from assessments.guests.service import guest_revoke
from assessments.selectors.questionnaires import questionnaire_get
from assessments.services.review import assessment_assign, assessment_submit
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.guests.helpers import areas_of, events, invite, page_path
from tests.pipeline.helpers import upload
from tests.review.helpers import collection
from tests.web.helpers import answer_everything, create_assessment

EVIDENCE = b"Customer records are encrypted at rest.\n"


@pytest.fixture
def with_document(cast: Any, pipeline: Any) -> tuple[str, str]:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("controls.txt", EVIDENCE))
    answer_everything(cast, assessment_id, yes=frozenset({"Q-04", "Q-06"}))
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    return assessment_id, outcome.document.id


async def _body(response: Any) -> bytes:
    return b"".join([chunk async for chunk in response.streaming_content])


def _path(token: str, document_id: str) -> str:
    return f"/guest/{token}/documents/{document_id}/"


def test_a_guest_of_the_whole_assessment_downloads_its_documents_audited(
    cast: Any, with_document: tuple[str, str]
) -> None:
    assessment_id, document_id = with_document
    made, _, token = invite(cast, assessment_id)
    assert "controls.txt" in Client().get(page_path(token)).content.decode()

    response = Client().get(_path(token, document_id))

    assert response.status_code == 200
    assert run_sync(_body, response) == EVIDENCE
    assert "attachment" in response["Content-Disposition"]
    [event] = events(assessment_id, "guest_downloaded")
    assert event["after"]["invite_id"] == made.invite_id and event["after"]["document_id"] == document_id
    assert token not in repr(event)


def test_a_guest_of_one_area_gets_only_the_documents_cited_there(
    cast: Any, with_document: tuple[str, str]
) -> None:
    assessment_id, document_id = with_document
    _, _, token = invite(cast, assessment_id, area=areas_of(assessment_id)[0])

    page = Client().get(page_path(token)).content.decode()
    response = Client().get(_path(token, document_id))

    # Nothing in that area cites the document (all answers are typed by hand).
    assert "controls.txt" not in page
    assert response.status_code == 404
    assert events(assessment_id, "guest_downloaded") == []


def test_a_withdrawn_or_tampered_link_downloads_nothing(cast: Any, with_document: tuple[str, str]) -> None:
    assessment_id, document_id = with_document
    made, _, token = invite(cast, assessment_id)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert Client().get(_path(tampered, document_id)).status_code == 404
    assert Client().get(_path(token, "0" * 32)).status_code == 404

    run_sync(
        guest_revoke, actor=cast.actor("assessor"), assessment_id=assessment_id, invite_id=made.invite_id
    )
    response = Client().get(_path(token, document_id))

    assert response.status_code == 410
    assert EVIDENCE not in response.content
    assert events(assessment_id, "guest_downloaded") == []


def test_a_guest_of_one_area_downloads_a_document_an_answer_there_cites(
    cast: Any, with_document: tuple[str, str]
) -> None:
    assessment_id, document_id = with_document
    area = areas_of(assessment_id)[0]
    c = collection(assessment_id)
    answer = next(a for q, a in c.answers.items() if q in _area_questions(c, area))
    cited = dataclasses.replace(
        answer,
        source="suggestion_accepted",
        citations=(CitationRecord(document_id, "controls.txt", "Customer records are encrypted at rest."),),
    )
    run_sync(get_table().put, cited.to_item(assessment_id))
    _, _, token = invite(cast, assessment_id, area=area)

    page = Client().get(page_path(token)).content.decode()
    response = Client().get(_path(token, document_id))

    assert "controls.txt" in page and _path(token, document_id) in page
    assert response.status_code == 200 and run_sync(_body, response) == EVIDENCE


def _area_questions(c: Any, area: str) -> set[str]:
    a = c.assessment
    questionnaire = questionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    return {q.id for q in questionnaire.all_questions() if q.area_key == area}
