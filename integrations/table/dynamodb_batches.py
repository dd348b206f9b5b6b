"""The DynamoDB store's batches: BatchWriteItem and BatchGetItem, each retrying what DynamoDB
hands back unprocessed with jittered back-off.

A mixin of ``DynamoTableStore`` (kept apart so the store's module stays under ~400 lines): it
uses the store's client, instrumented ``_call`` and retry settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Sequence
from typing import Any

from integrations.errors import Throttled
from integrations.table import codec, schema
from integrations.table.contract import BatchResult, Item


class DynamoBatches:
    table_name: str
    max_batch_retries: int
    backoff_base: float
    backoff_cap: float

    # Provided by DynamoTableStore.
    async def _client(self) -> Any:
        raise NotImplementedError

    def _call(self, operation: str) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    async def batch_write(
        self, *, puts: Sequence[Item] = (), deletes: Sequence[tuple[str, str]] = ()
    ) -> BatchResult:
        codec.check_batch(puts, deletes)
        # Encode everything first: a bad item fails the call before anything is written.
        requests: list[dict[str, Any]] = [
            {"PutRequest": {"Item": codec.to_attribute_values(item)}} for item in puts
        ]
        requests += [{"DeleteRequest": {"Key": codec.key_attribute_values(pk, sk)}} for pk, sk in deletes]
        result = BatchResult()
        client = await self._client()
        for chunk in codec.chunks(requests):
            await self._write_chunk(client, list(chunk), result)
        return result

    async def _write_chunk(self, client: Any, pending: list[dict[str, Any]], result: BatchResult) -> None:
        retries = 0
        while True:
            result.attempts += 1
            with self._call("BatchWriteItem"):
                # Reference: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
                response = await client.batch_write_item(RequestItems={self.table_name: pending})
            unprocessed = response.get("UnprocessedItems", {}).get(self.table_name, [])
            result.written += len(pending) - len(unprocessed)
            if not unprocessed:
                return
            if retries >= self.max_batch_retries:
                raise Throttled(
                    f"BatchWriteItem: {len(unprocessed)} items still unprocessed after {retries} retries"
                )
            retries += 1
            result.retried_items += len(unprocessed)
            pending = unprocessed
            # Exponential back-off with full jitter, as AWS recommends for UnprocessedItems.
            await asyncio.sleep(random.uniform(0, min(self.backoff_cap, self.backoff_base * 2**retries)))

    async def batch_get(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Item]:
        unique = codec.batch_get_keys(keys)  # DynamoDB refuses a key named twice in one call
        found: dict[tuple[str, str], Item] = {}
        if not unique:
            return found
        client = await self._client()
        for chunk in codec.chunks(unique, codec.MAX_BATCH_GET_CHUNK):
            await self._get_chunk(client, [codec.key_attribute_values(pk, sk) for pk, sk in chunk], found)
        # DynamoDB answers in no particular order: give the caller the order it asked in.
        return {key: found[key] for key in unique if key in found}

    async def _get_chunk(
        self, client: Any, pending: list[dict[str, Any]], found: dict[tuple[str, str], Item]
    ) -> None:
        retries = 0
        while True:
            with self._call("BatchGetItem"):
                # Reference: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
                response = await client.batch_get_item(
                    RequestItems={self.table_name: {"Keys": pending, "ConsistentRead": True}}
                )
            for raw in response.get("Responses", {}).get(self.table_name, []):
                item = codec.from_attribute_values(raw)
                found[(item[schema.PK], item[schema.SK])] = item
            unprocessed = response.get("UnprocessedKeys", {}).get(self.table_name, {}).get("Keys", [])
            if not unprocessed:
                return
            if retries >= self.max_batch_retries:
                raise Throttled(
                    f"BatchGetItem: {len(unprocessed)} keys still unprocessed after {retries} retries"
                )
            retries += 1
            pending = unprocessed
            # Exponential back-off with full jitter, as for BatchWriteItem's UnprocessedItems.
            await asyncio.sleep(random.uniform(0, min(self.backoff_cap, self.backoff_base * 2**retries)))
