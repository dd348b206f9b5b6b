"""Comment threads over the API: both sides talk per question, resolve and reopen; what is refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.helpers import error_keys
from tests.api.review_scene import PRIVACY_QUESTION, api, sent_back, submitted, under_review
from tests.web.helpers import create_assessment

ROLES = ["anonymous", "requestor", "requestor2", "assessor", "admin"]
# Both sides of the review may talk; anyone else finds nothing.
TALK = {"anonymous": 401, "requestor": 201, "requestor2": 404, "assessor": 201, "admin": 201}


def _client(cast: Any, role: str) -> Any:
    return cast.client(None if role == "anonymous" else role)


def _comment(
    client: Any, assessment_id: str, text: str = "Which region hosts it?", question: str = "Q-10"
) -> Any:
    return api(
        client, "post", f"/api/assessments/{assessment_id}/comments", {"question_id": question, "text": text}
    )


@pytest.mark.parametrize("role", ROLES)
def test_both_sides_of_the_review_comment_and_nobody_else(cast, role):
    assessment_id = submitted(cast)

    response = _comment(_client(cast, role), assessment_id)

    assert response.status_code == TALK[role], response.content
    if response.status_code == 201:
        expected_role = "requestor" if role == "requestor" else "assessor"
        assert response.json()["role"] == expected_role
        assert response.json()["author"] == getattr(cast, role).username
    else:
        assert error_keys(response) == {"message", "extra"}


def test_it_lists_each_questions_thread_oldest_first_with_who_wrote_what(cast):
    assessment_id = under_review(cast)
    _comment(cast.client("assessor"), assessment_id, "Which region hosts it?")
    _comment(cast.client("requestor"), assessment_id, "Frankfurt.")
    _comment(cast.client("assessor"), assessment_id, "Is Q-01 complete?", question="Q-01")

    threads = cast.client("requestor").get(f"/api/assessments/{assessment_id}/comments").json()["items"]

    assert [t["question_id"] for t in threads] == ["Q-01", "Q-10"]
    q10 = threads[1]
    assert q10["status"] == "open"
    assert [(c["author"], c["role"], c["text"]) for c in q10["comments"]] == [
        ("assessor", "assessor", "Which region hosts it?"),
        ("requestor", "requestor", "Frankfurt."),
    ]


def test_a_thread_is_resolved_and_reopened_by_either_side(cast):
    assessment_id = sent_back(cast)
    _comment(cast.client("assessor"), assessment_id)
    url = f"/api/assessments/{assessment_id}/comments/Q-10"

    resolved = api(cast.client("requestor"), "post", f"{url}/resolve")
    reopened = api(cast.client("assessor"), "post", f"{url}/reopen")

    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
    assert resolved.json()["changed_by"] == "requestor"
    assert reopened.status_code == 200 and reopened.json()["status"] == "open"
    threads = cast.client("requestor").get(f"/api/assessments/{assessment_id}/comments").json()["items"]
    assert threads[0]["status"] == "open" and threads[0]["changed_by"] == "assessor"


def test_another_requestor_can_neither_read_nor_resolve_a_thread(cast):
    assessment_id = submitted(cast)
    _comment(cast.client("assessor"), assessment_id)
    other = cast.client("requestor2")

    assert other.get(f"/api/assessments/{assessment_id}/comments").status_code == 404
    assert api(other, "post", f"/api/assessments/{assessment_id}/comments/Q-10/resolve").status_code == 404


def test_resolving_a_question_nobody_commented_on_is_not_found(cast):
    assessment_id = submitted(cast)

    response = api(cast.client("assessor"), "post", f"/api/assessments/{assessment_id}/comments/Q-10/resolve")

    assert response.status_code == 404


def test_a_comment_on_a_question_that_does_not_apply_is_refused_naming_it(cast):
    assessment_id = submitted(cast)  # every qualifying question answered No: no privacy area

    response = _comment(cast.client("assessor"), assessment_id, question=PRIVACY_QUESTION)

    assert response.status_code == 422
    assert "question_id" in response.json()["extra"]["fields"]
    assert cast.client("assessor").get(f"/api/assessments/{assessment_id}/comments").json()["items"] == []


def test_an_empty_comment_is_refused_naming_the_text(cast):
    assessment_id = submitted(cast)

    response = _comment(cast.client("requestor"), assessment_id, text="   ")

    assert response.status_code == 422 and "text" in response.json()["extra"]["fields"]


def test_a_draft_takes_no_comments(cast):
    assessment_id = create_assessment(cast)

    response = _comment(cast.client("requestor"), assessment_id)

    assert response.status_code == 403
    assert "takes no comments" in response.json()["message"]


def test_the_schema_lists_the_thread_states_it_returns(cast):
    schema = cast.client("requestor").get("/api/openapi.json").json()["components"]["schemas"]

    assert schema["ThreadOut"]["properties"]["status"]["enum"] == ["open", "resolved"]
    assert set(schema["DecisionIn"]["properties"]["outcome"]["enum"]) == {
        "approve",
        "approve_with_conditions",
        "reject",
    }
