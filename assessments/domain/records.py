"""Typed views of the TRA table's items, parsed at the edge (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from assessments.domain import keys
from assessments.domain.documents import (
    CitationRecord,
    DocumentRecord,
    DocumentStatus,
    SuggestionRecord,
    document_set_fingerprint,
)
from assessments.domain.queue import QueueEntry
from assessments.domain.review import AreaDecision, CommentRecord, DecisionRecord, ThreadState
from assessments.domain.roles import Role
from assessments.domain.workflow import State


def now_iso() -> str:
    """UTC timestamp that sorts as a string (fixed width, microseconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Actor:
    """Who is acting, resolved from the Django user by the caller (services never touch the ORM)."""

    user_id: int
    username: str
    roles: frozenset[Role]

    @property
    def is_reviewer(self) -> bool:
        return Role.ASSESSOR in self.roles


# The actor of what the background work does by itself (processing, suggestions), in audit events.
SYSTEM_ACTOR = Actor(user_id=0, username="system", roles=frozenset())


@dataclass(frozen=True)
class AssessmentRecord:
    id: str
    title: str
    project: str
    description: str
    system_id: str
    data_classification: str
    business_unit: str
    state: State
    owner_id: int
    owner_name: str
    questionnaire_key: str
    questionnaire_version: int
    active_areas: tuple[str, ...]
    created_at: str
    updated_at: str
    submitted_at: str | None
    feedback: str
    # Bumped by every write to the assessment, answers included (an ADD, so answer saves
    # never conflict with each other); a workflow move conditions on it, so it is ordered
    # against every answer.
    version: int
    # Bumped by each save of an answer that a rule reads (see Questionnaire.is_rule_input):
    # those saves recompute active_areas, so they condition on it and serialise.
    areas_rev: int = 0
    # The review: how many times it has been submitted (the current round), who has it, by when.
    round: int = 0
    assignee_id: int | None = None
    assignee_name: str = ""
    due_on: str | None = None  # ISO date, set at each submission
    # The last send back: who, when, which questions need work and which areas it flags.
    sent_back_by: str = ""
    sent_back_at: str | None = None
    sent_back_questions: tuple[str, ...] = ()
    sent_back_areas: tuple[str, ...] = ()
    decided_at: str | None = None
    # A finalized assessment's review date (services/reuse_index.py): when it is due for reassessment.
    review_due_on: str | None = None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> AssessmentRecord:
        return cls(
            id=item["id"],
            title=item["title"],
            project=item.get("project", ""),
            description=item.get("description", ""),
            system_id=item.get("system_id", ""),
            data_classification=item.get("data_classification", ""),
            business_unit=item.get("business_unit", ""),
            state=State(item["current_state"]),
            owner_id=int(item["owner_id"]),
            owner_name=item.get("owner_name", ""),
            questionnaire_key=item["questionnaire_key"],
            questionnaire_version=int(item["questionnaire_version"]),
            active_areas=tuple(item.get("active_areas", ())),
            created_at=item["created_at"],
            updated_at=item["updated_at"],
            submitted_at=item.get("submitted_at"),
            feedback=item.get("feedback", ""),
            version=int(item["version"]),
            areas_rev=int(item.get("areas_rev", 0)),
            round=int(item.get("round", 0)),
            assignee_id=int(item["assignee_id"]) if item.get("assignee_id") is not None else None,
            assignee_name=item.get("assignee_name", ""),
            due_on=item.get("due_on"),
            sent_back_by=item.get("sent_back_by", ""),
            sent_back_at=item.get("sent_back_at"),
            sent_back_questions=tuple(item.get("sent_back_questions", ())),
            sent_back_areas=tuple(item.get("sent_back_areas", ())),
            decided_at=item.get("decided_at"),
            review_due_on=item.get("review_due_on"),
        )

    def queue_entry(self) -> QueueEntry:
        """This assessment's row in the review queue or the archive."""
        return QueueEntry(
            assessment_id=self.id,
            title=self.title,
            state=self.state,
            owner_name=self.owner_name,
            business_unit=self.business_unit,
            data_classification=self.data_classification,
            active_areas=self.active_areas,
            assignee_id=self.assignee_id,
            assignee_name=self.assignee_name,
            submitted_at=self.submitted_at or "",
            due_on=self.due_on or "",
            round=self.round,
            updated_at=self.updated_at,
            decided_at=self.decided_at or "",
        )

    def to_item(self) -> dict[str, Any]:
        item: dict[str, Any] = {
            "pk": keys.assessment_pk(self.id),
            "sk": keys.META,
            "entity_type": keys.ENTITY_ASSESSMENT,
            "id": self.id,
            "title": self.title,
            "title_lowercase": self.title.strip().lower(),
            "project": self.project,
            "description": self.description,
            "system_id": self.system_id,
            "data_classification": self.data_classification,
            "business_unit": self.business_unit,
            "current_state": self.state.value,
            "owner_id": self.owner_id,
            "owner_name": self.owner_name,
            "questionnaire_key": self.questionnaire_key,
            "questionnaire_version": self.questionnaire_version,
            "active_areas": list(self.active_areas),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "feedback": self.feedback,
            "version": self.version,
            "areas_rev": self.areas_rev,
            # gsi1: "my assessments", most recently updated first.
            "gsi1_pk": keys.user_partition(self.owner_id),
            "gsi1_sk": self.updated_at,
        }
        if self.submitted_at:
            item["submitted_at"] = self.submitted_at
        review: dict[str, Any] = {
            "round": self.round,
            "assignee_id": self.assignee_id,
            "assignee_name": self.assignee_name,
            "due_on": self.due_on,
            "sent_back_by": self.sent_back_by,
            "sent_back_at": self.sent_back_at,
            "sent_back_questions": list(self.sent_back_questions),
            "sent_back_areas": list(self.sent_back_areas),
            "decided_at": self.decided_at,
            "review_due_on": self.review_due_on,
        }
        # Only what is set: an assessment never submitted keeps the item it always had.
        item.update({k: v for k, v in review.items() if v not in (None, "", [], 0)})
        return item


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    value: str | list[str]
    source: str  # manual | suggestion_accepted | suggestion_edited
    answered_by: str
    answered_at: str
    version: int
    # The evidence an answer taken from a suggestion came from, frozen on the answer when it
    # was saved: the SUGGESTION# item is replaced whenever the documents change, and the
    # reviewer must still see the passage the requestor accepted (or edited). Empty for a
    # manual answer.
    citations: tuple[CitationRecord, ...] = ()
    # What the suggestion said when it was taken (an edited answer differs from it).
    suggested_value: str | list[str] | None = None

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> AnswerRecord:
        return cls(
            question_id=item["question_id"],
            value=item["value"],
            source=item.get("source", "manual"),
            answered_by=item.get("answered_by", ""),
            answered_at=item.get("answered_at", ""),
            version=int(item["version"]),
            citations=tuple(CitationRecord.from_item(c) for c in item.get("citations", ())),
            suggested_value=item.get("suggested_value"),
        )

    def to_item(self, assessment_id: str) -> dict[str, Any]:
        item: dict[str, Any] = {
            "pk": keys.assessment_pk(assessment_id),
            "sk": keys.answer_sk(self.question_id),
            "question_id": self.question_id,
            "value": self.value,
            "source": self.source,
            "answered_by": self.answered_by,
            "answered_at": self.answered_at,
            "version": self.version,
        }
        # Only what is set: a manual answer keeps the item it always had.
        if self.citations:
            item["citations"] = [c.to_item() for c in self.citations]
        if self.suggested_value not in (None, "", []):
            item["suggested_value"] = self.suggested_value
        return item


@dataclass(frozen=True)
class ReviewRecord:
    decision: str
    feedback: str
    assessor: str
    at: str
    risk_areas: tuple[str, ...] = ()
    round: int = 0
    # A send back names the questions that need work and may flag risk areas.
    questions: tuple[str, ...] = ()
    flagged_areas: tuple[str, ...] = ()

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> ReviewRecord:
        return cls(
            decision=item["decision"],
            feedback=item.get("feedback", ""),
            assessor=item["assessor"],
            at=item["at"],
            risk_areas=tuple(item.get("risk_areas", ())),
            round=int(item.get("round", 0)),
            questions=tuple(item.get("questions", ())),
            flagged_areas=tuple(item.get("flagged_areas", ())),
        )

    def to_item(self, assessment_id: str) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(assessment_id),
            "sk": keys.review_sk(self.at),
            "decision": self.decision,
            "feedback": self.feedback,
            "assessor": self.assessor,
            "at": self.at,
            "risk_areas": list(self.risk_areas),
            "round": self.round,
            "questions": list(self.questions),
            "flagged_areas": list(self.flagged_areas),
        }


