"""A suggestion whose value the question would refuse today is shown with the reason, not with Accept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from assessments.questionnaire import validation
from tests.fixtures.pipeline import brief
from tests.pipeline.helpers import collection, upload
from tests.web.helpers import create_assessment
from tests.web.test_suggestion_views import DATE_QUESTION, question_html, section_url, text_of


@pytest.fixture
def suggested(cast: Any, pipeline: Any, run_tasks: Any) -> str:
    assessment_id = create_assessment(cast)
    upload(cast, assessment_id, ("brief.docx", brief("docx")))
    assert collection(assessment_id).suggestions[DATE_QUESTION].answer == "2026-03-02"
    return assessment_id


def test_it_offers_edit_not_accept_for_a_go_live_date_now_in_the_past(
    cast: Any, suggested: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation, "today_utc", lambda: dt.date(2026, 12, 2))

    fragment = question_html(text_of(cast.client("requestor").get(section_url(suggested))), DATE_QUESTION)

    assert 'data-testid="suggestion-problem"' in fragment
    assert "The date cannot be in the past" in fragment
    assert 'data-testid="suggestion-accept"' not in fragment
    assert 'data-testid="suggestion-edit"' in fragment


def test_it_offers_accept_while_the_suggested_date_is_still_ahead(
    cast: Any, suggested: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation, "today_utc", lambda: dt.date(2026, 1, 15))

    fragment = question_html(text_of(cast.client("requestor").get(section_url(suggested))), DATE_QUESTION)

    assert 'data-testid="suggestion-accept"' in fragment
    assert 'data-testid="suggestion-problem"' not in fragment
