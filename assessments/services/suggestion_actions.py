"""The requestor's side of suggestions: accept or edit into an answer, dismiss, regenerate.

The engines live in ``services/suggestion_engine.py``, pre-computation in
``services/suggestions_precompute.py``; these use cases act on one
question's suggestion for the assessment's owner.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from assessments.domain import policy
from assessments.domain.documents import SuggestionRecord
from assessments.domain.records import Actor, AssessmentCollection
from assessments.errors import ConflictError, NotAllowed, NotFoundError, ValidationFailed
from assessments.questionnaire.model import Question, Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.answers import AnswerSaved, answer_save
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from assessments.services.suggestion_engine import (
    SuggestionEngine,
    question_for_suggestion,
    suggestion_compute,
    suggestion_record,
    suggestion_unavailable_record,
)
from assessments.services.suggestions_precompute import suggestions_save
from assessments.suggestions.streaming import stream_suggestion_text
from integrations.errors import Conflict, IntegrationError
from integrations.table import get_table
from integrations.table.contract import Condition, Put

log = logging.getLogger(__name__)


async def _owned_suggestion(
    actor: Actor, assessment_id: str, question_id: str
) -> tuple[AssessmentCollection, SuggestionRecord]:
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    if not policy.is_owner(actor, collection.assessment):
        raise NotAllowed("Only the requestor who owns this assessment can act on its suggestions.")
    suggestion = collection.suggestions.get(question_id)
    if suggestion is None:
        raise NotFoundError("There is no suggestion for this question.")
    return collection, suggestion


async def suggestion_apply(
    *,
    actor: Actor,
    assessment_id: str,
    question_id: str,
    expected_version: int | None,
    edited_value: str | list[str] | None = None,
) -> AnswerSaved:
    """Answer with the suggestion (``edited_value`` None) or with the requestor's edit of it.

    The answer records its source and keeps the suggestion's citations (an edited answer keeps
    the ones it was edited from, and says it was edited); the audit event is
    ``suggestion_accepted`` or ``suggestion_edited`` (an edit that changes nothing counts as
    accepting).
    """
    try:
        _, suggestion = await _owned_suggestion(actor, assessment_id, question_id)
    except NotFoundError:
        if edited_value is None:
            raise
        suggestion = None
    if suggestion is None or not suggestion.offerable:
        if edited_value is None:
            raise ValidationFailed("This suggestion has no answer to accept.")
        # The suggestion went away while the requestor was editing (documents removed in
        # another tab): what they typed is still their answer, so it is saved as their own.
        return await answer_save(
            actor=actor,
            assessment_id=assessment_id,
            question_id=question_id,
            raw_value=edited_value,
            expected_version=expected_version,
        )
    value = suggestion.answer if edited_value is None else edited_value
    assert value is not None
    source = "suggestion_accepted" if _same(value, suggestion.answer) else "suggestion_edited"
    return await answer_save(
        actor=actor,
        assessment_id=assessment_id,
        question_id=question_id,
        raw_value=value,
        expected_version=expected_version,
        source=source,
        # The evidence travels with the answer: the suggestion is replaced when documents change.
        citations=suggestion.citations,
        suggested_value=suggestion.answer,
    )


def _same(value: str | list[str], suggested: str | list[str] | None) -> bool:
    if isinstance(value, list) or isinstance(suggested, list):
        return sorted(value if isinstance(value, list) else [value]) == sorted(
            suggested if isinstance(suggested, list) else [suggested or ""]
        )
    return value.strip() == (suggested or "").strip()


async def suggestion_dismiss(*, actor: Actor, assessment_id: str, question_id: str) -> SuggestionRecord:
    """Hide a suggestion until the documents change (new evidence may deserve a new look)."""
    collection, suggestion = await _owned_suggestion(actor, assessment_id, question_id)
    dismissed = dataclasses.replace(suggestion, dismissed=True)
    ops = [
        Put(dismissed.to_item(assessment_id), Condition.present()),
        event_put(
            assessment_id=assessment_id,
            event_type="suggestion_dismissed",
            actor=actor,
            before={"question_id": question_id, "answer": suggestion.answer, "status": suggestion.status},
        ),
    ]
    try:
        with table_errors_as_domain():
            await get_table().transact(ops)
    except Conflict as exc:
        # The suggestion went away (a document was removed or added) between read and write.
        raise ConflictError(
            "This suggestion changed while you were looking at it (the documents changed). "
            "Reload to see the current one."
        ) from exc
    return dismissed


async def _regeneration_context(
    actor: Actor, assessment_id: str, question_id: str
) -> tuple[Questionnaire, Question, SuggestionEngine, str]:
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    if not policy.is_owner(actor, collection.assessment):
        raise NotAllowed("Only the requestor who owns this assessment can ask for suggestions.")
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    if not questionnaire.has_question(question_id):
        raise NotFoundError("No such question in this assessment's questionnaire.")
    fingerprint = collection.fingerprint()
    if not fingerprint:
        raise ValidationFailed("Upload a document and wait until it is ready to get suggestions.")
    suggestion_engine = SuggestionEngine.configured().grounded_in(collection.documents)
    return questionnaire, questionnaire.question(question_id), suggestion_engine, fingerprint


async def suggestion_regenerate(*, actor: Actor, assessment_id: str, question_id: str) -> SuggestionRecord:
    """Compute one question's suggestion again now (the Retry of an unavailable suggestion)."""
    questionnaire, question, suggestion_engine, fingerprint = await _regeneration_context(
        actor, assessment_id, question_id
    )
    record = await suggestion_compute(
        suggestion_engine, assessment_id, question, fingerprint, questionnaire=questionnaire
    )
    await suggestions_save(assessment_id, [record])
    return record


