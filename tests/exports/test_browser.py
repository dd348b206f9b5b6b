"""The exports panel in a real browser: it loads on the overview and the review page, an export
is started with a click, and the panel shows it finish without a reload (the live server has no
websockets, so this is the panel's own polling; the socket path is the same message the service
publishes, covered in test_service.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from assessments.services.exports import export_run, exports_list
from integrations.runtime import run_sync
from tests.e2e.conftest import browser, off_loop, page  # noqa: F401 - the e2e fixtures
from tests.e2e.test_review_loop import _shot, _sign_in
from tests.exports.helpers import under_review_with_evidence

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _render_pending(cast: Any, assessment_id: str) -> None:
    for record in run_sync(exports_list, actor=cast.actor("requestor"), assessment_id=assessment_id):
        run_sync(export_run, assessment_id=assessment_id, export_id=record.id)


def test_the_panel_starts_an_export_and_shows_it_ready_on_both_pages(
    cast: Any,
    live_server: Any,
    page: Page,  # noqa: F811 - the e2e fixture imported above
    pipeline: Any,
) -> None:
    assessment_id = off_loop(under_review_with_evidence, cast)
    _sign_in(page, f"{live_server.url}/login/", "requestor", "pw-requestor")
    page.goto(f"{live_server.url}/assessments/{assessment_id}/")
    panel = page.locator("[data-testid=exports]")
    expect(panel.locator("h2")).to_have_text("Exports")

    panel.locator("[data-testid=export-pdf]").click()

    expect(page.locator("[data-testid=export-status]").first).to_have_text("Waiting")
    off_loop(_render_pending, cast, assessment_id)
    expect(page.locator("[data-testid=export-status]").first).to_have_text("Ready", timeout=10_000)
    expect(page.locator("[data-testid=export-download]")).to_have_count(1)
    expect(page.locator("[data-testid=export-draft]")).to_have_count(1)
    _shot(page, "exports-panel.png", until="[data-testid=exports]")

    assessor = page.context.browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _sign_in(assessor, f"{live_server.url}/admin/", "assessor", "pw-assessor")
    assessor.goto(f"{live_server.url}/admin/review/{assessment_id}/")
    expect(assessor.locator("[data-testid=export-download]")).to_have_count(1)
    with assessor.expect_download() as download:
        assessor.locator("[data-testid=export-download]").click()
    assert re.fullmatch(
        rf"{assessment_id}-DRAFT-\d{{4}}-\d{{2}}-\d{{2}}\.pdf", download.value.suggested_filename
    )
