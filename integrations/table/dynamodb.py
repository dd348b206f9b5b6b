"""The TRA table's contract on Amazon DynamoDB (or any endpoint speaking its API, e.g. moto).

One low-level aiobotocore client per event loop (``integrations.clients``); every call passes
``instrumentation.record`` and ``translate_aws_errors``, so callers only ever see project
exceptions. Items are checked and encoded by ``codec`` exactly as the local store does.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Iterator, Sequence
from typing import Any

from botocore.exceptions import ClientError

from integrations import clients, instrumentation
from integrations.errors import (
    ResourceMissing,
    TransactionCanceled,
    Unavailable,
    translate_aws_errors,
)
from integrations.table import codec, schema
from integrations.table.contract import (
    Check,
    Condition,
    Delete,
    IndexStatus,
    Item,
    Page,
    Put,
    SortKey,
    TableDescription,
    TransactOp,
    Update,
)
from integrations.table.dynamodb_batches import DynamoBatches
from integrations.table.expressions import Expression, condition_args

# Reasons for which a cancelled transaction wrote nothing and may simply be sent again.
_RETRYABLE_REASONS = frozenset({"TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"})

_SORT_EXPRESSIONS = {
    "eq": "#r = :r",
    "lt": "#r < :r",
    "lte": "#r <= :r",
    "gt": "#r > :r",
    "gte": "#r >= :r",
    "begins_with": "begins_with(#r, :r)",
    "between": "#r BETWEEN :r AND :r2",
}


class DynamoTableStore(DynamoBatches):
    def __init__(
        self,
        table_name: str,
        endpoint_url: str | None,
        region: str,
        *,
        max_batch_retries: int = 8,
        max_transaction_retries: int = 6,
        backoff_base: float = 0.05,
        backoff_cap: float = 2.0,
        poll_interval: float = 2.0,
        wait_timeout: float = 600.0,
    ) -> None:
        self.table_name = table_name
        self.endpoint_url = endpoint_url
        self.region = region
        self.max_batch_retries = max_batch_retries
        self.max_transaction_retries = max_transaction_retries
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.poll_interval = poll_interval
        self.wait_timeout = wait_timeout

    def __repr__(self) -> str:
        return f"DynamoTableStore({self.table_name!r}, endpoint_url={self.endpoint_url!r}, region={self.region!r})"

    async def _client(self) -> Any:
        return await clients.get_client("dynamodb", endpoint_url=self.endpoint_url, region=self.region)

    @contextlib.contextmanager
    def _call(self, operation: str) -> Iterator[None]:
        instrumentation.record("dynamodb", operation)
        with translate_aws_errors(operation):
            yield

    # --- items -------------------------------------------------------------------------------

    async def get(self, pk: str, sk: str) -> Item | None:
        codec.check_key(pk, sk)
        client = await self._client()
        with self._call("GetItem"):
            # Strongly consistent, as the local store is: a service that just wrote an item
            # reads it back (e.g. redirect after save).
            response = await client.get_item(
                TableName=self.table_name, Key=codec.key_attribute_values(pk, sk), ConsistentRead=True
            )
        item = response.get("Item")
        return None if item is None else codec.from_attribute_values(item)

    async def put(self, item: Item, *, condition: Condition | None = None) -> None:
        codec.check_condition(condition)
        attributes = codec.to_attribute_values(item)
        client = await self._client()
        with self._call("PutItem"):
            await client.put_item(TableName=self.table_name, Item=attributes, **condition_args(condition))

    async def delete(self, pk: str, sk: str, *, condition: Condition | None = None) -> None:
        codec.check_key(pk, sk)
        codec.check_condition(condition)
        client = await self._client()
        with self._call("DeleteItem"):
            await client.delete_item(
                TableName=self.table_name,
                Key=codec.key_attribute_values(pk, sk),
                **condition_args(condition),
            )

    # --- queries ---------------------------------------------------------------------------

    async def query(
        self,
        *,
        partition: str,
        sort: SortKey | None = None,
        index: str | None = None,
        forward: bool = True,
        limit: int | None = None,
        start_key: Item | None = None,
    ) -> Page:
        codec.check_query(
            table_name=self.table_name,
            partition=partition,
            sort=sort,
            index=index,
            limit=limit,
            start_key=start_key,
        )
        hash_name, range_name = codec.key_names(index)
        names = {"#h": hash_name}
        values: dict[str, Any] = {":h": {"S": partition}}
        expression = "#h = :h"
        if sort is not None:
            names["#r"] = range_name
            values[":r"] = {"S": sort.value}
            if sort.op == "between":
                values[":r2"] = {"S": sort.upper}
            expression += " AND " + _SORT_EXPRESSIONS[sort.op]
        # Reference: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
        args: dict[str, Any] = {
            "TableName": self.table_name,
            "KeyConditionExpression": expression,
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
            "ScanIndexForward": forward,
        }
        if index is not None:
            args["IndexName"] = index
        else:
            args["ConsistentRead"] = True  # GSIs only offer eventual consistency
        if limit is not None:
            args["Limit"] = limit
        if start_key is not None:
            args["ExclusiveStartKey"] = {name: {"S": start_key[name]} for name in codec.page_key_names(index)}
        client = await self._client()
        with self._call("Query"):
            try:
                response = await client.query(**args)
            except ClientError as exc:
                replacement = self._missing_index(exc, index)
                if replacement is None:
                    raise
                raise replacement from exc
        items = [codec.from_attribute_values(raw) for raw in response.get("Items", [])]
        raw_last = response.get("LastEvaluatedKey")
        last_key = codec.from_attribute_values(raw_last) if raw_last else None
        if last_key is None and limit is not None and len(items) == limit:
            # DynamoDB returns a LastEvaluatedKey whenever it stopped at Limit, even if nothing
            # follows; moto only does when another item follows. Follow DynamoDB, so both
            # backends (and moto) answer alike.
            last_key = codec.page_key(items[-1], index)
        return Page(items=items, last_key=last_key)

    def _missing_index(self, exc: ClientError, index: str | None) -> Exception | None:
        """DynamoDB answers a Query on an unknown index with a ValidationException: a missing resource."""
        error = exc.response.get("Error", {})
        message = str(error.get("Message", ""))
        if index is None or error.get("Code") != "ValidationException":
            return None
        if "backfill" in message.lower():
            return Unavailable(f"Query: index {index} is still being built: {message}")
        if "index" in message.lower():
            return ResourceMissing(f"Query: table {self.table_name} has no index {index!r}: {message}")
        return None

    # --- transactions (batches: DynamoBatches) -------------------------------------------

    async def transact(self, ops: Sequence[TransactOp]) -> None:
        codec.check_transaction(ops)
        items = [self._transact_item(op) for op in ops]
        client = await self._client()
        retries = 0
        while True:
            try:
                with self._call("TransactWriteItems"):
                    # Reference: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
                    # translate_aws_errors turns TransactionCanceledException into TransactionCanceled
                    # with one reason per op: None, "ConditionalCheckFailed", or DynamoDB's other code.
                    await client.transact_write_items(TransactItems=items)
                return
            except TransactionCanceled as exc:
                # DynamoDB cancels a transaction that meets another one on the same item
                # (TransactionConflict) even when both could commit: nothing was written, so
                # send it again. A failed condition is the caller's business, never retried.
                if not _only_contention(exc.reasons) or retries >= self.max_transaction_retries:
                    raise
            retries += 1
            await asyncio.sleep(random.uniform(0, min(self.backoff_cap, self.backoff_base * 2**retries)))

    def _transact_item(self, op: TransactOp) -> dict[str, Any]:
        if isinstance(op, Update):
            expression = Expression()
            update: dict[str, Any] = {
                "TableName": self.table_name,
                "Key": codec.key_attribute_values(op.pk, op.sk),
                "UpdateExpression": expression.update(op),
            }
            if op.condition is not None:
                update["ConditionExpression"] = expression.condition(op.condition)
            return {"Update": {**update, **expression.args()}}
        base: dict[str, Any] = {"TableName": self.table_name, **condition_args(op.condition)}
        if isinstance(op, Put):
            return {"Put": {**base, "Item": codec.to_attribute_values(op.item)}}
        if isinstance(op, Delete):
            return {"Delete": {**base, "Key": codec.key_attribute_values(op.pk, op.sk)}}
        assert isinstance(op, Check)
        return {"ConditionCheck": {**base, "Key": codec.key_attribute_values(op.pk, op.sk)}}

    # --- administration --------------------------------------------------------------------

    async def _describe(self) -> dict[str, Any]:
        client = await self._client()
        with self._call("DescribeTable"):
            response = await client.describe_table(TableName=self.table_name)
        return response["Table"]

    async def create_table(self) -> bool:
        attributes = sorted(
            {schema.PK, schema.SK} | {a for i in schema.TABLE_INDEXES for a in (i.hash_key, i.range_key)}
        )
        client = await self._client()
        with self._call("CreateTable"):
            try:
                # Reference: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
                await client.create_table(
                    TableName=self.table_name,
                    BillingMode="PAY_PER_REQUEST",
                    AttributeDefinitions=[{"AttributeName": a, "AttributeType": "S"} for a in attributes],
                    KeySchema=[
                        {"AttributeName": schema.PK, "KeyType": "HASH"},
                        {"AttributeName": schema.SK, "KeyType": "RANGE"},
                    ],
                    GlobalSecondaryIndexes=[_gsi_spec(i) for i in schema.TABLE_INDEXES],
                )
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") != "ResourceInUseException":
                    raise
                return False  # it exists already: create_table is idempotent
        await self._wait_until_active()
        return True

    async def _wait_until_active(self) -> None:
        deadline = time.monotonic() + self.wait_timeout
        while True:
            table = await self._describe()
            statuses = [table.get("TableStatus")] + [
                g.get("IndexStatus") for g in table.get("GlobalSecondaryIndexes", [])
            ]
            if all(s == "ACTIVE" for s in statuses):
                return
            if time.monotonic() > deadline:
                raise Unavailable(
                    f"table {self.table_name} not ACTIVE after {self.wait_timeout:.0f}s: {statuses}"
                )
            await asyncio.sleep(self.poll_interval)

    async def index_statuses(self) -> list[IndexStatus]:
        return _index_statuses(await self._describe())

    async def describe(self) -> TableDescription:
        table = await self._describe()
        return TableDescription(str(table.get("TableStatus", "UNKNOWN")), _index_statuses(table))

    async def create_index(self, name: str) -> None:
        index = schema.INDEXES_BY_NAME.get(name)
        if index is None:
            raise ValueError(f"unknown index {name!r}; known: {', '.join(schema.INDEXES_BY_NAME)}")
        table = await self._describe()
        if any(g["IndexName"] == name for g in table.get("GlobalSecondaryIndexes", [])):
            return  # already there (or being built): nothing to start
        create: dict[str, Any] = _gsi_spec(index)
        if table.get("BillingModeSummary", {}).get("BillingMode", "PROVISIONED") == "PROVISIONED":
            # A provisioned table (e.g. one created by the prototype) needs the GSI's throughput.
            throughput = table.get("ProvisionedThroughput", {})
            create["ProvisionedThroughput"] = {
                "ReadCapacityUnits": max(1, int(throughput.get("ReadCapacityUnits") or 1)),
                "WriteCapacityUnits": max(1, int(throughput.get("WriteCapacityUnits") or 1)),
            }
        client = await self._client()
        with self._call("UpdateTable"):
            # Reference: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html
            # One index per UpdateTable (DynamoDB's rule); the attribute definitions it needs
            # are sent along and merge with the table's.
            await client.update_table(
                TableName=self.table_name,
                AttributeDefinitions=[
                    {"AttributeName": index.hash_key, "AttributeType": "S"},
                    {"AttributeName": index.range_key, "AttributeType": "S"},
                ],
                GlobalSecondaryIndexUpdates=[{"Create": create}],
            )


def _index_statuses(table: dict[str, Any]) -> list[IndexStatus]:
    found = {g["IndexName"]: g for g in table.get("GlobalSecondaryIndexes", [])}
    statuses = []
    for index in schema.INDEXES:
        gsi = found.get(index.name)
        if gsi is None:
            statuses.append(IndexStatus(index.name, index.hash_key, index.range_key, "MISSING"))
            continue
        keys = {k["KeyType"]: k["AttributeName"] for k in gsi.get("KeySchema", [])}
        status = str(gsi.get("IndexStatus", "UNKNOWN"))
        if keys != {"HASH": index.hash_key, "RANGE": index.range_key}:
            status = "KEY_MISMATCH"  # an index of that name with other keys serves no query of ours
        # moto leaves ItemCount out of a GSI's description; DynamoDB refreshes it ~6-hourly.
        count = gsi.get("ItemCount")
        statuses.append(IndexStatus(index.name, index.hash_key, index.range_key, status, count))
    return statuses


def _only_contention(reasons: list[str | None]) -> bool:
    """Cancelled only by contention (no condition failed, no validation error)."""
    codes = {r for r in reasons if r}
    return bool(codes) and codes <= _RETRYABLE_REASONS


def _gsi_spec(index: schema.IndexDef) -> dict[str, Any]:
    return {
        "IndexName": index.name,
        "KeySchema": [
            {"AttributeName": index.hash_key, "KeyType": "HASH"},
            {"AttributeName": index.range_key, "KeyType": "RANGE"},
        ],
        "Projection": {"ProjectionType": "ALL"},
    }
