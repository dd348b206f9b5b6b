"""The review's pure parts: round diffs, due dates, queue entries and filters, item round trips."""

from __future__ import annotations

from datetime import date

import pytest

from assessments.domain import keys
from assessments.domain.queue import (
    QueueEntry,
    QueueFilters,
    QueueOrder,
    QueuePhase,
    add_working_days,
    queue_phase,
)
from assessments.domain.records import AssessmentRecord
from assessments.domain.review import (
    AreaDecision,
    CommentRecord,
    ConditionItem,
    DecisionRecord,
    Outcome,
    RoundAnswer,
    RoundDocument,
    RoundSnapshot,
    ThreadState,
    ThreadStatus,
    decision_areas,
    round_diff,
)
from assessments.domain.workflow import State


def _round(
    number: int, answers: dict, documents: dict, areas: tuple[str, ...] = ("third_party",)
) -> RoundSnapshot:
    return RoundSnapshot(
        assessment_id="TRA-2026-ABC123",
        number=number,
        submitted_at=f"2026-12-0{number}T10:00:00.000000Z",
        submitted_by="requestor",
        questionnaire_version=1,
        active_areas=areas,
        answers={qid: RoundAnswer(value=v, source="manual") for qid, v in answers.items()},
        documents={did: RoundDocument(name=name, sha256=sha) for did, (name, sha) in documents.items()},
    )


def test_a_diff_names_answers_added_changed_and_removed_and_documents_by_content() -> None:
    first = _round(
        1,
        {"Q-01": "a", "Q-02": "No", "TP-05": ["SOC 2", "ISO"]},
        {"d1": ("plan.pdf", "aa"), "d2": ("old.docx", "bb")},
    )
    second = _round(
        2,
        {"Q-01": "a", "Q-02": "Yes", "TP-05": ["ISO", "SOC 2"], "DP-01": "names"},
        # d3 is plan.pdf uploaded again unchanged: not a change; old.docx went, new.xlsx came.
        {"d3": ("plan.pdf", "aa"), "d4": ("new.xlsx", "cc")},
        areas=("third_party", "data_privacy"),
    )
    diff = round_diff(first, second)
    assert [c.question_id for c in diff.answers_added] == ["DP-01"]
    assert [(c.question_id, c.before, c.after) for c in diff.answers_changed] == [("Q-02", "No", "Yes")]
    assert diff.answers_removed == ()
    assert [d.name for d in diff.documents_added] == ["new.xlsx"]
    assert [d.name for d in diff.documents_removed] == ["old.docx"]
    assert diff.areas_added == ("data_privacy",)
    assert diff.changed_question_ids() == {"DP-01", "Q-02"}
    assert not diff.is_empty


def test_a_resubmission_without_changes_has_an_empty_diff() -> None:
    first = _round(1, {"Q-01": "a"}, {"d1": ("plan.pdf", "aa")})
    assert round_diff(first, _round(2, {"Q-01": "a"}, {"d1": ("plan.pdf", "aa")})).is_empty


def test_working_days_skip_weekends_and_holidays() -> None:
    friday = date(2026, 12, 4)
    assert add_working_days(friday, 1) == date(2026, 12, 7)  # Monday
    assert add_working_days(friday, 10) == date(2026, 12, 18)
    assert add_working_days(friday, 1, holidays=[date(2026, 12, 7)]) == date(2026, 12, 8)
    assert add_working_days(friday, 0) == friday


@pytest.mark.parametrize(
    ("state", "round_number", "phase"),
    [
        (State.DRAFT, 0, None),
        (State.WITHDRAWN, 0, None),
        (State.SUBMITTED, 1, QueuePhase.OPEN),
        (State.UNDER_REVIEW, 1, QueuePhase.OPEN),
        (State.SENT_BACK, 1, QueuePhase.ARCHIVE),
        (State.FINALIZED, 2, QueuePhase.ARCHIVE),
        (State.REJECTED, 1, QueuePhase.ARCHIVE),
        (State.WITHDRAWN, 1, QueuePhase.ARCHIVE),
    ],
)
def test_an_assessment_is_in_the_queue_while_reviewable_and_in_the_archive_after(
    state, round_number, phase
) -> None:
    assert queue_phase(state, round_number) is phase


def _entry(**changes) -> QueueEntry:
    base = dict(
        assessment_id="TRA-2026-ABC123",
        title="Customer support platform",
        state=State.UNDER_REVIEW,
        owner_name="requestor",
        business_unit="Customer Operations",
        data_classification="Confidential",
        active_areas=("third_party", "data_privacy"),
        assignee_id=7,
        assignee_name="assessor",
        submitted_at="2026-12-01T10:00:00.000000Z",
        due_on="2026-12-15",
        round=1,
        updated_at="2026-12-02T10:00:00.000000Z",
    )
    return QueueEntry(**{**base, **changes})


