"""The review's own items: rounds, comment threads, per-area decisions and the decision record
(pure; keys in keys.py, the data model in docs/architecture.md; queue entries in queue.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from assessments.domain import keys

AnswerValue = str | list[str]

# When no risk area is active the assessment still needs one decision: this pseudo-area's.
OVERALL_AREA = "overall"
OVERALL_AREA_NAME = "Overall"


def decision_areas(active_areas: Sequence[str]) -> tuple[str, ...]:
    """The areas that each need a decision: the active risk areas, or the overall one if none."""
    return tuple(active_areas) or (OVERALL_AREA,)


# --- rounds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundAnswer:
    value: AnswerValue
    source: str  # manual | suggestion_accepted | suggestion_edited


@dataclass(frozen=True)
class RoundDocument:
    name: str
    sha256: str


@dataclass(frozen=True)
class RoundSnapshot:
    """What was submitted in round ``number``: frozen, written with the submit (ROUNDS#<id>)."""

    assessment_id: str
    number: int
    submitted_at: str
    submitted_by: str
    questionnaire_version: int
    active_areas: tuple[str, ...]
    answers: dict[str, RoundAnswer]
    documents: dict[str, RoundDocument]

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> RoundSnapshot:
        return cls(
            assessment_id=item["assessment_id"],
            number=int(item["number"]),
            submitted_at=item["submitted_at"],
            submitted_by=item.get("submitted_by", ""),
            questionnaire_version=int(item.get("questionnaire_version", 0)),
            active_areas=tuple(item.get("active_areas", ())),
            answers={
                qid: RoundAnswer(value=a["value"], source=a.get("source", "manual"))
                for qid, a in item.get("answers", {}).items()
            },
            documents={
                did: RoundDocument(name=d["name"], sha256=d.get("sha256", ""))
                for did, d in item.get("documents", {}).items()
            },
        )

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.rounds_pk(self.assessment_id),
            "sk": keys.round_sk(self.number),
            "assessment_id": self.assessment_id,
            "number": self.number,
            "submitted_at": self.submitted_at,
            "submitted_by": self.submitted_by,
            "questionnaire_version": self.questionnaire_version,
            "active_areas": list(self.active_areas),
            "answers": {qid: {"value": a.value, "source": a.source} for qid, a in self.answers.items()},
            "documents": {did: {"name": d.name, "sha256": d.sha256} for did, d in self.documents.items()},
        }


@dataclass(frozen=True)
class AnswerChange:
    question_id: str
    before: AnswerValue | None
    after: AnswerValue | None
    source_before: str | None = None
    source_after: str | None = None


@dataclass(frozen=True)
class RoundDiff:
    """What changed from round ``previous`` to round ``current``."""

    previous: int
    current: int
    answers_added: tuple[AnswerChange, ...]
    answers_changed: tuple[AnswerChange, ...]
    answers_removed: tuple[AnswerChange, ...]
    documents_added: tuple[RoundDocument, ...]
    documents_removed: tuple[RoundDocument, ...]
    areas_added: tuple[str, ...]
    areas_removed: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not (
            self.answers_added
            or self.answers_changed
            or self.answers_removed
            or self.documents_added
            or self.documents_removed
            or self.areas_added
            or self.areas_removed
        )

    def changed_question_ids(self) -> frozenset[str]:
        return frozenset(
            c.question_id for c in (*self.answers_added, *self.answers_changed, *self.answers_removed)
        )


def _same(a: AnswerValue, b: AnswerValue) -> bool:
    # A multi-choice answer is a set of options: the order they were ticked in is not a change.
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)
    return a == b


def round_diff(previous: RoundSnapshot, current: RoundSnapshot) -> RoundDiff:
    """Linear in the number of answers and documents; documents compared by content (sha256),
    so a file removed and uploaded again unchanged is not a change."""
    before, after = previous.answers, current.answers
    added = tuple(
        AnswerChange(qid, None, a.value, None, a.source) for qid, a in after.items() if qid not in before
    )
    removed = tuple(
        AnswerChange(qid, a.value, None, a.source, None) for qid, a in before.items() if qid not in after
    )
    changed = tuple(
        AnswerChange(qid, before[qid].value, a.value, before[qid].source, a.source)
        for qid, a in after.items()
        if qid in before and not _same(before[qid].value, a.value)
    )
    old_docs = {d.sha256 or f"id:{did}": d for did, d in previous.documents.items()}
    new_docs = {d.sha256 or f"id:{did}": d for did, d in current.documents.items()}
    return RoundDiff(
        previous=previous.number,
        current=current.number,
        answers_added=added,
        answers_changed=changed,
        answers_removed=removed,
        documents_added=tuple(d for k, d in new_docs.items() if k not in old_docs),
        documents_removed=tuple(d for k, d in old_docs.items() if k not in new_docs),
        areas_added=tuple(a for a in current.active_areas if a not in previous.active_areas),
        areas_removed=tuple(a for a in previous.active_areas if a not in current.active_areas),
    )


# --- comment threads ------------------------------------------------------------------------


class ThreadStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


COMMENT_MAX_LENGTH = 5000


@dataclass(frozen=True)
class CommentRecord:
    """One comment on one question (COMMENT#<question_id>#<at>), for both roles."""

    assessment_id: str
    question_id: str
    at: str
    author: str
    author_id: int
    role: str  # "assessor" | "requestor" | "guest" (an invited reviewer without an account)
    text: str
    round: int

    @property
    def comment_id(self) -> str:
        return self.at

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> CommentRecord:
        return cls(
            assessment_id=item.get("assessment_id", ""),
            question_id=item["question_id"],
            at=item["at"],
            author=item.get("author", ""),
            author_id=int(item.get("author_id", 0)),
            role=item.get("role", "assessor"),
            text=item.get("text", ""),
            round=int(item.get("round", 0)),
        )

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": keys.comment_sk(self.question_id, self.at),
            "assessment_id": self.assessment_id,
            "question_id": self.question_id,
            "at": self.at,
            "author": self.author,
            "author_id": self.author_id,
            "role": self.role,
            "text": self.text,
            "round": self.round,
        }


