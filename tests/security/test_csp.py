"""Content-Security-Policy: on every response, strict, and our pages keep to it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.security.inline_code import inline_code, inline_code_in_template
from tests.web.helpers import create_assessment

ROOT = Path(__file__).resolve().parents[2]
OUR_TEMPLATES = [ROOT / "templates", ROOT / "assessments" / "templates"]
STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
    "object-src 'none'"
)


def _policy(response: Any) -> str:
    return response.headers.get("Content-Security-Policy", "")


@pytest.mark.django_db
def test_it_sends_the_strict_policy_on_the_login_page(client: Any) -> None:
    response = client.get("/login/")
    assert response.status_code == 200
    assert _policy(response) == STRICT


def test_it_sends_the_policy_on_pages_the_api_and_the_admin(cast: Any) -> None:
    assessment_id = create_assessment(cast)
    requestor, assessor = cast.client("requestor"), cast.client("assessor")
    responses = {
        "list": requestor.get("/assessments/"),
        "detail": requestor.get(f"/assessments/{assessment_id}/"),
        "api": requestor.get("/api/assessments"),
        "api error": cast.client(None).get("/api/assessments"),
        "admin": assessor.get("/admin/"),
        "api docs": requestor.get("/api/docs"),
        "not found": requestor.get("/assessments/TRA-0000-NOSUCH/"),
    }
    assert {name: _policy(r) for name, r in responses.items()} == {name: STRICT for name in responses}


def test_it_keeps_a_policy_a_view_set_itself() -> None:
    from django.http import HttpResponse
    from django.test import RequestFactory

    from tra_site.csp import ContentSecurityPolicyMiddleware

    def view(request: Any) -> HttpResponse:
        response = HttpResponse("ok")
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = ContentSecurityPolicyMiddleware(view)(RequestFactory().get("/anything/"))
    assert response["Content-Security-Policy"] == "default-src 'none'"


async def test_it_adds_the_policy_in_an_async_stack() -> None:
    from django.http import HttpResponse
    from django.test import RequestFactory

    from tra_site.csp import ContentSecurityPolicyMiddleware

    async def view(request: Any) -> HttpResponse:
        return HttpResponse("ok")

    response = await ContentSecurityPolicyMiddleware(view)(RequestFactory().get("/"))
    assert response["Content-Security-Policy"] == STRICT


@pytest.mark.django_db
def test_it_changes_only_the_named_directives_under_an_overridden_path(client: Any, settings: Any) -> None:
    settings.TRA_CSP_PATH_OVERRIDES = {
        "/log": {"style-src": "'self' 'unsafe-inline'"},
        "/login/": {"img-src": "'self'"},
    }
    policy = _policy(client.get("/login/"))
    assert "img-src 'self';" in policy  # the longest prefix wins
    assert "style-src 'self';" in policy and "script-src 'self';" in policy
    assert _policy(client.get("/logout/")).startswith(
        "default-src 'self'; script-src 'self'; style-src 'self'"
    )
    settings.TRA_CSP_PATH_OVERRIDES = {}
    assert _policy(client.get("/login/")) == STRICT


def test_the_inline_code_finder_finds_what_the_policy_blocks() -> None:
    html = """<script>alert(1)</script><script src="/static/tra.js"></script>
    <script type="application/json" id="d">{"a": 1}</script><p style="color:red" onclick="x()">
    <a href="javascript:void(0)">x</a><div hx-on::after-request="go()"></div><style>p{}</style>"""
    found = " | ".join(inline_code(html))
    for expected in (
        "inline <script>",
        "style= on <p>",
        "onclick= on <p>",
        "javascript: URL",
        "hx-on",
        "<style>",
    ):
        assert expected in found
    assert len(inline_code(html)) == 6


def _our_template_problems() -> dict[str, list[str]]:
    problems = {}
    for folder in OUR_TEMPLATES:
        for path in sorted(folder.rglob("*.html")):
            found = inline_code_in_template(path)
            if found:
                problems[str(path.relative_to(ROOT))] = found
    return problems


def test_our_templates_have_no_inline_script_style_or_handlers() -> None:
    assert _our_template_problems() == {}


def _same_assessment_links(html: str, assessment_id: str) -> set[str]:
    hrefs = re.findall(r'(?:href|hx-get)="(/assessments/' + re.escape(assessment_id) + r'/[^"#?]*)', html)
    return {
        h for h in hrefs if not h.rstrip("/").endswith(("stream", "remove", "retry", "accept", "dismiss"))
    }


def test_the_main_pages_render_no_inline_script_style_or_handlers(cast: Any) -> None:
    assessment_id = create_assessment(cast)
    requestor, assessor = cast.client("requestor"), cast.client("assessor")
    pages = {
        "/login/": cast.client(None).get("/login/"),
        "/assessments/": requestor.get("/assessments/"),
        "/assessments/new/": requestor.get("/assessments/new/"),
    }
    detail = requestor.get(f"/assessments/{assessment_id}/")
    pages[f"/assessments/{assessment_id}/"] = detail
    # Every page the detail page links to within the assessment: sections, documents, questions.
    for link in sorted(_same_assessment_links(detail.content.decode(), assessment_id))[:25]:
        pages[link] = requestor.get(link)
    pages["/admin/"] = assessor.get("/admin/")
    pages["/admin/review/"] = assessor.get("/admin/review/")
    pages["/api/docs"] = requestor.get("/api/docs")
    pages["404"] = requestor.get("/assessments/TRA-0000-NOSUCH/")
    rendered = {url: r for url, r in pages.items() if "text/html" in r.headers.get("Content-Type", "")}
    assert len(rendered) >= 6, {url: r.status_code for url, r in pages.items()}
    problems = {url: inline_code(r.content.decode()) for url, r in rendered.items()}
    assert {url: found for url, found in problems.items() if found} == {}
