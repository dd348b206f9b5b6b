"""A store outage or a lost race shows a clear 503 or 409, on every page path; never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import AsyncClient, Client
from django.urls import reverse

from assessments.domain.workflow import Action
from assessments.services.assessments import assessment_transition
from integrations import errors as integration_errors
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.web.helpers import answer_everything, create_assessment

OUTAGE = b"The data store is not answering right now"


def fail_queries_after(monkeypatch: pytest.MonkeyPatch, ok: int) -> None:
    """Let ``ok`` table queries through, then answer every further one with an outage."""
    table = get_table()
    real = table.query
    calls = {"n": 0}

    async def query(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > ok:
            raise integration_errors.Unavailable("Query: connection refused")
        return await real(*args, **kwargs)

    monkeypatch.setattr(table, "query", query)


def lose_every_transaction(monkeypatch: pytest.MonkeyPatch) -> None:
    async def transact(ops: Any) -> None:
        raise integration_errors.TransactionCanceled(
            "TransactWriteItems: cancelled", ["ConditionalCheckFailed"]
        )

    monkeypatch.setattr(get_table(), "transact", transact)


def _client(cast: Any, who: str) -> Client:
    # Every failure here must be a response; an exception reaching the client is a 500.
    client = Client(raise_request_exception=False)
    client.force_login(getattr(cast, who))
    return client


def _submitted(cast: Any) -> str:
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id)
    run_sync(
        assessment_transition,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        action=Action.SUBMIT,
    )
    return assessment_id


def test_it_shows_a_503_page_when_the_store_fails_while_showing_what_submit_misses(
    cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id = create_assessment(cast)  # nothing answered: submit is refused (422) ...
    client = _client(cast, "requestor")
    fail_queries_after(monkeypatch, ok=2)
    assert client.post(reverse("assessments:submit", args=[assessment_id])).status_code == 422
    monkeypatch.undo()
    fail_queries_after(monkeypatch, ok=1)  # ... and re-reading the page for that message fails

    response = client.post(reverse("assessments:submit", args=[assessment_id]))

    assert response.status_code == 503
    assert OUTAGE in response.content and b"Temporarily unavailable" in response.content


def test_it_answers_an_htmx_submit_during_an_outage_with_the_error_partial(
    cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment_id = create_assessment(cast)
    fail_queries_after(monkeypatch, ok=1)

    response = _client(cast, "requestor").post(
        reverse("assessments:submit", args=[assessment_id]), headers={"HX-Request": "true"}
    )

    assert response.status_code == 503
    assert response["HX-Retarget"] == "#flash" and OUTAGE in response.content


@pytest.mark.parametrize(
    ("name", "method"),
    [("review_queue", "get"), ("review_detail", "get"), ("review_assign", "post")],
)
def test_it_shows_the_assessor_a_503_page_when_the_store_fails(
    cast: Any, monkeypatch: pytest.MonkeyPatch, name: str, method: str
) -> None:
    assessment_id = _submitted(cast)
    fail_queries_after(monkeypatch, ok=0)
    args = [] if name == "review_queue" else [assessment_id]
    client = _client(cast, "assessor")

    if method == "get":
        response = client.get(reverse(f"admin:{name}", args=args))
    else:
        # A real write: assigning reads the assessment first, and that read fails.
        response = client.post(reverse(f"admin:{name}", args=args))

    assert response.status_code == 503
    assert OUTAGE in response.content and b'data-testid="review-error"' in response.content
    assert b"TRA review" in response.content  # the admin's own layout


def test_it_lists_the_queue_on_the_admin_index_or_says_the_store_is_down(
    cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_queries_after(monkeypatch, ok=0)

    response = _client(cast, "assessor").get(reverse("admin:index"))

    assert response.status_code == 200  # the index still links to everything else
    assert OUTAGE in response.content


def test_it_shows_a_409_when_dismissing_a_suggestion_loses_a_race(
    cast: Any, monkeypatch: pytest.MonkeyPatch, suggested: str
) -> None:
    lose_every_transaction(monkeypatch)

    response = _client(cast, "requestor").post(
        reverse("assessments:suggestion_dismiss", args=[suggested, "Q-03"]),
        {"section": "qualifying"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 409
    assert response["HX-Retarget"] == "#flash"
    assert b"This suggestion changed while you were looking at it" in response.content


def test_it_shows_a_409_page_for_a_lost_race_without_htmx(
    cast: Any, monkeypatch: pytest.MonkeyPatch, suggested: str
) -> None:
    lose_every_transaction(monkeypatch)

    response = _client(cast, "requestor").post(
        reverse("assessments:suggestion_dismiss", args=[suggested, "Q-03"]), {"section": "qualifying"}
    )

    assert response.status_code == 409
    assert b"Reload to see the current one" in response.content and b"<html" in response.content


@pytest.mark.django_db(transaction=True)
async def test_it_shows_a_409_for_a_lost_race_on_the_async_stack(
    cast: Any, monkeypatch: pytest.MonkeyPatch, suggested: str
) -> None:
    lose_every_transaction(monkeypatch)
    client = AsyncClient(raise_request_exception=False)
    await client.aforce_login(cast.requestor)

    response = await client.post(
        reverse("assessments:suggestion_dismiss", args=[suggested, "Q-03"]),
        {"section": "qualifying"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 409
    assert b"This suggestion changed while you were looking at it" in response.content


@pytest.fixture
def suggested(cast: Any, pipeline: Any, run_tasks: Any) -> str:
    """An assessment with a processed brief, so its qualifying questions have suggestions."""
    from tests.fixtures.pipeline import brief
    from tests.pipeline.helpers import collection, upload

    assessment_id = create_assessment(cast)
    upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert collection(assessment_id).suggestions["Q-03"].status == "suggested"
    return assessment_id


def test_it_keeps_the_new_assessment_form_filled_in_and_says_503_during_an_outage(
    cast: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.web.helpers import DETAILS

    async def down(*args: Any, **kwargs: Any) -> None:
        raise integration_errors.Unavailable("PutItem: connection refused")

    table = get_table()
    monkeypatch.setattr(table, "put", down)
    monkeypatch.setattr(table, "transact", down)

    response = _client(cast, "requestor").post(reverse("assessments:new"), DETAILS.__dict__)

    assert response.status_code == 503
    assert OUTAGE in response.content and DETAILS.title.encode() in response.content
