"""``manage.py create_table``."""

from __future__ import annotations

from tests.gsi.conftest import Backend, run


def test_it_creates_the_table_with_gsi1_once(backend: Backend) -> None:
    first = run("create_table")
    second = run("create_table")

    assert first.code == 0 and "Created" in first.out
    assert second.code == 0 and "exists already" in second.out
    statuses = backend.statuses()
    assert statuses["gsi1"].status == "ACTIVE"
    assert statuses["gsi2-session-entity"].status == "MISSING"


def test_it_creates_the_table_named_by_the_option(backend: Backend) -> None:
    result = run("create_table", "--table", "tra-other")

    assert result.code == 0 and "tra-other" in result.out
    assert backend.statuses("tra-other")["gsi1"].status == "ACTIVE"
    assert run("check_gsis").code == 1  # the default table still does not exist
