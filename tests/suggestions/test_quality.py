"""How well the local engine answers the default questionnaire from a realistic project brief.

The brief (tests/fixtures/documents, DOCX and PDF) is ordinary prose; gold_answers.yaml says,
per question, what a person reading it concludes. The engine must answer the Yes/No questions
the brief settles, abstain where the brief is silent, and quote the brief verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from assessments.documents.chunking import chunk
from assessments.documents.extract import ExtractedText, extract
from assessments.documents.sniff import detect_kind
from assessments.suggestions.extractive import PASSAGES_PER_QUESTION, retrieval_query, suggest_extractive
from assessments.suggestions.types import QuestionForSuggestion, Suggestion
from integrations.kb.local import LocalKnowledgeBase
from tests.suggestions.conftest import QUALITY_LINES

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
QUESTIONNAIRE = ROOT / "assessments" / "questionnaires" / "default.yaml"


def _questions() -> list[QuestionForSuggestion]:
    tree = yaml.safe_load(QUESTIONNAIRE.read_text())
    areas = tree.get("risk_areas") or {}
    area_list = areas.values() if isinstance(areas, dict) else areas
    raw = list(tree.get("qualifying_questions") or []) + [
        q for area in area_list for q in area.get("questions") or []
    ]
    return [
        QuestionForSuggestion(
            id=str(q["id"]),
            text=" ".join(str(q["question"]).split()),
            response_type=str(q.get("response_type", "free-text")),
            options=tuple(str(o) for o in q.get("options") or ()),
        )
        for q in raw
    ]


def _gold() -> dict[str, dict[str, Any]]:
    return yaml.safe_load((FIXTURES / "gold_answers.yaml").read_text())


def _flat(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Run:
    extracted: ExtractedText
    suggestions: dict[str, Suggestion]


async def _run(suffix: str, tmp_path: Path) -> _Run:
    name = f"project_brief.{suffix}"
    data = (FIXTURES / name).read_bytes()
    extracted = extract(data, detect_kind(data, name))
    kb = LocalKnowledgeBase(tmp_path / "kb.sqlite3")
    chunks = chunk("brief", name, extracted.blocks)
    await kb.ingest(assessment_id="TRA-2025-QUALTY", document_id="brief", document_name=name, chunks=chunks)
    suggestions = {}
    for question in _questions():
        passages = await kb.retrieve(
            assessment_id="TRA-2025-QUALTY", query=retrieval_query(question), limit=PASSAGES_PER_QUESTION
        )
        suggestions[question.id] = suggest_extractive(question, passages)
    return _Run(extracted, suggestions)


def test_it_has_a_gold_answer_for_every_question_quoted_from_both_versions() -> None:
    gold = _gold()
    assert sorted(gold) == sorted(q.id for q in _questions())
    for suffix in ("docx", "pdf"):
        data = (FIXTURES / f"project_brief.{suffix}").read_bytes()
        text = _flat(extract(data, suffix).text)
        for question_id, entry in gold.items():
            if entry["settled"] is not None:
                assert _flat(entry["evidence"]) in text, (suffix, question_id)


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
async def test_it_answers_what_the_brief_settles_and_abstains_on_the_rest(
    suffix: str, tmp_path: Path, record_property: Any
) -> None:
    run = await _run(suffix, tmp_path)
    gold = _gold()
    questions = {q.id: q for q in _questions()}

    yes_no = [
        i for i, q in questions.items() if q.response_type == "Yes/No" and gold[i]["settled"] is not None
    ]
    correct = [i for i in yes_no if run.suggestions[i].answer == gold[i]["settled"]]
    unsettled = [i for i in questions if gold[i]["settled"] is None]
    abstained = [i for i in unsettled if run.suggestions[i].status == "not_stated"]
    citations = [c for s in run.suggestions.values() for c in s.citations]
    verbatim = [c for c in citations if c.passage in run.extracted.text]
    other = [
        i for i, q in questions.items() if q.response_type != "Yes/No" and gold[i]["settled"] is not None
    ]
    other_right = [i for i in other if _matches(run.suggestions[i], gold[i])]

    accuracy = len(correct) / len(yes_no)
    abstention = len(abstained) / len(unsettled)
    verbatim_share = len(verbatim) / len(citations) if citations else 1.0
    line = (
        f"{suffix}: settled Yes/No answered correctly {len(correct)}/{len(yes_no)} = {accuracy:.2f}; "
        f"abstained where not settled {len(abstained)}/{len(unsettled)} = {abstention:.2f}; "
        f"verbatim citations {len(verbatim)}/{len(citations)} = {verbatim_share:.2f}; "
        f"(informational) other settled answers matching gold {len(other_right)}/{len(other)}"
    )
    print(line)
    QUALITY_LINES.append(line)
    record_property(f"{suffix}_yes_no_accuracy", round(accuracy, 3))
    record_property(f"{suffix}_abstention", round(abstention, 3))
    record_property(f"{suffix}_verbatim_citations", round(verbatim_share, 3))

    wrong = {i: (run.suggestions[i].answer, gold[i]["settled"]) for i in yes_no if i not in correct}
    guessed = {i: run.suggestions[i].answer for i in unsettled if i not in abstained}
    assert verbatim_share == 1.0, [c.passage for c in citations if c not in verbatim]
    assert accuracy >= 0.9, wrong
    assert abstention >= 0.9, guessed


def _matches(suggestion: Suggestion, gold: dict[str, Any]) -> bool:
    """A choice, date or number equal to gold; free text that quotes the gold evidence."""
    settled, answer = gold["settled"], suggestion.answer
    if isinstance(settled, list):
        return isinstance(answer, list) and sorted(answer) == sorted(settled)
    if answer is not None and str(answer).casefold() == str(settled).casefold():
        return True
    return any(_flat(gold["evidence"]) in _flat(c.passage) for c in suggestion.citations)
