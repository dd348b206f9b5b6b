"""The whole review loop in a real browser, with two assessors deciding different risk areas.

A requestor submits an assessment that switches on Third Party and Data Privacy; the assessor
takes it, comments on a question and sends it back naming that question; the requestor reads
the feedback and the comment beside the question, replies, fixes the answer and resubmits; the
assessor sees what changed since round 1, decides Third Party with a condition and hands the
assessment to the privacy officer, who decides Data Privacy; the decision record shows both.
Each step asserts what the person at the screen sees; the e-mails sent on the way are checked
(and printed, so the closing note can quote them).

Screenshots of the queue, the round-2 review page and the decision record go under var/
(``<VAR_DIR>/screenshots``), or where TRA_SCREENSHOTS points: the ones in docs/screenshots/
were taken with ``TRA_SCREENSHOTS=docs/screenshots`` (a plain run leaves the tracked files alone).
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.conftest import off_loop
from tests.web.helpers import answer_everything

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Helpdesk move to a SaaS vendor"
# Yes to Q-04 (a third party) and Q-06 (personal data); Yes to Q-10 (staff only) keeps Cyber
# Security off, so exactly two areas need a decision.
YES = frozenset({"Q-04", "Q-06", "Q-10"})
QUESTION = "TP-01"  # the vendor's legal name: the answer the assessor sends back
ASK = "Which legal entity signs the contract? The answer only says where to look."
REPLY = "It is Acme Helpdesk Ltd.; I have put the name and the product in the answer."
FIXED = "Acme Helpdesk Ltd. (UK), the Acme Service Desk Enterprise plan."
FEEDBACK = "Please name the vendor's legal entity in TP-01."
CONDITION = "Sign the data processing agreement before go-live"
CONDITION_OWNER = "Procurement lead"
CONDITION_DUE = (date.today() + timedelta(days=60)).isoformat()


@pytest.fixture
def mailed(settings: Any, live_server: Any) -> Any:
    """E-mails in django.core.mail.outbox, sent at once (the immediate task backend), with links
    to the live server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.TRA_PUBLIC_URL = live_server.url
    mail.outbox.clear()
    return mail.outbox


def _sign_in(page: Page, url: str, username: str, password: str) -> None:
    page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form [type=submit]").click()


def _new_person(page: Page) -> Page:
    other = page.context.browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    other.set_default_timeout(15_000)
    return other


def _shot(page: Page, name: str, until: str | None = None) -> None:
    """A full-page picture (down to the bottom of ``until`` if given), kept under ~300 KB for
    the docs: a 256-colour palette loses nothing a reader of a screen of text would notice."""
    from django.conf import settings
    from PIL import Image

    folder = Path(os.environ.get("TRA_SCREENSHOTS") or Path(settings.VAR_DIR) / "screenshots")
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    clip = None
    if until is not None:
        bottom = page.locator(until).first.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
        width = page.evaluate("document.documentElement.scrollWidth")
        clip = {"x": 0, "y": 0, "width": width, "height": bottom + 24}
    page.screenshot(path=str(path), full_page=True, clip=clip)
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256).save(path, optimize=True)


def _requestor_creates_and_submits(page: Page, live_server: Any, cast: Any) -> str:
    _sign_in(page, f"{live_server.url}/login/", "requestor", "pw-requestor")
    page.click("text=New assessment")
    page.fill("input[name=title]", TITLE)
    page.fill("input[name=project]", "Helpdesk renewal")
    page.select_option("select[name=data_classification]", "Confidential")
    page.fill("input[name=business_unit]", "Customer Operations")
    page.click("button:has-text('Create assessment')")
    expect(page.locator("h1")).to_have_text("Qualifying questions")
    for question_id in ("Q-04", "Q-06"):
        form = page.locator(f"form[data-question-id='{question_id}']")
        form.locator("input[value=Yes]").check()
        expect(form.locator("[data-testid=saved]")).to_be_visible()
    expect(page.locator("[data-testid=percent-third_party]")).to_be_visible()
    expect(page.locator("[data-testid=percent-data_privacy]")).to_be_visible()
    assessment_id = page.url.split("/assessments/")[1].split("/")[0]
    # The rest of the required answers off the browser: the loop is about the review.
    off_loop(answer_everything, cast, assessment_id, yes=YES)
    page.goto(f"{live_server.url}/assessments/{assessment_id}/")
    page.click("[data-testid=submit]")
    expect(page.locator("[data-testid=state]")).to_have_text("Submitted for review")
    return assessment_id


