"""The guest's page: the review page's pieces, narrowed to what the invite names.

No rounds, no timeline, no decisions in progress: a guest reads the answers (of the invited
risk area when the invite names one) and the comment threads, comments, and downloads the
documents downloads.guest_documents allows (linked from the list and from citations).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assessments.domain.documents import DocumentRecord
from assessments.domain.records import AssessmentCollection, AssessmentRecord
from assessments.domain.workflow import COMMENTABLE_STATES, STATE_LABELS
from assessments.guests.domain import GuestSession
from assessments.guests.service import guest_actor
from assessments.presenters.review import AreaView, build_review_page
from assessments.questionnaire.model import Questionnaire


@dataclass(frozen=True)
class GuestPage:
    session: GuestSession
    assessment: AssessmentRecord
    areas: list[AreaView]
    area_name: str | None
    documents: list[DocumentRecord]

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.assessment.state]

    @property
    def can_comment(self) -> bool:
        return self.assessment.state in COMMENTABLE_STATES

    @property
    def document_ids(self) -> frozenset[str]:
        return frozenset(d.id for d in self.documents)

    @property
    def question_ids(self) -> frozenset[str]:
        return frozenset(q.question.id for area in self.areas for q in area.questions)


def guest_page(
    *,
    session: GuestSession,
    collection: AssessmentCollection,
    questionnaire: Questionnaire,
    documents: list[DocumentRecord],
) -> GuestPage:
    review = build_review_page(
        actor=guest_actor(session.invite),
        collection=collection,
        questionnaire=questionnaire,
        rounds=[],
        timeline=[],
        today=date.today(),
    )
    areas = [a for a in review.areas if session.may_see_area(a.key)]
    area_name = next((a.name for a in questionnaire.areas if a.key == session.invite.area), None)
    return GuestPage(
        session=session,
        assessment=collection.assessment,
        areas=areas,
        area_name=area_name,
        documents=documents,
    )
