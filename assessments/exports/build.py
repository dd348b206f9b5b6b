"""Fill the report's content from the review page model: the same answers, provenance labels,
citations and decisions the assessor sees (pure)."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import TypeVar

from assessments.domain.review import OVERALL_AREA
from assessments.domain.workflow import STATE_LABELS, State
from assessments.exports.content import (
    AnswerContent,
    AreaContent,
    CitationContent,
    CommentContent,
    ConditionContent,
    DecisionContent,
    DocumentContent,
    ExportContent,
)
from assessments.presenters.review import ReviewPage, level_label

# Only a decided assessment is final; every other state's report is a draft and says so.
T = TypeVar("T")
FINAL_STATES = frozenset({State.FINALIZED, State.REJECTED})
# Control characters other than tab and newline: XML (DOCX, XLSX) cannot carry them at all, and
# a PDF would show them as boxes. A user's text may hold one (pasted from elsewhere).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _cleaned(value: T) -> T:
    """``value`` with every string in it, however deep, free of control characters."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(_cleaned(v) for v in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _cleaned(getattr(value, f.name)) for f in fields(value)})  # type: ignore[misc]
    return value


def build_content(page: ReviewPage, *, exported_at: str, exported_by: str) -> ExportContent:
    """The report of ``page``'s assessment as it stands (pure)."""
    a = page.assessment
    names = {area.decision_key: area.name for area in page.areas}
    record = page.decision_record
    if record is not None:
        decided = list(record.decisions)
    else:  # not decided yet: this round's decisions so far (the report is a draft)
        decided = [area.decision for area in page.areas if area.decision is not None]
    decisions = tuple(
        DecisionContent(
            area_key=d.area_key,
            area=names.get(d.area_key) or page.questionnaire_area_name(d.area_key),
            outcome=d.outcome.value,
            outcome_label=d.outcome.label,
            rationale=d.rationale,
            conditions=tuple(ConditionContent(c.text, c.owner, c.due_on) for c in d.conditions),
            assessor=d.assessor,
            at=d.at,
            inherent_rating=level_label(d.inherent_rating),
            residual_rating=level_label(d.residual_rating),
            residual_rationale=d.residual_rationale,
        )
        for d in decided
    )
    areas = tuple(
        AreaContent(
            key=area.key,
            name=area.name,
            inherent_rating=area.inherent_label,
            answers=tuple(
                AnswerContent(
                    question_id=q.question.id,
                    question=q.question.text,
                    answer=q.value_text,
                    provenance=q.origin.source,
                    provenance_label=q.origin.label or "Not answered",
                    suggested=q.origin.suggested_text if q.origin.from_suggestion else "",
                    citations=tuple(
                        CitationContent(c.document_name, c.page, c.section or "", c.passage)
                        for c in q.origin.citations
                    ),
                    comments=tuple(
                        CommentContent(c.author, c.role, c.at, c.text, c.round) for c in q.comments
                    ),
                )
                for q in area.questions
            ),
        )
        for area in page.areas
    )
    overall_residual = record.residual_overall if record is not None else None
    if overall_residual is None:
        overall = next((d for d in decided if d.area_key == OVERALL_AREA), None)
        overall_residual = overall.residual_rating if overall is not None else None
    content = ExportContent(
        assessment_id=a.id,
        title=a.title,
        project=a.project,
        system_id=a.system_id,
        business_unit=a.business_unit,
        classification=a.data_classification,
        requestor=a.owner_name,
        state=a.state.value,
        state_label=STATE_LABELS[a.state],
        created_at=a.created_at,
        submitted_at=a.submitted_at or "",
        decided_at=a.decided_at or "",
        round=a.round,
        questionnaire=f"{a.questionnaire_key} v{a.questionnaire_version}",
        overall_inherent=level_label(page.rating.overall.value if page.rating.overall else None),
        overall_residual=level_label(overall_residual) if overall_residual else "",
        draft=a.state not in FINAL_STATES,
        decisions_final=record is not None,
        decisions=decisions,
        areas=areas,
        documents=tuple(
            DocumentContent(
                name=d.record.name,
                kind=d.record.kind,
                size=d.record.size,
                sha256=d.record.sha256,
                status=d.record.status.value,
                uploaded_by=d.record.uploaded_by,
                uploaded_at=d.record.uploaded_at,
            )
            for d in page.documents
        ),
        exported_at=exported_at,
        exported_by=exported_by,
    )
    return _cleaned(content)