# The audit events an assessment's timeline shows (the moves and the conversation); answer,
# document and suggestion events stay out of it: the rounds' diff shows what they changed.
TIMELINE_EVENT_TYPES = frozenset(
    {
        "assessment_created",
        "state_changed",
        "assigned",
        "comment_added",
        "guest_commented",
        "comment_thread_resolved",
        "comment_thread_reopened",
        "area_decided",
    }
)


@dataclass(frozen=True)
class EventRecord:
    """One audit event, in the assessment's own ``AUDIT#<id>`` collection (see keys.events_pk)."""

    assessment_id: str
    event_type: str
    actor: str
    actor_id: int
    at: str
    event_id: str
    before: Any = None
    after: Any = None

    def to_item(self) -> dict[str, Any]:
        sk = keys.event_sk(self.at, self.event_id)
        item = {
            "pk": keys.events_pk(self.assessment_id),
            "sk": sk,
            "entity_type": keys.ENTITY_EVENT,
            "assessment_id": self.assessment_id,  # gsi3-assessment-events
            "event_type": self.event_type,
            "actor": self.actor,
            "actor_id": self.actor_id,
            "at": self.at,
            "before": self.before,
            "after": self.after,
            # gsi6-entity-type (EVENT, updated_at): every event in time order across
            # assessments, so the dashboard folds only what is new since its checkpoint.
            "updated_at": self.at,
        }
        if self.event_type in TIMELINE_EVENT_TYPES:
            item["gsi1_pk"] = keys.timeline_partition(self.assessment_id)
            item["gsi1_sk"] = sk
        return item


