"""The requestor's side of suggestions: accept, edit, dismiss, risk-area offers, streamed regeneration."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.errors import ConflictError, NotAllowed, NotFoundError, ValidationFailed
from assessments.presenters.overview import assessment_overview
from assessments.selectors.questionnaires import questionnaire_get_active
from assessments.services import suggestion_engine as service
from assessments.services.suggestion_actions import (
    suggestion_apply,
    suggestion_dismiss,
    suggestion_regenerate,
    suggestion_regenerate_stream,
)
from assessments.services.suggestion_engine import question_for_suggestion
from assessments.suggestions.generative import validate_reply
from assessments.suggestions.streaming import preview_text
from integrations.errors import Unavailable
from integrations.runtime import run_sync
from tests.pipeline.fakes import FakeLLM
from tests.pipeline.suggestion_helpers import (
    SECOND_TXT,
    collection,
    events_of,
    fake_engine,
    precompute,
    upload_ready,
)

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


def test_new_evidence_that_repeats_a_dismissed_answer_keeps_it_dismissed(cast: Any, suggested: Any) -> None:
    assessment_id, fake = suggested
    run_sync(
        suggestion_dismiss, actor=cast.actor("requestor"), assessment_id=assessment_id, question_id="Q-05"
    )
    upload_ready(cast, assessment_id, "addendum.txt", SECOND_TXT)  # new evidence: every key changes

    report = precompute(assessment_id, fake_engine(fake))
    assert report.computed > 0
    again = collection(assessment_id).suggestions["Q-05"]
    assert again.answer == "Yes" and again.dismissed and not again.offerable
    assert not collection(assessment_id).suggestions["Q-04"].dismissed  # only what was dismissed


def test_new_evidence_that_changes_a_dismissed_answer_offers_it_again(cast: Any, suggested: Any) -> None:
    assessment_id, fake = suggested
    run_sync(
        suggestion_dismiss, actor=cast.actor("requestor"), assessment_id=assessment_id, question_id="Q-05"
    )
    upload_ready(cast, assessment_id, "addendum.txt", SECOND_TXT)

    precompute(assessment_id, fake_engine(FakeLLM(answers={"Q-05": "No"})))
    again = collection(assessment_id).suggestions["Q-05"]
    assert again.answer == "No" and not again.dismissed and again.offerable


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
    question = question_for_suggestion(questionnaire.question("Q-06"), questionnaire)
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
    precompute(assessment)  # SuggestionEngine.configured(): the fake
    assert collection(assessment).suggestions["Q-06"].status == "unavailable"

    fake.fail.clear()
    record = run_sync(
        suggestion_regenerate, actor=cast.actor("requestor"), assessment_id=assessment, question_id="Q-06"
    )
    assert (record.status, record.answer, record.error) == ("suggested", "Yes", "")
    assert collection(assessment).suggestions["Q-06"] == record


def test_dismissing_a_suggestion_that_just_went_away_is_a_conflict_not_a_failure(
    cast: Any, suggested: Any
) -> None:
    assessment_id, _fake = suggested
    actor = cast.actor("requestor")
    from assessments.domain import keys
    from integrations.table import get_table

    async def dismiss_after_it_is_gone() -> None:
        # The read sees the suggestion; a document change deletes it before the write lands.
        from assessments.services import suggestion_actions

        original = suggestion_actions._owned_suggestion

        async def read_then_lose(*args: Any) -> Any:
            result = await original(*args)
            await get_table().delete(keys.assessment_pk(assessment_id), keys.suggestion_sk("Q-05"))
            return result

        suggestion_actions._owned_suggestion = read_then_lose
        try:
            await suggestion_dismiss(actor=actor, assessment_id=assessment_id, question_id="Q-05")
        finally:
            suggestion_actions._owned_suggestion = original

    with pytest.raises(ConflictError, match="changed while you were looking"):
        run_sync(dismiss_after_it_is_gone)
    assert "Q-05" not in collection(assessment_id).suggestions
    assert events_of(assessment_id, "suggestion_dismissed") == []


@pytest.mark.django_db
def test_a_qualifying_question_tells_the_engine_which_areas_it_switches_on(suggested: Any) -> None:
    _version, questionnaire = questionnaire_get_active(key="default")
    q06 = question_for_suggestion(questionnaire.question("Q-06"), questionnaire)

    assert ("Yes", "Data Privacy Risk") in q06.gates
    assert q06.areas_removed_by("No") == ("Data Privacy Risk",)
    assert q06.areas_removed_by("Yes") == ()
    # Outside a qualifying question nothing is switched off.
    assert question_for_suggestion(questionnaire.question("DP-01"), questionnaire).gates == ()
