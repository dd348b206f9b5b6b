"""An answer taken from a suggestion keeps the evidence it came from, on both table backends.

Accepted: the suggestion's citations are frozen on the answer. Edited: the same citations,
and the answer says it was edited (and what was suggested). A manual save of another value:
none. The suggestion item itself is replaced whenever the documents change; the answer's
citations stay what the requestor saw.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from assessments.domain import keys
from assessments.domain.documents import CitationRecord, DocumentRecord, DocumentStatus, SuggestionRecord
from assessments.domain.records import AnswerRecord, now_iso
from assessments.presenters.provenance import provenance_of
from assessments.services.documents import document_remove
from assessments.services.suggestion_actions import suggestion_apply
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import audit_events, collection, item, upload
from tests.web.helpers import answer, create_assessment

QUESTION = "Q-01"  # free text, always applicable
SUGGESTED = "A SaaS helpdesk replaces the on-premises ticket system for customer support."
CITATIONS = (
    CitationRecord(
        document_id="d" * 32,
        document_name="Project brief.docx",
        passage="The on-premises ticket system will be replaced by a SaaS helpdesk.",
        page=3,
        section="2. Scope",
    ),
    CitationRecord(document_id="e" * 32, document_name="notes.txt", passage="Support moves in April."),
)


def suggestion(
    answer: str = SUGGESTED, citations: tuple[CitationRecord, ...] = CITATIONS
) -> SuggestionRecord:
    return SuggestionRecord(
        question_id=QUESTION,
        status="suggested",
        answer=answer,
        confidence="high",
        score=0.9,
        rationale="The brief's scope section says so.",
        citations=citations,
        cache_key="k",
        fingerprint="f",
        model="test",
        prompt_version="test",
        generated_at=now_iso(),
    )


@pytest.fixture
def suggested(cast: Any) -> str:
    """An assessment with a stored suggestion for Q-01, written straight to the table."""
    assessment_id = create_assessment(cast)
    run_sync(get_table().put, suggestion().to_item(assessment_id))
    return assessment_id


def apply(cast: Any, assessment_id: str, edited: str | None = None) -> AnswerRecord:
    saved = run_sync(
        suggestion_apply,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        question_id=QUESTION,
        expected_version=None,
        edited_value=edited,
    )
    assert saved.answer is not None
    return saved.answer


def stored_answer(assessment_id: str) -> AnswerRecord:
    """The answer as a fresh read of the table gives it back."""
    return collection(assessment_id).answers[QUESTION]


def test_accepting_a_suggestion_freezes_its_citations_on_the_answer(cast: Any, suggested: str) -> None:
    apply(cast, suggested)

    stored = stored_answer(suggested)
    assert stored.source == "suggestion_accepted"
    assert stored.value == SUGGESTED
    assert stored.citations == CITATIONS  # document, page, section and the verbatim passage
    assert stored.suggested_value == SUGGESTED
    [event] = audit_events(suggested, "suggestion_accepted")
    assert event["after"]["value"] == SUGGESTED


def test_an_edited_suggestion_keeps_the_citations_it_was_edited_from_and_says_so(
    cast: Any, suggested: str
) -> None:
    apply(cast, suggested, edited="A SaaS helpdesk replaces the ticket system, for support and sales.")

    stored = stored_answer(suggested)
    assert stored.source == "suggestion_edited"
    assert stored.value == "A SaaS helpdesk replaces the ticket system, for support and sales."
    assert stored.suggested_value == SUGGESTED
    assert stored.citations == CITATIONS
    shown = provenance_of(stored, None)
    assert shown.label == "Edited suggestion" and shown.edited
    assert shown.suggested_text == SUGGESTED


def test_a_manual_save_of_another_value_drops_the_citations(cast: Any, suggested: str) -> None:
    apply(cast, suggested)

    answer(cast, suggested, QUESTION, "We are replacing the ticket system; see the brief.")

    stored = stored_answer(suggested)
    assert stored.source == "manual"
    assert stored.citations == ()
    assert stored.suggested_value is None
    raw = item(suggested, keys.answer_sk(QUESTION))
    assert raw is not None and "citations" not in raw and "suggested_value" not in raw
    assert provenance_of(stored, None).label == "Manual"


def test_saving_the_same_value_by_hand_changes_nothing_about_where_it_came_from(
    cast: Any, suggested: str
) -> None:
    accepted = apply(cast, suggested)

    answer(cast, suggested, QUESTION, SUGGESTED)

    stored = stored_answer(suggested)
    assert stored.version == accepted.version
    assert (stored.source, stored.citations) == ("suggestion_accepted", CITATIONS)


def test_accepting_a_suggestion_that_says_what_the_answer_says_records_its_evidence(
    cast: Any, suggested: str
) -> None:
    answer(cast, suggested, QUESTION, SUGGESTED)
    assert stored_answer(suggested).citations == ()

    apply(cast, suggested)

    stored = stored_answer(suggested)
    assert stored.source == "suggestion_accepted"
    assert stored.citations == CITATIONS


def test_the_citations_survive_the_suggestion_being_replaced_and_then_removed(
    cast: Any, suggested: str
) -> None:
    apply(cast, suggested)
    regenerated = suggestion(
        answer="Something else entirely.",
        citations=(CitationRecord(document_id="f" * 32, document_name="new.pdf", passage="Other text."),),
    )

    run_sync(get_table().put, regenerated.to_item(suggested))
    replaced = stored_answer(suggested)
    run_sync(get_table().delete, keys.assessment_pk(suggested), keys.suggestion_sk(QUESTION))
    removed = collection(suggested)

    assert replaced.citations == CITATIONS
    assert QUESTION not in removed.suggestions
    assert removed.answers[QUESTION].citations == CITATIONS
    assert removed.answers[QUESTION].suggested_value == SUGGESTED


DATE_QUESTION = "Q-03"  # the brief states the go-live date


@pytest.mark.usefixtures("on_the_briefs_day")
def test_an_answer_keeps_its_citation_after_the_cited_document_is_removed(
    cast: Any, pipeline: Any, run_tasks: Any
) -> None:
    assessment_id = create_assessment(cast)
    [outcome] = upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert outcome.document is not None
    offered = collection(assessment_id).suggestions[DATE_QUESTION]
    assert offered.status == "suggested" and offered.citations
    run_sync(
        suggestion_apply,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        question_id=DATE_QUESTION,
        expected_version=None,
    )

    run_sync(
        document_remove,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        document_id=outcome.document.id,
    )

    after = collection(assessment_id)
    kept = after.answers[DATE_QUESTION]
    assert kept.citations == offered.citations
    assert after.suggestions.get(DATE_QUESTION) != offered  # recomputed without the brief (or gone)
    shown = provenance_of(
        kept, after.suggestions.get(DATE_QUESTION), assessment_id=assessment_id, documents=after.documents
    )
    assert shown.label == "Accepted suggestion"
    assert [c.passage for c in shown.citations] == [c.passage for c in offered.citations]
    assert all(c.document_name == "brief.docx" and c.download_url is None for c in shown.citations)


# --- provenance_of (pure) ----------------------------------------------------------------------


def _answer(source: str, citations: tuple[CitationRecord, ...] = ()) -> AnswerRecord:
    return AnswerRecord(QUESTION, "x", source, "requestor", now_iso(), 1, citations=citations)


def _document(document_id: str) -> DocumentRecord:
    now = now_iso()
    return DocumentRecord(
        assessment_id="TRA-2025-ABC123",
        id=document_id,
        name="Project brief.docx",
        kind="docx",
        size=1,
        sha256="0" * 64,
        storage_key="documents/TRA-2025-ABC123/" + document_id,
        status=DocumentStatus.READY,
        uploaded_by="requestor",
        uploaded_at=now,
        updated_at=now,
        version=1,
    )


def test_provenance_links_each_citation_to_its_document_while_the_document_is_there() -> None:
    shown = provenance_of(
        _answer("suggestion_accepted", CITATIONS),
        None,
        assessment_id="TRA-2025-ABC123",
        documents=[_document("d" * 32)],
    )

    first, second = shown.citations
    assert shown.label == "Accepted suggestion" and shown.css_class == "provenance-accepted"
    assert first.where == "Project brief.docx, page 3, 2. Scope"
    assert first.passage == CITATIONS[0].passage
    assert first.download_url == f"/assessments/TRA-2025-ABC123/documents/{'d' * 32}/download/"
    assert second.download_url is None and not second.document_available  # notes.txt was removed


def test_provenance_of_an_older_answer_falls_back_to_the_current_suggestion_and_says_so() -> None:
    shown = provenance_of(_answer("suggestion_edited"), suggestion())

    assert shown.label == "Edited suggestion"
    assert shown.citations_from == "suggestion"
    assert [c.passage for c in shown.citations] == [c.passage for c in CITATIONS]


def test_provenance_of_a_manual_answer_shows_no_citation_even_with_a_suggestion_there() -> None:
    shown = provenance_of(_answer("manual"), suggestion())

    assert (shown.label, shown.citations, shown.from_suggestion) == ("Manual", (), False)
    assert provenance_of(None, suggestion()).label == ""


def test_a_citation_item_round_trips_through_the_answer_item() -> None:
    original = dataclasses.replace(_answer("suggestion_edited", CITATIONS), suggested_value=["a", "b"])

    assert AnswerRecord.from_item(original.to_item("TRA-2025-ABC123")) == original
    assert "citations" not in _answer("manual").to_item("TRA-2025-ABC123")