@dataclass
class AssessmentCollection:
    """Everything one Query of ``ASSESSMENT#<id>`` returns, sorted into kinds."""

    assessment: AssessmentRecord
    answers: dict[str, AnswerRecord] = field(default_factory=dict)
    reviews: list[ReviewRecord] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    suggestions: dict[str, SuggestionRecord] = field(default_factory=dict)
    comments: list[CommentRecord] = field(default_factory=list)  # oldest first
    threads: dict[str, ThreadState] = field(default_factory=dict)
    # Every round's area decisions; ``current_decisions`` are this round's.
    decisions: list[AreaDecision] = field(default_factory=list)
    decision_records: list[DecisionRecord] = field(default_factory=list)
    # Removed documents still being dropped from the knowledge base: document id -> job id.
    kb_removals: dict[str, str] = field(default_factory=dict)

    def answer_values(self) -> dict[str, str | list[str]]:
        return {qid: a.value for qid, a in self.answers.items()}

    @property
    def ready_documents(self) -> list[DocumentRecord]:
        return [d for d in self.documents if d.status is DocumentStatus.READY]

    def document(self, document_id: str) -> DocumentRecord | None:
        return next((d for d in self.documents if d.id == document_id), None)

    def current_decisions(self) -> dict[str, AreaDecision]:
        """Area key -> this round's decision."""
        current = self.assessment.round
        return {d.area_key: d for d in self.decisions if d.round == current}

    def comments_on(self, question_id: str) -> list[CommentRecord]:
        return [c for c in self.comments if c.question_id == question_id]

    def fingerprint(self) -> str:
        return document_set_fingerprint(self.documents, pending_removals=self.kb_removals)

    @classmethod
    def from_items(cls, items: list[dict[str, Any]]) -> AssessmentCollection | None:
        meta = next((i for i in items if i["sk"] == keys.META), None)
        if meta is None:
            return None
        collection = cls(assessment=AssessmentRecord.from_item(meta))
        for item in items:
            sk = item["sk"]
            if sk.startswith(keys.ANSWER_PREFIX):
                answer = AnswerRecord.from_item(item)
                collection.answers[answer.question_id] = answer
            elif sk.startswith(keys.REVIEW_PREFIX):
                collection.reviews.append(ReviewRecord.from_item(item))
            elif sk.startswith(keys.DOC_PREFIX):
                collection.documents.append(DocumentRecord.from_item(item))
            elif sk.startswith(keys.SUGGESTION_PREFIX):
                suggestion = SuggestionRecord.from_item(item)
                collection.suggestions[suggestion.question_id] = suggestion
            elif sk.startswith(keys.COMMENT_PREFIX):
                collection.comments.append(CommentRecord.from_item(item))
            elif sk.startswith(keys.THREAD_PREFIX):
                thread = ThreadState.from_item(item)
                collection.threads[thread.question_id] = thread
            elif sk.startswith(keys.DECISION_PREFIX):
                collection.decisions.append(AreaDecision.from_item(item))
            elif sk.startswith(keys.RECORD_PREFIX):
                collection.decision_records.append(DecisionRecord.from_item(item))
            elif sk.startswith(keys.KB_REMOVAL_PREFIX):
                collection.kb_removals[sk.removeprefix(keys.KB_REMOVAL_PREFIX)] = item.get("job_id", "")
        return collection