@dataclass
class RegenerationStream:
    """``async for text in stream.deltas`` shows the answer as it is written; ``record`` is what was stored."""

    deltas: AsyncIterator[str] = field(init=False)
    record: SuggestionRecord | None = None


async def suggestion_regenerate_stream(
    *, actor: Actor, assessment_id: str, question_id: str
) -> RegenerationStream:
    """Regenerate one suggestion, streaming the model's text (AWS mode); stored when complete.

    Without an LLM (local mode) the extractive answer is produced at once and sent as one piece.
    Checks happen before the first byte, so a refused request is an ordinary error response.
    """
    questionnaire, question, suggestion_engine, fingerprint = await _regeneration_context(
        actor, assessment_id, question_id
    )
    result = RegenerationStream()

    async def run() -> AsyncIterator[str]:
        if suggestion_engine.llm is None:
            record = await suggestion_compute(
                suggestion_engine, assessment_id, question, fingerprint, questionnaire=questionnaire
            )
            yield record.answer_text or record.rationale
        else:
            cache_key = suggestion_engine.cache_key(question, fingerprint)
            target = question_for_suggestion(question, questionnaire)
            try:
                passages = await suggestion_engine.passages(assessment_id, target)
                stream = stream_suggestion_text(
                    suggestion_engine.llm, target, passages, prompt_version=suggestion_engine.prompt_version
                )
                async for delta in stream:
                    yield delta
                record = suggestion_record(
                    stream.suggestion,
                    suggestion_engine=suggestion_engine,
                    cache_key=cache_key,
                    fingerprint=fingerprint,
                )
            except IntegrationError as exc:
                log.warning("streamed suggestion for %s/%s unavailable: %s", assessment_id, question.id, exc)
                record = suggestion_unavailable_record(
                    question,
                    exc,
                    suggestion_engine=suggestion_engine,
                    cache_key=cache_key,
                    fingerprint=fingerprint,
                )
        await suggestions_save(assessment_id, [record])
        result.record = record

    result.deltas = run()
    return result