@dataclass(frozen=True)
class ThreadState:
    """Whether a question's thread is open or resolved (THREAD#<question_id>)."""

    assessment_id: str
    question_id: str
    status: ThreadStatus
    changed_by: str
    changed_at: str
    version: int

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> ThreadState:
        return cls(
            assessment_id=item.get("assessment_id", ""),
            question_id=item["question_id"],
            status=ThreadStatus(item.get("status", ThreadStatus.OPEN.value)),
            changed_by=item.get("changed_by", ""),
            changed_at=item.get("changed_at", ""),
            version=int(item.get("version", 1)),
        )

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": keys.thread_sk(self.question_id),
            "assessment_id": self.assessment_id,
            "question_id": self.question_id,
            "status": self.status.value,
            "changed_by": self.changed_by,
            "changed_at": self.changed_at,
            "version": self.version,
        }


# --- decisions ------------------------------------------------------------------------------


class Outcome(StrEnum):
    APPROVE = "approve"
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"
    REJECT = "reject"

    @property
    def label(self) -> str:
        return {
            Outcome.APPROVE: "Approved",
            Outcome.APPROVE_WITH_CONDITIONS: "Approved with conditions",
            Outcome.REJECT: "Rejected",
        }[self]


@dataclass(frozen=True)
class ConditionItem:
    """Something the requestor must do for an approval to hold: what, who, by when."""

    text: str
    owner: str
    due_on: str  # ISO date

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> ConditionItem:
        return cls(text=item["text"], owner=item["owner"], due_on=item["due_on"])

    def to_item(self) -> dict[str, Any]:
        return {"text": self.text, "owner": self.owner, "due_on": self.due_on}


@dataclass(frozen=True)
class AreaDecision:
    """One risk area's decision in one round (DECISION#<round>#<area>)."""

    assessment_id: str
    round: int
    area_key: str
    outcome: Outcome
    rationale: str
    conditions: tuple[ConditionItem, ...]
    assessor: str
    assessor_id: int
    at: str
    # The computed inherent rating when decided, and the assessor's residual one (never the AI's).
    inherent_rating: str | None
    residual_rating: str | None
    residual_rationale: str = ""

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> AreaDecision:
        return cls(
            assessment_id=item.get("assessment_id", ""),
            round=int(item["round"]),
            area_key=item["area_key"],
            outcome=Outcome(item["outcome"]),
            rationale=item.get("rationale", ""),
            conditions=tuple(ConditionItem.from_item(c) for c in item.get("conditions", ())),
            assessor=item.get("assessor", ""),
            assessor_id=int(item.get("assessor_id", 0)),
            at=item["at"],
            inherent_rating=item.get("inherent_rating"),
            residual_rating=item.get("residual_rating"),
            residual_rationale=item.get("residual_rationale", ""),
        )

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": keys.decision_sk(self.round, self.area_key),
            "assessment_id": self.assessment_id,
            "round": self.round,
            "area_key": self.area_key,
            "outcome": self.outcome.value,
            "rationale": self.rationale,
            "conditions": [c.to_item() for c in self.conditions],
            "assessor": self.assessor,
            "assessor_id": self.assessor_id,
            "at": self.at,
            "inherent_rating": self.inherent_rating,
            "residual_rating": self.residual_rating,
            "residual_rationale": self.residual_rationale,
        }


@dataclass(frozen=True)
class DecisionRecord:
    """The frozen record of a decided assessment (RECORD#<round>): who decided what, when, why,
    the conditions, the ratings and the answers as they were. Written once, never updated."""

    assessment_id: str
    round: int
    outcome: str  # the final state: "finalized" | "rejected"
    decided_at: str
    decisions: tuple[AreaDecision, ...]
    answers: dict[str, RoundAnswer]
    inherent_overall: str | None
    residual_overall: str | None
    questionnaire_key: str
    questionnaire_version: int

    @classmethod
    def from_item(cls, item: Mapping[str, Any]) -> DecisionRecord:
        return cls(
            assessment_id=item["assessment_id"],
            round=int(item["round"]),
            outcome=item["outcome"],
            decided_at=item["decided_at"],
            decisions=tuple(AreaDecision.from_item(d) for d in item.get("decisions", ())),
            answers={
                qid: RoundAnswer(value=a["value"], source=a.get("source", "manual"))
                for qid, a in item.get("answers", {}).items()
            },
            inherent_overall=item.get("inherent_overall"),
            residual_overall=item.get("residual_overall"),
            questionnaire_key=item.get("questionnaire_key", ""),
            questionnaire_version=int(item.get("questionnaire_version", 0)),
        )

    def to_item(self) -> dict[str, Any]:
        return {
            "pk": keys.assessment_pk(self.assessment_id),
            "sk": keys.decision_record_sk(self.round),
            "assessment_id": self.assessment_id,
            "round": self.round,
            "outcome": self.outcome,
            "decided_at": self.decided_at,
            "decisions": [d.to_item() for d in self.decisions],
            "answers": {qid: {"value": a.value, "source": a.source} for qid, a in self.answers.items()},
            "inherent_overall": self.inherent_overall,
            "residual_overall": self.residual_overall,
            "questionnaire_key": self.questionnaire_key,
            "questionnaire_version": self.questionnaire_version,
        }
