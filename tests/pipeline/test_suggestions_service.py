"""The suggestion service: pre-computed for every applicable question, cached, bounded, offered.

Documents are uploaded through ``documents_upload`` and taken to ready by ``document_process``
(or by the task chain under ``run_tasks``). Engines are the local extractive one (what the
pipeline fixture configures) or an ``Engine`` around ``FakeLLM``, which answers valid JSON after
a fixed latency and counts its calls.
"""

from __future__ import annotations

from typing import Any

import pytest

from assessments.domain import keys
from assessments.domain.documents import DocumentStatus
from assessments.errors import NotAllowed, NotFoundError, ValidationFailed
from assessments.questionnaire import engine
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.overview import assessment_overview
from assessments.selectors.questionnaires import questionnaire_get_active
from assessments.services import suggestions as service
from assessments.services.documents import UploadFile, documents_upload
from assessments.services.processing import document_process
from assessments.services.suggestion_actions import (
    suggestion_apply,
    suggestion_dismiss,
    suggestion_regenerate,
    suggestion_regenerate_stream,
)
from assessments.services.suggestions import (
    Engine,
    PrecomputeReport,
    for_suggestion,
    suggestions_precompute,
)
from assessments.suggestions.generative import PROMPT_VERSION, validate_reply
from assessments.suggestions.streaming import preview_text
from integrations.errors import Throttled, Unavailable
from integrations.kb import get_knowledge_base
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.contract import SortKey
from tests.pipeline.fakes import FakeLLM
from tests.web.helpers import answer, create_assessment

BRIEF_TXT = """\
Project Beacon: customer support platform

Project Beacon replaces the TrackIt ticketing system with Brightdesk Service Cloud, a \
software-as-a-service customer support platform from Brightdesk Ltd. Brightdesk is a \
third-party vendor and hosts the platform on Amazon Web Services in Frankfurt.

The platform will process personal information about our customers, such as names, email \
addresses and telephone numbers. Customer data is encrypted at rest and in transit.

Brightdesk Assist is an artificial intelligence feature that drafts replies to customer emails.

The software is licensed to us as a subscription. Brightdesk will connect to our policy \
administration system over the internet. Brightdesk support engineers will have access to \
our data when we raise a support case.

Agents sign in through our single sign-on service with multi-factor authentication. \
Backups are taken every day and kept for 35 days. Go-live is planned for 2 March 2026.
"""
SECOND_TXT = """\
Security addendum

Brightdesk holds ISO/IEC 27001 certification and has given us its most recent SOC 2 Type II report.
Penetration testing of the platform was completed in October 2025 and no high findings remain open.
"""


# --- helpers ----------------------------------------------------------------------------------


def upload_ready(cast: Any, assessment_id: str, name: str = "brief.txt", text: str = BRIEF_TXT) -> str:
    """Upload one document and process it to ready here (without the task queue)."""
    outcomes = run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=[UploadFile(name, text.encode())],
    )
    assert outcomes[0].stored, outcomes[0].error
    document_id = outcomes[0].document.id
    status = run_sync(document_process, assessment_id=assessment_id, document_id=document_id)
    assert status is DocumentStatus.READY
    return document_id


def fake_engine(fake: FakeLLM) -> Engine:
    return Engine(llm=fake, kb=get_knowledge_base(), model=fake.model, prompt_version=PROMPT_VERSION)


def precompute(assessment_id: str, engine_: Engine | None = None, **kwargs: Any) -> PrecomputeReport:
    return run_sync(suggestions_precompute, assessment_id=assessment_id, engine_=engine_, **kwargs)


def collection(assessment_id: str) -> Any:
    return run_sync(assessment_collection, assessment_id=assessment_id)


def applicable_ids(assessment_id: str) -> set[str]:
    _version, questionnaire = questionnaire_get_active(key="default")
    answers = collection(assessment_id).answer_values()
    return {q.id for q in engine.applicable_questions(questionnaire, answers)}


async def _events(assessment_id: str) -> list[dict[str, Any]]:
    page = await get_table().query(
        partition=keys.events_pk(assessment_id), sort=SortKey.begins_with("EVENT#")
    )
    return page.items


