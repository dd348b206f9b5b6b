"""The answer library: approved answers offered (never applied) to a new assessment's questions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from assessments.domain import reuse
from assessments.errors import NotFoundError
from assessments.selectors.answer_library import library_offers, library_offers_for
from assessments.services.library_use import library_answer_use
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.reuse.helpers import finalized
from tests.review.helpers import collection
from tests.web.helpers import answer, create_assessment


def offers(cast: Any, assessment_id: str, question_id: str, who: str = "requestor", **kw: Any) -> list[Any]:
    return run_sync(
        library_offers, actor=cast.actor(who), assessment_id=assessment_id, question_id=question_id, **kw
    )


def test_a_new_assessment_is_offered_the_approved_answer_but_not_given_it(cast: Any) -> None:
    source = finalized(cast)
    approved = collection(source)
    fresh = create_assessment(cast)

    found = offers(cast, fresh, "TP-01")

    assert len(found) == 1
    offer = found[0]
    decided = approved.assessment.decided_at[:10]
    assert offer.label == f"Approved in {source} on {decided}"
    assert offer.value == approved.answers["TP-01"].value
    assert offer.provenance == "written by the requestor" and not offer.stale
    assert offer.matched_by == "question"
    assert collection(fresh).answers == {}  # offered, never applied


def test_an_answer_older_than_the_stale_age_is_marked_stale(cast: Any, settings: Any) -> None:
    source = finalized(cast)
    fresh = create_assessment(cast)
    decided = date.fromisoformat(collection(source).assessment.decided_at[:10])
    settings.TRA_LIBRARY_STALE_DAYS = 30
    assert not offers(cast, fresh, "TP-01", today=decided + timedelta(days=30))[0].stale
    assert offers(cast, fresh, "TP-01", today=decided + timedelta(days=31))[0].stale


def test_the_same_question_text_in_another_questionnaire_is_offered_by_its_text(cast: Any) -> None:
    finalized(cast)
    found = run_sync(
        library_offers_for,
        actor=cast.actor("requestor"),
        questionnaire_key="another",
        question_id="X-9",
        question_text="  What is the VENDOR's legal name, and which product or service are we buying? ",
    )
    assert [o.matched_by for o in found] == ["text"]


def test_a_requestor_is_not_offered_another_requestors_confidential_answers(cast: Any) -> None:
    confidential = finalized(cast)  # the builders' details are Confidential
    theirs = create_assessment(cast, who="requestor2")
    assert offers(cast, theirs, "TP-01", who="requestor2") == []
    # A reviewer reads every finalized assessment, so is offered every answer.
    assert [o.assessment_id for o in offers(cast, theirs, "TP-01", who="assessor")] == [confidential]


def test_an_internal_answer_is_offered_to_other_requestors_without_its_owners_name(cast: Any) -> None:
    source = finalized(cast, classification="Internal")
    theirs = create_assessment(cast, who="requestor2")
    found = offers(cast, theirs, "TP-01", who="requestor2")
    assert [o.assessment_id for o in found] == [source]
    shown = found[0].as_dict()
    assert set(shown) == {
        "assessment_id",
        "decided_on",
        "value",
        "provenance",
        "citations",
        "stale",
        "matched_by",
        "label",
    }
    assert "Customer support platform" not in str(shown) and "requestor@example.com" not in str(shown)


def _tp01_text() -> str:
    from assessments.selectors.questionnaires import questionnaire_get_active

    return questionnaire_get_active(key="default")[1].question("TP-01").text


def test_an_offer_is_at_most_two_queries_however_large_the_library(cast: Any) -> None:
    finalized(cast)
    fresh = create_assessment(cast)
    with instrumentation.recording() as small:
        offers(cast, fresh, "TP-01")
    for n in range(30):  # 30 more approvals of TP-01 in the library
        entry = reuse.LibraryAnswer(
            assessment_id=f"TRA-2025-{n:06X}",
            decided_at=f"2025-06-{1 + n % 28:02d}T10:00:00.000000Z",
            questionnaire_key="default",
            question_id="TP-01",
            question_text=_tp01_text(),
            value="Acme Ltd, its helpdesk",
            source="manual",
            data_classification="Internal",
            owner_id=cast.requestor.pk,
        )
        run_sync(get_table().batch_write, puts=entry.to_items())
    with instrumentation.recording() as large:
        found = offers(cast, fresh, "TP-01")
    assert len(found) == 5
    # The assessment's collection, then its question's partition and (if that had too few) the
    # text's: never more, whatever the library holds.
    assert small.count("dynamodb", "Query") <= 3 and large.count("dynamodb", "Query") <= 3
    assert large.count("dynamodb", "Scan") == 0


def test_using_an_offer_saves_it_as_a_library_answer_in_one_click(cast: Any) -> None:
    source = finalized(cast)
    fresh = create_assessment(cast)
    answer(cast, fresh, "Q-04", "Yes")  # a third party: TP-01 applies
    run_sync(
        library_answer_use,
        actor=cast.actor("requestor"),
        assessment_id=fresh,
        question_id="TP-01",
        from_assessment=source,
    )
    saved = collection(fresh).answers["TP-01"]
    assert saved.source == "library" and saved.value == collection(source).answers["TP-01"].value


def test_an_answer_not_offered_cannot_be_used(cast: Any) -> None:
    source = finalized(cast)
    theirs = create_assessment(cast, who="requestor2")
    with pytest.raises(NotFoundError):
        run_sync(
            library_answer_use,
            actor=cast.actor("requestor2"),
            assessment_id=theirs,
            question_id="TP-01",
            from_assessment=source,
        )
    assert collection(theirs).answers == {}
