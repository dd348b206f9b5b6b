"""Around the review loop in a real browser: the assessor who sent a round back is offered
"Assign to me" on the resubmission, and a refused decision keeps what was typed."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from assessments.services.review import assessment_assign, assessment_send_back, assessment_submit
from integrations.runtime import run_sync
from tests.e2e.conftest import off_loop
from tests.e2e.test_review_loop import (
    CONDITION,
    CONDITION_DUE,
    FEEDBACK,
    FIXED,
    QUESTION,
    TITLE,
    YES,
    _sign_in,
)
from tests.web.helpers import answer, answer_everything, create_assessment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _resubmitted_after_a_send_back(cast: Any) -> str:
    """Round 2 waiting in the queue, the assessor who sent round 1 back still named on it."""
    assessment_id = create_assessment(cast, title=TITLE)
    answer_everything(cast, assessment_id, yes=YES)
    requestor, assessor = cast.actor("requestor"), cast.actor("assessor")
    run_sync(assessment_submit, actor=requestor, assessment_id=assessment_id)
    run_sync(assessment_assign, actor=assessor, assessment_id=assessment_id)
    run_sync(
        assessment_send_back,
        actor=assessor,
        assessment_id=assessment_id,
        feedback=FEEDBACK,
        question_ids=[QUESTION],
    )
    answer(cast, assessment_id, QUESTION, FIXED)
    run_sync(assessment_submit, actor=requestor, assessment_id=assessment_id)
    return assessment_id


def test_the_assessor_who_sent_it_back_is_offered_assign_to_me_on_the_resubmission(
    cast: Any, live_server: Any, page: Page
) -> None:
    """Round 2 waits as "Submitted for review" and cannot be decided until someone takes it,
    while the page still names the previous assessor: both the page and the queue row must
    offer them "Assign to me" (found missing by the loop above; fixed in 329894f)."""
    assessment_id = off_loop(_resubmitted_after_a_send_back, cast)
    _sign_in(page, f"{live_server.url}/admin/", "assessor", "pw-assessor")
    page.goto(f"{live_server.url}/admin/review/{assessment_id}/")
    header = page.locator("[data-testid=review-header]")
    expect(header.locator("[data-testid=state]")).to_have_text("Submitted for review")
    expect(header.locator("[data-testid=assignee]")).to_have_text("assessor")
    expect(header.locator("[data-testid=assign-to-me]")).to_be_visible()
    page.goto(f"{live_server.url}/admin/review/")
    row = page.locator(f"[data-testid=queue-row-{assessment_id}]")
    expect(row.locator("[data-testid=assign-to-me]")).to_be_visible()


def _under_review(cast: Any) -> str:
    assessment_id = create_assessment(cast, title=TITLE)
    answer_everything(cast, assessment_id, yes=YES)
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=assessment_id)
    return assessment_id


def test_a_condition_without_an_owner_is_refused_beside_the_field_and_nothing_typed_is_lost(
    cast: Any, live_server: Any, page: Page
) -> None:
    assessment_id = off_loop(_under_review, cast)
    _sign_in(page, f"{live_server.url}/admin/", "assessor", "pw-assessor")
    page.goto(f"{live_server.url}/admin/review/{assessment_id}/")
    form = page.locator("[data-testid=decide-form-third_party]")
    form.locator("select[name=d-third_party-outcome]").select_option("approve_with_conditions")
    form.locator("textarea[name=d-third_party-rationale]").fill("Acceptable once the DPA is signed.")
    form.locator("input[name=d-third_party-condition_0_text]").fill(CONDITION)
    form.locator("input[name=d-third_party-condition_0_due]").fill(CONDITION_DUE)
    form.locator("[data-testid=decide-third_party]").click()

    form = page.locator("[data-testid=decide-form-third_party]")
    owner_cell = form.locator("td:has(input[name=d-third_party-condition_0_owner])")
    expect(owner_cell).to_contain_text("Name who must do it.")
    expect(form.locator("input[name=d-third_party-condition_0_text]")).to_have_value(CONDITION)
    expect(form.locator("input[name=d-third_party-condition_0_due]")).to_have_value(CONDITION_DUE)
    expect(form.locator("textarea[name=d-third_party-rationale]")).to_have_value(
        "Acceptable once the DPA is signed."
    )
    expect(page.locator("[data-testid=review-header] [data-testid=state]")).to_have_text("Under review")
    expect(page.locator("[data-testid=decision-third_party]")).not_to_contain_text("Approved with conditions")
