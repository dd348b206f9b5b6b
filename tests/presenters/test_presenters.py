"""What the presenters tell the pages: warnings before answers are hidden, counts, next section."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.presenters.overview import assessment_overview
from assessments.presenters.questions import question_context
from integrations.runtime import run_sync
from tests.web.helpers import answer, create_assessment

pytestmark = pytest.mark.django_db


def overview_of(cast: Any, assessment_id: str) -> Any:
    return run_sync(assessment_overview, actor=cast.actor("requestor"), assessment_id=assessment_id)


def test_it_counts_the_answered_questions_a_switch_would_hide(cast: Any) -> None:
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-06", "Yes")
    answer(cast, assessment_id, "DP-03", "No")
    answer(cast, assessment_id, "DP-05", "1200")
    overview = overview_of(cast, assessment_id)

    choices = {
        c.value: c for c in question_context(overview, overview.questionnaire.question("Q-06")).choices
    }

    assert (choices["No"].hides, choices["No"].hides_areas) == (2, ("Data Privacy Risk",))
    assert choices["Yes"].hides == 0  # the current answer hides nothing
    assert len({c.input_id for c in choices.values()}) == 2  # each radio can keep focus by id


def test_it_warns_of_nothing_when_another_yes_keeps_the_area_on(cast: Any) -> None:
    assessment_id = create_assessment(cast)
    answer(cast, assessment_id, "Q-04", "Yes")
    answer(cast, assessment_id, "Q-05", "Yes")  # switches on the same area as Q-04
    overview = overview_of(cast, assessment_id)
    third_party = next(s for s in overview.sections if s.key != "qualifying")
    first = next(q for q in overview.questionnaire.all_questions() if q.area_key == third_party.key)
    answer(cast, assessment_id, first.id, "Not known yet" if first.response_type == "free_text" else "No")
    overview = overview_of(cast, assessment_id)

    choices = {
        c.value: c for c in question_context(overview, overview.questionnaire.question("Q-04")).choices
    }

    assert choices["No"].hides == 0


def test_it_says_start_on_a_new_assessment_and_links_each_section_to_the_next(cast: Any) -> None:
    assessment_id = create_assessment(cast)
    fresh = overview_of(cast, assessment_id)
    assert not fresh.started and not fresh.has_documents
    assert [(s.key, after) for s, after in fresh.section_pairs] == [("qualifying", None)]
    assert fresh.sections[0].unanswered == fresh.sections[0].total

    answer(cast, assessment_id, "Q-06", "Yes")
    overview = overview_of(cast, assessment_id)

    assert overview.started
    pairs = [(s.key, after.key if after else None) for s, after in overview.section_pairs]
    assert pairs == [("qualifying", "data_privacy"), ("data_privacy", None)]
    assert overview.sections[0].unanswered == overview.sections[0].total - 1