def events_of(assessment_id: str, event_type: str) -> list[dict[str, Any]]:
    return [e for e in run_sync(_events, assessment_id) if e["event_type"] == event_type]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def assessment(cast: Any, pipeline: Any) -> str:
    """An assessment with one ready document and no suggestions yet."""
    assessment_id = create_assessment(cast)
    upload_ready(cast, assessment_id)
    assert not collection(assessment_id).suggestions  # the dummy task backend ran nothing
    return assessment_id


@pytest.fixture
def suggested(assessment: str) -> tuple[str, FakeLLM]:
    """The assessment with every qualifying question suggested by FakeLLM (Yes/No ones "Yes")."""
    fake = FakeLLM()
    precompute(assessment, fake_engine(fake))
    return assessment, fake


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


# --- the requestor's side: accept, edit, dismiss -------------------------------------------


def test_accepting_a_suggestion_saves_its_answer_as_suggestion_accepted(cast: Any, suggested: Any) -> None:
    assessment_id, _fake = suggested
    saved = run_sync(
        suggestion_apply,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        question_id="Q-04",
        expected_version=0,
    )
    assert saved.answer.value == "Yes" and saved.answer.source == "suggestion_accepted"
    stored = collection(assessment_id).answers["Q-04"]
    assert (stored.value, stored.source) == ("Yes", "suggestion_accepted")
    [event] = events_of(assessment_id, "suggestion_accepted")
    assert event["after"] == {"question_id": "Q-04", "value": "Yes", "source": "suggestion_accepted"}
    assert not events_of(assessment_id, "answer_saved")
    overview = run_sync(assessment_overview, actor=cast.actor("requestor"), assessment_id=assessment_id)
    assert overview.answers_from_suggestions == 1


def test_editing_a_suggestion_saves_the_edit_as_suggestion_edited(cast: Any, suggested: Any) -> None:
    assessment_id, _fake = suggested
    saved = run_sync(
        suggestion_apply,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        question_id="Q-04",
        expected_version=0,
        edited_value="No",
    )
    assert (saved.answer.value, saved.answer.source) == ("No", "suggestion_edited")
    [event] = events_of(assessment_id, "suggestion_edited")
    assert event["after"]["value"] == "No"
    assert not events_of(assessment_id, "suggestion_accepted")


def test_an_edit_that_changes_nothing_counts_as_accepting(cast: Any, suggested: Any) -> None:
    assessment_id, _fake = suggested
    saved = run_sync(
        suggestion_apply,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        question_id="Q-04",
        expected_version=0,
        edited_value=" Yes ",
    )
    assert saved.answer.source == "suggestion_accepted"


def test_a_dismissed_suggestion_stays_dismissed_while_the_documents_are_unchanged(
    cast: Any, suggested: Any
) -> None:
    assessment_id, fake = suggested
    dismissed = run_sync(
        suggestion_dismiss, actor=cast.actor("requestor"), assessment_id=assessment_id, question_id="Q-05"
    )
    assert dismissed.dismissed and not dismissed.offerable
    [event] = events_of(assessment_id, "suggestion_dismissed")
    assert event["before"]["question_id"] == "Q-05" and event["actor"] == "requestor"
    assert collection(assessment_id).suggestions["Q-05"].dismissed

    calls = fake.calls
    report = precompute(assessment_id, fake_engine(fake))
    assert report.computed == 0 and fake.calls == calls
    assert collection(assessment_id).suggestions["Q-05"].dismissed
    with pytest.raises(ValidationFailed, match="no answer to accept"):
        run_sync(
            suggestion_apply,
            actor=cast.actor("requestor"),
            assessment_id=assessment_id,
            question_id="Q-05",
            expected_version=0,
        )


def test_only_the_owner_can_apply_or_dismiss(cast: Any, suggested: Any) -> None:
    assessment_id, _fake = suggested
    for who, error in (("requestor2", NotFoundError), ("assessor", NotAllowed)):
        with pytest.raises(error):
            run_sync(
                suggestion_apply,
                actor=cast.actor(who),
                assessment_id=assessment_id,
                question_id="Q-04",
                expected_version=None,
            )
        with pytest.raises(error):
            run_sync(
                suggestion_dismiss, actor=cast.actor(who), assessment_id=assessment_id, question_id="Q-04"
            )
    current = collection(assessment_id)
    assert current.answers == {} and not current.suggestions["Q-04"].dismissed