def _assessor_takes_it_from_the_queue(assessor: Page, live_server: Any, assessment_id: str) -> None:
    _sign_in(assessor, f"{live_server.url}/admin/", "assessor", "pw-assessor")
    expect(assessor.locator("[data-testid=panel-waiting]")).to_contain_text(assessment_id)
    assessor.click("[data-testid=review-queue] a:has-text('Review queue')")
    row = assessor.locator(f"[data-testid=queue-row-{assessment_id}]")
    expect(row).to_contain_text(TITLE)
    expect(row).to_contain_text("Submitted for review")
    expect(row).to_contain_text("Third Party Risk")
    expect(row).to_contain_text("Data Privacy Risk")
    expect(row.locator("[data-testid=assignee]")).to_have_text("Unassigned")
    _shot(assessor, "review-queue.png")
    row.locator("[data-testid=assign-to-me]").click()
    expect(assessor.locator("body")).to_contain_text(f"{assessment_id} is assigned to")
    assessor.goto(f"{live_server.url}/admin/review/")
    expect(assessor.locator(f"[data-testid=queue-row-{assessment_id}] [data-testid=assignee]")).to_have_text(
        "assessor"
    )
    assessor.click(f"a:has-text('{assessment_id}')")
    expect(assessor.locator("[data-testid=review-header] [data-testid=state]")).to_have_text("Under review")
    expect(assessor.locator("[data-testid=review-header] [data-testid=assignee]")).to_have_text("assessor")


def _assessor_comments_and_sends_back(assessor: Page, assessment_id: str) -> None:
    thread = assessor.locator(f"[data-testid=thread-{QUESTION}]")
    thread.locator("summary:has-text('Comment')").click()
    thread.locator("textarea[name=text]").fill(ASK)
    thread.locator("button:has-text('Add comment')").click()
    expect(assessor.locator(f"[data-testid=thread-{QUESTION}]")).to_contain_text(ASK)
    # The send back form ticks the questions with open threads: the one just asked about.
    send_back = assessor.locator("[data-testid=send-back-form]")
    expect(send_back.locator(f"input[name=questions][value={QUESTION}]")).to_be_checked()
    send_back.locator("textarea[name=feedback]").fill(FEEDBACK)
    send_back.locator("[data-testid=send-back]").click()
    expect(assessor.locator("body")).to_contain_text(f"{assessment_id} was sent back to the requestor")
    expect(assessor.locator("[data-testid=review-header] [data-testid=state]")).to_have_text("Sent back")


def _requestor_replies_fixes_and_resubmits(page: Page, live_server: Any, assessment_id: str) -> None:
    page.goto(f"{live_server.url}/assessments/{assessment_id}/")
    expect(page.locator("[data-testid=state]")).to_have_text("Sent back")
    sent_back = page.locator("[data-testid=sent-back]")
    expect(sent_back.locator("[data-testid=sent-back-by]")).to_contain_text("assessor")
    expect(sent_back.locator("[data-testid=feedback]")).to_contain_text(FEEDBACK)
    expect(sent_back.locator("[data-testid=fix-item]")).to_have_count(1)
    expect(sent_back.locator("[data-testid=fix-item]")).to_contain_text(QUESTION)
    _shot(page, "requestor-sent-back.png", until="[data-testid=sent-back]")
    sent_back.locator("[data-testid=fix-item] a").click()

    # The comment beside the question, marked as needing work; the requestor replies there.
    thread = page.locator(f"[data-testid=thread][data-question-id='{QUESTION}']")
    expect(thread.locator("[data-testid=needs-work]")).to_be_visible()
    expect(thread.locator("[data-testid=comment-text]").first).to_have_text(ASK)
    expect(thread.locator("[data-testid=comment-author]").first).to_have_text("assessor")
    thread.locator("textarea[name=text]").fill(REPLY)
    thread.locator("[data-testid=reply]").click()
    expect(thread.locator("[data-testid=comment-text]")).to_have_count(2)
    expect(thread.locator("[data-testid=comment-text]").nth(1)).to_have_text(REPLY)
    _shot(page, "requestor-thread.png", until=f"[data-testid=thread][data-question-id='{QUESTION}']")

    answer = page.locator(f"form[data-question-id='{QUESTION}']")
    answer.locator("textarea[name=value]").fill(FIXED)
    answer.locator("textarea[name=value]").dispatch_event("change")
    expect(page.locator(f"form[data-question-id='{QUESTION}'] [data-testid=saved]")).to_be_visible()

    page.goto(f"{live_server.url}/assessments/{assessment_id}/")
    page.click("[data-testid=submit]")
    expect(page.locator("[data-testid=state]")).to_have_text("Submitted for review")


