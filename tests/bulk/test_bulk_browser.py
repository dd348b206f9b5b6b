"""The bulk accept in a real browser: one click, the section refreshed in place, the message."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.bulk.helpers import AREA, long_assessment, question_ids, store_suggestions, suggestion
from tests.e2e.conftest import browser, login, off_loop, page  # noqa: F401 - fixtures
from tests.web.helpers import answer

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_one_click_accepts_them_refreshes_the_section_and_says_what_it_left(
    cast: Any,
    live_server: Any,
    page: Any,  # noqa: F811 - the fixture imported above
) -> None:
    assessment_id = off_loop(long_assessment, cast)
    off_loop(store_suggestions, assessment_id, [suggestion(q) for q in question_ids(3)])
    login(page, live_server, "requestor", "pw-requestor")
    page.goto(f"{live_server.url}/assessments/{assessment_id}/sections/{AREA}/")
    button = page.locator("[data-testid=bulk-accept-button]")
    expect(button).to_have_text("Accept all high-confidence suggestions in this section (3)")
    page.evaluate("window.__notReloaded = true")
    # Meanwhile the requestor answers OP-02 in another tab: the bulk accept leaves it alone.
    off_loop(answer, cast, assessment_id, "OP-02", "Written in another tab.")

    button.click()

    result = page.locator("[data-testid=bulk-accept-result]")
    expect(result).to_contain_text("Accepted 2 suggestions.")
    expect(result).to_contain_text("1 high-confidence suggestion left for you to accept one by one")
    expect(page.locator("[data-testid=bulk-accept-button]")).to_have_count(0)
    for question_id in ("OP-01", "OP-03"):
        form = page.locator(f"form[data-question-id='{question_id}']")
        expect(form.locator("[data-testid=answer-source]")).to_be_visible()
    expect(
        page.locator(
            "form[data-question-id='OP-02'] textarea, form[data-question-id='OP-02'] input[name=value]"
        ).first
    ).to_have_value("Written in another tab.")
    # The section was swapped in place (htmx), not reloaded, and it is still one section.
    assert page.evaluate("window.__notReloaded") is True
    expect(page.locator("#section-body")).to_have_count(1)
    expect(page.locator("#bulk-accept")).to_have_count(1)
