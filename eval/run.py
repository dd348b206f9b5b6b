"""Drive the real local pipeline over one evaluation case and read back what it stored.

Import the questionnaire, create an assessment, upload the case's documents through
``documents_upload``, run the processing tasks it enqueued (extraction, chunking, index,
summary), then run the suggestion pre-computation task once with every question of the
questionnaire applicable (all risk areas on: the evaluation scores every question, not only
those a blank assessment shows). Needs configured Django settings with the dummy task backend
(``eval.settings``, or ``tests/settings.py`` under pytest).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from django.test import override_settings

from assessments.documents.extract import extract
from assessments.documents.sniff import detect_kind
from assessments.domain.documents import DocumentStatus, SuggestionRecord
from assessments.domain.records import Actor
from assessments.questionnaire import engine
from assessments.questionnaire.model import Question, Questionnaire
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import questionnaire_get_active
from assessments.services.assessments import AssessmentDetails, assessment_create
from assessments.services.documents import UploadFile, documents_upload
from assessments.services.questionnaires import questionnaire_import
from assessments.suggestions import comparisons
from assessments.tasks import document_process_task, suggestions_precompute_task
from eval.gold import QUESTIONNAIRES, GoldCase, document_bytes, gold_case
from eval.score import Verdict, judge
from integrations.runtime import run_sync

# "In the last 12 months" is read against the day a suggestion is made. The evaluation pins that
# day, so its figures do not drift as the calendar moves past the corpus's dates (its documents
# are dated up to late November 2026; the gold was written against them in December 2026).
REFERENCE_DAY = dt.date(2026, 12, 2)

DETAILS = AssessmentDetails(
    title="Sable customer service platform",
    project="Sable",
    description="Blind evaluation case.",
    system_id="SYS-EVAL",
    data_classification="Confidential",
    business_unit="Digital Channels",
)


@dataclass(frozen=True)
class CaseRun:
    questionnaire: Questionnaire
    questions: tuple[Question, ...]  # the questions suggested for, in questionnaire order
    suggestions: dict[str, SuggestionRecord]
    texts: dict[str, str]  # document name -> its extracted text
    processing_s: float
    suggestions_s: float


def eval_actor() -> Actor:
    from django.contrib.auth import get_user_model

    from assessments.domain.roles import roles_of

    user, _ = get_user_model().objects.get_or_create(username="eval-requestor")
    return Actor(user_id=user.pk, username=user.username, roles=roles_of(user))


def questionnaire_ensure(key: str) -> Questionnaire:
    """The active version of ``key``, importing the committed file (idempotent)."""
    questionnaire_import(text=QUESTIONNAIRES[key].read_text(), key=key, activate=True)
    return questionnaire_get_active(key=key)[1]


def _assessment_on(actor: Actor, key: str) -> str:
    questionnaire_ensure(key)
    return run_sync(assessment_create, actor=actor, details=DETAILS, questionnaire=key).id


@contextmanager
def every_question_applicable(questions: Sequence[Question]) -> Iterator[None]:
    """The pre-computation suggests for exactly ``questions`` (all areas on, no skips)."""
    chosen = list(questions)
    with mock.patch.object(engine, "applicable_questions", lambda _q, _answers: list(chosen)):
        yield


def _collection(assessment_id: str) -> Any:
    return run_sync(assessment_collection, assessment_id=assessment_id)


def run_case(
    case: GoldCase,
    *,
    documents: Sequence[str] | None = None,
    questions: Sequence[Question] | None = None,
) -> CaseRun:
    """Upload ``documents`` (default: the case's), process them, suggest for ``questions``.

    Each case gets a knowledge-base index of its own: BM25 weighs words by the whole index, so
    another case's documents in it would change this one's retrieval (and its figures).
    """
    index_dir = Path(tempfile.mkdtemp(prefix="tra-eval-kb-"))
    try:
        with override_settings(TRA_LOCAL_INDEX_DIR=index_dir):
            return _run_case(case, documents=documents, questions=questions)
    finally:
        shutil.rmtree(index_dir, ignore_errors=True)


def _run_case(
    case: GoldCase, *, documents: Sequence[str] | None, questions: Sequence[Question] | None
) -> CaseRun:
    names = list(documents or case.documents)
    questionnaire = questionnaire_ensure(case.questionnaire)
    asked = tuple(questions or questionnaire.all_questions())
    actor = eval_actor()
    assessment_id = _assessment_on(actor, case.questionnaire)

    started = time.perf_counter()
    files = [UploadFile(name, document_bytes(name)) for name in names]
    outcomes = run_sync(documents_upload, actor=actor, assessment_id=assessment_id, files=files)
    for outcome in outcomes:
        if not (outcome.stored and outcome.document):
            raise RuntimeError(f"upload refused: {outcome.error}")
        # The task the upload enqueued, run as the worker runs it.
        status = document_process_task.call(assessment_id, outcome.document.id)
        if status != DocumentStatus.READY.value:
            raise RuntimeError(f"{outcome.document.name} did not become ready: {status}")
    processing_s = time.perf_counter() - started

    started = time.perf_counter()
    with (
        every_question_applicable(asked),
        mock.patch.object(comparisons, "reference_day", lambda: REFERENCE_DAY),
    ):
        suggestions_precompute_task.call(assessment_id)
    suggestions_s = time.perf_counter() - started

    stored = _collection(assessment_id).suggestions
    missing = [q.id for q in asked if q.id not in stored]
    if missing:
        raise RuntimeError(f"no suggestion stored for {missing}")
    texts = {}
    for name in names:
        data = document_bytes(name)
        texts[Path(name).name] = extract(data, detect_kind(data, name)).text
    return CaseRun(questionnaire, asked, stored, texts, processing_s, suggestions_s)


def evaluate(split: str, key: str) -> tuple[CaseRun, list[Verdict]]:
    """Run one case through the pipeline and judge every suggestion against its gold."""
    case = gold_case(split, key)
    run = run_case(case)
    return run, judge(case, run.questions, run.suggestions, run.texts)
