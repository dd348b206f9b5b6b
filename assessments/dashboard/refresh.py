"""Fold the audit events that are new since the checkpoint into the dashboard's counters.

Reads pages of gsi6-entity-type (partition EVENT, sorted by the event's time) from the
checkpoint on, never a Scan, and commits the counters it moved together with the new checkpoint
in one transaction; the checkpoint's ``seq`` is the transaction's condition, so two runs at
once cannot both fold the same events, and a crash between commits folds nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from assessments.dashboard import keys
from assessments.dashboard.fold import MOVE_EVENTS, Decided, EventView, Fold, Track
from assessments.domain import keys as tra_keys
from assessments.errors import ConflictError
from assessments.services.boundary import table_errors_as_domain
from integrations.errors import Conflict
from integrations.table import get_table
from integrations.table.contract import Condition, Put, SortKey, TransactOp, Update
from integrations.table.schema import GSI6

PAGE_SIZE = 100
# A DynamoDB transaction holds at most 100 items: the checkpoint and at most 90 counters/tracks.
MAX_ITEMS_PER_COMMIT = 90
# An event's time is taken before its transaction commits, so one may land a moment after a
# later-stamped one: events younger than this wait for the next run.
SETTLE = timedelta(seconds=30)


@dataclass
class Checkpoint:
    """The newest event time folded and the events folded at exactly that time."""

    at: str | None = None
    seen: tuple[str, ...] = ()
    seq: int = 0
    exists: bool = False

    @classmethod
    def from_item(cls, item: dict[str, Any] | None) -> Checkpoint:
        if item is None:
            return cls()
        return cls(at=item.get("at"), seen=tuple(item.get("seen") or ()), seq=int(item["seq"]), exists=True)

    def done(self, at: str, ident: str) -> bool:
        return at == self.at and ident in self.seen

    def advanced(self, at: str, ident: str) -> Checkpoint:
        seen = (*self.seen, ident) if at == self.at else (ident,)
        return Checkpoint(at=at, seen=seen, seq=self.seq, exists=self.exists)

    def put(self, folded_at: str) -> Put:
        item = {
            "pk": keys.DASHBOARD_PK,
            "sk": keys.CHECKPOINT,
            "at": self.at,
            "seen": list(self.seen),
            "seq": self.seq + 1,
            "folded_at": folded_at,
        }
        return Put(item, Condition.counter_is("seq", self.seq) if self.exists else Condition.absent())


@dataclass
class RefreshReport:
    events_read: int = 0
    events_folded: int = 0
    commits: int = 0
    checkpoint: str | None = None
    more: bool = False  # stopped at max_pages with events left: the next run goes on
    queries: int = field(default=0)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


async def dashboard_refresh(*, now: datetime | None = None, max_pages: int = 50) -> RefreshReport:
    """Fold up to ``max_pages`` pages of new events; resumable, idempotent."""
    table = get_table()
    moment = now or datetime.now(UTC)
    with table_errors_as_domain():
        committed = Checkpoint.from_item(await table.get(keys.DASHBOARD_PK, keys.CHECKPOINT))
    cutoff = _iso(moment - SETTLE)
    report = RefreshReport(checkpoint=committed.at)
    if committed.at and committed.at > cutoff:
        return report
    sort = SortKey.between(committed.at, cutoff) if committed.at else SortKey.lte(cutoff)
    pending, fold = committed, Fold()
    start_key: dict[str, Any] | None = None
    for _page in range(max_pages):
        with table_errors_as_domain():
            page = await table.query(
                partition=tra_keys.ENTITY_EVENT,
                index=GSI6.name,
                sort=sort,
                limit=PAGE_SIZE,
                start_key=start_key,
            )
        report.queries += 1
        for item in page.items:
            report.events_read += 1
            ident = f"{item['pk']}|{item['sk']}"
            if committed.done(item["at"], ident):
                continue
            event = EventView.from_item(item)
            track, decided = await _lookups(event, fold)
            fold.apply(event, track, decided)
            pending = pending.advanced(event.at, ident)
            report.events_folded += 1
            if fold.touched() >= MAX_ITEMS_PER_COMMIT:
                committed = await _commit(fold, pending, moment)
                pending, fold = committed, Fold()
                report.commits += 1
        start_key = page.last_key
        if start_key is None:
            break
    else:
        report.more = start_key is not None
    if pending is not committed:
        committed = await _commit(fold, pending, moment)
        report.commits += 1
    report.checkpoint = committed.at
    return report


async def _lookups(event: EventView, fold: Fold) -> tuple[Track | None, Decided | None]:
    """What the fold needs for this event, read once per batch (a GetItem each, off the page's path)."""
    if event.event_type not in MOVE_EVENTS:
        return None, None
    table = get_table()
    track = None
    with table_errors_as_domain():
        if event.assessment_id not in fold.tracks:
            track = Track.from_item(await table.get(keys.TRACK_PK, event.assessment_id))
        if not event.decides:
            return track, None
        pk = tra_keys.assessment_pk(event.assessment_id)
        record = await table.get(pk, tra_keys.decision_record_sk(event.round))
        meta = await table.get(pk, tra_keys.META)
    if record is None:
        return track, None
    answers = record.get("answers") or {}
    return track, Decided(
        business_unit=str((meta or {}).get("business_unit") or ""),
        residual_overall=record.get("residual_overall"),
        answer_sources=tuple(str(a.get("source") or "manual") for a in answers.values()),
    )


async def _commit(fold: Fold, checkpoint: Checkpoint, moment: datetime) -> Checkpoint:
    ops: list[TransactOp] = [
        Update(keys.DASHBOARD_PK, sk, add={a: n for a, n in attributes.items() if n})
        for sk, attributes in fold.adds.items()
        if any(attributes.values())
    ]
    ops += [Put(track.to_item(assessment_id)) for assessment_id, track in fold.tracks.items()]
    ops.append(checkpoint.put(_iso(moment)))
    try:
        with table_errors_as_domain():
            await get_table().transact(ops)
    except Conflict as exc:
        raise ConflictError(
            "Another dashboard refresh moved the checkpoint first; nothing was counted twice."
        ) from exc
    return Checkpoint(at=checkpoint.at, seen=checkpoint.seen, seq=checkpoint.seq + 1, exists=True)
