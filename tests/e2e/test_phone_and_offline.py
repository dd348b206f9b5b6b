"""The requestor's pages on a phone, with no request leaving the server and nothing the CSP refuses.

The journey runs with documents and suggestions (the widest content: citations, file names) so
the phone check sees what a real user sees; screenshots land in the var dir for a person to look at.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.e2e.conftest import login, off_loop
from tests.stack import ROOT
from tests.web.helpers import answer, create_assessment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BRIEF = ROOT / "tests" / "fixtures" / "documents" / "project_brief.docx"
PHONE = {"width": 390, "height": 844}

# Every CSP refusal on any page of the journey, reported from inside the page (it outlives a
# navigation because it calls back into the test).
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  window.__traCspViolation(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` (${e.sourceFile || "?"}:${e.lineNumber || "?"})`));
"""


def screenshot_dir() -> Path:
    path = Path(settings.VAR_DIR) / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def overflow(page: Page) -> int:
    """How far the page is wider than the screen (0 when nothing scrolls sideways)."""
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


def wider_than_screen(page: Page) -> list[str]:
    """The elements that stick out on the right, to say what overflows when something does."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll("body *"))
             .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
             .slice(0, 8).map((el) => el.tagName.toLowerCase() + "." + el.className)"""
    )


def test_it_fits_the_requestor_pages_on_a_390_px_phone(cast, live_server, browser, pipeline, run_tasks):
    assessment_id = off_loop(create_assessment, cast)
    fresh_id = off_loop(create_assessment, cast, title="A second assessment with a rather long title to wrap")
    off_loop(answer, cast, assessment_id, "Q-06", "Yes")
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        login(page, live_server, "requestor", "pw-requestor")
        page.goto(f"{live_server.url}/assessments/{assessment_id}/")
        page.set_input_files("[data-testid=file-input]", str(BRIEF))
        expect(page.locator("[data-testid=upload-ok]")).to_be_visible()
        page.click("[data-testid=submit]")  # the problems card at the top, with its long list
        expect(page.locator("[data-testid=submit-problems]")).to_be_visible()
        pages = {
            "login": "/login/",
            "list": "/assessments/",
            "new": "/assessments/new/",
            "detail": f"/assessments/{assessment_id}/",
            "qualifying": f"/assessments/{assessment_id}/sections/qualifying/",
            "data-privacy": f"/assessments/{assessment_id}/sections/data_privacy/",
            "new-detail": f"/assessments/{fresh_id}/",
            "new-qualifying": f"/assessments/{fresh_id}/sections/qualifying/",  # with the upload card
        }
        too_wide = {}
        for name, path in pages.items():
            if name == "login":
                continue  # signed in: the login page redirects; it is checked below, signed out
            page.goto(live_server.url + path)
            # Chromium cannot capture a page taller than its largest texture: a long section
            # page is kept to its first screens (the check below measures the whole page).
            tall = page.evaluate("document.scrollingElement.scrollHeight") > 8000
            page.screenshot(path=str(screenshot_dir() / f"phone-{name}.png"), full_page=not tall)
            if overflow(page) > 0:
                too_wide[name] = wider_than_screen(page)
        page.goto(f"{live_server.url}/assessments/{assessment_id}/")
        page.click("[data-testid=submit]")
        # The submit reloads the page; a capture during that navigation fails in Chromium.
        expect(page.locator("[data-testid=submit-problems]")).to_be_visible()
        page.screenshot(path=str(screenshot_dir() / "phone-submit-problems.png"), full_page=False)
        if overflow(page) > 0:
            too_wide["submit-problems"] = wider_than_screen(page)
        page.click("text=Log out")
        page.goto(live_server.url + pages["login"])
        if overflow(page) > 0:
            too_wide["login"] = wider_than_screen(page)
        assert too_wide == {}, f"wider than a 390 px screen: {too_wide}"
    finally:
        context.close()


def test_it_makes_no_request_off_the_server_and_nothing_breaks_the_csp(
    cast, live_server, browser, pipeline, run_tasks
):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    ours = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []
    violations: list[str] = []
    page.on("request", lambda r: None if urlsplit(r.url).netloc == ours else elsewhere.append(r.url))
    page.on("websocket", lambda ws: None if urlsplit(ws.url).netloc == ours else elsewhere.append(ws.url))
    context.expose_function("__traCspViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    try:
        login(page, live_server, "requestor", "pw-requestor")
        response = page.goto(f"{live_server.url}/assessments/new/")
        assert response is not None
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "style-src 'self'" in policy, policy
        page.fill("input[name=title]", "Offline change")
        page.fill("input[name=project]", "E2E")
        page.select_option("select[name=data_classification]", "Internal")
        page.fill("input[name=business_unit]", "Engineering")
        page.click("button:has-text('Create assessment')")
        expect(page.locator("h1")).to_have_text("Qualifying questions")

        # Upload from the section page's documents card, then answer with htmx.
        page.set_input_files("[data-testid=file-input]", str(BRIEF))
        expect(page.locator("[data-testid=upload-ok]")).to_be_visible()
        page.reload()
        q06 = page.locator("form[data-question-id='Q-06']")
        q06.locator("input[value=Yes]").check()
        expect(q06.locator("[data-testid=saved]")).to_be_visible()
        offered = page.locator("form.question:has([data-testid=suggestion-accept])").first
        offered.locator("[data-testid=suggestion-accept]").click()
        expect(page.locator("[data-testid=answer-source]").first).to_be_visible()
        regenerate = page.locator("[data-testid=suggestion-regenerate]").first
        if regenerate.count():
            regenerate.click()
            expect(page.locator("[data-testid=regenerate-outcome]")).to_be_visible()

        page.click("text=Back to overview")
        page.click("[data-testid=submit]")
        expect(page.locator("[data-testid=submit-problems]")).to_be_visible()
        page.goto(f"{live_server.url}/assessments/")
        page.goto(f"{live_server.url}/api/docs")
        page.wait_for_load_state("networkidle")
        page.goto(f"{live_server.url}/assessments/no-such-thing/")
    finally:
        context.close()
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"
    assert violations == [], "refused by the Content-Security-Policy:\n" + "\n".join(violations)
