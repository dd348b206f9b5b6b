"""What the pages and the API show about one assessment, derived from its collection (pure)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from asgiref.sync import sync_to_async

from assessments.domain.documents import SuggestionRecord
from assessments.domain.records import Actor, AssessmentCollection
from assessments.domain.workflow import EDITABLE_STATES, Action, allowed_actions
from assessments.questionnaire import engine
from assessments.questionnaire.model import QUALIFYING, Question, Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import questionnaire_get


@dataclass(frozen=True)
class SectionProgress:
    key: str
    name: str
    answered: int
    total: int
    percent: int
    waiting: int = 0  # unanswered questions with a suggested answer ready

    @property
    def unanswered(self) -> int:
        return self.total - self.answered


@dataclass(frozen=True)
class RiskAreaHint:
    """A qualifying question the documents suggest answering Yes, and what that would switch on."""

    question: Question
    suggestion: SuggestionRecord
    areas: list[str]


@dataclass(frozen=True)
class Overview:
    collection: AssessmentCollection
    questionnaire: Questionnaire
    sections: list[SectionProgress]  # qualifying first, then active risk areas in file order
    overall: SectionProgress
    next_question: Question | None
    missing_required: list[Question]
    actions: list[Action]
    editable: bool
    answers_from_suggestions: int
    suggestions_waiting: int = 0  # offered suggestions for unanswered applicable questions
    risk_area_hints: list[RiskAreaHint] = field(default_factory=list)

    @property
    def next_section(self) -> str | None:
        if self.next_question is None:
            return None
        return self.next_question.area_key or QUALIFYING

    @property
    def started(self) -> bool:
        """Whether any question is answered yet ("Start" rather than "Continue")."""
        return self.overall.answered > 0

    @property
    def has_documents(self) -> bool:
        return bool(self.collection.documents)

    @property
    def section_pairs(self) -> list[tuple[SectionProgress, SectionProgress | None]]:
        """Each section with the one its "Next section" link goes to (None after the last)."""
        return list(zip(self.sections, [*self.sections[1:], None], strict=True))


def _section(key: str, name: str, p: engine.AreaProgress, waiting: int = 0) -> SectionProgress:
    return SectionProgress(key, name, p.answered, p.total, int(p.percent), waiting)


def build_overview(
    *, actor: Actor, collection: AssessmentCollection, questionnaire: Questionnaire
) -> Overview:
    answers = collection.answer_values()
    progress = engine.progress(questionnaire, answers)
    active = set(engine.active_areas(questionnaire, answers))
    assessment = collection.assessment
    is_owner = assessment.owner_id == actor.user_id
    applicable = engine.applicable_questions(questionnaire, answers)
    waiting = [
        q
        for q in applicable
        if q.id not in answers and (s := collection.suggestions.get(q.id)) is not None and s.offerable
    ]
    waiting_in = Counter(q.section for q in waiting)
    sections = [
        _section(QUALIFYING, "Qualifying questions", progress.per_area[QUALIFYING], waiting_in[QUALIFYING])
    ]
    sections += [
        _section(area.key, area.name, progress.per_area[area.key], waiting_in[area.key])
        for area in questionnaire.areas
        if area.key in active
    ]
    hints = [
        RiskAreaHint(q, collection.suggestions[q.id], areas)
        for q in waiting
        if q.is_qualifying
        and collection.suggestions[q.id].answer == "Yes"
        and (areas := areas_switched_on_by_yes(questionnaire, answers, q))
    ]
    return Overview(
        collection=collection,
        questionnaire=questionnaire,
        sections=sections,
        overall=_section("overall", "Overall", progress.overall),
        next_question=engine.next_question(questionnaire, answers),
        missing_required=engine.missing_required(questionnaire, answers),
        actions=allowed_actions(state=assessment.state, roles=actor.roles, is_owner=is_owner),
        editable=is_owner and assessment.state in EDITABLE_STATES,
        answers_from_suggestions=sum(1 for a in collection.answers.values() if a.source != "manual"),
        suggestions_waiting=len(waiting),
        risk_area_hints=hints,
    )


def section_questions(questionnaire: Questionnaire, section: str, answers: dict) -> list[Question]:
    """The applicable questions of one section, in file order."""
    applicable = engine.applicable_questions(questionnaire, answers)
    if section == QUALIFYING:
        return [q for q in applicable if q.area_key is None]
    return [q for q in applicable if q.area_key == section]


async def assessment_overview(*, actor: Actor, assessment_id: str) -> Overview:
    """One Query for the collection; the questionnaire version comes from the in-process cache."""
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    a = collection.assessment
    questionnaire = await sync_to_async(questionnaire_get)(
        key=a.questionnaire_key, version=a.questionnaire_version
    )
    return build_overview(actor=actor, collection=collection, questionnaire=questionnaire)


def areas_switched_on_by_yes(questionnaire: Questionnaire, answers: dict, question: Question) -> list[str]:
    """Names of the risk areas a Yes to this qualifying question would switch on now."""
    if not question.is_qualifying:
        return []
    now = set(engine.active_areas(questionnaire, answers))
    after = engine.active_areas(questionnaire, {**answers, question.id: "Yes"})
    names = {area.key: area.name for area in questionnaire.areas}
    return [names[key] for key in after if key not in now]
