"""What the pages and the API show about one assessment, derived from its collection (pure)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from html import escape

from django.utils.safestring import SafeString, mark_safe

from assessments.domain import policy
from assessments.domain.documents import SuggestionRecord
from assessments.domain.records import Actor, AssessmentCollection
from assessments.domain.workflow import Action, allowed_actions
from assessments.presenters.dom import dom_id
from assessments.presenters.links import AssessmentLinks
from assessments.questionnaire import engine
from assessments.questionnaire.model import QUALIFYING, Question, Questionnaire
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get


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


@dataclass(frozen=True, slots=True)
class SectionLink:
    """One row of the progress panel: a section's figures and its page's URL, flat for the template."""

    key: str
    name: str
    answered: int
    total: int
    percent: int
    waiting: int
    unanswered: int
    href: str

    @classmethod
    def of(cls, s: SectionProgress, href: str) -> SectionLink:
        return cls(s.key, s.name, s.answered, s.total, s.percent, s.waiting, s.unanswered, href)


@dataclass(frozen=True)
class QuestionLink:
    question: Question
    href: str


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
    # The rules resolved for these answers, kept so the page's questions reuse them.
    evaluation: engine.Evaluation | None = field(default=None, repr=False, compare=False)

    @cached_property
    def rules(self) -> engine.Evaluation:
        if self.evaluation is not None:
            return self.evaluation
        return engine.evaluate(self.questionnaire, self.collection.answer_values())

    @cached_property
    def links(self) -> AssessmentLinks:
        return AssessmentLinks(self.collection.assessment.id)

    @cached_property
    def section_links(self) -> list[SectionLink]:
        """Each section with the URL of its page (for the progress panel)."""
        return [SectionLink.of(s, self.links.section(s.key)) for s in self.sections]

    @cached_property
    def missing_links(self) -> list[QuestionLink]:
        """The required questions still unanswered, each linked to its place in its section."""
        return [QuestionLink(q, self.links.question_anchor(q, dom_id(q.id))) for q in self.missing_required]

    @cached_property
    def missing_items_html(self) -> SafeString:
        """``missing_links`` as the page's list items, built once here rather than in a template loop.

        A new assessment lists ~50-90 open required questions; at three template variables a
        row that loop was a quarter of the page's render time. ``escape`` is the template's
        own autoescape (``django.utils.html.escape``: ``html.escape`` with quotes); the values
        are plain text from the questionnaire and the URL builder, never marked safe.
        """
        return mark_safe(  # noqa: S308 - every value below is escaped
            "".join(
                f'<li><a href="{escape(link.href)}">{escape(link.question.id)}</a>'
                f" — {escape(link.question.text)}</li>"
                for link in self.missing_links
            )
        )

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
    # One resolution of the rules serves every figure below (and the page's questions).
    evaluation = engine.evaluate(questionnaire, answers)
    progress = evaluation.progress()
    active = set(evaluation.active_areas)
    assessment = collection.assessment
    is_owner = policy.is_owner(actor, assessment)
    applicable = evaluation.applicable_questions()
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
        and (areas := areas_added_by_yes(evaluation, q))
    ]
    return Overview(
        collection=collection,
        questionnaire=questionnaire,
        sections=sections,
        overall=_section("overall", "Overall", progress.overall),
        next_question=evaluation.next_question(),
        missing_required=evaluation.missing_required(),
        actions=allowed_actions(state=assessment.state, roles=actor.roles, is_owner=is_owner),
        editable=policy.can_edit(actor, assessment),
        answers_from_suggestions=sum(1 for a in collection.answers.values() if a.source != "manual"),
        suggestions_waiting=len(waiting),
        risk_area_hints=hints,
        evaluation=evaluation,
    )


def section_questions(
    questionnaire: Questionnaire,
    section: str,
    answers: dict,
    *,
    evaluation: engine.Evaluation | None = None,
) -> list[Question]:
    """The applicable questions of one section, in file order (``evaluation``: of ``answers``)."""
    if evaluation is None:
        evaluation = engine.evaluate(questionnaire, answers)
    applicable = evaluation.applicable_questions()
    if section == QUALIFYING:
        return [q for q in applicable if q.area_key is None]
    return [q for q in applicable if q.area_key == section]


async def assessment_overview(*, actor: Actor, assessment_id: str) -> Overview:
    """One Query for the collection; the questionnaire version comes from the in-process cache."""
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    return build_overview(actor=actor, collection=collection, questionnaire=questionnaire)


def areas_added_by_yes(now: engine.Evaluation, question: Question) -> list[str]:
    if not question.is_qualifying:
        return []
    before = set(now.active_areas)
    after = engine.evaluate(now.questionnaire, {**now.answers, question.id: "Yes"}).active_areas
    names = {area.key: area.name for area in now.questionnaire.areas}
    return [names[key] for key in after if key not in before]
