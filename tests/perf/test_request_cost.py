"""What a page load and an answer save cost, counted rather than timed (issue 10, throughput).

Each fact here is one the per-request CPU budget rests on: the questionnaire is parsed once per
version, the rules are resolved once per page, URLs are not reversed per question, and Django's
built-in middleware hooks do not hop to the thread-sensitive thread.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from asgiref.sync import SyncToAsync, sync_to_async
from django.test import AsyncClient
from django.urls import NoReverseMatch, reverse
from django.urls.resolvers import URLResolver
from django.utils.deprecation import MiddlewareMixin

from assessments.presenters.links import RouteTemplate
from assessments.questionnaire import engine
from assessments.selectors import questionnaires
from tests.web.helpers import answer, create_assessment

pytestmark = pytest.mark.django_db(transaction=True)

# Qualifying answers that switch every risk area on: the longest page (50+ required questions open).
ALL_AREAS = {
    "Q-04": "Yes",
    "Q-05": "Yes",
    "Q-06": "Yes",
    "Q-07": "Yes",
    "Q-08": "Yes",
    "Q-09": "Yes",
    "Q-10": "No",
}


def _assessment_with_every_area(cast: Any) -> str:
    assessment_id = create_assessment(cast)
    for question_id, value in ALL_AREAS.items():
        answer(cast, assessment_id, question_id, value)
    return assessment_id


async def _signed_in(user: Any) -> AsyncClient:
    client = AsyncClient()
    await client.aforce_login(user)
    return client


def _counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> Counter[str]:
    calls: Counter[str] = Counter()
    original = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


async def test_it_parses_the_questionnaire_once_per_version_not_per_request(cast, monkeypatch):
    assessment_id = await sync_to_async(_assessment_with_every_area)(cast)
    client = await _signed_in(cast.requestor)
    await sync_to_async(questionnaires.questionnaire_cache_clear)()
    parses = _counting(monkeypatch, questionnaires, "parse_questionnaire")

    for url in (
        reverse("assessments:detail", args=[assessment_id]),
        reverse("assessments:section", args=[assessment_id, "qualifying"]),
        reverse("assessments:detail", args=[assessment_id]),
        reverse("assessments:section", args=[assessment_id, "cyber_security"]),
        reverse("assessments:question", args=[assessment_id, "Q-04"]),
    ):
        assert (await client.get(url)).status_code == 200, url

    assert parses["parse_questionnaire"] == 1


async def test_it_resolves_the_rules_once_for_the_assessment_page(cast, monkeypatch):
    assessment_id = await sync_to_async(_assessment_with_every_area)(cast)
    client = await _signed_in(cast.requestor)
    resolutions = _counting(monkeypatch, engine, "_resolve_in_order")

    response = await client.get(reverse("assessments:detail", args=[assessment_id]))

    assert response.status_code == 200
    assert resolutions["_resolve_in_order"] == 1  # progress, next, missing and waiting share it


async def test_it_does_not_reverse_a_url_per_listed_question(cast, monkeypatch):
    assessment_id = await sync_to_async(_assessment_with_every_area)(cast)
    client = await _signed_in(cast.requestor)
    reverses = _counting(monkeypatch, URLResolver, "_reverse_with_prefix")

    page = await client.get(reverse("assessments:detail", args=[assessment_id]))
    page_reverses = reverses["_reverse_with_prefix"]
    reverses.clear()
    section = await client.get(reverse("assessments:section", args=[assessment_id, "cyber_security"]))

    assert page.status_code == section.status_code == 200
    listed = page.content.count(b"#q-")  # a link per open required question (and per section)
    assert listed >= 40
    assert page_reverses <= 20, f"{page_reverses} reverse() calls for a page listing {listed} questions"
    questions = section.content.count(b'class="question')
    assert questions >= 10
    assert reverses["_reverse_with_prefix"] <= 20, f"{questions} questions on the section page"


def _middleware_hops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the middleware hooks that went through sync_to_async (a thread hop)."""
    hops: list[str] = []
    original = SyncToAsync.__call__

    async def recording(self: SyncToAsync, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(self.func, "__self__", None)
        if isinstance(owner, MiddlewareMixin):
            hops.append(f"{type(owner).__name__}.{self.func.__name__}")
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SyncToAsync, "__call__", recording)
    return hops


async def test_it_runs_no_middleware_hook_in_a_thread_for_the_page_or_a_save(cast, monkeypatch):
    assessment_id = await sync_to_async(_assessment_with_every_area)(cast)
    client = await _signed_in(cast.requestor)
    hops = _middleware_hops(monkeypatch)

    page = await client.get(reverse("assessments:detail", args=[assessment_id]))
    saved = await client.post(
        reverse("assessments:answer", args=[assessment_id, "Q-10"]),
        {"value": "No", "expected_version": "1", "section": "qualifying"},
        headers={"HX-Request": "true"},
    )

    assert page.status_code == 200 and saved.status_code == 200
    # CSRF's process_view may parse a multipart body: it keeps its hop, as Django adapts it.
    assert [hop for hop in hops if not hop.endswith("process_view")] == []


async def test_it_still_saves_a_changed_session_and_shows_messages_through_the_thread(cast, monkeypatch):
    hops = _middleware_hops(monkeypatch)
    client = AsyncClient()

    signed_in = await client.post(reverse("login"), {"username": "requestor", "password": "pw-requestor"})
    page = await client.get(reverse("assessments:list"))

    assert signed_in.status_code == 302
    assert page.status_code == 200 and b"Log out" in page.content  # the saved session signs us in
    assert "SessionMiddleware.process_response" in hops


@pytest.mark.parametrize("value", ["Q-04", "Q 2.10", "é-1", "50%", "a?b#c", "x~tra-arg~y", "it's (a), [b]"])
def test_it_builds_the_same_url_as_reverse(value):
    template = RouteTemplate("assessments:answer", "TRA-2026-ABC123")

    assert template.url(value) == reverse("assessments:answer", args=["TRA-2026-ABC123", value])


@pytest.mark.parametrize("value", ["", "a/b"])
def test_it_refuses_what_reverse_refuses(value):
    with pytest.raises(NoReverseMatch):
        RouteTemplate("assessments:answer", "TRA-2026-ABC123").url(value)


def test_it_escapes_the_open_questions_it_lists_as_html():
    from types import SimpleNamespace

    from assessments.presenters.overview import Overview
    from assessments.questionnaire.model import Question, ResponseType

    question = Question(id='Q-<1>"', text="Is <b>this</b> & that 'ok'?", response_type=ResponseType.YES_NO)
    overview = Overview(
        collection=SimpleNamespace(assessment=SimpleNamespace(id="TRA-2026-ABC123")),  # type: ignore[arg-type]
        questionnaire=None,  # type: ignore[arg-type]
        sections=[],
        overall=None,  # type: ignore[arg-type]
        next_question=None,
        missing_required=[question],
        actions=[],
        editable=True,
        answers_from_suggestions=0,
    )

    html = str(overview.missing_items_html)

    assert "<b>" not in html and "Is &lt;b&gt;this&lt;/b&gt; &amp; that &#x27;ok&#x27;?" in html
    assert "Q-&lt;1&gt;&quot;</a>" in html
    assert 'href="/assessments/TRA-2026-ABC123/sections/qualifying/#q-' in html
