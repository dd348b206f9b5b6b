"""Reads for reuse: the answer library's offers for one question, and "due for reassessment".

An offer for a question is at most two Queries (its questionnaire key and question id, then
its normalised text), newest first, ``limit`` items each, whatever the library holds; "due for
reassessment" is one Query of gsi1 (every reviewer's partition, or the requestor's own).

Privacy: a requestor is offered answers from their own finalized assessments and from others'
classified Public or Internal, showing only the answer, its provenance, the TRA id and the date:
never another requestor's name, title or project. A reviewer is offered every finalized answer
(they read those assessments anyway). Offers are never applied: the requestor clicks to use one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from assessments.domain import reuse
from assessments.domain.records import Actor
from assessments.errors import NotFoundError
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.contract import SortKey
from integrations.table.schema import GSI1

OFFER_LIMIT = 5
PROVENANCE_LABELS = {
    "manual": "written by the requestor",
    "suggestion_accepted": "accepted from a document suggestion",
    "suggestion_edited": "edited from a document suggestion",
    "carried_over": "carried over from an earlier assessment",
    "library": "taken from the answer library",
}


@dataclass(frozen=True)
class LibraryOffer:
    assessment_id: str
    decided_on: str
    value: str | list[str]
    provenance: str
    citations: tuple[str, ...]  # "document, page n" of where the requestor had taken it from
    stale: bool
    matched_by: str  # "question" (same questionnaire and id) or "text" (same normalised text)

    @property
    def value_text(self) -> str:
        return ", ".join(self.value) if isinstance(self.value, list) else self.value

    @property
    def label(self) -> str:
        return f"Approved in {self.assessment_id} on {self.decided_on}"

    def as_dict(self) -> dict:
        return {
            "assessment_id": self.assessment_id,
            "decided_on": self.decided_on,
            "value": self.value,
            "provenance": self.provenance,
            "citations": list(self.citations),
            "stale": self.stale,
            "matched_by": self.matched_by,
            "label": self.label,
        }


def _offer(answer: reuse.LibraryAnswer, matched_by: str, today: date) -> LibraryOffer:
    cites = tuple(
        ", ".join(
            p for p in (c.get("document_name") or "", f"page {c['page']}" if c.get("page") else "") if p
        )
        for c in answer.citations
    )
    return LibraryOffer(
        assessment_id=answer.assessment_id,
        decided_on=answer.decided_on(),
        value=answer.value,
        provenance=PROVENANCE_LABELS.get(answer.source, answer.source),
        citations=tuple(c for c in cites if c),
        stale=answer.is_stale(today, settings.TRA_LIBRARY_STALE_DAYS),
        matched_by=matched_by,
    )


async def library_offers_for(
    *,
    actor: Actor,
    questionnaire_key: str,
    question_id: str,
    question_text: str,
    exclude_assessment: str = "",
    today: date | None = None,
    limit: int = OFFER_LIMIT,
) -> list[LibraryOffer]:
    """The newest visible library answers for one question (see the module docstring)."""
    today = today or date.today()
    table = get_table()
    offers: list[LibraryOffer] = []
    seen: set[str] = {exclude_assessment}
    partitions = (
        ("question", reuse.library_question_partition(questionnaire_key, question_id)),
        ("text", reuse.library_text_partition(question_text)),
    )
    for matched_by, partition in partitions:
        with table_errors_as_domain():
            page = await table.query(partition=partition, forward=False, limit=limit * 2)
        for item in page.items:
            answer = reuse.LibraryAnswer.from_item(item)
            if answer.assessment_id in seen:
                continue
            if not reuse.library_visible(answer, user_id=actor.user_id, is_reviewer=actor.is_reviewer):
                continue
            seen.add(answer.assessment_id)
            offers.append(_offer(answer, matched_by, today))
        if len(offers) >= limit:
            break
    return offers[:limit]


async def library_offers(
    *, actor: Actor, assessment_id: str, question_id: str, today: date | None = None
) -> list[LibraryOffer]:
    """Offers for ``question_id`` of an assessment the actor may read (a 404 otherwise)."""
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    record = collection.assessment
    questionnaire = await aquestionnaire_get(
        key=record.questionnaire_key, version=record.questionnaire_version
    )
    if not questionnaire.has_question(question_id):
        raise NotFoundError("No such question in this assessment's questionnaire.")
    return await library_offers_for(
        actor=actor,
        questionnaire_key=record.questionnaire_key,
        question_id=question_id,
        question_text=questionnaire.question(question_id).text,
        exclude_assessment=record.id,
        today=today,
    )


async def reassessments_due(
    *, actor: Actor, by: date, limit: int = 50, everyone: bool | None = None
) -> list[reuse.ReassessmentEntry]:
    """Finalized assessments whose review date is on or before ``by``, soonest first: a
    reviewer's list is everyone's, a requestor's their own (one Query either way)."""
    all_of_them = actor.is_reviewer if everyone is None else (everyone and actor.is_reviewer)
    partition = reuse.REASSESS_ALL_PARTITION if all_of_them else reuse.reassess_user_partition(actor.user_id)
    # "<date>#<id>" < the next day's date: every entry due on or before ``by``.
    horizon = date.fromordinal(by.toordinal() + 1).isoformat()
    with table_errors_as_domain():
        page = await get_table().query(
            index=GSI1.name, partition=partition, sort=SortKey.lt(horizon), limit=limit
        )
    return [reuse.ReassessmentEntry.from_item(i) for i in page.items]
