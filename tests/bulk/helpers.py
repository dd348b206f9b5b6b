"""A questionnaire with a long risk area, and stored suggestions, for the bulk-accept tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from assessments.domain.documents import CitationRecord, SuggestionRecord
from assessments.domain.records import now_iso
from assessments.services import bulk_accept
from assessments.services.answers import answer_save
from assessments.services.bulk_accept import BulkOutcome, suggestions_accept_all
from assessments.services.questionnaires import questionnaire_import
from integrations.runtime import run_sync
from integrations.table import get_table

AREA = "operations"
QUESTIONS = 60  # more than one batch holds (49)


def long_questionnaire(questions: int = QUESTIONS) -> str:
    """One qualifying question that switches the area on, one rule-read question in the area
    (a parent of a show rule), and many free-text questions nothing depends on."""
    lines = [
        'assessment: {name: Long, version: "1", description: A long risk area}',
        "qualifying_questions:",
        "  - {id: QL-1, question: Does it run in production?, response_type: Yes/No,",
        "     on_yes: {action: show_all_questions, risk_area: Operations}}",
        "risk_areas:",
        f"  {AREA}:",
        "    name: Operations Risk",
        "    questions:",
        "      - {id: OP-00, question: Is there an on-call rota?, response_type: Yes/No}",
        "      - {id: OP-00a, question: Who is on call?, response_type: free-text,",
        "         depends_on: {question_id: OP-00, answer: 'Yes'}}",
    ]
    lines += [
        f"      - {{id: OP-{n:02d}, question: Describe operational control {n}., response_type: free-text}}"
        for n in range(1, questions + 1)
    ]
    return "\n".join(lines) + "\n"


def question_ids(count: int) -> list[str]:
    return [f"OP-{n:02d}" for n in range(1, count + 1)]


def citation(question_id: str) -> CitationRecord:
    return CitationRecord(
        document_id="d" * 32,
        document_name="Runbook.docx",
        passage=f"The runbook describes {question_id}.",
        page=2,
        section="Operations",
    )


def suggestion(question_id: str, confidence: str = "high", answer: Any = None) -> SuggestionRecord:
    return SuggestionRecord(
        question_id=question_id,
        status="suggested",
        answer=answer if answer is not None else f"Control for {question_id} is in the runbook.",
        confidence=confidence,
        score=0.9,
        rationale="The runbook says so.",
        citations=(citation(question_id),),
        cache_key="k",
        fingerprint="f",
        model="test",
        prompt_version="test",
        generated_at=now_iso(),
    )


def long_assessment(cast: Any, who: str = "requestor") -> str:
    """A draft on the long questionnaire with its area switched on."""
    from tests.web.helpers import answer

    questionnaire_import(text=long_questionnaire(), key="long", activate=True)
    assessment_id = _create(cast, who)
    answer(cast, assessment_id, "QL-1", "Yes", who=who)
    return assessment_id


def _create(cast: Any, who: str) -> str:
    from assessments.services.assessments import assessment_create
    from tests.web.helpers import DETAILS

    return run_sync(assessment_create, actor=cast.actor(who), details=DETAILS, questionnaire="long").id


def store_suggestions(assessment_id: str, records: list[SuggestionRecord]) -> None:
    for record in records:
        run_sync(get_table().put, record.to_item(assessment_id))


def accept_all(cast: Any, assessment_id: str, who: str = "requestor", section: str = AREA) -> BulkOutcome:
    return run_sync(
        suggestions_accept_all, actor=cast.actor(who), assessment_id=assessment_id, section=section
    )


def after_the_read(monkeypatch: Any, meanwhile: Callable[[], Awaitable[None]]) -> None:
    """Once the bulk accept has read the assessment (and before it writes), run ``meanwhile``."""
    read_questionnaire = bulk_accept.aquestionnaire_get

    async def read_then_meanwhile(**kwargs: Any) -> Any:
        questionnaire = await read_questionnaire(**kwargs)
        await meanwhile()
        return questionnaire

    monkeypatch.setattr(bulk_accept, "aquestionnaire_get", read_then_meanwhile)


def another_tab_saves_after_the_read(
    monkeypatch: Any, cast: Any, assessment_id: str, answers: dict[str, str]
) -> None:
    """Once the bulk accept has read the assessment, the requestor's other tab saves ``answers``."""
    requestor = cast.actor("requestor")

    async def other_tab_saves() -> None:
        for question_id, value in answers.items():
            await answer_save(
                actor=requestor,
                assessment_id=assessment_id,
                question_id=question_id,
                raw_value=value,
                expected_version=0,
            )

    after_the_read(monkeypatch, other_tab_saves)
