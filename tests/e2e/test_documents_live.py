"""Documents in a real browser against the real local stack: live progress, then a suggestion.

`manage.py runlocal` runs in a subprocess (uvicorn + the task worker, talking through the SQLite
channel layer), so the progress the page shows crosses from the worker process to the web
server's websocket exactly as it does for a developer running `make run`.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest
from playwright.sync_api import Page, expect

from tests.stack import ROOT, running_stack

pytestmark = pytest.mark.e2e

CHROMIUM = os.environ.get("TRA_CHROMIUM", "/usr/bin/chromium")
BRIEF = ROOT / "tests" / "fixtures" / "documents" / "project_brief.docx"
# Summarising comes before indexing: a Bedrock KB document is ready only once its ingestion job completes.
ORDER = ["Uploaded, waiting to be processed", "Extracting text", "Summarising", "Indexing", "Ready"]

# Every distinct list of document status labels the page shows, in order, whatever replaced them
# (a websocket message rewriting the label, or htmx swapping the whole list).
RECORD_STATUSES = """() => {
  window.__traNotReloaded = true;
  window.__traStatuses = [];
  const record = () => {
    const labels = Array.from(document.querySelectorAll("[data-testid=document-status]"))
      .map((el) => el.textContent.trim());
    const last = window.__traStatuses[window.__traStatuses.length - 1];
    if (labels.length && labels.join("|") !== (last || []).join("|")) window.__traStatuses.push(labels);
  };
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
}"""


@pytest.fixture
def stack(tmp_path):
    with running_stack(tmp_path) as stack:
        yield stack


@pytest.fixture
def page(stack):
    """Chromium on its own: no live_server (WSGI, no websockets) and no Django DB needed."""
    if not shutil.which(CHROMIUM):
        pytest.skip(f"end-to-end tests need Debian's chromium at {CHROMIUM} (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_context().new_page()
            page.set_default_timeout(15_000)
            yield page
        finally:
            browser.close()


def _create_assessment(page: Page, base: str) -> str:
    page.goto(f"{base}/assessments/new/")
    page.fill("input[name=title]", "Customer portal rebuild")
    page.fill("input[name=project]", "Portal")
    page.select_option("select[name=data_classification]", "Internal")
    page.fill("input[name=business_unit]", "Digital")
    page.click("button:has-text('Create assessment')")
    expect(page.locator("h1")).to_have_text("Qualifying questions")
    # /assessments/<id>/sections/qualifying/
    return page.url.split("/assessments/", 1)[1].split("/", 1)[0]


def test_it_shows_live_progress_and_lets_the_requestor_accept_a_suggestion(stack, page):
    base = stack.url
    started = time.monotonic()
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", "requestor")
    page.fill("input[name=password]", stack.password("requestor"))
    page.click("button[type=submit]")
    expect(page.locator("text=Log out")).to_be_visible()
    assessment_id = _create_assessment(page, base)

    # Upload from the assessment page once its websocket is open; progress arrives without a reload.
    page.goto(f"{base}/assessments/{assessment_id}/")
    expect(page.locator("#live[data-connected=true]")).to_be_attached()
    page.evaluate(RECORD_STATUSES)
    page.set_input_files("[data-testid=file-input]", str(BRIEF))
    document = page.locator("[data-testid=document]")
    expect(document).to_have_count(1)
    expect(document).to_contain_text(BRIEF.name)
    expect(document.locator("[data-testid=document-status]")).to_have_text("Ready", timeout=60_000)
    expect(document.locator("progress")).to_have_js_property("value", 100)
    assert page.evaluate("window.__traNotReloaded") is True, "the page was reloaded"
    seen = [labels[0] for labels in page.evaluate("window.__traStatuses")]
    assert seen[-1] == "Ready", seen
    assert [ORDER.index(label) for label in seen] == sorted(ORDER.index(label) for label in seen), seen
    assert set(seen) & {"Extracting text", "Indexing", "Summarising"}, f"no progress was pushed: {seen}"
    processed = time.monotonic()

    # Once the suggestions are drafted in the background, the overview's count of waiting
    # suggestions and the per-section counts come in over the websocket: no reload.
    expect(page.locator("[data-testid=suggestions-waiting]")).to_contain_text(
        "waiting for you", timeout=60_000
    )
    expect(page.locator("[data-testid=suggestions-waiting]")).to_be_visible()
    expect(page.locator("[data-testid=waiting-qualifying]")).to_contain_text("waiting")
    assert page.evaluate("window.__traNotReloaded") is True, "the page was reloaded"
    expect(page.locator("[data-testid=upload]")).to_have_count(0)  # choosing uploaded: no button

    # The suggestions are pre-computed in the background once the document is ready.
    section_url = f"{base}/assessments/{assessment_id}/sections/qualifying/"
    offered = page.locator("form.question:has([data-testid=suggestion-accept])")
    deadline = time.monotonic() + 30
    page.goto(section_url)
    while offered.count() == 0 and time.monotonic() < deadline:
        time.sleep(0.5)
        page.goto(section_url)
    assert offered.count() > 0, f"no suggestion offered on the qualifying questions\n{stack.log_tail()}"
    question = offered.first
    question_id = question.get_attribute("data-question-id")
    suggested = question.locator("[data-testid=suggested-answer]").inner_text().strip()
    expect(question.locator("[data-testid=citation]").first).to_be_visible()
    question.locator("[data-testid=suggestion-accept]").click()
    accepted = page.locator(f"form[data-question-id='{question_id}']")
    expect(accepted.locator("[data-testid=answer-source]")).to_have_text("Accepted suggestion")
    expect(accepted.locator("[data-testid=suggestion-accept]")).to_have_count(0)
    expect(accepted.locator("[data-testid=suggestion]")).to_have_count(0)  # no empty strip left
    choice = accepted.locator("input[name=value][type=radio], input[name=value][type=checkbox]")
    if choice.count():
        expect(accepted.locator("input[name=value]:checked")).to_have_count(len(suggested.split(", ")))
        for value in suggested.split(", "):
            expect(accepted.locator(f"input[name=value][value='{value}']")).to_be_checked()
    else:
        expect(accepted.locator("[name=value]")).to_have_value(suggested)
    page.reload()  # and it was saved, not only shown
    expect(page.locator(f"form[data-question-id='{question_id}'] [data-testid=answer-source]")).to_have_text(
        "Accepted suggestion"
    )

    page.goto(f"{base}/assessments/{assessment_id}/")
    expect(page.locator("[data-testid=from-suggestions]")).to_have_text(
        "1 answer came from document suggestions."
    )

    # A picture named like a PDF is refused with a reason; the good document stays.
    page.set_input_files(
        "[data-testid=file-input]",
        files=[{"name": "x.pdf", "mimeType": "application/pdf", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}],
    )
    error = page.locator("[data-testid=upload-error]")
    expect(error).to_contain_text("x.pdf is an image, not a document")
    # Chosen right after the page loaded: the socket's opening snapshot must not wipe the message.
    expect(page.locator("#live[data-connected=true]")).to_be_attached()
    page.wait_for_load_state("networkidle")
    expect(error).to_contain_text("x.pdf is an image, not a document")
    expect(document).to_have_count(1)
    expect(document.locator("[data-testid=document-status]")).to_have_text("Ready")

    # The same brief again is recognised and not added twice.
    page.set_input_files("[data-testid=file-input]", str(BRIEF))
    expect(page.locator("[data-testid=upload-duplicate]")).to_contain_text(
        f"{BRIEF.name} is already uploaded"
    )
    expect(page.locator("[data-testid=upload-error]")).to_have_count(0)
    expect(document).to_have_count(1)
    print(
        f"statuses seen live: {seen}; processing took {processed - started:.1f} s from login, "
        f"whole journey {time.monotonic() - started:.1f} s"
    )