def _assessor_sees_round_2(assessor: Page, live_server: Any, assessment_id: str) -> None:
    assessor.goto(f"{live_server.url}/admin/review/{assessment_id}/")
    expect(assessor.locator("[data-testid=review-header]")).to_contain_text("round 2")
    diff = assessor.locator("[data-testid=round-diff]")
    expect(diff).to_contain_text("Changed since round 1")
    expect(diff).to_contain_text(QUESTION)
    expect(diff.locator("ins")).to_contain_text(FIXED)
    expect(diff.locator("li")).to_have_count(1)  # only the fixed answer changed
    question = assessor.locator(f"[data-testid=question-{QUESTION}]")
    expect(question.locator("[data-testid=changed]")).to_have_text("changed since round 1")
    expect(question.locator(".tra-answer")).to_contain_text(FIXED)
    thread = assessor.locator(f"[data-testid=thread-{QUESTION}]")
    expect(thread).to_contain_text(ASK)
    expect(thread).to_contain_text(REPLY)
    expect(assessor.locator("[data-testid=earlier-rounds]")).to_contain_text("sent back by assessor")


def _assessor_retakes_it(assessor: Page, assessment_id: str) -> None:
    """After the resubmission the assessment waits as "submitted", still naming the assessor:
    they take it again to decide it."""
    expect(assessor.locator("[data-testid=decision-third_party]")).to_contain_text("assign the assessment")
    assessor.locator("[data-testid=review-header] [data-testid=assign-to-me]").click()
    expect(assessor.locator("body")).to_contain_text(f"{assessment_id} is assigned to you")
    expect(assessor.locator("[data-testid=review-header] [data-testid=state]")).to_have_text("Under review")


def _decide(
    assessor: Page,
    area: str,
    outcome: str,
    rationale: str,
    residual: str,
    residual_why: str,
    **condition: str,
) -> None:
    form = assessor.locator(f"[data-testid=decide-form-{area}]")
    prefix = f"d-{area}"
    form.locator(f"select[name={prefix}-outcome]").select_option(outcome)
    form.locator(f"textarea[name={prefix}-rationale]").fill(rationale)
    if condition:
        form.locator(f"input[name={prefix}-condition_0_text]").fill(condition["text"])
        form.locator(f"input[name={prefix}-condition_0_owner]").fill(condition["owner"])
        form.locator(f"input[name={prefix}-condition_0_due]").fill(condition["due"])
    form.locator(f"select[name={prefix}-residual_rating]").select_option(residual)
    form.locator(f"textarea[name={prefix}-residual_rationale]").fill(residual_why)
    form.locator(f"[data-testid=decide-{area}]").click()


def _assessor_decides_third_party_and_hands_over(assessor: Page, assessment_id: str) -> None:
    _decide(
        assessor,
        "third_party",
        "approve_with_conditions",
        "The vendor is certified and the contract is standard.",
        "low",
        "ISO 27001 certified vendor; the DPA condition covers the rest.",
        text=CONDITION,
        owner=CONDITION_OWNER,
        due=CONDITION_DUE,
    )
    decided = assessor.locator("[data-testid=decision-third_party]")
    expect(decided).to_contain_text("Approved with conditions")
    expect(decided).to_contain_text(CONDITION)
    expect(decided).to_contain_text(CONDITION_OWNER)
    expect(decided).to_contain_text("By assessor")
    # Data Privacy is the privacy officer's: hand the assessment over.
    header = assessor.locator("[data-testid=assign-form]")
    header.locator("select[name=assignee]").select_option(label="privacy")
    header.locator("button:has-text('Assign')").click()
    expect(assessor.locator("[data-testid=review-header] [data-testid=assignee]")).to_have_text("privacy")


def _privacy_officer_decides_data_privacy(privacy: Page, live_server: Any, assessment_id: str) -> None:
    _sign_in(privacy, f"{live_server.url}/admin/", "privacy", "pw-privacy")
    expect(privacy.locator("[data-testid=panel-mine]")).to_contain_text(assessment_id)
    privacy.click(f"[data-testid=panel-mine] a:has-text('{assessment_id}')")
    expect(privacy.locator("[data-testid=decision-third_party]")).to_contain_text("By assessor")
    _decide(
        privacy,
        "data_privacy",
        "approve",
        "Personal data stays in the EU and the DPA covers it.",
        "low",
        "Contact details of staff only, kept in the EU.",
    )


