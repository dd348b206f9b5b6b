"""Search through the index: who sees what, paging, no hits, the create transaction, the backfill."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.domain.search import MAX_TOKENS
from assessments.errors import ValidationFailed
from assessments.selectors.search import search
from assessments.services.search_index import search_index_backfill
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.search.helpers import record, seed_index
from tests.web.helpers import create_assessment


def _ids(page: Any) -> list[str]:
    return [hit.assessment_id for hit in page.items]


def test_create_writes_the_tokens_in_the_same_transaction_as_meta(cast: Any, monkeypatch: Any) -> None:
    table = get_table()
    batches: list[list[Any]] = []
    real = table.transact

    async def spy(ops: Any) -> None:
        batches.append(list(ops))
        await real(ops)

    monkeypatch.setattr(table, "transact", spy)
    assessment_id = create_assessment(cast, title="Payroll cloud move")
    [ops] = batches
    keys = [getattr(op, "item", {}).get("pk", "") for op in ops]
    assert f"ASSESSMENT#{assessment_id}" in keys
    search_pks = [k for k in keys if k.startswith("SEARCH#")]
    user_id = cast.actor("requestor").user_id
    assert "SEARCH#ALL#payroll" in search_pks and f"SEARCH#USER#{user_id}#payroll" in search_pks
    # Two entries per token (title 3, project 2, system id 2, business unit whole + 2, id 2).
    assert len(search_pks) == 2 * 12
    assert len(ops) <= 100 and 2 * MAX_TOKENS + 4 <= 100


def test_a_requestor_finds_only_their_own_and_an_assessor_all(cast: Any) -> None:
    mine = create_assessment(cast, "requestor", title="Payroll cloud move")
    theirs = create_assessment(cast, "requestor2", title="Payroll vendor")
    assert _ids(run_sync(search, actor=cast.actor("requestor"), q="payroll")) == [mine]
    assert _ids(run_sync(search, actor=cast.actor("requestor2"), q="PAYROLL")) == [theirs]
    assert _ids(run_sync(search, actor=cast.actor("assessor"), q="payroll")) == [theirs, mine]


def test_it_finds_by_id_hex_part_system_id_project_and_business_unit(cast: Any) -> None:
    found = create_assessment(
        cast, title="Payroll", project="Ledger move", system_id="HR-77", business_unit="Group Finance"
    )
    create_assessment(cast, title="Payroll", project="Other", system_id="HR-78", business_unit="Sales")
    assessor = cast.actor("assessor")
    for q in (found, found.lower(), found[-6:], "ledger", "hr 77", "HR-77"):
        assert _ids(run_sync(search, actor=assessor, q=q)) == [found], q
    assert _ids(run_sync(search, actor=assessor, q="payroll", business_unit="group finance")) == [found]
    assert _ids(run_sync(search, actor=assessor, q="", business_unit="Group Finance")) == [found]
    assert _ids(run_sync(search, actor=assessor, q="group finance payroll")) == [found]


def test_a_query_with_no_hits_is_an_empty_last_page(cast: Any) -> None:
    create_assessment(cast, title="Payroll")
    page = run_sync(search, actor=cast.actor("assessor"), q="payroll kubernetes")
    assert page.items == [] and page.next_cursor is None
    assert run_sync(search, actor=cast.actor("assessor"), q="unheard").items == []
    assert run_sync(search, actor=cast.actor("assessor"), q="the").queries == 0


def test_it_pages_newest_first_without_repeats(cast: Any) -> None:
    owner = cast.actor("requestor")
    seed_index([record(n, owner_id=owner.user_id) for n in range(1, 46)])
    seen: list[str] = []
    cursor = None
    while True:
        page = run_sync(search, actor=owner, q="payroll", cursor=cursor, limit=20)
        seen.extend(_ids(page))
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [f"TRA-2026-{n:06X}" for n in range(45, 0, -1)]


def test_a_cursor_is_good_only_for_its_own_search_and_user(cast: Any) -> None:
    owner = cast.actor("requestor")
    seed_index([record(n, owner_id=owner.user_id) for n in range(1, 6)])
    cursor = run_sync(search, actor=owner, q="payroll", limit=2).next_cursor
    assert cursor
    with pytest.raises(ValidationFailed):
        run_sync(search, actor=owner, q="ledger", cursor=cursor, limit=2)
    with pytest.raises(ValidationFailed):
        run_sync(search, actor=cast.actor("requestor2"), q="payroll", cursor=cursor, limit=2)


@pytest.mark.parametrize("q", ["payroll", "payroll ledger finance"])
def test_a_search_page_costs_the_same_queries_whatever_the_table_holds(cast: Any, q: str) -> None:
    """10 or 1,000 assessments: one Query for one word, the same bounded count for several."""
    owner = cast.actor("requestor")
    costs = []
    for size, start in ((10, 1), (1_000, 100)):
        seed_index([record(n, owner_id=owner.user_id) for n in range(start, start + size)])
        for actor in (owner, cast.actor("assessor")):
            with instrumentation.recording() as calls:
                page = run_sync(search, actor=actor, q=q, limit=20)
            assert len(page.items) == (10 if size == 10 else 20)
            costs.append((calls.count("dynamodb", "Query"), calls.count("dynamodb")))
            assert calls.count("dynamodb", "Scan") == 0
    assert costs == [(1, 1)] * 4


def test_the_backfill_indexes_older_assessments_and_is_idempotent(cast: Any) -> None:
    old = create_assessment(cast, title="Legacy payroll")
    table = get_table()
    entries = run_sync(table.query, partition="SEARCH#ALL#legacy").items
    run_sync(table.batch_write, deletes=[(e["pk"], e["sk"]) for e in entries])
    assert run_sync(search, actor=cast.actor("assessor"), q="legacy").items == []
    first = run_sync(search_index_backfill)
    second = run_sync(search_index_backfill)
    assert first == second and first.seen == 1
    assert _ids(run_sync(search, actor=cast.actor("assessor"), q="legacy")) == [old]
    assert len(run_sync(table.query, partition="SEARCH#ALL#legacy").items) == 1


def test_manage_py_index_search_reports_what_it_indexed(cast: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    create_assessment(cast, title="Legacy payroll")
    out = StringIO()
    call_command("index_search", stdout=out)
    assert "Assessments indexed: 1; entries written: " in out.getvalue()
