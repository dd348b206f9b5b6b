"""The review over the API: the whole loop end to end, who may call what, and what is refused."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.api.helpers import error_keys
from tests.api.review_scene import TWO_AREAS, api, sent_back, submitted, under_review
from tests.web.helpers import answer_everything, create_assessment

ROLES = ["anonymous", "requestor", "requestor2", "assessor", "admin"]
# Reading one assessment's review: its owner and every reviewer; anyone else finds nothing.
READ = {"anonymous": 401, "requestor": 200, "requestor2": 404, "assessor": 200, "admin": 200}
IN_A_MONTH = (date.today() + timedelta(days=30)).isoformat()


def _client(cast: Any, role: str) -> Any:
    return cast.client(None if role == "anonymous" else role)


def _decide(client: Any, assessment_id: str, area: str, **changes: Any) -> Any:
    body = {
        "area": area,
        "outcome": "approve",
        "rationale": "Controls are in place.",
        "conditions": [],
        "residual_rating": "low",
        "residual_rationale": "The vendor's certification covers it.",
        **changes,
    }
    return api(client, "post", f"/api/assessments/{assessment_id}/decisions", body)


def test_the_whole_review_loop_runs_through_the_api(cast):
    requestor, assessor, privacy = cast.client("requestor"), cast.client("assessor"), cast.client("assessor2")
    assessment_id = create_assessment(cast)
    answer_everything(cast, assessment_id, yes=TWO_AREAS)
    assert api(requestor, "post", f"/api/assessments/{assessment_id}/submit").status_code == 200

    queue = assessor.get("/api/review/queue", {"assignee": "unassigned"}).json()
    assert assessment_id in [e["id"] for e in queue["items"]]

    assigned = api(assessor, "post", f"/api/assessments/{assessment_id}/assign", {"assignee": None})
    assert assigned.status_code == 200, assigned.content
    assert assigned.json()["assessment"]["state"] == "under_review"
    assert assigned.json()["review"]["assignee"] and assigned.json()["review"]["due_on"]
    mine = assessor.get("/api/review/queue", {"assignee": "me"}).json()["items"]
    assert [e["id"] for e in mine] == [assessment_id]

    asked = api(
        assessor,
        "post",
        f"/api/assessments/{assessment_id}/comments",
        {"question_id": "Q-10", "text": "Do contractors log in too?"},
    )
    assert asked.status_code == 201, asked.content
    assert asked.json()["role"] == "assessor"

    back = api(
        assessor,
        "post",
        f"/api/assessments/{assessment_id}/send-back",
        {"feedback": "Access is unclear.", "question_ids": ["Q-10"], "flagged_areas": []},
    )
    assert back.status_code == 200, back.content
    review = back.json()["review"]
    assert back.json()["assessment"]["state"] == "sent_back"
    assert review["sent_back_questions"] == ["Q-10"] and review["sent_back_by"] == "assessor"

    threads = requestor.get(f"/api/assessments/{assessment_id}/comments").json()["items"]
    assert [(t["question_id"], [c["text"] for c in t["comments"]]) for t in threads] == [
        ("Q-10", ["Do contractors log in too?"])
    ]
    reply = api(
        requestor,
        "post",
        f"/api/assessments/{assessment_id}/comments",
        {"question_id": "Q-10", "text": "Yes, two of them."},
    )
    assert reply.status_code == 201 and reply.json()["role"] == "requestor"
    fixed = api(requestor, "put", f"/api/assessments/{assessment_id}/answers/Q-10", {"value": "Yes"})
    assert fixed.status_code == 200, fixed.content
    resolved = api(requestor, "post", f"/api/assessments/{assessment_id}/comments/Q-10/resolve")
    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
    assert api(requestor, "post", f"/api/assessments/{assessment_id}/submit").status_code == 200

    rounds = assessor.get(f"/api/assessments/{assessment_id}/rounds").json()["items"]
    assert [r["number"] for r in rounds] == [1, 2]
    assert rounds[0]["by"] == "requestor" and rounds[1]["answers"] == rounds[0]["answers"]
    second = assessor.get(f"/api/assessments/{assessment_id}/rounds/2").json()
    changed = second["diff"]["answers_changed"]
    assert [(c["question_id"], c["before"], c["after"]) for c in changed] == [("Q-10", "No", "Yes")]
    assert assessor.get(f"/api/assessments/{assessment_id}/rounds/1").json()["diff"] is None

    api(assessor, "post", f"/api/assessments/{assessment_id}/assign", {})
    decisions = assessor.get(f"/api/assessments/{assessment_id}/decisions").json()
    assert decisions["round"] == 2 and decisions["record"] is None
    areas = decisions["open_areas"]
    assert len(areas) == 2, areas
    privacy_area = next(a["area"] for a in decisions["areas"] if "Privacy" in a["name"])
    other_area = next(a for a in areas if a != privacy_area)
    assert decisions["rating"]["areas"], decisions["rating"]

    first = _decide(
        assessor,
        assessment_id,
        other_area,
        outcome="approve_with_conditions",
        conditions=[{"text": "Annual vendor review", "owner": "Vendor manager", "due_on": IN_A_MONTH}],
        expected_version=decisions["version"],
    )
    assert first.status_code == 200, first.content
    assert first.json()["finalized"] is False and first.json()["state"] == "under_review"
    last = _decide(privacy, assessment_id, privacy_area, rationale="No special categories of data.")
    assert last.status_code == 200, last.content
    assert last.json()["finalized"] is True and last.json()["state"] == "finalized"

    record = requestor.get(f"/api/assessments/{assessment_id}/decisions").json()["record"]
    assert record["outcome"] == "finalized"
    by_area = {d["area"]: d for d in record["decisions"]}
    assert by_area[other_area]["assessor"] == "assessor"
    assert by_area[other_area]["conditions"] == [
        {"text": "Annual vendor review", "owner": "Vendor manager", "due_on": IN_A_MONTH}
    ]
    assert by_area[privacy_area]["assessor"] == "privacy"
    assert {"question_id": "Q-10", "value": "Yes", "source": "manual"} in record["answers"]

    kinds = [e["kind"] for e in requestor.get(f"/api/assessments/{assessment_id}/timeline").json()["items"]]
    for kind in ("created", "submitted", "assigned", "commented", "sent_back", "resubmitted"):
        assert kind in kinds, kinds
    assert kinds.index("submitted") < kinds.index("sent_back") < kinds.index("resubmitted")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", ["comments", "rounds", "rounds/1", "timeline", "decisions"])
def test_it_shows_an_assessments_review_to_its_owner_and_reviewers_only(cast, role, path):
    assessment_id = submitted(cast)

    response = _client(cast, role).get(f"/api/assessments/{assessment_id}/{path}")

    assert response.status_code == READ[role], response.content
    if response.status_code >= 400:
        assert error_keys(response) == {"message", "extra"}


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("requestor", 403), ("requestor2", 404), ("assessor", 200), ("admin", 200)],
)
def test_only_reviewers_assign(cast, role, status):
    assessment_id = submitted(cast)

    response = api(_client(cast, role), "post", f"/api/assessments/{assessment_id}/assign", {})

    assert response.status_code == status, response.content
    if status == 403:
        assert "assign" in response.json()["message"]


def test_an_assessor_hands_an_assessment_to_a_colleague_but_not_to_a_requestor(cast):
    assessment_id = under_review(cast)
    assessor = cast.client("assessor")

    handed = api(
        assessor, "post", f"/api/assessments/{assessment_id}/assign", {"assignee": cast.assessor2.pk}
    )
    refused = api(
        assessor, "post", f"/api/assessments/{assessment_id}/assign", {"assignee": cast.requestor.pk}
    )

    assert handed.status_code == 200 and handed.json()["review"]["assignee_id"] == cast.assessor2.pk
    assert refused.status_code == 422 and "assignee" in refused.json()["extra"]["fields"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("requestor", 403), ("requestor2", 404), ("assessor", 200), ("admin", 200)],
)
def test_only_reviewers_send_back(cast, role, status):
    assessment_id = submitted(cast)
    body = {"feedback": "Say more.", "question_ids": ["Q-10"]}

    response = api(_client(cast, role), "post", f"/api/assessments/{assessment_id}/send-back", body)

    assert response.status_code == status, response.content


def test_a_send_back_needs_feedback_and_an_applicable_question(cast):
    assessment_id = under_review(cast)
    client = cast.client("assessor")
    url = f"/api/assessments/{assessment_id}/send-back"

    no_feedback = api(client, "post", url, {"feedback": " ", "question_ids": ["Q-10"]})
    no_question = api(client, "post", url, {"feedback": "Fix it.", "question_ids": []})
    hidden = api(client, "post", url, {"feedback": "Fix it.", "question_ids": ["DP-01"]})

    assert no_feedback.status_code == 422 and "feedback" in no_feedback.json()["extra"]["fields"]
    # Named as the body names them.
    assert no_question.status_code == 422 and "question_ids" in no_question.json()["extra"]["fields"]
    assert hidden.status_code == 422 and "DP-01" in hidden.json()["message"]
    assert hidden.json()["extra"]["not_applicable"] == ["DP-01"]
    assert client.get(f"/api/assessments/{assessment_id}").json()["assessment"]["state"] == "under_review"


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("requestor", 200), ("requestor2", 404), ("assessor", 403), ("admin", 403)],
)
def test_only_the_owner_withdraws(cast, role, status):
    assessment_id = submitted(cast)

    response = api(
        _client(cast, role), "post", f"/api/assessments/{assessment_id}/withdraw", {"reason": "Cancelled"}
    )

    assert response.status_code == status, response.content
    if status == 200:
        assert response.json()["assessment"]["state"] == "withdrawn"


def test_it_refuses_a_withdrawal_once_an_assessor_has_it(cast):
    assessment_id = under_review(cast)

    response = api(cast.client("requestor"), "post", f"/api/assessments/{assessment_id}/withdraw", {})

    assert response.status_code == 403
    assert "under review" in response.json()["message"]


def test_a_decision_needs_a_rationale_and_conditions_need_an_owner(cast):
    assessment_id = under_review(cast)
    client = cast.client("assessor")
    area = client.get(f"/api/assessments/{assessment_id}/decisions").json()["open_areas"][0]

    no_rationale = _decide(client, assessment_id, area, rationale="  ")
    no_owner = _decide(
        client,
        assessment_id,
        area,
        outcome="approve_with_conditions",
        conditions=[{"text": "Pen test before go-live", "owner": "", "due_on": IN_A_MONTH}],
    )

    assert no_rationale.status_code == 422 and "rationale" in no_rationale.json()["extra"]["fields"]
    assert no_owner.status_code == 422
    assert "conditions.0.owner" in no_owner.json()["extra"]["fields"]
    assert client.get(f"/api/assessments/{assessment_id}/decisions").json()["open_areas"] == [area]


def test_a_decision_on_an_area_that_is_not_active_is_refused_naming_the_area(cast):
    assessment_id = under_review(cast)

    response = _decide(cast.client("assessor"), assessment_id, "data_privacy")

    assert response.status_code == 422 and set(response.json()["extra"]["fields"]) == {"area"}


def test_a_decision_on_a_stale_version_is_a_conflict(cast):
    assessment_id = under_review(cast)
    client = cast.client("assessor")
    read = client.get(f"/api/assessments/{assessment_id}/decisions").json()
    # Someone else moves the assessment after the read (hands it to a colleague).
    api(client, "post", f"/api/assessments/{assessment_id}/assign", {"assignee": cast.assessor2.pk})

    stale = _decide(client, assessment_id, read["open_areas"][0], expected_version=read["version"])

    assert stale.status_code == 409, stale.content
    assert client.get(f"/api/assessments/{assessment_id}/decisions").json()["record"] is None


def test_a_requestor_cannot_decide_their_own_assessment(cast):
    assessment_id = under_review(cast)
    area = cast.client("assessor").get(f"/api/assessments/{assessment_id}/decisions").json()["open_areas"][0]

    assert _decide(cast.client("requestor"), assessment_id, area).status_code == 403
    assert _decide(cast.client("requestor2"), assessment_id, area).status_code == 404


def test_an_unknown_round_is_not_found(cast):
    assessment_id = submitted(cast)

    response = cast.client("requestor").get(f"/api/assessments/{assessment_id}/rounds/3")

    assert response.status_code == 404 and "round 3" in response.json()["message"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("requestor", 403), ("assessor", 200), ("admin", 200)],
)
def test_the_queue_is_for_reviewers(cast, role, status):
    submitted(cast)

    response = _client(cast, role).get("/api/review/queue")

    assert response.status_code == status, response.content
    if status == 403:
        assert "assessors" in response.json()["message"]


def test_the_queue_filters_by_assignee_state_and_search_and_the_archive_holds_sent_back_ones(cast):
    waiting = submitted(cast)
    taken = under_review(cast)
    returned = sent_back(cast)
    client = cast.client("assessor")

    def ids(**params: Any) -> list[str]:
        response = client.get("/api/review/queue", params)
        assert response.status_code == 200, response.content
        return [e["id"] for e in response.json()["items"]]

    assert set(ids()) == {waiting, taken}
    assert ids(assignee="unassigned") == [waiting]
    assert ids(assignee="me") == [taken]
    assert ids(assignee=str(cast.assessor2.pk)) == []
    assert ids(state="under_review") == [taken]
    assert ids(q=waiting) == [waiting]
    assert ids(phase="archive") == [returned]
    assert ids(order="due", descending="true", limit=1) in ([waiting], [taken])


def test_the_queue_refuses_a_filter_it_does_not_know(cast):
    client = cast.client("assessor")

    bad_assignee = client.get("/api/review/queue", {"assignee": "someone"})
    bad_order = client.get("/api/review/queue", {"order": "random"})

    assert bad_assignee.status_code == 422 and "assignee" in bad_assignee.json()["extra"]["fields"]
    assert bad_order.status_code == 422 and "order" in bad_order.json()["extra"]["fields"]