def _decision_record_shows_both(privacy: Page, assessment_id: str) -> None:
    record = privacy.locator("[data-testid=decision-record]")
    expect(record).to_be_visible()
    expect(record.locator("[data-testid=record-outcome]")).to_have_text("Finalized")
    third = record.locator("[data-testid=record-decision-third_party]")
    expect(third).to_contain_text("Approved with conditions")
    expect(third).to_contain_text("assessor")
    expect(third).to_contain_text(CONDITION)
    expect(third).to_contain_text(f"{CONDITION_OWNER}, by {CONDITION_DUE}")
    expect(third).to_contain_text("Residual: Low")
    expect(third).to_contain_text("Inherent:")
    privacy_row = record.locator("[data-testid=record-decision-data_privacy]")
    expect(privacy_row).to_contain_text("Approved")
    expect(privacy_row).to_contain_text("privacy")
    expect(privacy_row).to_contain_text("Residual: Low")
    # The answers as they were decided: the fixed one among them.
    expect(record).to_contain_text(FIXED)
    expect(record.locator("text=Described in the project brief.").first).to_be_visible()


def _requestor_sees_the_outcome(page: Page, live_server: Any, assessment_id: str) -> None:
    page.goto(f"{live_server.url}/assessments/{assessment_id}/")
    expect(page.locator("[data-testid=state]")).to_have_text("Finalized")
    expect(page.locator("body")).to_contain_text(CONDITION)


def _mails(outbox: list[Any]) -> list[tuple[str, str]]:
    sent = [(m.subject, ", ".join(m.to)) for m in outbox]
    print("\nNotification e-mails sent during the loop (subject -> recipients):")
    for subject, to in sent:
        print(f"  {subject}  ->  {to}")
    shown: set[str] = set()
    for message in outbox:
        kind = message.subject.split(": ", 1)[1].split(" (")[0]
        if kind not in shown:
            shown.add(kind)
            print(f"\n--- {message.subject} (to {', '.join(message.to)}) ---\n{message.body}")
    return sent


def _assert_mails(outbox: list[Any], assessment_id: str, live_server: Any) -> None:
    sent = _mails(outbox)
    reviewers = {"assessor@example.com", "privacy@example.com", "admin@example.com"}

    def to(label: str) -> list[str]:
        return [recipient for subject, recipient in sent if label in subject]

    submitted = to("Assessment submitted for review")
    # Round 1 and round 2, each to every reviewer.
    assert sorted(submitted) == sorted([*reviewers, *reviewers])
    assert to("Assessment assigned to you") == ["privacy@example.com"]
    assert sorted(to("New comment")) == ["assessor@example.com", "requestor@example.com"]
    assert to("Assessment sent back") == ["requestor@example.com"]
    assert to("Decision made") == ["requestor@example.com"]
    assert all(assessment_id in subject for subject, _ in sent)
    review_link = f"{live_server.url}/admin/review/{assessment_id}/"
    own_link = f"{live_server.url}/assessments/{assessment_id}/"
    for message in outbox:
        expected = own_link if message.to == ["requestor@example.com"] else review_link
        assert expected in message.body, (message.subject, message.to)


def test_two_assessors_take_an_assessment_from_submission_to_a_finalized_decision_record(
    cast: Any, live_server: Any, page: Page, mailed: Any
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    assessment_id = _requestor_creates_and_submits(page, live_server, cast)

    assessor = _new_person(page)
    _assessor_takes_it_from_the_queue(assessor, live_server, assessment_id)
    _assessor_comments_and_sends_back(assessor, assessment_id)

    _requestor_replies_fixes_and_resubmits(page, live_server, assessment_id)

    _assessor_sees_round_2(assessor, live_server, assessment_id)
    _shot(assessor, "review-page-round-2.png", until=f"[data-testid=question-{QUESTION}]")
    _assessor_retakes_it(assessor, assessment_id)
    _assessor_decides_third_party_and_hands_over(assessor, assessment_id)

    privacy = _new_person(page)
    _privacy_officer_decides_data_privacy(privacy, live_server, assessment_id)
    _decision_record_shows_both(privacy, assessment_id)
    _shot(privacy, "decision-record.png")

    _requestor_sees_the_outcome(page, live_server, assessment_id)
    _assert_mails(mailed, assessment_id, live_server)
