"""The local store's file deleted or replaced under a running process: an outage, never a silent new store."""

from __future__ import annotations

import pytest

from integrations.errors import ResourceMissing
from integrations.table.local import LocalTableStore
from tests.fixtures.tables import create_with_all_indexes

ITEM = {"pk": "ASSESSMENT#TRA-2026-000001", "sk": "META", "version": 1}


@pytest.fixture
async def store(tmp_path):
    store = LocalTableStore(tmp_path / "tra.sqlite3", "tra-test")
    await create_with_all_indexes(store)
    await store.put(ITEM)
    yield store
    store.close()


async def test_it_reports_a_deleted_file_as_missing_instead_of_serving_the_unlinked_one(store):
    store.path.unlink()

    with pytest.raises(ResourceMissing):
        await store.get(ITEM["pk"], ITEM["sk"])
    with pytest.raises(ResourceMissing):
        await store.put(ITEM)
    with pytest.raises(ResourceMissing):
        await store.describe()
    assert not store.path.exists()  # nothing quietly created an empty store in its place


async def test_it_reopens_the_file_once_it_is_created_again(store):
    store.path.unlink()
    await create_with_all_indexes(store)

    assert await store.get(ITEM["pk"], ITEM["sk"]) is None  # the new, empty file
    await store.put(ITEM)
    assert await store.get(ITEM["pk"], ITEM["sk"]) == ITEM
