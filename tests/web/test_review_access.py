"""Who may open each review screen and make each review POST, and what the pages cost in reads."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from assessments.domain.workflow import State
from assessments.selectors.assessments import assessment_collection
from assessments.services.review import assessment_assign, assessment_submit
from integrations import instrumentation
from integrations.runtime import run_sync
from tests.web.helpers import answer, answer_everything, create_assessment

MISSING = "TRA-2026-000000"


def _assigned(cast: Any) -> str:
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id, yes=frozenset({"Q-04"}))
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    return assessment_id


def _client(cast: Any, role: str) -> Client:
    if role == "anonymous":
        return Client()
    if role == "staff":  # staff, but not an assessor
        user = User.objects.create_user("helpdesk", password="pw-helpdesk", is_staff=True)
        client = Client()
        client.force_login(user)
        return client
    return cast.client(role)


def _gets(assessment_id: str) -> list[str]:
    return [
        reverse("admin:review_queue"),
        reverse("admin:review_archive"),
        reverse("admin:review_detail", args=[assessment_id]),
    ]


def _posts(assessment_id: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        (reverse("admin:review_assign", args=[assessment_id]), {}),
        (reverse("admin:review_comment", args=[assessment_id, "TP-01"]), {"text": "Which vendor?"}),
        (reverse("admin:review_resolve", args=[assessment_id, "TP-01"]), {}),
        (reverse("admin:review_reopen", args=[assessment_id, "TP-01"]), {}),
        (
            reverse("admin:review_send_back", args=[assessment_id]),
            {"feedback": "More", "questions": ["TP-01"]},
        ),
        (reverse("admin:review_decide", args=[assessment_id]), {"area": "third_party"}),
    ]


@pytest.mark.parametrize("role", ["anonymous", "requestor", "requestor2"])
def test_it_sends_whoever_is_not_staff_to_the_admin_sign_in_and_changes_nothing(cast, role):
    assessment_id = _assigned(cast)
    client = _client(cast, role)
    for url in _gets(assessment_id) + [reverse("admin:review_record", args=[assessment_id])]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login")), url
    for url, data in _posts(assessment_id):
        response = client.post(url, data)
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login")), url
    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    assert collection.assessment.state == State.UNDER_REVIEW and not collection.comments


def test_it_forbids_staff_who_are_not_assessors(cast):
    assessment_id = _assigned(cast)
    client = _client(cast, "staff")
    for url in _gets(assessment_id):
        assert client.get(url).status_code == 403, url
    for url, data in _posts(assessment_id):
        assert client.post(url, data).status_code == 403, url
    assert run_sync(assessment_collection, assessment_id=assessment_id).assessment.state == State.UNDER_REVIEW


@pytest.mark.parametrize("role", ["assessor", "admin"])
def test_it_serves_the_review_screens_to_assessors_and_admins(cast, role):
    assessment_id = _assigned(cast)
    client = _client(cast, role)
    for url in _gets(assessment_id):
        assert client.get(url).status_code == 200, url
    assert client.post(*_posts(assessment_id)[1]).status_code == 302  # a comment


@pytest.mark.parametrize("role", ["assessor", "admin"])
def test_a_missing_assessment_is_a_404_on_every_screen(cast, role):
    client = _client(cast, role)
    for url in _gets(MISSING)[2:] + [reverse("admin:review_record", args=[MISSING])]:
        assert client.get(url).status_code == 404, url
    for url, data in _posts(MISSING):
        assert client.post(url, data).status_code == 404, url


def test_the_review_screens_refuse_a_get_on_a_post_only_url(cast):
    assessment_id = _assigned(cast)
    for url, _data in _posts(assessment_id):
        assert cast.client("assessor").get(url).status_code == 405, url


def test_the_queue_page_is_one_query_on_gsi1_and_no_scan(cast):
    _assigned(cast)
    client = cast.client("assessor")
    with instrumentation.recording() as calls:
        assert client.get(reverse("admin:review_queue")).status_code == 200
    assert calls.by_operation() == {("dynamodb", "Query"): 1}


def test_a_filtered_queue_page_stays_within_the_read_budget(cast):
    from assessments.selectors.review_queue import READ_BUDGET

    _assigned(cast)
    with instrumentation.recording() as calls:
        response = cast.client("assessor").get(reverse("admin:review_queue"), {"overdue": "on", "area": []})
    assert response.status_code == 200
    assert 1 <= calls.count("dynamodb", "Query") <= READ_BUDGET and calls.count("dynamodb", "Scan") == 0


def test_the_review_page_reads_a_fixed_set_whatever_the_number_of_answers(cast):
    few = create_assessment(cast)
    answer(cast, few, "Q-01", "A short answer.")
    answer_everything(cast, few)
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=few)
    many = _assigned(cast)
    client = cast.client("assessor")

    def reads(assessment_id: str) -> Any:
        client.get(reverse("admin:review_detail", args=[assessment_id]))  # the questionnaire cached
        with instrumentation.recording() as calls:
            assert client.get(reverse("admin:review_detail", args=[assessment_id])).status_code == 200
        return calls.by_operation()

    small, large = reads(few), reads(many)
    assert len(run_sync(assessment_collection, assessment_id=many).answers) > len(
        run_sync(assessment_collection, assessment_id=few).answers
    )
    assert small == large
    # The collection, its rounds, its timeline; the collection's read checked access for all three.
    assert large == {("dynamodb", "Query"): 3}


@pytest.mark.parametrize("which", range(6))
def test_every_review_post_shows_the_error_page_when_the_store_is_down_and_writes_nothing(
    cast, monkeypatch, which
):
    from tests.web.test_outages import fail_queries_after

    assessment_id = _assigned(cast)
    url, data = _posts(assessment_id)[which]
    fail_queries_after(monkeypatch, ok=0)
    response = cast.client("assessor").post(url, data)
    assert response.status_code == 503, url
    assert b'data-testid="review-error"' in response.content and b"TRA review" in response.content
    monkeypatch.undo()
    collection = run_sync(assessment_collection, assessment_id=assessment_id)
    assert collection.assessment.state == State.UNDER_REVIEW and not collection.comments


def test_the_queue_and_archive_show_the_error_page_when_the_store_is_down(cast, monkeypatch):
    from tests.web.test_outages import fail_queries_after

    fail_queries_after(monkeypatch, ok=0)
    client = cast.client("assessor")
    for url in (reverse("admin:review_queue"), reverse("admin:review_archive")):
        response = client.get(url)
        assert response.status_code == 503 and b'data-testid="review-error"' in response.content, url


def test_an_unfiltered_queue_page_reads_one_page_of_entries_not_a_wider_filtered_read(cast, monkeypatch):
    from integrations.table import get_table

    _assigned(cast)
    table = get_table()
    real = table.query
    limits: list[Any] = []

    async def query(*args: Any, **kwargs: Any) -> Any:
        limits.append(kwargs.get("limit"))
        return await real(*args, **kwargs)

    monkeypatch.setattr(table, "query", query)
    assert cast.client("assessor").get(reverse("admin:review_queue"), {"sort": "due_asc"}).status_code == 200
    assert limits == [25]
