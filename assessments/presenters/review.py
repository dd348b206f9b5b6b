"""Everything the assessor's review page shows, built from a fixed set of reads.

``review_page`` reads the assessment's collection (one Query), its rounds (one Query of
ROUNDS#<id>) and its timeline (one Query of AUDIT#<id>); the questionnaire version comes from
the in-process cache. ``build_review_page`` is the pure part: answers by risk area with their
provenance and citations, the inherent rating, the diff since the last round, the comment
threads, and which forms apply. The API may reuse the pieces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assessments.domain.documents import DocumentRecord
from assessments.domain.rating import AreaRating, InherentRating, RiskLevel
from assessments.domain.records import (
    Actor,
    AnswerRecord,
    AssessmentCollection,
    AssessmentRecord,
    ReviewRecord,
)
from assessments.domain.review import (
    OVERALL_AREA,
    OVERALL_AREA_NAME,
    AnswerChange,
    AreaDecision,
    CommentRecord,
    DecisionRecord,
    RoundDiff,
    RoundSnapshot,
    ThreadState,
    ThreadStatus,
    decision_areas,
    round_diff,
)
from assessments.domain.workflow import (
    COMMENTABLE_STATES,
    REVIEWABLE_STATES,
    STATE_LABELS,
    State,
)
from assessments.presenters.provenance import LABELS as PROVENANCE_LABELS
from assessments.presenters.provenance import Provenance, document_download_url, provenance_of
from assessments.questionnaire import engine
from assessments.questionnaire.model import QUALIFYING, Question, Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.selectors.review import TimelineEntry, assessment_rounds, assessment_timeline
from assessments.services.review.rating import area_level, rating_of


@dataclass(frozen=True)
class QuestionView:
    question: Question
    answer: AnswerRecord | None
    # Manual / accepted / edited suggestion, with the citations and their download links.
    origin: Provenance
    change: AnswerChange | None  # what changed since the previous round
    comments: tuple[CommentRecord, ...]
    thread: ThreadState | None
    named_in_send_back: bool

    @property
    def value_text(self) -> str:
        return _text(self.answer.value) if self.answer else ""

    @property
    def before_text(self) -> str:
        return _text(self.change.before) if self.change else ""

    @property
    def thread_open(self) -> bool:
        return bool(self.comments) and (self.thread is None or self.thread.status == ThreadStatus.OPEN)

    @property
    def dom_id(self) -> str:
        return f"q-{self.question.id}"


def level_label(value: str | None) -> str:
    """A stored level ("very_high") as people read it ("Very high"); "not rated" for none."""
    if not value:
        return "not rated"
    try:
        return RiskLevel.parse(value).label
    except ValueError:  # a level this build does not know: show it as stored
        return value


@dataclass(frozen=True)
class DecisionView:
    """An area decision with its levels readable."""

    decision: AreaDecision
    area_name: str

    @property
    def inherent_label(self) -> str:
        return level_label(self.decision.inherent_rating)

    @property
    def residual_label(self) -> str:
        return level_label(self.decision.residual_rating)


@dataclass(frozen=True)
class AreaView:
    key: str
    name: str
    rating: AreaRating | None
    questions: list[QuestionView]
    decision: AreaDecision | None  # this round's
    needs_decision: bool  # an area the assessment needs a decision on (not the qualifying section)
    # The level the residual rating starts from (the overall one for the overall area).
    inherent_level: str | None = None

    @property
    def inherent_label(self) -> str:
        return level_label(self.inherent_level)

    @property
    def decision_view(self) -> DecisionView | None:
        return DecisionView(self.decision, self.name) if self.decision else None

    @property
    def decision_key(self) -> str:
        """The key a decision on this section is stored under."""
        return OVERALL_AREA if self.key == QUALIFYING else self.key

    @property
    def changed(self) -> int:
        return sum(1 for q in self.questions if q.change is not None)


@dataclass(frozen=True)
class DocumentView:
    record: DocumentRecord
    download_url: str | None


@dataclass(frozen=True)
class ChangeView:
    question_id: str
    question_text: str
    before: str
    after: str


@dataclass(frozen=True)
class DiffView:
    diff: RoundDiff
    added: list[ChangeView]
    changed: list[ChangeView]
    removed: list[ChangeView]


@dataclass(frozen=True)
class RoundView:
    snapshot: RoundSnapshot
    send_back: ReviewRecord | None  # the feedback that ended this round, if it was sent back
    comments: tuple[CommentRecord, ...]


@dataclass
class ReviewPage:
    actor: Actor
    collection: AssessmentCollection
    questionnaire: Questionnaire
    rating: InherentRating
    areas: list[AreaView]
    documents: list[DocumentView]
    rounds: list[RoundView]
    diff: DiffView | None
    timeline: list[TimelineEntry]
    today: date
    decision_record: DecisionRecord | None = None
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def assessment(self) -> AssessmentRecord:
        return self.collection.assessment

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.assessment.state]

    @property
    def overdue(self) -> bool:
        a = self.assessment
        return a.state in REVIEWABLE_STATES and bool(a.due_on) and a.due_on < self.today.isoformat()

    @property
    def assigned_to_me(self) -> bool:
        return self.assessment.assignee_id == self.actor.user_id

    @property
    def offer_assign_to_me(self) -> bool:
        """ "Assign to me": someone else has it, or it waits (a resubmission keeps its assignee
        but must be taken again to move under review)."""
        return self.can_assign and (self.assessment.state == State.SUBMITTED or not self.assigned_to_me)

    @property
    def can_assign(self) -> bool:
        return self.assessment.state in REVIEWABLE_STATES

    @property
    def can_send_back(self) -> bool:
        return self.assessment.state in REVIEWABLE_STATES

    @property
    def can_decide(self) -> bool:
        return self.assessment.state == State.UNDER_REVIEW

    @property
    def can_comment(self) -> bool:
        return self.assessment.state in COMMENTABLE_STATES

    @property
    def decided(self) -> bool:
        return self.assessment.state in (State.FINALIZED, State.REJECTED)

    @property
    def open_areas(self) -> list[AreaView]:
        return [a for a in self.areas if a.needs_decision and a.decision is None]

    @property
    def decided_areas(self) -> list[AreaView]:
        return [a for a in self.areas if a.needs_decision and a.decision is not None]

    @property
    def questions(self) -> list[QuestionView]:
        return [q for area in self.areas for q in area.questions]

    @property
    def open_thread_ids(self) -> frozenset[str]:
        return frozenset(q.question.id for q in self.questions if q.thread_open)

    def record_decisions(self) -> list[DecisionView]:
        """The decision record's decisions, each with its area's name."""
        if self.decision_record is None:
            return []
        names = {a.decision_key: a.name for a in self.areas}
        return [
            DecisionView(d, names.get(d.area_key) or self.questionnaire_area_name(d.area_key))
            for d in self.decision_record.decisions
        ]

    def questionnaire_area_name(self, key: str) -> str:
        if key == OVERALL_AREA:
            return OVERALL_AREA_NAME
        return next((a.name for a in self.questionnaire.areas if a.key == key), key)


def record_answers(
    record: DecisionRecord, questionnaire: Questionnaire
) -> list[tuple[str, str, str, str, str]]:
    """The frozen answers in questionnaire order: (id, question, answer, source, source label)."""

    def position(qid: str) -> int:
        return questionnaire.position(qid) if questionnaire.has_question(qid) else 1_000_000

    return [
        (
            qid,
            questionnaire.question(qid).text if questionnaire.has_question(qid) else "",
            _text(answer.value),
            answer.source,
            PROVENANCE_LABELS.get(answer.source, answer.source),
        )
        for qid, answer in sorted(record.answers.items(), key=lambda kv: position(kv[0]))
    ]


def _text(value: str | list[str] | None) -> str:
    if value is None:
        return ""
    return ", ".join(value) if isinstance(value, list) else str(value)


def _diff_view(diff: RoundDiff, questionnaire: Questionnaire) -> DiffView:
    def text(qid: str) -> str:
        return questionnaire.question(qid).text if questionnaire.has_question(qid) else qid

    def views(changes: tuple[AnswerChange, ...]) -> list[ChangeView]:
        return [
            ChangeView(c.question_id, text(c.question_id), _text(c.before), _text(c.after)) for c in changes
        ]

    return DiffView(diff, views(diff.answers_added), views(diff.answers_changed), views(diff.answers_removed))


def build_review_page(
    *,
    actor: Actor,
    collection: AssessmentCollection,
    questionnaire: Questionnaire,
    rounds: list[RoundSnapshot],
    timeline: list[TimelineEntry],
    today: date,
) -> ReviewPage:
    a = collection.assessment
    answers = collection.answer_values()
    evaluation = engine.evaluate(questionnaire, answers)
    applicable = evaluation.applicable_questions()
    rating = rating_of(collection, questionnaire)
    rounds = sorted(rounds, key=lambda r: r.number)
    diff = round_diff(rounds[-2], rounds[-1]) if len(rounds) >= 2 else None
    changes = {
        c.question_id: c
        for c in (diff.answers_added + diff.answers_changed + diff.answers_removed if diff else ())
    }
    decisions = collection.current_decisions()
    needed = set(decision_areas(a.active_areas))
    named = set(a.sent_back_questions)

    def view(q: Question) -> QuestionView:
        answer = collection.answers.get(q.id)
        return QuestionView(
            question=q,
            answer=answer,
            origin=provenance_of(
                answer, collection.suggestions.get(q.id), assessment_id=a.id, documents=collection.documents
            ),
            change=changes.get(q.id),
            comments=tuple(collection.comments_on(q.id)),
            thread=collection.threads.get(q.id),
            named_in_send_back=q.id in named,
        )

    # With no risk area active, the qualifying answers carry the one "overall" decision.
    overall = OVERALL_AREA in needed
    areas = [
        AreaView(
            key=QUALIFYING,
            name=OVERALL_AREA_NAME if overall else "Qualifying questions",
            rating=rating.qualifying,
            questions=[view(q) for q in applicable if q.area_key is None],
            decision=decisions.get(OVERALL_AREA),
            needs_decision=overall,
            inherent_level=area_level(rating, OVERALL_AREA),
        )
    ]
    for area in questionnaire.areas:
        if area.key not in evaluation.active_areas:
            continue
        areas.append(
            AreaView(
                key=area.key,
                name=area.name,
                rating=rating.areas.get(area.key),
                questions=[view(q) for q in applicable if q.area_key == area.key],
                decision=decisions.get(area.key),
                needs_decision=area.key in needed,
                inherent_level=area_level(rating, area.key),
            )
        )
    send_backs = [r for r in collection.reviews if r.decision == "send_back"]
    round_views = [
        RoundView(
            snapshot=r,
            send_back=next((s for s in send_backs if s.round == r.number), None),
            comments=tuple(c for c in collection.comments if c.round == r.number),
        )
        for r in rounds
        if r.number < a.round
    ]
    record = max(collection.decision_records, key=lambda d: d.round, default=None)
    return ReviewPage(
        actor=actor,
        collection=collection,
        questionnaire=questionnaire,
        rating=rating,
        areas=areas,
        documents=[DocumentView(d, document_download_url(a.id, d.id)) for d in collection.documents],
        rounds=round_views,
        diff=_diff_view(diff, questionnaire) if diff else None,
        timeline=timeline,
        today=today,
        decision_record=record,
    )


async def review_page(*, actor: Actor, assessment_id: str, today: date | None = None) -> ReviewPage:
    """The collection, its rounds and its timeline: three Queries, whatever the number of answers."""
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    # The collection's read checked access: the two reads after it skip their own check.
    rounds = (
        await assessment_rounds(actor=actor, assessment_id=assessment_id, assessment=a) if a.round else []
    )
    timeline = await assessment_timeline(actor=actor, assessment_id=assessment_id, assessment=a)
    return build_review_page(
        actor=actor,
        collection=collection,
        questionnaire=questionnaire,
        rounds=rounds,
        timeline=timeline,
        today=today or date.today(),
    )
