"""Who can be handed an assessment: active staff who are assessors or superusers."""

from __future__ import annotations

from django.contrib.auth.models import User

from assessments.accounts.reviewers import reviewer_by_id, reviewer_choices
from integrations.runtime import run_sync


def test_the_choices_are_the_assessors_and_the_admins_by_username(cast):
    cast.assessor2.first_name, cast.assessor2.last_name = "Pat", "Privacy"
    cast.assessor2.save()

    choices = run_sync(reviewer_choices)

    assert [(c.username, c.display_name) for c in choices] == [
        ("admin", "admin"),
        ("assessor", "assessor"),
        ("privacy", "Pat Privacy"),
    ]


def test_a_switched_off_or_non_staff_assessor_is_no_choice(cast):
    cast.assessor.is_active = False
    cast.assessor.save()
    cast.assessor2.is_staff = False
    cast.assessor2.save()

    assert [c.username for c in run_sync(reviewer_choices)] == ["admin"]
    assert run_sync(reviewer_by_id, cast.assessor.pk) is None
    assert run_sync(reviewer_by_id, cast.assessor2.pk) is None


def test_a_requestor_or_an_unknown_id_is_no_reviewer(cast):
    assert run_sync(reviewer_by_id, cast.requestor.pk) is None
    assert run_sync(reviewer_by_id, User.objects.order_by("-pk").first().pk + 100) is None
    assert run_sync(reviewer_by_id, cast.admin.pk).username == "admin"
