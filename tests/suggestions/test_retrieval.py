"""Retrieval for suggestions: the query a question searches with, and which passages it keeps."""

from __future__ import annotations

from pathlib import Path

from assessments.services.suggestion_engine import SuggestionEngine
from assessments.suggestions.extractive import PASSAGES_PER_QUESTION
from assessments.suggestions.retrieval import retrieval_query
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Chunk, Passage
from integrations.kb.local import LocalKnowledgeBase

ASSESSMENT = "TRA-2025-RETRVL"


async def _kb(tmp_path: Path, *texts: str) -> LocalKnowledgeBase:
    kb = LocalKnowledgeBase(tmp_path / "kb.sqlite3")
    chunks = [Chunk("notes", "notes.txt", i, text) for i, text in enumerate(texts)]
    await kb.ingest(assessment_id=ASSESSMENT, document_id="notes", document_name="notes.txt", chunks=chunks)
    return kb


async def test_a_question_about_an_annual_amount_finds_a_passage_that_says_a_year(tmp_path: Path) -> None:
    kb = await _kb(
        tmp_path,
        "Licence fees come to £38,000 a year, invoiced quarterly in arrears.",
        "Office moves are planned for the spring.",
    )
    question = QuestionForSuggestion("Q-1", "What is the expected annual cost in GBP?", "number")
    found = await kb.retrieve(assessment_id=ASSESSMENT, query=retrieval_query(question), limit=8)
    assert [p.text for p in found] == ["Licence fees come to £38,000 a year, invoiced quarterly in arrears."]


async def test_a_question_naming_saas_finds_a_passage_that_spells_it_out(tmp_path: Path) -> None:
    kb = await _kb(
        tmp_path,
        "Tickety is a software-as-a-service helpdesk run by its maker.",
        "The warehouse keeps its own spreadsheets.",
    )
    question = QuestionForSuggestion(
        "Q-2", "Is it a SaaS product?", "single-choice", options=("Yes, SaaS", "No, installed locally")
    )
    found = await kb.retrieve(assessment_id=ASSESSMENT, query=retrieval_query(question), limit=8)
    assert found and found[0].text.startswith("Tickety is a software-as-a-service helpdesk")


def test_the_query_keeps_the_question_words_and_adds_other_names_only_for_concepts_it_names() -> None:
    asked = retrieval_query(QuestionForSuggestion("Q-3", "Is personal data encrypted at rest?", "Yes/No"))
    assert asked.startswith("Is personal data encrypted at rest")
    assert "personal information" in asked
    plain = retrieval_query(QuestionForSuggestion("Q-4", "Is the backup encrypted at rest?", "Yes/No"))
    assert plain == "Is the backup encrypted at rest"


class _Pool:
    """A knowledge base that returns, best first, passages of a document still being indexed."""

    def __init__(self) -> None:
        self.limits: list[int] = []

    async def retrieve(self, *, assessment_id: str, query: str, limit: int = 5) -> list[Passage]:
        self.limits.append(limit)
        pending = [Passage("pending", "draft.docx", f"Draft line {i}.", 9.0) for i in range(6)]
        ready = [Passage("ready", "final.docx", f"Final line {i}.", 5.0) for i in range(20)]
        return (pending + ready)[:limit]


async def test_passages_of_documents_not_ready_do_not_take_the_places_of_ready_ones() -> None:
    kb = _Pool()
    engine = SuggestionEngine(None, kb, "local-extractive", "v", documents=frozenset({"ready"}))  # type: ignore[arg-type]
    question = QuestionForSuggestion("Q-5", "Is data encrypted at rest?", "Yes/No")
    passages = await engine.passages(ASSESSMENT, question)
    assert len(passages) == PASSAGES_PER_QUESTION
    assert {p.document_id for p in passages} == {"ready"}
