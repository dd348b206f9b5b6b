"""Suggestion pre-compute for a 30-question risk area: one LLM call at a time vs bounded concurrency.

The LLM is ``tests.pipeline.fakes.FakeLLM`` with a fixed latency per call (no network, so the
figures show the scheduling, not a model); everything else is real: the local TRA table, the
local document store and knowledge base (in a temporary directory) and a throw-away SQLite
database for the questionnaire. The project brief (tests/fixtures/documents/project_brief.docx)
is uploaded and processed into the knowledge base.

No area of the default questionnaire has 30 questions (the largest, Cyber Security &
Resilience, has 21, of which 14 apply before follow-ups), so the benchmark imports a variant of
it: the same qualifying questions, and a Cyber Security & Resilience area of exactly 30
questions, its own 21 followed by the first 9 of Third Party Risk, renumbered BX-01..BX-30 and
with their follow-up rules removed so that all 30 apply once Q-09 is answered Yes.

Each run uses a fresh assessment: suggestions for the 10 qualifying questions are computed
first (not timed), then answering Q-09 Yes switches the area on and the timed pre-compute
computes exactly its 30 new questions, as happens in the app. The run is repeated with
concurrency 1 and with ``TRA_SUGGESTION_CONCURRENCY`` (8 by default); a final pre-compute with
unchanged documents must make no LLM call at all.
"""

from __future__ import annotations

import copy
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LATENCY = 0.05  # seconds per LLM call
AREA_SIZE = 30
AREA_KEY = "cyber_security"
TOPPED_UP_FROM = "third_party"
BRIEF = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "documents" / "project_brief.docx"
RULE_KEYS = ("depends_on", "parent_question", "skip_if", "show_if_any", "show_questions", "on_yes", "on_no")


@dataclass(frozen=True)
class Run:
    concurrency: int
    seconds: float
    computed: int
    reused: int
    unavailable: int
    llm_calls: int
    max_in_flight: int


