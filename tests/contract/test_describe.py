"""``describe``: the table's and every index's state in one cheap call, for readiness probes."""

from __future__ import annotations

import pytest

from integrations import instrumentation
from integrations.errors import ResourceMissing, Unavailable
from integrations.table import TableStore, schema


async def test_it_describes_a_fully_indexed_table_as_active(table: TableStore) -> None:
    with instrumentation.recording() as calls:
        description = await table.describe()

    assert description.status == "ACTIVE"
    assert [(i.name, i.status) for i in description.indexes] == [(i.name, "ACTIVE") for i in schema.INDEXES]
    assert calls.calls == [("dynamodb", "DescribeTable")]


async def test_it_names_the_indexes_a_new_table_still_lacks(bare_table: TableStore) -> None:
    description = await bare_table.describe()

    missing = [i.name for i in description.indexes if i.status == "MISSING"]
    assert missing == [i.name for i in schema.ADDED_INDEXES]


async def test_it_reports_a_missing_table_as_an_outage(absent_table: TableStore) -> None:
    with pytest.raises(ResourceMissing) as raised:
        await absent_table.describe()

    assert isinstance(raised.value, Unavailable)
