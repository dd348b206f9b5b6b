"""Every page is an async view, and works on the async stack (AsyncClient: ASGI's middleware path).

The sync test client runs an async view in a throw-away loop after the middleware has loaded
the user synchronously; only the async stack proves that templates find ``request.user``, the
session and messages loaded before they read them (a lazy read there is SynchronousOnlyOperation).
"""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import iscoroutinefunction, sync_to_async
from django.test import AsyncClient
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from assessments.domain.workflow import Action
from assessments.services.assessments import assessment_transition
from tests.web.helpers import DETAILS, answer_everything, create_assessment

pytestmark = pytest.mark.django_db(transaction=True)

# Built-in views left as Django ships them (sync): the admin's model pages, login/logout, "/".
SYNC_BY_DESIGN = {"login", "logout", "assessments:home"}


def _views(resolver: URLResolver, prefix: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace and entry.namespace != "assessments":
                continue  # the admin's own model pages and the API are not ours to convert here
            found += _views(entry, f"{entry.namespace}:" if entry.namespace else prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((prefix + entry.name, entry.callback))
    return found


def test_it_serves_every_requestor_page_with_an_async_view() -> None:
    views = dict(_views(get_resolver()))
    ours = {name: view for name, view in views.items() if name.startswith("assessments:")}
    assert len(ours) >= 15
    sync = sorted(name for name, view in ours.items() if not iscoroutinefunction(view))
    assert set(sync) <= SYNC_BY_DESIGN, f"sync views left: {sync}"


def test_it_serves_the_review_screens_and_admin_index_with_async_views() -> None:
    for name, args in (
        ("index", []),
        ("review_queue", []),
        ("review_detail", ["X"]),
        ("review_decide", ["X"]),
    ):
        view = resolve(reverse(f"admin:{name}", args=args)).func
        assert iscoroutinefunction(view), name


async def _signed_in(user: Any) -> AsyncClient:
    client = AsyncClient()
    await client.aforce_login(user)
    return client


async def test_it_renders_every_requestor_page_on_the_async_stack(cast: Any) -> None:
    client = await _signed_in(cast.requestor)
    assessment_id = await _create(cast)
    urls = [
        reverse("assessments:list"),
        reverse("assessments:new"),
        reverse("assessments:detail", args=[assessment_id]),
        reverse("assessments:section", args=[assessment_id, "qualifying"]),
        reverse("assessments:question", args=[assessment_id, "Q-10"]),
        reverse("assessments:documents", args=[assessment_id]),
    ]
    for url in urls:
        response = await client.get(url)
        assert response.status_code == 200, url
    page = await client.get(reverse("assessments:detail", args=[assessment_id]))
    assert b"requestor" in page.content and b"Log out" in page.content  # base.html read the user


async def test_it_shows_the_created_message_on_the_next_page_on_the_async_stack(cast: Any) -> None:
    client = await _signed_in(cast.requestor)
    form = {k: v for k, v in DETAILS.__dict__.items()}

    created = await client.post(reverse("assessments:new"), form)

    assert created.status_code == 302
    section = await client.get(created.url)
    assert section.status_code == 200
    assert b"created. Start with the qualifying questions." in section.content  # session + messages


async def test_it_saves_an_answer_and_submits_on_the_async_stack(cast: Any) -> None:
    client = await _signed_in(cast.requestor)
    assessment_id = await _create(cast)

    saved = await client.post(
        reverse("assessments:answer", args=[assessment_id, "Q-10"]),
        {"value": "No", "expected_version": "0", "section": "qualifying"},
        headers={"HX-Request": "true"},
    )
    refused = await client.post(reverse("assessments:submit", args=[assessment_id]))

    assert saved.status_code == 200 and b"Saved" in saved.content
    assert refused.status_code == 422  # most questions are still open: the page says which


async def test_it_runs_the_review_screens_on_the_async_stack(cast: Any) -> None:
    assessment_id = await _create(cast)
    await sync_to_async(answer_everything)(cast, assessment_id)
    requestor = await sync_to_async(cast.actor)("requestor")
    await assessment_transition(actor=requestor, assessment_id=assessment_id, action=Action.SUBMIT)
    client = await _signed_in(cast.assessor)

    index = await client.get(reverse("admin:index"))
    queue = await client.get(reverse("admin:review_queue"))
    detail = await client.get(reverse("admin:review_detail", args=[assessment_id]))
    assigned = await client.post(reverse("admin:review_assign", args=[assessment_id]))
    after = await client.get(assigned.url)

    assert index.status_code == queue.status_code == detail.status_code == 200
    assert assessment_id.encode() in index.content and assessment_id.encode() in queue.content
    assert assigned.status_code == 302
    assert b"is assigned to you" in after.content


async def test_it_sends_the_anonymous_visitor_to_log_in_on_the_async_stack(cast: Any) -> None:
    response = await AsyncClient().get(reverse("assessments:list"))
    admin = await AsyncClient().get(reverse("admin:review_queue"))

    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert admin.status_code == 302 and "/admin/login/" in admin.url


async def _create(cast: Any) -> str:
    return await sync_to_async(create_assessment)(cast)