def bench_questionnaire_yaml() -> str:
    """The default questionnaire with one risk area of exactly ``AREA_SIZE`` rule-free questions."""
    import yaml

    from assessments.questionnaire.yaml_io import safe_load
    from assessments.selectors.questionnaires import default_questionnaire_path

    data = safe_load(default_questionnaire_path().read_text())
    areas = data["risk_areas"]
    pool = [*areas[AREA_KEY]["questions"], *areas[TOPPED_UP_FROM]["questions"]]
    questions = []
    for number, original in enumerate(pool[:AREA_SIZE], start=1):
        question = {k: v for k, v in copy.deepcopy(original).items() if k not in RULE_KEYS}
        question["id"] = f"BX-{number:02d}"
        questions.append(question)
    areas[AREA_KEY]["questions"] = questions
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@contextmanager
def isolated_app(tmp: Path) -> Iterator[None]:
    """Settings pointing every store at ``tmp``, and a throw-away database (as the tests have)."""
    from django.db import connection
    from django.test.utils import override_settings

    from integrations.runtime import run_sync
    from integrations.table import forget_tables, get_table, schema

    async def create_table() -> None:
        store = get_table()
        await store.create_table()
        for index in schema.ADDED_INDEXES:
            await store.create_index(index.name)

    with override_settings(
        TRA_TABLE_BACKEND="local",
        TRA_TABLE_NAME="tra-bench",
        TRA_LOCAL_TABLE_PATH=tmp / "tra-table.sqlite3",
        TRA_DOCUMENT_STORE="local",
        TRA_DOCUMENT_DIR=tmp / "documents",
        TRA_KB_PROVIDER="local",
        TRA_LOCAL_INDEX_DIR=tmp / "kb-index",
        TRA_LLM_PROVIDER="local",  # document summaries stay extractive; suggestions use FakeLLM
        CHANNEL_LAYERS={"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}},
        # Nothing runs in the background: the benchmark calls each step itself.
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    ):
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        forget_tables()
        try:
            run_sync(create_table)
            yield
        finally:
            forget_tables()
            connection.creation.destroy_test_db(old_name, verbosity=0)


def prepared_assessment(actor: Any, engine_factory: Any, fake: Any) -> str:
    """A fresh assessment with the brief ready and its qualifying questions' suggestions done."""
    from assessments.domain.documents import DocumentStatus
    from assessments.services.assessments import AssessmentDetails, assessment_create
    from assessments.services.documents import UploadFile, documents_upload
    from assessments.services.processing import document_process
    from assessments.services.suggestions_precompute import suggestions_precompute
    from integrations.runtime import run_sync

    details = AssessmentDetails(
        title="Customer support platform",
        project="Project Beacon",
        description="Replace TrackIt with Brightdesk Service Cloud.",
        system_id="SYS-042",
        data_classification="Confidential",
        business_unit="Customer Operations",
    )
    assessment_id = run_sync(assessment_create, actor=actor, details=details).id
    [outcome] = run_sync(
        documents_upload,
        actor=actor,
        assessment_id=assessment_id,
        files=[UploadFile(BRIEF.name, BRIEF.read_bytes())],
    )
    assert outcome.stored, outcome.error
    status = run_sync(document_process, assessment_id=assessment_id, document_id=outcome.document.id)
    assert status is DocumentStatus.READY, status
    qualifying = run_sync(
        suggestions_precompute, assessment_id=assessment_id, suggestion_engine=engine_factory(fake)
    )
    assert qualifying.computed == 10, qualifying
    return assessment_id


def timed_run(actor: Any, engine_factory: Any, concurrency: int) -> tuple[Run, str, Any]:
    from assessments.services.answers import answer_save
    from assessments.services.suggestions_precompute import suggestions_precompute
    from integrations.runtime import run_sync
    from tests.pipeline.fakes import FakeLLM

    fake = FakeLLM(latency=LATENCY, question_ids=question_ids())
    assessment_id = prepared_assessment(actor, engine_factory, fake)
    run_sync(
        answer_save,
        actor=actor,
        assessment_id=assessment_id,
        question_id="Q-09",
        raw_value="Yes",
        expected_version=None,
    )
    calls_before = fake.calls
    fake.max_in_flight = 0
    started = time.perf_counter()
    report = run_sync(
        suggestions_precompute,
        assessment_id=assessment_id,
        suggestion_engine=engine_factory(fake),
        concurrency=concurrency,
    )
    seconds = time.perf_counter() - started
    run = Run(
        concurrency=concurrency,
        seconds=seconds,
        computed=report.computed,
        reused=report.reused,
        unavailable=report.unavailable,
        llm_calls=fake.calls - calls_before,
        max_in_flight=fake.max_in_flight,
    )
    return run, assessment_id, fake


def question_ids() -> dict[str, str]:
    from assessments.selectors.questionnaires import questionnaire_get_active
    from tests.pipeline.fakes import question_ids_of

    _version, questionnaire = questionnaire_get_active(key="default")
    return question_ids_of(questionnaire.all_questions())


def main() -> None:
    from django.conf import settings

    from assessments.domain.records import Actor
    from assessments.questionnaire import engine
    from assessments.selectors.questionnaires import questionnaire_get_active
    from assessments.services.questionnaires import questionnaire_import
    from assessments.services.suggestion_engine import SuggestionEngine
    from assessments.services.suggestions_precompute import suggestions_precompute
    from assessments.suggestions.generative import PROMPT_VERSION
    from integrations.kb import get_knowledge_base
    from integrations.runtime import run_sync

    actor = Actor(user_id=1, username="bench-requestor", roles=frozenset())

    def engine_for(fake: Any) -> SuggestionEngine:
        return SuggestionEngine(
            llm=fake, kb=get_knowledge_base(), model=fake.model, prompt_version=PROMPT_VERSION
        )

    with tempfile.TemporaryDirectory(prefix="tra-bench-") as tmp, isolated_app(Path(tmp)):
        questionnaire_import(text=bench_questionnaire_yaml(), key="default", activate=True)
        _version, questionnaire = questionnaire_get_active(key="default")
        area = [
            q for q in engine.applicable_questions(questionnaire, {"Q-09": "Yes"}) if q.area_key == AREA_KEY
        ]
        assert len(area) == AREA_SIZE, len(area)

        configured = settings.TRA_SUGGESTION_CONCURRENCY
        serial, _, _ = timed_run(actor, engine_for, 1)
        bounded, assessment_id, fake = timed_run(actor, engine_for, configured)
        calls_before = fake.calls
        again = run_sync(
            suggestions_precompute, assessment_id=assessment_id, suggestion_engine=engine_for(fake)
        )
        repeat_calls = fake.calls - calls_before

    for run in (serial, bounded):
        assert (run.computed, run.reused, run.unavailable) == (AREA_SIZE, 10, 0), run
        assert run.max_in_flight == run.concurrency, run
    assert again.computed == 0 and again.reused == AREA_SIZE + 10, again
    assert repeat_calls == 0, f"the repeat pre-compute made {repeat_calls} LLM calls"

    print(
        f"Pre-compute of one risk area's {AREA_SIZE} new questions (Cyber Security & Resilience, "
        f"30-question benchmark variant) from {BRIEF.name}; FakeLLM {LATENCY * 1000:.0f} ms per call"
    )
    print(f"{'run':<30}{'time':>9}{'computed':>10}{'reused':>8}{'LLM calls':>11}{'max in flight':>15}")
    for label, run in (
        ("concurrency 1 (one at a time)", serial),
        (f"concurrency {configured} (configured)", bounded),
    ):
        print(
            f"{label:<30}{run.seconds:>8.2f}s{run.computed:>10}{run.reused:>8}"
            f"{run.llm_calls:>11}{run.max_in_flight:>15}"
        )
    print(
        f"{'repeat, documents unchanged':<30}{'':>9}{again.computed:>10}{again.reused:>8}{repeat_calls:>11}{'-':>15}"
    )
    print(
        f"speed-up with concurrency {configured}: {serial.seconds / bounded.seconds:.1f}x "
        f"(floor: {AREA_SIZE} x {LATENCY * 1000:.0f} ms = {AREA_SIZE * LATENCY:.2f}s one at a time, "
        f"{-(-AREA_SIZE // configured)} x {LATENCY * 1000:.0f} ms = {-(-AREA_SIZE // configured) * LATENCY:.2f}s "
        f"{configured} at a time); the repeat made 0 LLM calls"
    )
