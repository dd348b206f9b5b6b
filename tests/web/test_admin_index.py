"""The admin index is the assessor's workspace: the review queue, not "no permission"."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from assessments.domain.workflow import Action
from assessments.services.assessments import assessment_transition
from integrations.runtime import run_sync
from tests.web.helpers import answer_everything, create_assessment

NO_PERMISSION = "permission to view or edit anything"


def _submitted(cast: Any, title: str) -> str:
    assessment_id = create_assessment(cast, title=title)
    answer_everything(cast, assessment_id)
    run_sync(
        assessment_transition,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        action=Action.SUBMIT,
    )
    return assessment_id


def test_it_shows_the_assessor_the_review_queue_on_the_admin_index(cast: Any) -> None:
    waiting = _submitted(cast, "Waiting for a decision")
    draft = create_assessment(cast, title="Still a draft")

    response = cast.client("assessor").get(reverse("admin:index"))

    assert response.status_code == 200
    page = response.content.decode()
    assert NO_PERMISSION not in page.replace("’", "'")
    assert 'data-testid="review-queue"' in page and reverse("admin:review_queue") in page
    assert reverse("admin:review_detail", args=[waiting]) in page and "Waiting for a decision" in page
    assert draft not in page


def test_it_says_so_when_nothing_is_waiting(cast: Any) -> None:
    page = cast.client("assessor").get(reverse("admin:index")).content.decode()

    assert "Nothing is waiting for review." in page
    assert NO_PERMISSION not in page.replace("’", "'")


def test_it_shows_the_admin_the_queue_and_the_models(cast: Any) -> None:
    page = cast.client("admin").get(reverse("admin:index")).content.decode()

    assert 'data-testid="review-queue"' in page
    assert reverse("admin:auth_user_changelist") in page


def test_it_keeps_the_queue_from_staff_who_are_not_assessors(cast: Any) -> None:
    staff = User.objects.create_user("helpdesk", password="pw-helpdesk", is_staff=True)
    client = Client()
    client.force_login(staff)

    page = client.get(reverse("admin:index")).content.decode()

    assert 'data-testid="review-queue"' not in page
    assert NO_PERMISSION in page.replace("’", "'")  # true for them: they may see nothing here


def test_it_styles_the_review_screens_from_the_stylesheet_not_inline(cast: Any) -> None:
    assessment_id = _submitted(cast, "Styled")
    client = cast.client("assessor")

    for url in (
        reverse("admin:index"),
        reverse("admin:review_queue"),
        reverse("admin:review_detail", args=[assessment_id]),
    ):
        page = client.get(url).content.decode()
        assert "tra-admin.css" in page, url
        assert " style=" not in page, url  # the Content-Security-Policy refuses inline styles


def test_it_shows_the_assessor_what_is_assigned_to_them_and_what_waits(cast: Any) -> None:
    from assessments.services.review import assessment_assign

    mine = _submitted(cast, "Assigned to me")
    waiting = _submitted(cast, "Nobody has it")
    run_sync(assessment_assign, actor=cast.actor("assessor"), assessment_id=mine)

    response = cast.client("assessor").get(reverse("admin:index"))

    panels = {
        panel.key: [row.entry.assessment_id for row in panel.rows] for panel in response.context["panels"]
    }
    assert panels["mine"] == [mine] and panels["waiting"] == [waiting] and panels["overdue"] == []
    page = response.content.decode()
    assert reverse("admin:review_archive") in page and 'data-testid="count-overdue">0<' in page
