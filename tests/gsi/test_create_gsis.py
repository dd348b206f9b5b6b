"""``manage.py create_gsis`` on a table with none, some and all of the added GSIs."""

from __future__ import annotations

import pytest

from integrations import instrumentation
from integrations.table import IndexStatus, schema
from tests.gsi.conftest import Backend, run

ADDED = [index.name for index in schema.ADDED_INDEXES]


def test_it_adds_every_missing_index_with_one_update_table_each(new_table: Backend) -> None:
    with instrumentation.recording() as calls:
        result = run("create_gsis")

    assert result.code == 0, result.err
    assert calls.count("dynamodb", "UpdateTable") == len(ADDED)
    assert all(s.status == "ACTIVE" for s in new_table.statuses().values())
    for name in ADDED:
        assert f"Creating {name}" in result.out
        assert f"{name}: ACTIVE" in result.out


def test_it_adds_only_the_indexes_that_are_missing(new_table: Backend) -> None:
    new_table.add_by_hand("gsi2-session-entity", "gsi4-state-updated")

    with instrumentation.recording() as calls:
        result = run("create_gsis")

    assert result.code == 0, result.err
    assert calls.count("dynamodb", "UpdateTable") == 3
    created = [line.split()[1] for line in result.out.splitlines() if line.startswith("Creating ")]
    assert created == ["gsi3-assessment-events", "gsi5-title-search", "gsi6-entity-type"]
    assert all(s.status == "ACTIVE" for s in new_table.statuses().values())


def test_it_changes_nothing_when_every_index_exists(new_table: Backend) -> None:
    assert run("create_gsis").code == 0

    with instrumentation.recording() as calls:
        again = run("create_gsis")

    assert again.code == 0 and "nothing to do" in again.out
    assert calls.count("dynamodb", "UpdateTable") == 0


def test_it_only_reports_on_a_dry_run(new_table: Backend) -> None:
    new_table.add_by_hand("gsi3-assessment-events")

    with instrumentation.recording() as calls:
        result = run("create_gsis", "--dry-run")

    assert result.code == 0
    assert calls.count("dynamodb", "UpdateTable") == 0
    would = [line.split()[2] for line in result.out.splitlines() if line.startswith("Would create")]
    assert would == [n for n in ADDED if n != "gsi3-assessment-events"]
    assert [s.status for s in new_table.statuses().values()] == [
        "ACTIVE",
        "MISSING",
        "ACTIVE",
        "MISSING",
        "MISSING",
        "MISSING",
    ]


def test_it_fails_clearly_when_the_table_does_not_exist(backend: Backend) -> None:
    result = run("create_gsis")

    assert result.code == 1
    assert "create_table" in result.err


class _SlowIndexes:
    """A store whose new indexes stay CREATING for ``polls`` status reads, as on real DynamoDB
    (moto and the local store report ACTIVE at once)."""

    def __init__(self, store: object, polls: int) -> None:
        self._store = store
        self._polls = polls
        self.created: list[str] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    async def create_index(self, name: str) -> None:
        await self._store.create_index(name)  # type: ignore[attr-defined]
        self.created.append(name)

    async def index_statuses(self) -> list[IndexStatus]:
        statuses = await self._store.index_statuses()  # type: ignore[attr-defined]
        if self.created and self._polls > 0:
            self._polls -= 1
            return [
                IndexStatus(s.name, s.hash_key, s.range_key, "CREATING") if s.name == self.created[-1] else s
                for s in statuses
            ]
        return statuses


@pytest.fixture
def slow_indexes(new_table: Backend, monkeypatch: pytest.MonkeyPatch) -> callable:
    from integrations.management.commands import create_gsis
    from integrations.table import get_table

    def install(polls: int) -> _SlowIndexes:
        store = _SlowIndexes(get_table(), polls)
        monkeypatch.setattr(create_gsis, "get_table", lambda name=None: store)
        return store

    return install


def test_it_waits_for_a_building_index_and_shows_progress(new_table: Backend, slow_indexes: callable) -> None:
    slow_indexes(polls=2)

    result = run("create_gsis", "--interval", "0.01")

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    first = ADDED[0]
    assert sum(1 for line in lines if line.strip().startswith(f"{first}: CREATING")) == 2
    assert f"  {first}: ACTIVE" in "\n".join(lines)
    assert all(s.status == "ACTIVE" for s in new_table.statuses().values())


def test_it_fails_with_status_1_when_an_index_outlasts_the_timeout(
    new_table: Backend, slow_indexes: callable
) -> None:
    slow_indexes(polls=10**6)

    result = run("create_gsis", "--timeout", "0.2", "--interval", "0.05")

    assert result.code == 1
    assert "timed out" in result.err and ADDED[0] in result.err
