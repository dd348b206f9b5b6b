"""What the rounds' operations give: each submission's frozen snapshot and the diff to the one
before it (the review's other shapes are in ``schemas_review``)."""

from __future__ import annotations

from typing import Any

from ninja import Schema

from assessments.api.schemas import AnswerValue
from assessments.domain.review import AnswerChange, RoundDiff, RoundDocument, RoundSnapshot

# --- rounds ----------------------------------------------------------------------------------


class RoundOut(Schema):
    number: int
    submitted_at: str
    by: str
    questionnaire_version: int
    active_areas: list[str]
    answers: int
    documents: int

    @staticmethod
    def of(r: RoundSnapshot) -> dict[str, Any]:
        return {
            "number": r.number,
            "submitted_at": r.submitted_at,
            "by": r.submitted_by,
            "questionnaire_version": r.questionnaire_version,
            "active_areas": list(r.active_areas),
            "answers": len(r.answers),
            "documents": len(r.documents),
        }


class RoundListOut(Schema):
    items: list[RoundOut]


class RoundAnswerOut(Schema):
    question_id: str
    value: AnswerValue
    source: str


class RoundDocumentOut(Schema):
    id: str
    name: str
    sha256: str


class DocumentRefOut(Schema):
    name: str
    sha256: str

    @staticmethod
    def of(d: RoundDocument) -> dict[str, Any]:
        return {"name": d.name, "sha256": d.sha256}


class AnswerChangeOut(Schema):
    question_id: str
    before: AnswerValue | None
    after: AnswerValue | None
    source_before: str | None
    source_after: str | None

    @staticmethod
    def of(c: AnswerChange) -> dict[str, Any]:
        return {
            "question_id": c.question_id,
            "before": c.before,
            "after": c.after,
            "source_before": c.source_before,
            "source_after": c.source_after,
        }


class RoundDiffOut(Schema):
    previous: int
    current: int
    answers_added: list[AnswerChangeOut]
    answers_changed: list[AnswerChangeOut]
    answers_removed: list[AnswerChangeOut]
    documents_added: list[DocumentRefOut]
    documents_removed: list[DocumentRefOut]
    areas_added: list[str]
    areas_removed: list[str]

    @staticmethod
    def of(d: RoundDiff | None) -> dict[str, Any] | None:
        if d is None:
            return None
        return {
            "previous": d.previous,
            "current": d.current,
            "answers_added": [AnswerChangeOut.of(c) for c in d.answers_added],
            "answers_changed": [AnswerChangeOut.of(c) for c in d.answers_changed],
            "answers_removed": [AnswerChangeOut.of(c) for c in d.answers_removed],
            "documents_added": [DocumentRefOut.of(x) for x in d.documents_added],
            "documents_removed": [DocumentRefOut.of(x) for x in d.documents_removed],
            "areas_added": list(d.areas_added),
            "areas_removed": list(d.areas_removed),
        }


class RoundDetailOut(Schema):
    round: RoundOut
    answers: list[RoundAnswerOut]
    documents: list[RoundDocumentOut]
    # What changed since the round before (null for round 1).
    diff: RoundDiffOut | None

    @staticmethod
    def of(r: RoundSnapshot, diff: RoundDiff | None) -> dict[str, Any]:
        return {
            "round": RoundOut.of(r),
            "answers": [
                {"question_id": qid, "value": a.value, "source": a.source} for qid, a in r.answers.items()
            ],
            "documents": [{"id": did, "name": d.name, "sha256": d.sha256} for did, d in r.documents.items()],
            "diff": RoundDiffOut.of(diff),
        }
