"""The review's authorization matrix: every new page, POST, API operation and the bell's socket,
for anonymous, the owner, another requestor, an assessor and an admin.

Outcomes: a status code, or where a 302 goes: "login" (the site's sign-in), "admin-login" (the
admin's), "done" (anywhere else: the page a successful POST goes back to). Whatever is refused
changes nothing (the assessment, its threads and decisions, the owner's unread notes), and an API
refusal has the one error shape. Every route of the site, every operation of the API and every
websocket route must have a row here or be named as covered by an older matrix, so a route added
later without a row fails ``test_every_route_has_a_row``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.review_scenes import MISSING, QUESTION, Scene, build, fingerprint

ROLES = ("anonymous", "requestor2", "requestor", "assessor", "admin")  # refusals first: see _run
OK_STATUSES = {200, 201, "done"}

# Who gets what, by kind of route.
ADMIN_PAGE = {"anonymous": "admin-login", "requestor": "admin-login", "requestor2": "admin-login"} | {
    "assessor": 200,
    "admin": 200,
}
ADMIN_POST = {**ADMIN_PAGE, "assessor": "done", "admin": "done"}
OWNER_POST = {"anonymous": "login", "requestor": "done", "requestor2": 404, "assessor": 403, "admin": 403}
BOTH_SIDES_POST = {**OWNER_POST, "assessor": "done", "admin": "done"}
BOTH_SIDES_PAGE = {"anonymous": "login", "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200}
MINE_PAGE = {"anonymous": "login", "requestor": 200, "requestor2": 200, "assessor": 200, "admin": 200}
MINE_POST = {**MINE_PAGE, **{who: "done" for who in ("requestor", "requestor2", "assessor", "admin")}}
OWN_NOTE = {"anonymous": "login", "requestor": "done", "requestor2": 404, "assessor": 404, "admin": 404}

API_READ = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200}
API_REVIEWER = {**API_READ, "requestor": 403}
API_OWNER = {**API_READ, "assessor": 403, "admin": 403}
API_MINE = {**API_READ, "requestor2": 200}


@dataclass(frozen=True)
class Row:
    key: str  # the URL name, or the API operation as the schema names it ("POST /api/...")
    stage: str  # what the assessment must be at (tests/security/review_scenes.py)
    expect: dict[str, Any]
    method: str = "get"
    data: dict[str, Any] | None = None
    args: tuple[str, ...] = ()  # Scene fields for a URL name's arguments

    @property
    def is_api(self) -> bool:
        return self.key.split()[0].isupper()

    @property
    def http_method(self) -> str:
        return self.key.split()[0].lower() if self.is_api else self.method

    def url(self, scene: Scene) -> str:
        if self.is_api:
            return self.key.split()[1].format(number=1, **vars(scene))
        return reverse(self.key, args=[getattr(scene, name) for name in self.args])


A, AQ = ("assessment_id",), ("assessment_id", "question_id")
DECISION_FORM = {
    "area": "third_party",
    "d-third_party-outcome": "approve",
    "d-third_party-rationale": "Controls are adequate.",
    "d-third_party-residual_rating": "low",
    "d-third_party-residual_rationale": "The vendor's certifications cover it.",
}
DECISION_BODY = {
    "area": "third_party",
    "outcome": "approve",
    "rationale": "Adequate.",
    "residual_rating": "low",
    "residual_rationale": "The vendor's certifications cover it.",
}

PAGE_ROWS = [
    # The assessors' workspace in the admin.
    Row("admin:index", "none", ADMIN_PAGE),
    Row("admin:review_queue", "submitted", ADMIN_PAGE),
    # The dashboard (staff without the assessor role: 403, tests/dashboard/test_page.py).
    Row("dashboard:index", "none", ADMIN_PAGE),
    Row("admin:review_archive", "finalized", ADMIN_PAGE),
    Row("admin:review_search", "none", ADMIN_PAGE),
    Row("admin:review_detail", "under_review", ADMIN_PAGE, args=A),
    Row("admin:review_record", "finalized", ADMIN_PAGE, args=A),
    Row("admin:review_assign", "submitted", ADMIN_POST, "post", {}, A),
    Row(
        "admin:review_send_back",
        "under_review",
        ADMIN_POST,
        "post",
        {"feedback": "More.", "questions": [QUESTION]},
        A,
    ),
    Row("admin:review_decide", "under_review", ADMIN_POST, "post", DECISION_FORM, A),
    Row("admin:review_comment", "under_review", ADMIN_POST, "post", {"text": "Which vendor?"}, AQ),
    Row("admin:review_resolve", "thread", ADMIN_POST, "post", {}, AQ),
    Row("admin:review_reopen", "resolved", ADMIN_POST, "post", {}, AQ),
    # Guest reviewers (assessments/guests): the list and the invite; revoke and the guest's own
    # pages need an invite's id or token, so tests/guests/test_guest_authorization.py has them.
    Row("admin:review_guests", "under_review", ADMIN_PAGE, args=A),
    Row(
        "admin:review_guest_invite",
        "under_review",
        ADMIN_POST,
        "post",
        {"email": "name@partner.example", "area": "", "expires_in_days": "14"},
        A,
    ),
    # The requestor's side of the review.
    Row("assessments:withdraw", "submitted", OWNER_POST, "post", {"reason": "Project cancelled."}, A),
    Row("assessments:comment_add", "thread", BOTH_SIDES_POST, "post", {"text": "It is Acme Ltd."}, AQ),
    Row("assessments:thread_resolve", "thread", BOTH_SIDES_POST, "post", {}, AQ),
    Row("assessments:thread_reopen", "resolved", BOTH_SIDES_POST, "post", {}, AQ),
    Row("assessments:document_download", "document", BOTH_SIDES_PAGE, args=("assessment_id", "document_id")),
    # Notifications: everyone their own.
    Row("notifications:list", "thread", MINE_PAGE),
    Row("notifications:settings", "none", MINE_PAGE),
    Row("notifications:read_all", "thread", MINE_POST, "post", {}),
    Row("notifications:read", "thread", OWN_NOTE, "post", {}, ("note_id",)),
    # Search: everyone their own visible assessments (requestors theirs, reviewers all).
    Row("assessments:search", "none", MINE_PAGE),
    # Reassessment and the answer library (assessments/views/reuse.py).
    Row("assessments:reassessments_due", "finalized", MINE_PAGE),
    Row("assessments:reassess", "finalized", OWNER_POST, "post", {"questionnaire_version": "latest"}, A),
    Row("assessments:carried_confirm", "reassessed", OWNER_POST, "post", {}, AQ),
    Row("assessments:library_offers", "finalized", BOTH_SIDES_PAGE, args=AQ),
    Row("assessments:library_use", "reassessed", OWNER_POST, "post", {}, AQ),
]

API = "/api/assessments/{assessment_id}"
API_ROWS = [
    Row(f"GET {API}/comments", "thread", API_READ),
    Row(
        f"POST {API}/comments",
        "thread",
        {**API_READ, "requestor": 201, "assessor": 201, "admin": 201},
        data={"question_id": QUESTION, "text": "It is Acme Ltd."},
    ),
    Row(f"POST {API}/comments/{{question_id}}/resolve", "thread", API_READ),
    Row(f"POST {API}/comments/{{question_id}}/reopen", "resolved", API_READ),
    Row(f"POST {API}/assign", "submitted", API_REVIEWER, data={}),
    Row(
        f"POST {API}/send-back",
        "under_review",
        API_REVIEWER,
        data={"feedback": "More.", "question_ids": [QUESTION]},
    ),
    Row(f"POST {API}/withdraw", "submitted", API_OWNER, data={"reason": "Project cancelled."}),
    Row(f"GET {API}/rounds", "submitted", API_READ),
    Row(f"GET {API}/rounds/{{number}}", "submitted", API_READ),
    Row(f"GET {API}/timeline", "submitted", API_READ),
    Row(f"GET {API}/decisions", "under_review", API_READ),
    Row(f"POST {API}/decisions", "under_review", API_REVIEWER, data=DECISION_BODY),
    Row(f"GET {API}/documents/{{document_id}}/download", "document", API_READ),
    Row("GET /api/review/queue", "submitted", {**API_REVIEWER, "requestor2": 403}),
    Row("GET /api/search", "none", API_MINE),
    Row(
        f"POST {API}/clone",
        "finalized",
        {**API_OWNER, "requestor": 201},
        data={"questionnaire_version": "latest"},
    ),
    Row(f"POST {API}/answers/{{question_id}}/confirm", "reassessed", API_OWNER),
    Row("GET /api/reassessments/due", "finalized", API_MINE),
    Row(f"GET {API}/library/{{question_id}}", "finalized", API_READ),
    Row(f"POST {API}/library/{{question_id}}/use", "reassessed", API_OWNER, data={}),
    Row("GET /api/notifications", "thread", API_MINE),
    Row("POST /api/notifications/read-all", "thread", API_MINE, data={}),
    Row(
        "POST /api/notifications/{note_id}/read",
        "thread",
        {**API_READ, "assessor": 404, "admin": 404},
        data={},
    ),
]
ROWS = {row.key: row for row in PAGE_ROWS + API_ROWS}


def _client(cast: Any, role: str) -> Client:
    return cast.client(None if role == "anonymous" else role)


def _send(client: Client, row: Row, scene: Scene) -> Any:
    url = row.url(scene)
    if row.is_api:
        body = None if row.data is None else json.dumps(row.data)
        return getattr(client, row.http_method)(url, body, content_type="application/json")
    if row.method == "post":
        return client.post(url, row.data or {})
    return client.get(url)


def outcome(response: Any) -> Any:
    if response.status_code != 302:
        return response.status_code
    if response.url.startswith(reverse("admin:login")):
        return "admin-login"
    if response.url.startswith(reverse("login")):
        return "login"
    return "done"


def _run(cast: Any, row: Row, said: dict[str, str]) -> dict[str, Any]:
    """Each role's outcome (and into ``said``, what a 4xx said). A refused request is checked
    to have changed nothing, so the next role can reuse the scene; after a success on a write
    the next role gets a fresh one."""
    got: dict[str, Any] = {}
    scene = build(cast, row.stage)
    for role in ROLES:
        before = fingerprint(cast, scene)
        response = _send(_client(cast, role), row, scene)
        got[role] = outcome(response)
        if isinstance(got[role], int) and got[role] >= 400:
            said[role] = response.content.decode(errors="replace")[:300]
        if got[role] in OK_STATUSES:
            if row.http_method != "get":
                scene = build(cast, row.stage)
            continue
        assert fingerprint(cast, scene) == before, f"{row.key} refused to {role} but changed something"
        if row.is_api:
            body = response.json()
            assert set(body) == {"message", "extra"} and body["message"], (row.key, role, body)
    return got


# ~1 s a row (a scene through the use cases, rebuilt after each successful write): like the
# API's matrix, in the full run (`make test`), not the fast one.
@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(ROWS))
def test_it_gives_each_role_the_right_outcome_and_a_refusal_changes_nothing(
    cast: Any, pipeline: Any, key: str
) -> None:
    row = ROWS[key]
    said: dict[str, str] = {}
    assert _run(cast, row, said) == row.expect, said


@pytest.mark.parametrize(
    "key", sorted(k for k, row in ROWS.items() if "assessment_id" in row.args or "{assessment_id}" in k)
)
def test_a_reviewer_gets_a_404_for_an_assessment_that_does_not_exist(cast: Any, key: str) -> None:
    row = ROWS[key]
    response = _send(cast.client("assessor"), row, Scene(MISSING, question_id=QUESTION))
    assert response.status_code == 404, response.content[:500]


WRITES = sorted(k for k, row in ROWS.items() if row.http_method != "get")


@pytest.mark.parametrize("key", WRITES)
def test_every_write_needs_the_csrf_token_even_from_who_may_make_it(
    cast: Any, pipeline: Any, key: str
) -> None:
    row = ROWS[key]
    who = next(role for role in ROLES if row.expect[role] in OK_STATUSES)
    scene = build(cast, row.stage)
    client = Client(enforce_csrf_checks=True)
    client.force_login(getattr(cast, who))
    before = fingerprint(cast, scene)

    response = _send(client, row, scene)

    assert response.status_code == 403, (who, response.status_code)
    assert fingerprint(cast, scene) == before
    if row.is_api:
        assert "CSRF" in response.json()["message"]


# --- every route has a row --------------------------------------------------------------------

# Routes of the site that an older matrix covers (and that this issue did not add).
PAGES_ELSEWHERE = {
    "healthz": "tests/health",
    "login": "tests/security/test_login_throttle.py",
    "logout": "tests/web/test_requestor_flow.py",
    # The bulk accept takes a section, which the scenes here do not have: every role there.
    "assessments:section_accept_high": "tests/bulk/test_bulk_authorization.py",
    **dict.fromkeys(
        ("admin:review_guest_revoke", "guests:page", "guests:comment", "guests:document"),
        "tests/guests/test_guest_authorization.py",
    ),
    **dict.fromkeys(
        (
            "assessments:home",
            "assessments:list",
            "assessments:new",
            "assessments:detail",
            "assessments:submit",
            "assessments:section",
            "assessments:answer",
        ),
        "tests/web/test_authorization.py",
    ),
    **dict.fromkeys(
        (
            "assessments:question",
            "assessments:documents",
            "assessments:upload",
            "assessments:document_retry",
            "assessments:document_remove",
            "assessments:suggestion_accept",
            "assessments:suggestion_dismiss",
            "assessments:suggestion_retry",
            "assessments:suggestion_stream",
        ),
        "tests/web/test_documents_authorization.py",
    ),
    **dict.fromkeys(
        ("assessments:exports", "assessments:export_request", "assessments:export_download"),
        "tests/exports/test_authorization.py",
    ),
}
# The API's operations before this issue: tests/api/test_authorization.py.
API_ELSEWHERE = {
    "GET /api/assessments",
    "POST /api/assessments",
    f"GET {API}",
    f"GET {API}/next-question",
    f"POST {API}/submit",
    f"PUT {API}/answers/{{question_id}}",
    f"GET {API}/documents",
    f"POST {API}/documents",
    f"POST {API}/documents/{{document_id}}/retry",
    f"GET {API}/suggestions",
    f"POST {API}/suggestions/{{question_id}}/accept",
    f"POST {API}/suggestions/{{question_id}}/dismiss",
    "GET /api/questionnaires",
    # Exports: every role in tests/api/test_authorization.py and tests/exports/test_authorization.py.
    f"POST {API}/exports",
    f"GET {API}/exports",
    f"GET {API}/exports/{{export_id}}/download",
    # Bulk accept: every role in tests/api/test_authorization.py and tests/bulk/test_bulk_authorization.py.
    f"POST {API}/sections/{{section}}/accept-high",
}
SOCKETS = {
    "ws/notifications/": "tests/security/test_review_bell_authorization.py",
    "ws/assessments/<str:assessment_id>/": "tests/channels/test_assessment_consumer.py",
    "": "tests/channels/test_unknown_socket.py (the catch-all: closed with 4404)",
}


def _names(patterns: list[Any], namespace: str = "") -> list[tuple[str, str]]:
    """(qualified name, route) of every URL pattern, into included URLconfs."""
    found = []
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = ":".join(n for n in (namespace, p.namespace or "") if n)
            found += [(name, f"{p.pattern}{route}") for name, route in _names(p.url_patterns, inner)]
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else (p.name or "")
            found.append((name, str(p.pattern)))
    return found


def test_every_route_has_a_row() -> None:
    from assessments.routing import websocket_urlpatterns
    from tra_site.api import api

    def admin_names(patterns: list[Any]) -> set[str]:
        return {f"admin:{p.name}" for p in patterns if isinstance(p, URLPattern) and p.name}

    site = admin.site
    # The TRA site's own admin routes: what its get_urls adds to Django's (and its index).
    own_admin = admin_names(site.get_urls()) - admin_names(admin.AdminSite.get_urls(site))
    own_admin.add("admin:index")
    pages = {
        name
        for name, route in _names(get_resolver().url_patterns)
        # Django's own admin routes (the admin namespace's, and its unnamed catch-all) are
        # own_admin's business; a page of ours mounted under admin/ (the dashboard) needs a row.
        if not route.startswith("api/")
        and (not route.startswith("admin/") or name.partition(":")[0] not in ("", "admin"))
    } | own_admin
    assert "" not in pages, "a route without a name: give it one and a row"
    page_rows = {row.key for row in PAGE_ROWS}
    assert pages - page_rows - set(PAGES_ELSEWHERE) == set(), "routes without a row"
    assert page_rows <= pages, "rows for routes that no longer exist"

    operations = {
        f"{method.upper()} {path}"
        for path, item in api.get_openapi_schema()["paths"].items()
        for method in item
    }
    api_rows = {row.key for row in API_ROWS}
    assert operations - api_rows - API_ELSEWHERE == set(), "API operations without a row"
    assert api_rows <= operations, "rows for operations that no longer exist"

    assert {str(p.pattern) for p in websocket_urlpatterns} == set(SOCKETS)
