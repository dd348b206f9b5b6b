"""The whole journey in a real browser: create, answer with htmx, submit, review, send back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login, off_loop
from tests.web.helpers import answer_everything

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_takes_a_requestor_from_a_new_assessment_to_a_sent_back_resubmission(cast, live_server, page):
    login(page, live_server, "requestor", "pw-requestor")
    page.click("text=New assessment")
    page.fill("input[name=title]", "Browser-tested change")
    page.fill("input[name=project]", "E2E")
    page.select_option("select[name=data_classification]", "Internal")
    page.fill("input[name=business_unit]", "Engineering")
    page.click("button:has-text('Create assessment')")
    expect(page.locator("h1")).to_have_text("Qualifying questions")

    # Answering Yes switches on Data Privacy: the progress panel grows without a reload.
    q06 = page.locator("form[data-question-id='Q-06']")
    q06.locator("input[value=Yes]").check()
    expect(q06.locator("[data-testid=saved]")).to_be_visible()
    expect(page.locator("[data-testid=percent-data_privacy]")).to_be_visible()

    # A bad number is explained inline and the typed text stays; a good one then saves.
    page.click("a:has-text('Data Privacy Risk')")
    dp05 = page.locator("form[data-question-id='DP-05']")
    dp05.locator("input[name=value]").fill("about a thousand")
    dp05.locator("input[name=value]").dispatch_event("change")
    expect(page.locator("form[data-question-id='DP-05'] [data-testid=answer-error]")).to_be_visible()
    expect(page.locator("form[data-question-id='DP-05'] input[name=value]")).to_have_value("about a thousand")
    page.locator("form[data-question-id='DP-05'] input[name=value]").fill("1200")
    page.locator("form[data-question-id='DP-05'] input[name=value]").dispatch_event("change")
    expect(page.locator("form[data-question-id='DP-05'] [data-testid=saved]")).to_be_visible()

    # Submitting too early lists what is missing.
    page.click("text=Back to overview")
    page.click("[data-testid=submit]")
    expect(page.locator("[data-testid=missing]")).to_contain_text("Q-04")

    assessment_id = (
        page.url.rstrip("/").split("/")[-2] if "/submit" in page.url else page.url.rstrip("/").split("/")[-1]
    )
    off_loop(answer_everything, cast, assessment_id, yes=frozenset({"Q-06"}))
    page.goto(f"{live_server.url}/assessments/{assessment_id}/")
    page.click("[data-testid=submit]")
    expect(page.locator("[data-testid=state]")).to_have_text("Submitted for review")

    # The assessor sends it back from the admin review queue with feedback.
    assessor = page.context.browser.new_context().new_page()
    login(assessor, live_server, "assessor", "pw-assessor")
    assessor.goto(f"{live_server.url}/admin/review/")
    assessor.click(f"text={assessment_id}")
    assessor.fill("textarea[name=feedback]", "Name the hosting region, please.")
    # A send back names the questions that need work.
    assessor.locator("[data-testid=send-back-form] input[name=questions][value=Q-01]").check()
    assessor.click("[data-testid=send-back]")
    expect(assessor.locator("text=sent back to the requestor")).to_be_visible()

    page.goto(f"{live_server.url}/assessments/{assessment_id}/")
    expect(page.locator("[data-testid=feedback]")).to_contain_text("Name the hosting region")
    expect(page.locator("[data-testid=state]")).to_have_text("Sent back")
    page.screenshot(path=str(live_server_screenshot_dir() / "sent-back.png"))


def live_server_screenshot_dir():
    from pathlib import Path

    from django.conf import settings

    path = Path(settings.VAR_DIR) / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