def test_queue_entries_sort_by_their_order_and_round_trip() -> None:
    entry = _entry()
    item = entry.to_item(QueuePhase.OPEN, QueueOrder.DUE)
    assert item["pk"] == keys.assessment_pk(entry.assessment_id)
    assert item["sk"] == "QUEUE#due"
    assert item["gsi1_pk"] == "QUEUE#open#due"
    assert item["gsi1_sk"] == "2026-12-15#TRA-2026-ABC123"
    assert QueueEntry.from_item(item) == entry
    assert entry.to_item(QueuePhase.ARCHIVE, QueueOrder.SUBMITTED)["gsi1_sk"].startswith("2026-12-01T10")


def test_queue_filters_combine_and_each_narrows() -> None:
    today = date(2026, 12, 20)
    entry = _entry()
    assert QueueFilters().matches(entry, today=today)
    assert QueueFilters(states=frozenset({State.UNDER_REVIEW}), business_unit="customer operations").matches(
        entry, today=today
    )
    assert not QueueFilters(states=frozenset({State.SUBMITTED})).matches(entry, today=today)
    assert QueueFilters(risk_areas=frozenset({"data_privacy", "ai"})).matches(entry, today=today)
    assert not QueueFilters(risk_areas=frozenset({"ai"})).matches(entry, today=today)
    assert QueueFilters(assignee_id=7).matches(entry, today=today)
    assert not QueueFilters(unassigned=True).matches(entry, today=today)
    assert QueueFilters(overdue=True).matches(entry, today=today)
    assert not QueueFilters(overdue=True).matches(entry, today=date(2026, 12, 15))
    assert QueueFilters(text="abc123").matches(entry, today=today)
    assert QueueFilters(text="support customer").matches(entry, today=today)
    assert not QueueFilters(text="payroll").matches(entry, today=today)
    assert not QueueFilters(data_classification="Public").matches(entry, today=today)


def test_a_decided_assessment_is_never_overdue() -> None:
    assert not _entry(state=State.FINALIZED).is_overdue(date(2027, 1, 1))


def test_every_area_needs_a_decision_and_none_active_means_one_overall() -> None:
    assert decision_areas(("third_party", "ai")) == ("third_party", "ai")
    assert decision_areas(()) == ("overall",)


def test_review_items_round_trip() -> None:
    comment = CommentRecord(
        "TRA-2026-ABC123",
        "TP-01",
        "2026-12-02T10:00:00.000001Z",
        "assessor",
        3,
        "assessor",
        "Which entity?",
        1,
    )
    assert CommentRecord.from_item(comment.to_item()) == comment
    assert comment.to_item()["sk"] == "COMMENT#TP-01#2026-12-02T10:00:00.000001Z"
    thread = ThreadState(
        "TRA-2026-ABC123", "TP-01", ThreadStatus.RESOLVED, "requestor", "2026-12-02T11:00:00.000000Z", 2
    )
    assert ThreadState.from_item(thread.to_item()) == thread
    decision = AreaDecision(
        assessment_id="TRA-2026-ABC123",
        round=2,
        area_key="third_party",
        outcome=Outcome.APPROVE_WITH_CONDITIONS,
        rationale="Contract covers it.",
        conditions=(ConditionItem("Sign the DPA", "requestor", "2027-01-31"),),
        assessor="assessor",
        assessor_id=3,
        at="2026-12-03T10:00:00.000000Z",
        inherent_rating="high",
        residual_rating="medium",
        residual_rationale="DPA lowers it.",
    )
    assert AreaDecision.from_item(decision.to_item()) == decision
    assert decision.to_item()["sk"] == "DECISION#0002#third_party"
    record = DecisionRecord(
        assessment_id="TRA-2026-ABC123",
        round=2,
        outcome="finalized",
        decided_at="2026-12-03T10:00:00.000000Z",
        decisions=(decision,),
        answers={"Q-01": RoundAnswer("a", "suggestion_accepted")},
        inherent_overall="high",
        residual_overall="medium",
        questionnaire_key="default",
        questionnaire_version=1,
    )
    assert DecisionRecord.from_item(record.to_item()) == record
    snapshot = _round(3, {"Q-01": ["x"]}, {"d": ("a.pdf", "ff")})
    assert RoundSnapshot.from_item(snapshot.to_item()) == snapshot
    assert snapshot.to_item()["pk"] == "ROUNDS#TRA-2026-ABC123" and snapshot.to_item()["sk"] == "ROUND#0003"


def test_an_assessment_never_submitted_keeps_the_item_it_always_had() -> None:
    record = AssessmentRecord(
        id="TRA-2026-ABC123",
        title="T",
        project="P",
        description="",
        system_id="",
        data_classification="Internal",
        business_unit="BU",
        state=State.DRAFT,
        owner_id=1,
        owner_name="requestor",
        questionnaire_key="default",
        questionnaire_version=1,
        active_areas=(),
        created_at="x",
        updated_at="x",
        submitted_at=None,
        feedback="",
        version=1,
    )
    item = record.to_item()
    assert not {"round", "assignee_id", "due_on", "sent_back_by", "decided_at"} & item.keys()
    assert AssessmentRecord.from_item(item) == record
    assigned = AssessmentRecord.from_item(
        {**item, "round": 2, "assignee_id": 5, "assignee_name": "a", "due_on": "2026-12-15"}
    )
    assert assigned.queue_entry().assignee_id == 5 and assigned.queue_entry().round == 2
