"""Suggestions pre-computed for every applicable question: cached, bounded, failing alone.

Documents are uploaded through ``documents_upload`` and taken to ready by ``document_process``
(or by the task chain under ``run_tasks``). Engines are the local extractive one (what the
pipeline fixture configures) or a ``SuggestionEngine`` around ``FakeLLM``, which answers valid JSON after
a fixed latency and counts its calls.
"""

from __future__ import annotations

from typing import Any

import pytest

from assessments.selectors.questionnaires import questionnaire_get_active
from assessments.services import suggestion_engine as service
from assessments.services.documents import UploadFile, documents_upload
from assessments.services.suggestions_precompute import PrecomputeReport
from integrations.errors import Throttled
from integrations.runtime import run_sync
from tests.pipeline.fakes import FakeLLM
from tests.pipeline.suggestion_helpers import (
    BRIEF_TXT,
    SECOND_TXT,
    applicable_ids,
    collection,
    events_of,
    fake_engine,
    precompute,
    squash,
    upload_ready,
)
from tests.web.helpers import answer, create_assessment

# --- the local (extractive) engine ----------------------------------------------------------


def test_local_engine_suggests_for_every_applicable_question_with_verbatim_citations(
    cast: Any, pipeline: Any, run_tasks: Any
) -> None:
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-09", "Yes")  # Cyber Security & Resilience: more questions
    run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=[UploadFile("brief.txt", BRIEF_TXT.encode())],
    )  # processing, then the precompute it enqueues, run at once

    suggestions = collection(assessment_id).suggestions
    assert set(suggestions) == applicable_ids(assessment_id)
    assert len(suggestions) > 10
    assert {s.model for s in suggestions.values()} == {service.EXTRACTIVE_MODEL}

    yes_no = {
        q.id
        for q in questionnaire_get_active(key="default")[1].all_questions()
        if q.response_type.spelling == "Yes/No"
    }
    answered_yes_no = [s for s in suggestions.values() if s.question_id in yes_no and s.status == "suggested"]
    assert answered_yes_no, "the brief answers some Yes/No questions"
    for s in answered_yes_no:
        assert s.answer in ("Yes", "No")
        assert s.citations
        for citation in s.citations:
            assert squash(citation.passage) in squash(BRIEF_TXT), citation.passage
            assert citation.document_name == "brief.txt"

    not_stated = [s for s in suggestions.values() if s.status == "not_stated"]
    assert not_stated, "a short brief cannot answer everything"
    for s in not_stated:
        assert s.answer is None and not s.offerable


def test_a_second_precompute_with_the_local_engine_reuses_everything(assessment: str) -> None:
    first = precompute(assessment)
    n = len(applicable_ids(assessment))
    assert (first.computed, first.reused) == (n, 0)
    assert precompute(assessment) == PrecomputeReport(computed=0, reused=n, unavailable=0)


# --- the cache ------------------------------------------------------------------------------


def test_a_second_precompute_with_an_llm_makes_no_llm_calls(assessment: str) -> None:
    fake = FakeLLM()
    n = len(applicable_ids(assessment))
    first = precompute(assessment, fake_engine(fake))
    assert (first.computed, first.reused, first.unavailable) == (n, 0, 0)
    assert fake.calls > 0
    calls = fake.calls

    second = precompute(assessment, fake_engine(fake))
    assert second == PrecomputeReport(computed=0, reused=n, unavailable=0)
    assert fake.calls == calls  # zero LLM calls


def test_a_changed_document_set_recomputes_every_suggestion(cast: Any, assessment: str) -> None:
    fake = FakeLLM()
    precompute(assessment, fake_engine(fake))
    before = collection(assessment).suggestions
    calls = fake.calls

    upload_ready(cast, assessment, "addendum.txt", SECOND_TXT)
    report = precompute(assessment, fake_engine(fake))

    n = len(applicable_ids(assessment))
    assert (report.computed, report.reused) == (n, 0)
    assert fake.calls > calls
    after = collection(assessment).suggestions
    assert {s.fingerprint for s in after.values()} == {collection(assessment).fingerprint()}
    assert all(after[q].fingerprint != before[q].fingerprint for q in after)


def test_another_model_recomputes_every_suggestion(assessment: str) -> None:
    precompute(assessment, fake_engine(FakeLLM(model="fake-llm-1")))
    other = FakeLLM(model="fake-llm-2")
    report = precompute(assessment, fake_engine(other))
    n = len(applicable_ids(assessment))
    assert (report.computed, report.reused) == (n, 0)
    assert other.calls > 0
    assert {s.model for s in collection(assessment).suggestions.values()} == {"fake-llm-2"}


