"""Reads of the TRA table. Each function is one Query (or a GetItem), never a Scan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core import signing

from assessments.domain import keys, policy
from assessments.domain.ids import is_assessment_id
from assessments.domain.records import Actor, AssessmentCollection, AssessmentRecord
from assessments.errors import NotFoundError, ValidationFailed
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.schema import GSI1

_CURSOR_SALT = "tra.cursor"


@dataclass(frozen=True)
class AssessmentPage:
    items: list[AssessmentRecord]
    next_cursor: str | None


def encode_cursor(last_key: dict[str, Any] | None, *, scope: str) -> str | None:
    # Signed so a client cannot forge a start key into someone else's partition.
    return signing.dumps({"k": last_key, "s": scope}, salt=_CURSOR_SALT, compress=True) if last_key else None


def decode_cursor(cursor: str | None, *, scope: str) -> dict[str, Any] | None:
    if not cursor:
        return None
    try:
        data = signing.loads(cursor, salt=_CURSOR_SALT)
    except signing.BadSignature:
        raise ValidationFailed("That page link is not valid; start from the first page.") from None
    if data.get("s") != scope:
        raise ValidationFailed("That page link is not valid; start from the first page.")
    return data["k"]


async def assessment_collection(*, assessment_id: str) -> AssessmentCollection:
    """The whole item collection of one assessment, in one Query."""
    if not is_assessment_id(assessment_id):
        raise NotFoundError("No such assessment.")
    table = get_table()
    items: list[dict[str, Any]] = []
    start_key = None
    with table_errors_as_domain():
        while True:  # one Query unless the collection passes DynamoDB's 1 MB page
            page = await table.query(partition=keys.assessment_pk(assessment_id), start_key=start_key)
            items.extend(page.items)
            if not page.last_key:
                break
            start_key = page.last_key
    collection = AssessmentCollection.from_items(items)
    if collection is None:
        raise NotFoundError("No such assessment.")
    return collection


async def assessment_for_actor(*, actor: Actor, assessment_id: str) -> AssessmentCollection:
    collection = await assessment_collection(assessment_id=assessment_id)
    # Another user's assessment is indistinguishable from a missing one.
    policy.ensure_can_read(actor, collection.assessment)
    return collection


async def assessments_of_user(*, user_id: int, cursor: str | None = None, limit: int = 20) -> AssessmentPage:
    """The user's assessments, most recently updated first (gsi1)."""
    scope = f"user:{user_id}"
    table = get_table()
    with table_errors_as_domain():
        page = await table.query(
            index=GSI1.name,
            partition=keys.user_partition(user_id),
            forward=False,
            limit=limit,
            start_key=decode_cursor(cursor, scope=scope),
        )
    return AssessmentPage(
        items=[AssessmentRecord.from_item(i) for i in page.items],
        next_cursor=encode_cursor(page.last_key, scope=scope),
    )
