"""The queue and archive selector: one gsi1 Query a page, filters on the entries, signed cursors."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assessments.domain.queue import QueueEntry, QueueFilters, QueueOrder, QueuePhase
from assessments.domain.workflow import State
from assessments.errors import ValidationFailed
from assessments.selectors.review_queue import READ_BUDGET, review_queue_page
from integrations import instrumentation
from integrations.runtime import run_sync

TODAY = date(2026, 3, 16)


def _entry(n: int, **changes: Any) -> QueueEntry:
    values: dict[str, Any] = {
        "assessment_id": f"TRA-2026-{n:06X}",
        "title": f"System {n}",
        "state": State.SUBMITTED,
        "owner_name": "requestor",
        "business_unit": "Customer Operations",
        "data_classification": "Confidential",
        "active_areas": ("third_party",),
        "assignee_id": None,
        "assignee_name": "",
        "submitted_at": f"2026-03-01T00:00:00.{n:06d}Z",
        "due_on": "2026-03-20",
        "round": 1,
        "updated_at": f"2026-03-01T00:00:00.{n:06d}Z",
    }
    values.update(changes)
    return QueueEntry(**values)


def _seed(table: Any, entries: list[QueueEntry], phase: QueuePhase = QueuePhase.OPEN) -> None:
    puts = [e.to_item(phase, order) for e in entries for order in QueueOrder]
    run_sync(table.batch_write, puts=puts)


def _page(**kwargs: Any) -> Any:
    args: dict[str, Any] = {
        "phase": QueuePhase.OPEN,
        "order": QueueOrder.SUBMITTED,
        "descending": True,
        "filters": QueueFilters(),
        "cursor": None,
        "limit": 25,
        "today": TODAY,
    }
    args.update(kwargs)
    return run_sync(review_queue_page, **args)


def test_an_unfiltered_page_is_one_query_whatever_the_size_of_the_queue(tra_table):
    _seed(tra_table, [_entry(n) for n in range(1000)])
    with instrumentation.recording() as calls:
        page = _page()
    assert len(page.items) == 25 and page.next_cursor
    assert calls.by_operation() == {("dynamodb", "Query"): 1}

    assert page.items[0].assessment_id == f"TRA-2026-{999:06X}"  # newest submission first


def test_a_small_queue_costs_the_same_calls_as_a_big_one(tra_table):
    _seed(tra_table, [_entry(n) for n in range(10)])
    with instrumentation.recording() as calls:
        page = _page()
    assert len(page.items) == 10 and page.next_cursor is None
    assert calls.by_operation() == {("dynamodb", "Query"): 1}


def test_it_pages_through_the_whole_queue_in_order_without_repeats(tra_table):
    _seed(tra_table, [_entry(n) for n in range(60)])
    seen: list[str] = []
    cursor = None
    for _ in range(5):
        page = _page(cursor=cursor, order=QueueOrder.SUBMITTED, descending=False)
        seen += [e.assessment_id for e in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [f"TRA-2026-{n:06X}" for n in range(60)]


def test_a_sparse_filter_stops_at_the_read_budget_and_resumes_where_it_stopped(tra_table):
    # 1 in 100 entries is in "Finance": the first pages are spent looking.
    entries = [_entry(n, business_unit="Finance" if n % 100 == 0 else "Ops") for n in range(1000)]
    _seed(tra_table, entries)
    filters = QueueFilters(business_unit="finance")
    seen: list[str] = []
    cursor = None
    rounds = 0
    while True:
        with instrumentation.recording() as calls:
            page = _page(filters=filters, cursor=cursor, descending=False, limit=3)
        assert calls.count("dynamodb", "Query") <= READ_BUDGET
        seen += [e.assessment_id for e in page.items]
        cursor = page.next_cursor
        rounds += 1
        if cursor is None or rounds > 20:
            break
    assert seen == [f"TRA-2026-{n:06X}" for n in range(0, 1000, 100)]


def test_it_filters_on_what_the_entry_carries(tra_table):
    me = 7
    _seed(
        tra_table,
        [
            _entry(1, assignee_id=me, assignee_name="assessor", state=State.UNDER_REVIEW),
            _entry(2, due_on="2026-03-10"),  # overdue on TODAY
            _entry(3, active_areas=("data_privacy",), data_classification="Restricted"),
        ],
    )

    def ids(**filters: Any) -> list[str]:
        return [e.assessment_id[-1] for e in _page(filters=QueueFilters(**filters), descending=False).items]

    assert ids(assignee_id=me) == ["1"]
    assert ids(unassigned=True) == ["2", "3"]
    assert ids(overdue=True) == ["2"]
    assert ids(risk_areas=frozenset({"data_privacy"})) == ["3"]
    assert ids(data_classification="Restricted") == ["3"]
    assert ids(states=frozenset({State.UNDER_REVIEW})) == ["1"]
    assert ids(text="system 2") == ["2"]


def test_it_finds_an_exact_id_with_one_read_and_keeps_the_other_lists_out(tra_table):
    _seed(tra_table, [_entry(n) for n in range(30)])
    _seed(tra_table, [_entry(40, state=State.FINALIZED)], phase=QueuePhase.ARCHIVE)
    with instrumentation.recording() as calls:
        page = _page(filters=QueueFilters(text=f"tra-2026-{12:06x}"))
    assert [e.assessment_id for e in page.items] == [f"TRA-2026-{12:06X}"]
    assert calls.count("dynamodb") == 1
    assert _page(filters=QueueFilters(text=f"TRA-2026-{40:06X}")).items == []
    archived = _page(phase=QueuePhase.ARCHIVE, filters=QueueFilters(text=f"TRA-2026-{40:06X}"))
    assert [e.state for e in archived.items] == [State.FINALIZED]


def test_a_cursor_from_another_list_is_refused(tra_table):
    _seed(tra_table, [_entry(n) for n in range(30)])
    cursor = _page().next_cursor
    with pytest.raises(ValidationFailed):
        _page(cursor=cursor, order=QueueOrder.DUE)
    with pytest.raises(ValidationFailed):
        _page(cursor=cursor, filters=QueueFilters(overdue=True))
    with pytest.raises(ValidationFailed):
        _page(cursor=cursor, phase=QueuePhase.ARCHIVE)
    with pytest.raises(ValidationFailed):
        _page(cursor="forged")
