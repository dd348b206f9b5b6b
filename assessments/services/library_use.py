"""Using an answer-library offer: one click, never automatic; saved with source ``library``."""

from __future__ import annotations

from assessments.domain.records import Actor
from assessments.errors import NotFoundError, ValidationFailed
from assessments.selectors.answer_library import library_offers
from assessments.services.answers import AnswerSaved, answer_save


async def library_answer_use(
    *,
    actor: Actor,
    assessment_id: str,
    question_id: str,
    from_assessment: str | None = None,
    expected_version: int | None = None,
) -> AnswerSaved:
    """Save the answer approved in ``from_assessment`` (None: the newest offer) as this question's answer.

    Only an offer the actor is shown can be used (the same visibility rules), and it goes
    through ``answer_save`` like any answer: the version condition, the editable check, the
    audit event (type ``library``) and the same validation against this questionnaire.
    """
    offers = await library_offers(actor=actor, assessment_id=assessment_id, question_id=question_id)
    offer = next((o for o in offers if from_assessment in (None, o.assessment_id)), None)
    if offer is None:
        raise NotFoundError("That library answer is not offered for this question.")
    if offer.value in ("", []):
        # Saving an empty value clears an answer: refused before anything is written.
        raise ValidationFailed("That library answer is empty.")
    return await answer_save(
        actor=actor,
        assessment_id=assessment_id,
        question_id=question_id,
        raw_value=offer.value,
        expected_version=expected_version,
        source="library",
    )