# --- risk areas are offered, never switched on ---------------------------------------------


def test_a_qualifying_yes_is_offered_with_its_risk_areas_but_not_answered(cast: Any, suggested: Any) -> None:
    assessment_id, _fake = suggested
    assert collection(assessment_id).suggestions["Q-09"].answer == "Yes"

    overview = run_sync(assessment_overview, actor=cast.actor("requestor"), assessment_id=assessment_id)
    hints = {h.question.id: h.areas for h in overview.risk_area_hints}
    assert hints["Q-09"] == ["Cyber Security & Resilience"]
    assert hints["Q-06"] == ["Data Privacy Risk"]
    assert "Q-10" not in hints  # a Yes there switches nothing on
    assert overview.collection.answers == {}
    assert overview.collection.assessment.active_areas == ()
    assert [s.key for s in overview.sections] == ["qualifying"]


# --- streaming regeneration ---------------------------------------------------------------


async def _regenerate(actor: Any, assessment_id: str, question_id: str) -> tuple[list[str], Any]:
    stream = await suggestion_regenerate_stream(
        actor=actor, assessment_id=assessment_id, question_id=question_id
    )
    deltas = [text async for text in stream.deltas]
    return deltas, stream.record


def test_streamed_regeneration_stores_the_validated_suggestion(
    cast: Any, assessment: str, monkeypatch: Any
) -> None:
    fake = FakeLLM(chunk_size=5)
    monkeypatch.setattr(service, "get_llm", lambda: fake)
    deltas, record = run_sync(_regenerate, cast.actor("requestor"), assessment, "Q-06")

    assert fake.stream_calls == 1 and fake.calls == 1  # the reply was valid: no corrective call
    assert len(deltas) > 1
    reply = fake.replies["Q-06"]
    assert "".join(deltas) == preview_text(reply)

    _version, questionnaire = questionnaire_get_active(key="default")
    question = for_suggestion(questionnaire.question("Q-06"))
    passages = run_sync(fake_engine(fake).passages, assessment, question)
    expected, problems = validate_reply(reply, question, passages)
    assert not problems
    stored = collection(assessment).suggestions["Q-06"]
    assert stored == record
    assert (stored.status, stored.answer, stored.model) == ("suggested", "Yes", fake.model)
    assert [c.passage for c in stored.citations] == [c.passage for c in expected.citations]
    assert stored.cache_key == fake_engine(fake).cache_key(questionnaire.question("Q-06"), stored.fingerprint)
    [event] = events_of(assessment, "suggestion_generated")
    assert event["after"]["question_id"] == "Q-06"


def test_a_stream_that_breaks_off_stores_an_unavailable_suggestion(
    cast: Any, assessment: str, monkeypatch: Any
) -> None:
    # 12 chunks of 5 characters: past '"answer": "Yes"', before the citations.
    fake = FakeLLM(chunk_size=5, fail_stream_after=12)
    monkeypatch.setattr(service, "get_llm", lambda: fake)
    deltas, record = run_sync(_regenerate, cast.actor("requestor"), assessment, "Q-06")  # no exception

    assert "".join(deltas) == "Yes"  # the preview had started when the stream broke off
    assert record.status == "unavailable" and record.answer is None and not record.citations
    assert "retry" in record.error
    assert collection(assessment).suggestions["Q-06"] == record
    assert collection(assessment).answers == {}


def test_retrying_an_unavailable_suggestion_computes_it_again(
    cast: Any, assessment: str, monkeypatch: Any
) -> None:
    fake = FakeLLM(fail={"Q-06": Unavailable("HTTP 503")})
    monkeypatch.setattr(service, "get_llm", lambda: fake)
    precompute(assessment)  # Engine.configured(): the fake
    assert collection(assessment).suggestions["Q-06"].status == "unavailable"

    fake.fail.clear()
    record = run_sync(
        suggestion_regenerate, actor=cast.actor("requestor"), assessment_id=assessment, question_id="Q-06"
    )
    assert (record.status, record.answer, record.error) == ("suggested", "Yes", "")
    assert collection(assessment).suggestions["Q-06"] == record


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
