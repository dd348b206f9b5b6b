"""The URLs one assessment's pages link to, each route reversed once per page.

A page lists a link per section, per missing question and several per question (save, refresh,
suggestion actions). ``reverse()`` costs ~50-100 µs a call (URL resolver and language
look-ups), which made URL building the largest single cost of the assessment page (70 calls,
most of them the same route with another question). A ``RouteTemplate`` reverses its route once
with a placeholder and then fills the placeholder in, quoting exactly as ``reverse()`` does.
"""

from __future__ import annotations

from functools import cached_property
from urllib.parse import quote

from django.urls import reverse

from assessments.questionnaire.model import Question

_PLACEHOLDER = "~tra-arg~"
# What reverse() leaves unquoted in a path (django.urls.resolvers: RFC3986_SUBDELIMS + "/~:@").
_SAFE = "!$&'()*+,;=/~:@"


class RouteTemplate:
    """One route whose last argument varies; the others are fixed."""

    def __init__(self, viewname: str, *fixed: str) -> None:
        self._viewname, self._fixed = viewname, fixed
        url = reverse(viewname, args=[*fixed, _PLACEHOLDER])
        self._head, placeholder, self._tail = url.partition(_PLACEHOLDER)
        if not placeholder or _PLACEHOLDER in self._tail:
            raise ValueError(f"{viewname}: its last argument does not appear once in {url}")

    def url(self, value: str) -> str:
        # The str converter refuses "" and "/": let reverse() raise what it raises for them.
        if not value or "/" in value:
            return reverse(self._viewname, args=[*self._fixed, value])
        return f"{self._head}{quote(value, safe=_SAFE)}{self._tail}"


class AssessmentLinks:
    """The links of one assessment's pages (templates read them as attributes)."""

    def __init__(self, assessment_id: str) -> None:
        self.assessment_id = assessment_id

    def _route(self, viewname: str) -> RouteTemplate:
        return RouteTemplate(viewname, self.assessment_id)

    @cached_property
    def _section(self) -> RouteTemplate:
        return self._route("assessments:section")

    @cached_property
    def _answer(self) -> RouteTemplate:
        return self._route("assessments:answer")

    @cached_property
    def _question(self) -> RouteTemplate:
        return self._route("assessments:question")

    @cached_property
    def _suggestion(self) -> dict[str, RouteTemplate]:
        names = ("accept", "dismiss", "retry", "stream")
        return {name: self._route(f"assessments:suggestion_{name}") for name in names}

    def section(self, key: str) -> str:
        return self._section.url(key)

    def question_anchor(self, question: Question, dom_id: str) -> str:
        """The question in its section page (the section's URL, then the question's anchor)."""
        return f"{self.section(question.section)}#{dom_id}"

    def answer(self, question_id: str) -> str:
        return self._answer.url(question_id)

    def fragment(self, question_id: str) -> str:
        return self._question.url(question_id)

    def suggestion(self, action: str, question_id: str) -> str:
        return self._suggestion[action].url(question_id)
