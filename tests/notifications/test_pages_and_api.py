"""The notifications pages and API for every role: everyone sees their own notes only; another
user's note is a 404; anonymous callers are sent to sign in (pages) or told to (API, 401)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from assessments.accounts import directory
from assessments.notifications import NotificationKind
from assessments.notifications.selectors import notes_of_user, unread_count
from integrations.runtime import run_sync
from tests.notifications.conftest import send

ROLES = ["anonymous", "requestor", "requestor2", "assessor", "admin"]


def client_of(cast: Any, role: str, *, csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    if role != "anonymous":
        client.force_login(getattr(cast, role))
    return client


def first_note_id(cast: Any, who: str) -> str:
    return run_sync(notes_of_user, user_id=getattr(cast, who).pk).items[0].id


@pytest.fixture
def everyone_notified(cast: Any, assessment: Any) -> dict[str, str]:
    """One note for each signed-in role (sent by requestor2, or to them by the assessor)."""
    send(cast, assessment, by="requestor2", to=["requestor", "assessor", "admin"], text="For you.")
    send(cast, assessment, by="assessor", to=["requestor2"], text="For you.")
    return {who: first_note_id(cast, who) for who in ROLES[1:]}


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_each_user_their_own_notes(cast: Any, assessment: Any, role: str) -> None:
    send(cast, assessment, by="assessor", to=["requestor"], text="Only the requestor's.")

    response = client_of(cast, role).get(reverse("notifications:list"))

    if role == "anonymous":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
        return
    assert response.status_code == 200
    page = response.content.decode()
    assert ("Only the requestor&#x27;s." in page) == (role == "requestor")
    if role == "requestor":
        assert "note-unread" in page and "1 unread" in page
        assert "Open the assessment" in page and "Mark read" in page


@pytest.mark.parametrize("url", ["/notifications/", "/assessments/", "/admin/"])
def test_the_bell_is_in_the_header_of_both_sites(cast: Any, url: str) -> None:
    page = client_of(cast, "assessor").get(url).content.decode()

    assert 'id="tra-bell"' in page and 'data-socket="/ws/notifications/"' in page
    assert "notifications.js" in page


@pytest.mark.parametrize("role", ROLES)
def test_marking_read_is_for_the_notes_owner_only(
    cast: Any, everyone_notified: dict[str, str], role: str
) -> None:
    requestors_note = everyone_notified["requestor"]

    response = client_of(cast, role).post(reverse("notifications:read", args=[requestors_note]))

    expected = {"anonymous": 302, "requestor": 302}.get(role, 404)
    assert response.status_code == expected
    assert run_sync(unread_count, user_id=cast.requestor.pk) == (0 if role == "requestor" else 1)
    if role == "requestor":
        assert response.url == reverse("notifications:list")


def test_open_marks_read_and_goes_to_the_recipients_page(
    cast: Any, everyone_notified: dict[str, str], assessment: Any
) -> None:
    response = client_of(cast, "assessor").post(
        reverse("notifications:read", args=[everyone_notified["assessor"]]), {"open": "1"}
    )

    assert response.status_code == 302 and response.url == f"/admin/review/{assessment.id}/"
    assert run_sync(unread_count, user_id=cast.assessor.pk) == 0


@pytest.mark.parametrize("role", ROLES)
def test_mark_all_read_touches_only_ones_own(cast: Any, everyone_notified: dict[str, str], role: str) -> None:
    response = client_of(cast, role).post(reverse("notifications:read_all"))

    assert response.status_code == 302
    for who in ROLES[1:]:
        assert run_sync(unread_count, user_id=getattr(cast, who).pk) == (0 if who == role else 1)


def test_posts_need_the_csrf_token(cast: Any, everyone_notified: dict[str, str]) -> None:
    client = client_of(cast, "requestor", csrf=True)

    for url in (
        reverse("notifications:read", args=[everyone_notified["requestor"]]),
        reverse("notifications:read_all"),
        reverse("notifications:settings"),
    ):
        assert client.post(url, {"email_kinds": []}).status_code == 403
    assert run_sync(unread_count, user_id=cast.requestor.pk) == 1


@pytest.mark.parametrize("role", ROLES)
def test_the_preferences_page_saves_each_users_own_choice(cast: Any, role: str) -> None:
    client = client_of(cast, role)
    url = reverse("notifications:settings")

    shown = client.get(url)
    kept = [k.value for k in NotificationKind if k is not NotificationKind.COMMENT]
    saved = client.post(url, {"email_kinds": kept})

    if role == "anonymous":
        assert shown.status_code == saved.status_code == 302
        return
    # Every kind is ticked by default.
    assert shown.status_code == 200 and shown.content.decode().count("checked") == len(NotificationKind)
    assert saved.status_code == 302
    assert run_sync(directory.email_opt_outs, getattr(cast, role).pk) == {"comment"}
    for other in ROLES[1:]:
        if other != role:
            assert run_sync(directory.email_opt_outs, getattr(cast, other).pk) == set()


def test_the_preferences_form_refuses_an_unknown_kind(cast: Any) -> None:
    client = client_of(cast, "requestor")
    url = reverse("notifications:settings")

    response = client.post(url, {"email_kinds": ["submitted", "everything"]})

    assert response.status_code == 422
    assert "everything is not one of the available choices" in response.content.decode()
    assert run_sync(directory.email_opt_outs, cast.requestor.pk) == set()


# --- the API ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_api_lists_ones_own_notes_with_the_unread_count(
    cast: Any, everyone_notified: dict[str, str], role: str
) -> None:
    response = client_of(cast, role).get("/api/notifications")

    if role == "anonymous":
        assert response.status_code == 401 and set(response.json()) == {"message", "extra"}
        return
    body = response.json()
    assert response.status_code == 200 and body["unread"] == 1 and body["next_cursor"] is None
    assert [n["id"] for n in body["items"]] == [everyone_notified[role]]


@pytest.mark.parametrize("role", ROLES)
def test_the_api_marks_read_only_ones_own(cast: Any, everyone_notified: dict[str, str], role: str) -> None:
    note_id = everyone_notified["requestor"]

    response = client_of(cast, role).post(f"/api/notifications/{note_id}/read")

    expected = {"anonymous": 401, "requestor": 200}.get(role, 404)
    assert response.status_code == expected
    if role == "requestor":
        assert response.json()["read"] is True and response.json()["id"] == note_id
    assert run_sync(unread_count, user_id=cast.requestor.pk) == (0 if role == "requestor" else 1)


def test_the_api_marks_all_read_and_refuses_without_csrf(
    cast: Any, everyone_notified: dict[str, str]
) -> None:
    refused = client_of(cast, "assessor", csrf=True).post("/api/notifications/read-all")
    assert refused.status_code == 403 and run_sync(unread_count, user_id=cast.assessor.pk) == 1

    response = client_of(cast, "assessor").post("/api/notifications/read-all")

    assert response.status_code == 200 and response.json() == {"marked": 1, "unread": 0}
    assert run_sync(unread_count, user_id=cast.requestor.pk) == 1


def test_the_api_pages_with_a_cursor(cast: Any, assessment: Any) -> None:
    for n in range(3):
        send(cast, assessment, by="assessor", to=["requestor"], text=f"n{n}")
    client = client_of(cast, "requestor")

    first = client.get("/api/notifications", {"limit": 2}).json()
    second = client.get("/api/notifications", {"limit": 2, "cursor": first["next_cursor"]}).json()

    assert [n["text"] for n in first["items"]] == ["n2", "n1"]
    assert [n["text"] for n in second["items"]] == ["n0"] and second["next_cursor"] is None
    assert json.dumps(first).count('"read": false') == 2
