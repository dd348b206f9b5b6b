"""Marking notes read: the note and -1 on the counter in one transaction, conditioned on the
note being unread, so a double click (or two tabs) can never take the count below zero."""

from __future__ import annotations

from assessments.domain.records import Actor
from assessments.errors import NotFoundError
from assessments.notifications import push
from assessments.notifications.records import (
    STATE_READ,
    STATE_UNREAD,
    UNREAD_ATTR,
    UNREAD_SK,
    Note,
    note_sk,
    notify_pk,
    unread_partition,
)
from assessments.notifications.selectors import unread_count
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import TransactionCanceled
from integrations.table import get_table
from integrations.table.contract import Condition, Update
from integrations.table.schema import GSI1

# DynamoDB takes at most 100 operations a transaction: 99 notes and their one counter update.
_NOTES_PER_TRANSACTION = 99


def _read_op(user_id: int, sk: str) -> Update:
    return Update(
        notify_pk(user_id),
        sk,
        set={"state": STATE_READ, "gsi1_pk": unread_partition(user_id, STATE_READ)},
        condition=Condition.one_of("state", [STATE_UNREAD]),
    )


def _counter_op(user_id: int, by: int) -> Update:
    return Update(notify_pk(user_id), UNREAD_SK, add={UNREAD_ATTR: -by})


async def note_mark_read(*, actor: Actor, note_id: str) -> Note:
    """Mark one of the actor's notes read (again is fine: nothing changes). 404 if not theirs."""
    sk = note_sk(note_id)
    if sk is None:
        raise NotFoundError("No such notification.")
    table = get_table()
    user_id = actor.user_id
    with table_errors_as_domain():
        item = await table.get(notify_pk(user_id), sk)
        if item is None:
            raise NotFoundError("No such notification.")
        if item.get("state") == STATE_UNREAD:
            try:
                await table.transact([_read_op(user_id, sk), _counter_op(user_id, 1)])
            except TransactionCanceled:
                pass  # read meanwhile (another tab): the count was taken down once, by that one
            else:
                await push.push(user_id, unread=await unread_count(user_id=user_id))
    return Note.from_item({**item, "state": STATE_READ})


async def notes_mark_all_read(*, actor: Actor) -> int:
    """Mark every unread note of the actor read; how many this call marked."""
    table = get_table()
    user_id = actor.user_id
    marked = 0
    with table_errors_as_domain():
        while True:
            page = await table.query(
                index=GSI1.name, partition=unread_partition(user_id), limit=_NOTES_PER_TRANSACTION
            )
            if not page.items:
                break
            sks = [i["sk"] for i in page.items]
            try:
                await table.transact([*(_read_op(user_id, sk) for sk in sks), _counter_op(user_id, len(sks))])
                this_round = len(sks)
            except TransactionCanceled:
                # One was read meanwhile (or the index lags behind a read): one by one, each
                # counted only if this call was the one that read it.
                this_round = await _one_by_one(user_id, sks)
            marked += this_round
            # Read notes leave the unread partition, so the next Query starts on fresh ones;
            # a round that marked nothing met only notes the index has not moved yet: done.
            if not this_round or (not page.last_key and len(sks) < _NOTES_PER_TRANSACTION):
                break
    if marked:
        await push.push(user_id, unread=await unread_count(user_id=user_id))
    return marked


async def _one_by_one(user_id: int, sks: list[str]) -> int:
    table = get_table()
    marked = 0
    for sk in sks:
        try:
            await table.transact([_read_op(user_id, sk), _counter_op(user_id, 1)])
            marked += 1
        except TransactionCanceled:
            continue
    return marked
