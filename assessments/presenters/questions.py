"""How one question is presented: its input, current answer, suggestion and state (no rules here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assessments.domain.documents import SuggestionRecord
from assessments.presenters.dom import dom_id
from assessments.presenters.links import AssessmentLinks
from assessments.presenters.overview import Overview, areas_added_by_yes
from assessments.questionnaire import engine
from assessments.questionnaire.errors import AnswerInvalid
from assessments.questionnaire.model import Question, ResponseType
from assessments.questionnaire.validation import validate_answer

SOURCE_LABELS = {
    "manual": "",
    "suggestion_accepted": "Accepted suggestion",
    "suggestion_edited": "Edited suggestion",
    "carried_over": "Carried over — confirm",
    "library": "From the answer library",
}
_CHOICE_TYPES = {ResponseType.YES_NO, ResponseType.SINGLE_CHOICE}


@dataclass(frozen=True)
class Choice:
    """One radio option, with what picking it would hide (so the page can warn first)."""

    value: str
    input_id: str
    hides: int = 0  # answered questions that would stop applying (their answers are kept)
    hides_areas: tuple[str, ...] = ()  # names of the sections they are in


@dataclass
class QuestionView:
    q: Question
    dom_id: str
    value: Any
    values: list[str]
    version: int
    editable: bool
    source_label: str
    answered_by: str
    error: str = ""
    conflict: str = ""
    theirs: dict[str, Any] = field(default_factory=dict)
    just_saved: bool = False
    suggestion: SuggestionRecord | None = None  # shown to the owner while answers are editable
    suggestion_matches: bool = False  # the current answer already is the suggested one
    # The documents suggest something other than the saved answer: the card says so and offers
    # "Replace my answer" instead of a plain Accept.
    suggestion_contradicts: bool = False
    switches_on: list[str] = field(default_factory=list)  # risk areas a suggested Yes would add
    # Why the suggested value cannot be saved as it stands (e.g. a go-live date now in the past):
    # the card then offers Edit, not Accept.
    suggestion_problem: str = ""
    choices: list[Choice] = field(default_factory=list)  # radio and checkbox options
    # The answer came from a suggestion that is still offered: a change to it is an edit of it.
    from_suggestion: bool = False
    links: AssessmentLinks = field(default_factory=lambda: AssessmentLinks(""), repr=False)

    @property
    def saved_text(self) -> str:
        """The saved answer as the card quotes it."""
        return ", ".join(self.value) if isinstance(self.value, list) else str(self.value or "")

    @property
    def answer_url(self) -> str:
        return self.links.answer(self.q.id)

    @property
    def fragment_url(self) -> str:
        return self.links.fragment(self.q.id)

    @property
    def accept_url(self) -> str:
        return self.links.suggestion("accept", self.q.id)

    @property
    def dismiss_url(self) -> str:
        return self.links.suggestion("dismiss", self.q.id)

    @property
    def retry_url(self) -> str:
        return self.links.suggestion("retry", self.q.id)

    @property
    def stream_url(self) -> str:
        return self.links.suggestion("stream", self.q.id)

    @property
    def input_id(self) -> str:
        """The id of the single input (text, number, date); labelled by the question's legend."""
        return f"{self.dom_id}-value"

    @property
    def legend_id(self) -> str:
        return f"{self.dom_id}-legend"

    @property
    def error_id(self) -> str:
        return f"{self.dom_id}-error"

    @property
    def shows_suggestion(self) -> bool:
        """False once the answer is the suggested one: an accepted suggestion leaves no strip."""
        if self.suggestion is None:
            return False
        return not (self.suggestion.status == "suggested" and self.suggestion_matches)


def _choices(overview: Overview, question: Question, dom: str, current: Any) -> list[Choice]:
    if question.response_type == ResponseType.YES_NO:
        options: tuple[str, ...] = ("Yes", "No")
    elif question.response_type in (ResponseType.SINGLE_CHOICE, ResponseType.MULTI_CHOICE):
        options = question.options
    else:
        return []
    ids = [f"{dom}-{i}" for i in range(1, len(options) + 1)]
    if question.response_type not in _CHOICE_TYPES or not overview.editable:
        return [Choice(value, input_id) for value, input_id in zip(options, ids, strict=True)]
    choices = []
    for value, input_id in zip(options, ids, strict=True):
        hides, areas = (0, ()) if value == current else _hidden_by(overview, question, value)
        choices.append(Choice(value, input_id, hides, areas))
    return choices


def _hidden_by(overview: Overview, question: Question, value: str) -> tuple[int, tuple[str, ...]]:
    """How many answered questions answering ``value`` would hide, and the sections they are in."""
    if not overview.questionnaire.is_rule_input(question.id):
        return 0, ()  # no rule reads this answer: changing it hides nothing
    now = overview.rules
    after = engine.evaluate(overview.questionnaire, {**now.answers, question.id: value})
    hidden = [
        q
        for q in now.applicable_questions()
        if q.id != question.id and now.is_answered(q.id) and not after.is_applicable(q.id)
    ]
    names = {area.key: area.name for area in overview.questionnaire.areas}
    areas = tuple(dict.fromkeys(names.get(q.area_key or "", "Qualifying questions") for q in hidden))
    return len(hidden), areas


def question_context(
    overview: Overview,
    question: Question,
    *,
    error: str = "",
    typed: Any = None,
    conflict: str = "",
    theirs: dict[str, Any] | None = None,
    just_saved: bool = False,
) -> QuestionView:
    answer = overview.collection.answers.get(question.id)
    value = typed if typed is not None else (answer.value if answer else "")
    suggestion = overview.collection.suggestions.get(question.id) if overview.editable else None
    if suggestion is not None and suggestion.dismissed:
        suggestion = None
    offered = bool(suggestion and suggestion.offerable)
    matches = bool(offered and answer and suggestion and answer.value == suggestion.answer)
    contradicts = bool(offered and answer and suggestion and suggestion.contradicts(answer.value))
    problem = _unacceptable(question, suggestion) if offered and suggestion else ""
    switches_on: list[str] = []
    if suggestion is not None and offered and suggestion.answer == "Yes":
        switches_on = areas_added_by_yes(overview.rules, question)
    dom = dom_id(question.id)
    return QuestionView(
        q=question,
        dom_id=dom,
        value=value,
        values=list(value) if isinstance(value, list) else ([value] if value else []),
        version=answer.version if answer else 0,
        editable=overview.editable,
        source_label=SOURCE_LABELS.get(answer.source, "") if answer else "",
        answered_by=answer.answered_by if answer else "",
        error=error,
        conflict=conflict,
        theirs=theirs or {},
        just_saved=just_saved,
        suggestion=suggestion,
        suggestion_matches=matches,
        suggestion_contradicts=contradicts,
        switches_on=switches_on,
        suggestion_problem=problem,
        choices=_choices(overview, question, dom, answer.value if answer else None),
        links=overview.links,
        from_suggestion=bool(offered and answer and answer.source != "manual"),
    )


def _unacceptable(question: Question, suggestion: SuggestionRecord) -> str:
    """The validation message the suggested value would get today, or "" when it would be saved.

    Validated when shown, not when computed: a date bound such as ``not_before: today`` moves.
    """
    try:
        validate_answer(question, suggestion.answer)
    except AnswerInvalid as exc:
        return exc.message
    return ""
