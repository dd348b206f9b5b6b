"""The GSI commands against a table in each backend, and a way to run them like a user."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from django.core.management import CommandError, call_command

from integrations.runtime import run_sync
from integrations.table import IndexStatus, forget_tables, get_table, schema


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(command: str, *args: str) -> Result:
    """Run a management command; ``code`` is the exit status manage.py would give."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, *args, stdout=out, stderr=err)
    except CommandError as exc:
        return Result(exc.returncode, out.getvalue(), str(exc))
    return Result(0, out.getvalue(), err.getvalue())


@dataclass
class Backend:
    name: str
    endpoint: str | None
    region: str

    def statuses(self, table: str | None = None) -> dict[str, IndexStatus]:
        return {s.name: s for s in run_sync(get_table(table).index_statuses)}

    def add_by_hand(self, *names: str) -> None:
        """What an operator might have done already: add some GSIs with their own UpdateTable."""
        if self.name == "local":
            for name in names:
                run_sync(get_table().create_index, name)
            return
        client = boto3.client("dynamodb", endpoint_url=self.endpoint, region_name=self.region)
        table = get_table().table_name
        for name in names:
            index = schema.INDEXES_BY_NAME[name]
            client.update_table(
                TableName=table,
                AttributeDefinitions=[
                    {"AttributeName": index.hash_key, "AttributeType": "S"},
                    {"AttributeName": index.range_key, "AttributeType": "S"},
                ],
                GlobalSecondaryIndexUpdates=[
                    {
                        "Create": {
                            "IndexName": name,
                            "KeySchema": [
                                {"AttributeName": index.hash_key, "KeyType": "HASH"},
                                {"AttributeName": index.range_key, "KeyType": "RANGE"},
                            ],
                            "Projection": {"ProjectionType": "ALL"},
                        }
                    }
                ],
            )


@pytest.fixture(params=["local", "dynamodb"])
def backend(request: pytest.FixtureRequest, settings: Any, tmp_path: Path) -> Iterator[Backend]:
    """Settings pointing the commands at an empty backend (no table yet)."""
    if request.param == "local":
        settings.TRA_TABLE_BACKEND = "local"
        settings.TRA_LOCAL_TABLE_PATH = tmp_path / "tra-table.sqlite3"
        endpoint = None
    else:
        endpoint = request.getfixturevalue("aws")
        settings.TRA_TABLE_BACKEND = "dynamodb"
    forget_tables()
    yield Backend(request.param, endpoint, settings.AWS_REGION)
    forget_tables()


@pytest.fixture
def new_table(backend: Backend) -> Backend:
    """A table just made by create_table: gsi1 only."""
    assert run("create_table").code == 0
    return backend
