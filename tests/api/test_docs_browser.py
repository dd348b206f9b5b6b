"""/api/docs in a real browser: Swagger UI renders our operations with no request off the
server and nothing the Content-Security-Policy refuses (the page's init is a static script)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("TRA_CHROMIUM", "/usr/bin/chromium")
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
"""

pytestmark = [pytest.mark.stack, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def chromium(cast: Any, live_server: Any) -> Iterator[Any]:
    if not shutil.which(CHROMIUM):
        pytest.skip(f"needs Debian's chromium at {CHROMIUM}")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop runs in this thread
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


def test_it_renders_the_operations_offline_under_the_csp(cast: Any, live_server: Any, chromium: Any) -> None:
    from playwright.sync_api import expect

    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    ours = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []
    violations: list[str] = []
    page.on("request", lambda r: None if urlsplit(r.url).netloc == ours else elsewhere.append(r.url))
    context.expose_function("__cspViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    try:
        page.goto(f"{live_server.url}/login/")
        page.fill("input[name=username]", "requestor")
        page.fill("input[name=password]", "pw-requestor")
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        response = page.goto(f"{live_server.url}/api/docs")
        assert response is not None and response.status == 200
        expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
        assert page.locator(".swagger-ui .opblock").count() == _published_operations()
        page.wait_for_load_state("networkidle")
        policy = response.headers.get("content-security-policy", "")
    finally:
        context.close()
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, policy
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"
    assert violations == [], f"refused by the CSP ({policy}): {violations}"


def _published_operations() -> int:
    from tra_site.api import api

    return sum(len(methods) for methods in api.get_openapi_schema(path_prefix="/api/")["paths"].values())
