"""The review as the requestor's pages show it: each question's thread beside it, what a send
back asks to fix, the decisions once made, whether they may withdraw (pure, from an Overview).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from assessments.domain import policy
from assessments.domain.records import Actor, AssessmentRecord
from assessments.domain.review import (
    OVERALL_AREA,
    OVERALL_AREA_NAME,
    AreaDecision,
    CommentRecord,
    ConditionItem,
    ThreadStatus,
)
from assessments.domain.workflow import COMMENTABLE_STATES, Action, State
from assessments.presenters.dom import dom_id
from assessments.presenters.links import RouteTemplate
from assessments.presenters.overview import Overview
from assessments.presenters.questions import QuestionView
from assessments.selectors.review import assessment_timeline

ROLE_LABELS = {"assessor": "Assessor", "requestor": "Requestor"}


class ThreadLinks:
    """The thread routes of one assessment, each reversed once per page (see presenters/links.py:
    a section's every question has a thread with up to three of them)."""

    def __init__(self, assessment_id: str) -> None:
        self._assessment_id = assessment_id
        self._routes: dict[str, RouteTemplate] = {}

    def url(self, name: str, question_id: str) -> str:
        if name not in self._routes:
            self._routes[name] = RouteTemplate(f"assessments:{name}", self._assessment_id)
        return self._routes[name].url(question_id)


@dataclass(frozen=True)
class ThreadView:
    """One question's comment thread, and what the viewer may do with it."""

    assessment_id: str
    question_id: str
    dom_id: str
    comments: tuple[CommentRecord, ...]
    status: ThreadStatus
    needs_work: bool  # named by the last send back, while the requestor holds it
    can_reply: bool
    error: str = ""
    typed: str = ""

    @property
    def element_id(self) -> str:
        return f"{self.dom_id}-thread"

    @property
    def text_id(self) -> str:
        return f"{self.dom_id}-comment"

    @property
    def error_id(self) -> str:
        return f"{self.dom_id}-comment-error"

    @property
    def resolved(self) -> bool:
        return self.status is ThreadStatus.RESOLVED

    @property
    def can_resolve(self) -> bool:
        return self.can_reply and bool(self.comments)

    @property
    def shown(self) -> bool:
        """Nothing to show for a question nobody talked about and nobody can talk about now."""
        return bool(self.comments or self.needs_work or self.can_reply or self.error)

    links: ThreadLinks | None = field(default=None, repr=False, compare=False)

    def _url(self, name: str) -> str:
        links = self.links or ThreadLinks(self.assessment_id)
        return links.url(name, self.question_id)

    @property
    def reply_url(self) -> str:
        return self._url("comment_add")

    @property
    def resolve_url(self) -> str:
        return self._url("thread_resolve")

    @property
    def reopen_url(self) -> str:
        return self._url("thread_reopen")

    @property
    def entries(self) -> list[dict[str, Any]]:
        return [
            {
                "author": c.author,
                "role": c.role,
                "role_label": ROLE_LABELS.get(c.role, c.role),
                "at": c.at,
                "text": c.text,
            }
            for c in self.comments
        ]


def can_talk(actor: Actor | None, assessment: AssessmentRecord) -> bool:
    """The requestor replies on their own pages while the assessor may still read it; a
    reviewer looking at these pages reads only (they comment from the review workspace)."""
    return actor is not None and policy.is_owner(actor, assessment) and assessment.state in COMMENTABLE_STATES


def thread_view(
    overview: Overview,
    question_id: str,
    *,
    actor: Actor | None,
    error: str = "",
    typed: str = "",
    links: ThreadLinks | None = None,
) -> ThreadView:
    collection = overview.collection
    a = collection.assessment
    state = collection.threads.get(question_id)
    return ThreadView(
        assessment_id=a.id,
        question_id=question_id,
        dom_id=dom_id(question_id),
        comments=tuple(collection.comments_on(question_id)),
        status=state.status if state else ThreadStatus.OPEN,
        needs_work=a.state is State.SENT_BACK and question_id in a.sent_back_questions,
        can_reply=can_talk(actor, a),
        error=error,
        typed=typed,
        links=links,
    )


class ThreadedQuestion:
    """A question as the section page shows it, with its thread (everything else is the
    QuestionView's: the question partial reads both through one name)."""

    def __init__(self, view: QuestionView, thread: ThreadView) -> None:
        self._view = view
        self.thread = thread

    def __getattr__(self, name: str) -> Any:
        return getattr(self._view, name)


def with_threads(
    overview: Overview,
    views: Sequence[QuestionView],
    *,
    actor: Actor | None,
    errors: Mapping[str, tuple[str, str]] | None = None,
) -> list[ThreadedQuestion]:
    """Each question with its thread; ``errors``: question id -> (message, text typed)."""
    errors = errors or {}
    threaded = []
    for v in views:
        error, typed = errors.get(v.q.id, ("", ""))
        threaded.append(
            ThreadedQuestion(v, thread_view(overview, v.q.id, actor=actor, error=error, typed=typed))
        )
    return threaded


# --- the overview page -------------------------------------------------------------------------


@dataclass(frozen=True)
class FixItem:
    question_id: str
    text: str
    href: str
    section: str
    comments: int


@dataclass(frozen=True)
class SentBack:
    by: str
    at: str | None
    feedback: str
    items: tuple[FixItem, ...]
    areas: tuple[str, ...]  # names of the flagged risk areas


@dataclass(frozen=True)
class DecisionView:
    area_name: str
    outcome: str
    outcome_label: str
    rationale: str
    conditions: tuple[ConditionItem, ...]
    assessor: str
    at: str
    residual_rating: str


@dataclass(frozen=True)
class RequestorReview:
    overview: Overview
    actor: Actor
    timeline: tuple[Any, ...] = ()  # H3's TimelineEntry: at, actor, kind, label, detail

    @property
    def assessment(self) -> AssessmentRecord:
        return self.overview.collection.assessment

    def _area_name(self, key: str) -> str:
        if key == OVERALL_AREA:
            return OVERALL_AREA_NAME
        names = {area.key: area.name for area in self.overview.questionnaire.areas}
        return names.get(key, key)

    @cached_property
    def sent_back(self) -> SentBack | None:
        """What the last send back asks for, while the requestor holds the assessment."""
        a = self.assessment
        if a.state is not State.SENT_BACK:
            return None
        questionnaire = self.overview.questionnaire
        items = []
        for qid in a.sent_back_questions:
            if not questionnaire.has_question(qid):
                continue  # named in an older questionnaire version: nothing to link to
            question = questionnaire.question(qid)
            items.append(
                FixItem(
                    question_id=qid,
                    text=question.text,
                    href=self.overview.links.question_anchor(question, dom_id(qid)),
                    section=self._area_name(question.area_key)
                    if question.area_key
                    else "Qualifying questions",
                    comments=len(self.overview.collection.comments_on(qid)),
                )
            )
        return SentBack(
            by=a.sent_back_by,
            at=a.sent_back_at,
            feedback=a.feedback,
            items=tuple(items),
            areas=tuple(self._area_name(k) for k in a.sent_back_areas),
        )

    @cached_property
    def decisions(self) -> list[DecisionView]:
        """The decisions of the decided round: the frozen record's once there is one."""
        collection = self.overview.collection
        a = collection.assessment
        record = next((r for r in collection.decision_records if r.round == a.round), None)
        chosen: Sequence[AreaDecision] = (
            record.decisions if record else list(collection.current_decisions().values())
        )
        return [
            DecisionView(
                area_name=self._area_name(d.area_key),
                outcome=d.outcome.value,
                outcome_label=d.outcome.label,
                rationale=d.rationale,
                conditions=d.conditions,
                assessor=d.assessor,
                at=d.at,
                residual_rating=(d.residual_rating or "").replace("_", " "),
            )
            for d in chosen
        ]

    @property
    def decided(self) -> bool:
        return self.assessment.state in (State.FINALIZED, State.REJECTED)

    @property
    def can_withdraw(self) -> bool:
        return Action.WITHDRAW in self.overview.actions

    @property
    def open_threads(self) -> int:
        resolved = {
            q for q, t in self.overview.collection.threads.items() if t.status is ThreadStatus.RESOLVED
        }
        return len({c.question_id for c in self.overview.collection.comments} - resolved)


async def requestor_review(overview: Overview, *, actor: Actor) -> RequestorReview:
    """The overview page's review part. The timeline is a second Query (gsi1 TIMELINE#<id>), made only
    once the assessment has been submitted: a draft's page stays one Query, its story so far
    being only that it was created."""
    if overview.collection.assessment.round == 0:
        return RequestorReview(overview=overview, actor=actor)
    a = overview.collection.assessment
    entries = await assessment_timeline(actor=actor, assessment_id=a.id, assessment=a)
    return RequestorReview(overview=overview, actor=actor, timeline=tuple(entries))