# --- bounded concurrency --------------------------------------------------------------------


@pytest.mark.parametrize(("concurrency", "latency"), [(4, 0.05), (1, 0.01)])
def test_llm_calls_in_flight_never_exceed_the_concurrency(
    cast: Any, assessment: str, concurrency: int, latency: float
) -> None:
    answer(cast, assessment, "Q-09", "Yes")  # 10 qualifying + the Cyber Security questions
    fake = FakeLLM(latency=latency)
    report = precompute(assessment, fake_engine(fake), concurrency=concurrency)
    assert report.computed >= 10
    assert fake.calls >= 10
    assert fake.max_in_flight == concurrency


def test_the_configured_concurrency_is_the_default(cast: Any, assessment: str, settings: Any) -> None:
    settings.TRA_SUGGESTION_CONCURRENCY = 3
    answer(cast, assessment, "Q-09", "Yes")
    fake = FakeLLM(latency=0.05)
    precompute(assessment, fake_engine(fake))
    assert fake.max_in_flight == 3


# --- failures -------------------------------------------------------------------------------


def test_a_throttled_question_is_unavailable_alone_and_is_the_only_one_retried(assessment: str) -> None:
    fake = FakeLLM(fail={"Q-04": Throttled("ThrottlingException: slow down")})
    n = len(applicable_ids(assessment))
    first = precompute(assessment, fake_engine(fake))
    assert (first.computed, first.unavailable) == (n, 1)

    current = collection(assessment)
    failed = current.suggestions["Q-04"]
    assert failed.status == "unavailable" and failed.answer is None and not failed.offerable
    assert "answer this yourself or retry" in failed.error
    others = [s for q, s in current.suggestions.items() if q != "Q-04"]
    assert len(others) == n - 1
    assert all(s.status in ("suggested", "not_stated") and not s.error for s in others)
    assert current.answers == {}  # nothing answered on anyone's behalf

    fake.fail.clear()
    calls, q04_calls = fake.calls, fake.calls_by_question["Q-04"]
    retry = precompute(assessment, fake_engine(fake))
    assert retry == PrecomputeReport(computed=1, reused=n - 1, unavailable=0)
    assert fake.calls - calls == 1 == fake.calls_by_question["Q-04"] - q04_calls
    assert collection(assessment).suggestions["Q-04"].status == "suggested"


class _Rambling(FakeLLM):
    """Answers prose instead of the JSON contract: every reply fails validation."""

    async def complete(self, *, system: str, messages: list[Any]) -> Any:
        completion = await super().complete(system=system, messages=messages)
        return type(completion)(text="I think the answer is probably yes.", model=completion.model)


def test_a_reply_that_fails_validation_twice_is_no_suggestion_and_is_not_asked_again(assessment: str) -> None:
    fake = _Rambling()
    first = precompute(assessment, fake_engine(fake))
    current = collection(assessment)
    unvalidated = [s for s in current.suggestions.values() if s.status == "unavailable"]
    assert unvalidated and first.unavailable == len(unvalidated)
    assert all(s.answer is None and not s.error and not s.offerable for s in unvalidated)

    calls = fake.calls
    again = precompute(assessment, fake_engine(fake))
    assert again.computed == 0
    assert fake.calls == calls  # a settled "no suggestion" costs nothing to ask again


# --- new questions get suggestions --------------------------------------------------------


def test_questions_switched_on_by_an_answer_get_suggestions(cast: Any, pipeline: Any, run_tasks: Any) -> None:
    assessment_id = create_assessment(cast)
    run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=[UploadFile("brief.txt", BRIEF_TXT.encode())],
    )
    earlier = collection(assessment_id).suggestions
    before = set(earlier)
    assert before == applicable_ids(assessment_id)
    assert not any(q.startswith("CS-") for q in before)

    answer(cast, assessment_id, "Q-09", "Yes")  # switches on Cyber Security & Resilience

    after = collection(assessment_id).suggestions
    new = applicable_ids(assessment_id) - before
    assert new and all(q.startswith("CS-") for q in new)
    assert set(after) == before | new
    # Only the new questions were computed: the earlier suggestions were reused as they were.
    assert all(after[q] == earlier[q] for q in before)
    [generated] = [
        e for e in events_of(assessment_id, "suggestion_generated") if e["after"]["question_id"] == "CS-01"
    ]
    assert generated["actor"] == "system"
