"""The few exceptions the rest of the project sees from the AWS boundary.

botocore errors are translated once, here, so views and services never import botocore.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


class IntegrationError(Exception):
    """Base of every error raised by ``integrations``."""


class NotFound(IntegrationError):
    pass


class Conflict(IntegrationError):
    """A conditional write lost: someone else changed the item first."""


class ConditionFailed(Conflict):
    """A single put/delete whose condition did not hold."""


class TransactionCanceled(Conflict):
    """A transaction was cancelled; ``reasons`` has one code (or None) per operation."""

    def __init__(self, message: str, reasons: list[str | None]) -> None:
        super().__init__(message)
        self.reasons = reasons


class Throttled(IntegrationError):
    pass


class IngestionBusy(IntegrationError):
    """The knowledge base is already syncing (a Bedrock ingestion job is running).

    Not a ``Conflict``: nothing was lost, the new objects are in place and wait for a sync;
    the caller starts one again a little later.
    """


class Unavailable(IntegrationError):
    """The service could not be reached or answered with a server error."""


class ResourceMissing(NotFound, Unavailable):
    """The table, an index or another resource the deployment needs does not exist.

    DynamoDB says ``ResourceNotFoundException`` for a missing table or index, and the local
    store "no such table". That is an outage (a deleted table, a wrong table name), not a
    missing item: it must never reach a user as "No such item". It is still a ``NotFound`` so
    the administration commands (``check_gsis``, ``create_gsis``) can say "create it first".
    """


_THROTTLE_CODES = {
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "SlowDown",
    "ServiceQuotaExceededException",
}
_NOT_FOUND_CODES = {"NoSuchKey", "NoSuchBucket", "404", "NotFound"}


@contextlib.contextmanager
def translate_aws_errors(operation: str) -> Iterator[None]:
    """Turn botocore exceptions raised inside the block into project exceptions."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        yield
    except ClientError as exc:
        error = exc.response.get("Error", {})
        code = str(error.get("Code", ""))
        message = f"{operation}: {code}: {error.get('Message', '')}".strip()
        if code == "ConditionalCheckFailedException":
            raise ConditionFailed(message) from exc
        if code == "TransactionCanceledException":
            reasons = [
                (r.get("Code") if r.get("Code") not in (None, "None") else None)
                for r in exc.response.get("CancellationReasons", [])
            ]
            raise TransactionCanceled(message, reasons) from exc
        if code in _THROTTLE_CODES:
            raise Throttled(message) from exc
        if code == "ResourceNotFoundException":
            raise ResourceMissing(message) from exc
        if code in _NOT_FOUND_CODES:
            raise NotFound(message) from exc
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        if status >= 500:
            raise Unavailable(message) from exc
        raise IntegrationError(message) from exc
    except BotoCoreError as exc:
        # Connection refused, time-outs, endpoint errors: the service is not reachable.
        raise Unavailable(f"{operation}: {exc}") from exc
