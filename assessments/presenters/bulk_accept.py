"""What the section page shows of the bulk accept: the button's count and the outcome's message."""

from __future__ import annotations

from dataclasses import dataclass

from assessments.domain.bulk_plan import bulk_selection, section_question_ids
from assessments.presenters.dom import dom_id
from assessments.presenters.overview import Overview
from assessments.services.bulk_accept import BulkOutcome


def high_confidence_offer(overview: Overview, section: str) -> int:
    """How many suggestions the button would accept now (0 when the viewer cannot edit)."""
    if not overview.editable:
        return 0
    question_ids = section_question_ids(
        overview.questionnaire, section, overview.collection.answer_values(), evaluation=overview.rules
    )
    if question_ids is None:
        return 0
    return len(bulk_selection(overview.questionnaire, overview.collection, question_ids).take)


@dataclass(frozen=True)
class NamedReason:
    question_id: str
    text: str  # the question, so the message names it as the page does
    reason: str

    @property
    def anchor(self) -> str:
        return dom_id(self.question_id)


@dataclass(frozen=True)
class BulkSummary:
    headline: str
    conflicts: list[NamedReason]
    skipped: list[NamedReason]

    @property
    def plain(self) -> str:
        """One line for a flash message (the page without htmx)."""
        parts = [self.headline]
        parts += [f"{c.question_id}: {c.reason}" for c in self.conflicts]
        return " ".join(parts)


def bulk_summary(outcome: BulkOutcome, overview: Overview) -> BulkSummary:
    def named(reasons: dict[str, str]) -> list[NamedReason]:
        questionnaire = overview.questionnaire
        return [
            NamedReason(qid, questionnaire.question(qid).text if questionnaire.has_question(qid) else "", why)
            for qid, why in reasons.items()
        ]

    saved = len(outcome.saved)
    headline = f"Accepted {saved} suggestion{'' if saved == 1 else 's'}."
    if outcome.conflicts:
        count = len(outcome.conflicts)
        headline += f" {count} {'was' if count == 1 else 'were'} not saved:"
    return BulkSummary(headline, named(outcome.conflicts), named(outcome.skipped))
