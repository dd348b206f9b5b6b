"""The export pages for every role: the panel, starting an export (and without the CSRF token),
and the download. Whoever may read the assessment may use them; another requestor finds no such
assessment and changes nothing; anyone signed out is sent to sign in."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from assessments.services.exports import exports_list
from integrations.runtime import run_sync
from tests.exports.helpers import ready_export, under_review_with_evidence

ROLES = ("anonymous", "requestor", "requestor2", "assessor", "admin")
CREATED = "2026-01-01T00:00:00.000000Z"
EXPORT_ID = "20260101T000000000000Z-json"


@pytest.fixture
def scene(cast: Any, pipeline: Any) -> str:
    assessment_id = under_review_with_evidence(cast)
    ready_export(assessment_id, created_at=CREATED)
    return assessment_id


def _client(cast: Any, role: str) -> Client:
    return cast.client(None if role == "anonymous" else role)


def _outcome(response: Any) -> Any:
    if response.status_code == 302:
        return "login" if response.url.startswith(reverse("login")) else "done"
    return response.status_code


def _listed(cast: Any, assessment_id: str) -> list[str]:
    return [e.id for e in run_sync(exports_list, actor=cast.actor("requestor"), assessment_id=assessment_id)]


READ = {"anonymous": "login", "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200}
START = {**READ, "requestor": "done", "assessor": "done", "admin": "done"}


@pytest.mark.parametrize("role", ROLES)
def test_the_panel_lists_the_exports_to_whoever_may_read_the_assessment(
    cast: Any, scene: str, role: str
) -> None:
    response = _client(cast, role).get(reverse("assessments:exports", args=[scene]))

    assert _outcome(response) == READ[role]
    if response.status_code == 200:
        content = response.content.decode()
        assert 'data-testid="export-download"' in content and EXPORT_ID in content
        for label in ("PDF", "DOCX", "XLSX", "JSON"):
            assert f"Export as {label}" in content
    else:
        assert EXPORT_ID not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_starting_an_export_is_for_whoever_may_read_and_a_refusal_writes_nothing(
    cast: Any, scene: str, role: str
) -> None:
    before = _listed(cast, scene)
    overview = reverse("assessments:detail", args=[scene])

    response = _client(cast, role).post(
        reverse("assessments:export_request", args=[scene]), {"format": "pdf", "next": overview}
    )

    assert _outcome(response) == START[role]
    after = _listed(cast, scene)
    if START[role] == "done":
        assert response.url == overview
        assert len(after) == len(before) + 1 and after[0].endswith("-pdf")
    else:
        assert after == before


def test_starting_an_export_never_sends_the_browser_off_the_site(cast: Any, scene: str) -> None:
    response = cast.client("requestor").post(
        reverse("assessments:export_request", args=[scene]),
        {"format": "json", "next": "https://evil.example/"},
    )
    assert response.status_code == 302 and response.url == reverse("assessments:detail", args=[scene])


def test_starting_an_export_needs_the_csrf_token(cast: Any, scene: str) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)
    before = _listed(cast, scene)

    response = client.post(reverse("assessments:export_request", args=[scene]), {"format": "pdf"})

    assert response.status_code == 403 and _listed(cast, scene) == before


@pytest.mark.parametrize("role", ROLES)
def test_the_download_is_authorised_like_the_assessment(cast: Any, scene: str, role: str) -> None:
    response = _client(cast, role).get(reverse("assessments:export_download", args=[scene, EXPORT_ID]))

    assert _outcome(response) == READ[role]
    if response.status_code == 200:
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Cache-Control"] == "private, no-store"


def test_a_reviewer_gets_a_404_for_an_export_or_an_assessment_that_does_not_exist(
    cast: Any, scene: str
) -> None:
    client = cast.client("assessor")
    missing_export = reverse("assessments:export_download", args=[scene, "20250101T000000000000Z-pdf"])
    malformed = reverse("assessments:export_download", args=[scene, "..%2F..%2Fsecrets"])
    missing_assessment = reverse("assessments:exports", args=["TRA-2000-000000"])
    assert [client.get(u).status_code for u in (missing_export, malformed, missing_assessment)] == [
        404,
        404,
        404,
    ]


def test_an_unknown_format_is_refused_beside_the_buttons(cast: Any, scene: str) -> None:
    before = _listed(cast, scene)
    response = cast.client("requestor").post(
        reverse("assessments:export_request", args=[scene]), {"format": "exe"}
    )
    assert response.status_code == 422 and 'data-testid="export-error"' in response.content.decode()
    assert _listed(cast, scene) == before


@pytest.mark.parametrize(
    ("who", "page"),
    [("requestor", "assessments:detail"), ("assessor", "admin:review_detail")],
)
def test_the_overview_and_the_review_page_carry_the_exports_panel(
    cast: Any, scene: str, who: str, page: str
) -> None:
    content = cast.client(who).get(reverse(page, args=[scene])).content.decode()
    assert reverse("assessments:exports", args=[scene]) in content and "tra-exports.js" in content
