"""In a real browser, under the policy the server sends, our pages trigger no CSP violation.

The static checks (test_csp.py) read markup; this one also catches what scripts do at run time
(a style attribute set by htmx or tra.js, an eval, a fetch to another origin)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import browser, login, off_loop, page  # noqa: F401 - fixtures
from tests.web.helpers import create_assessment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Playwright's init script runs before the page's own and is not subject to the page's policy.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _violations(page: Any, url: str) -> list[str]:  # noqa: F811
    response = page.goto(url)
    assert response is not None and "Content-Security-Policy" in {
        k.title(): v for k, v in response.headers.items()
    }
    page.wait_for_load_state("networkidle")
    return list(page.evaluate("window.__csp"))


def test_our_pages_run_without_a_csp_violation(cast: Any, live_server: Any, page: Any) -> None:  # noqa: F811
    assessment_id = off_loop(create_assessment, cast)
    page.add_init_script(RECORD_VIOLATIONS)
    found: dict[str, list[str]] = {}
    found["/login/"] = _violations(page, f"{live_server.url}/login/")
    login(page, live_server, "requestor", "pw-requestor")
    for path in (
        "/assessments/",
        "/assessments/new/",
        f"/assessments/{assessment_id}/",
        f"/assessments/{assessment_id}/sections/qualifying/",
        f"/assessments/{assessment_id}/documents/",
        "/api/docs",
    ):
        found[path] = _violations(page, f"{live_server.url}{path}")
    # An answer saved through htmx: the swap must not need anything the policy refuses.
    page.goto(f"{live_server.url}/assessments/{assessment_id}/sections/qualifying/")
    first = page.locator("form[data-question-id] input[value=No]").first
    if first.count():
        first.check()
        page.wait_for_load_state("networkidle")
        found["answer swap"] = list(page.evaluate("window.__csp"))
    assessor = page.context.browser.new_context().new_page()
    assessor.add_init_script(RECORD_VIOLATIONS)
    login(assessor, live_server, "assessor", "pw-assessor")
    for path in ("/admin/", "/admin/review/"):
        found[f"admin {path}"] = _violations(assessor, f"{live_server.url}{path}")

    assert {where: v for where, v in found.items() if v} == {}
