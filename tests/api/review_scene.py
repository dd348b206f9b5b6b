"""Assessments at each stage of the review, built through the use cases (shared by the review's
API and page tests)."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from assessments.services.review import assessment_assign, assessment_send_back, assessment_submit
from integrations.runtime import run_sync
from tests.web.helpers import answer_everything, create_assessment

# Yes to these qualifying questions switches on Third Party and Data Privacy: two areas to decide.
TWO_AREAS = frozenset({"Q-04", "Q-06"})
# A question in the Data Privacy area: not applicable unless Q-06 is Yes.
PRIVACY_QUESTION = "DP-01"


def api(client: Client, method: str, url: str, body: Any = None) -> Any:
    return getattr(client, method)(
        url, json.dumps(body) if body is not None else None, content_type="application/json"
    )


def submitted(cast: Any, *, yes: frozenset[str] = frozenset()) -> str:
    """An assessment of "requestor", every applicable question answered, submitted (round 1)."""
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id, yes=yes)
    run_sync(assessment_submit, actor=cast.actor("requestor"), assessment_id=assessment_id)
    return assessment_id


def under_review(cast: Any, *, yes: frozenset[str] = frozenset(), who: str = "assessor") -> str:
    assessment_id = submitted(cast, yes=yes)
    run_sync(assessment_assign, actor=cast.actor(who), assessment_id=assessment_id)
    return assessment_id


def sent_back(
    cast: Any, *, questions: tuple[str, ...] = ("Q-10",), feedback: str = "Who else gets access?"
) -> str:
    assessment_id = under_review(cast)
    run_sync(
        assessment_send_back,
        actor=cast.actor("assessor"),
        assessment_id=assessment_id,
        feedback=feedback,
        question_ids=questions,
    )
    return assessment_id
