"""The contract both table backends implement: the local store and DynamoDB.

Items are plain dicts. Values may be str, int, Decimal, bool, None, list, dict (nested) and
bytes is not used. Floats are refused with TypeError (DynamoDB cannot store them exactly):
pass Decimal or str. On the way out, integral numbers come back as ``int`` and the others as
``Decimal``, in both backends. An index holds an item only when the item has both of the
index's key attributes as strings (sparse, as in DynamoDB).

A behaviour the two backends disagree on is a bug: ``tests/contract`` runs one suite on both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Item = dict[str, Any]
SortOp = Literal["eq", "lt", "lte", "gt", "gte", "begins_with", "between"]


@dataclass(frozen=True)
class SortKey:
    """A key condition on the sort (range) key of the table or of an index."""

    op: SortOp
    value: str
    upper: str | None = None  # only for "between" (inclusive, as in DynamoDB)

    @classmethod
    def eq(cls, value: str) -> SortKey:
        return cls("eq", value)

    @classmethod
    def lt(cls, value: str) -> SortKey:
        return cls("lt", value)

    @classmethod
    def lte(cls, value: str) -> SortKey:
        return cls("lte", value)

    @classmethod
    def gt(cls, value: str) -> SortKey:
        return cls("gt", value)

    @classmethod
    def gte(cls, value: str) -> SortKey:
        return cls("gte", value)

    @classmethod
    def begins_with(cls, prefix: str) -> SortKey:
        return cls("begins_with", prefix)

    @classmethod
    def between(cls, lower: str, upper: str) -> SortKey:
        return cls("between", lower, upper)


@dataclass(frozen=True)
class Condition:
    """The few write conditions the domain needs.

    ``absent``: no item with this key exists. ``present``: one exists.
    ``version``: one exists and its ``version`` attribute equals ``expected_version``.
    ``one_of``: one exists and its string ``attribute`` is one of ``values``.
    ``counter``: one exists and its number ``attribute`` equals ``expected_version``, a missing
    attribute counting as 0 (as ``Update.add`` counts it).
    ``all``: every one of ``parts`` holds.
    """

    kind: Literal["absent", "present", "version", "one_of", "counter", "all"]
    expected_version: int | None = None
    attribute: str | None = None
    values: tuple[str, ...] = ()
    parts: tuple[Condition, ...] = ()

    @classmethod
    def absent(cls) -> Condition:
        return cls("absent")

    @classmethod
    def present(cls) -> Condition:
        return cls("present")

    @classmethod
    def version_is(cls, version: int) -> Condition:
        return cls("version", version)

    @classmethod
    def one_of(cls, attribute: str, values: Iterable[str]) -> Condition:
        return cls("one_of", attribute=attribute, values=tuple(values))

    @classmethod
    def counter_is(cls, attribute: str, value: int) -> Condition:
        return cls("counter", value, attribute=attribute)

    @classmethod
    def all_of(cls, *parts: Condition) -> Condition:
        return cls("all", parts=tuple(parts))


@dataclass(frozen=True)
class Put:
    item: Item
    condition: Condition | None = None


@dataclass(frozen=True)
class Delete:
    pk: str
    sk: str
    condition: Condition | None = None


@dataclass(frozen=True)
class Check:
    pk: str
    sk: str
    condition: Condition


@dataclass(frozen=True)
class Update:
    """Change some attributes of one item in place (DynamoDB's UpdateItem inside a transaction).

    ``set`` replaces attributes; ``add`` adds to number attributes, a missing one counting as 0.
    Two writers that only ``add`` never lose each other's increments, so a counter can order
    writes without making them conflict. Without a condition a missing item is created.
    """

    pk: str
    sk: str
    set: Mapping[str, Any] = field(default_factory=dict)
    add: Mapping[str, int] = field(default_factory=dict)
    condition: Condition | None = None


TransactOp = Put | Delete | Check | Update


@dataclass
class Page:
    items: list[Item]
    # The DynamoDB-shaped LastEvaluatedKey (table keys plus the index keys when querying an
    # index), or None when the query is exhausted. Pass it back as ``start_key``.
    last_key: Item | None = None


@dataclass(frozen=True)
class IndexStatus:
    name: str
    hash_key: str
    range_key: str
    status: str  # "ACTIVE", "CREATING", "MISSING", ...
    item_count: int | None = None


@dataclass(frozen=True)
class TableDescription:
    """The table's state and each schema index's, without item counts (cheap to ask often)."""

    status: str  # "ACTIVE", "CREATING", "UPDATING", ...
    indexes: list[IndexStatus]


@dataclass
class BatchResult:
    """How a batch write went: ``attempts`` counts calls, including retries of unprocessed items."""

    attempts: int = 0
    written: int = 0
    retried_items: int = field(default=0)


class TableStore(Protocol):
    """What services may ask of the TRA table. Every method records one instrumented call per
    underlying operation (service ``dynamodb``) so tests can count Queries and forbid Scans."""

    table_name: str

    async def get(self, pk: str, sk: str) -> Item | None: ...

    async def batch_get(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Item]:
        """The items at ``keys`` (``(pk, sk)`` pairs), strongly consistent as ``get`` is.

        Keyed by ``(pk, sk)``, in the order the keys were first named; a key with no item is
        simply absent. A key named twice is read once. DynamoDB's BatchGetItem takes 100 keys
        a call: more are sent in chunks of 100, and ``UnprocessedKeys`` are retried with
        back-off (``Throttled`` when they outlast the retries). No keys, no call."""

    async def put(self, item: Item, *, condition: Condition | None = None) -> None:
        """Raises ``ConditionFailed`` when the condition does not hold."""

    async def delete(self, pk: str, sk: str, *, condition: Condition | None = None) -> None: ...

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
        """Items whose hash key (of the table, or of ``index``) equals ``partition``."""

    async def batch_write(
        self, *, puts: Sequence[Item] = (), deletes: Sequence[tuple[str, str]] = ()
    ) -> BatchResult:
        """Writes in chunks of 25, retrying ``UnprocessedItems`` with back-off."""

    async def transact(self, ops: Sequence[TransactOp]) -> None:
        """All or nothing. Raises ``TransactionCanceled`` (a ``Conflict``) with one reason per op.

        A cancellation only because another transaction held one of the items at that moment
        (DynamoDB's ``TransactionConflict``) is retried here with jittered back-off; what
        reaches the caller is a real condition failure, or a conflict that outlasted retries."""

    # --- administration (create_table / create_gsis / check_gsis) ---
    async def create_table(self) -> bool:
        """Create the table with gsi1 if missing. Returns True when it was created."""

    async def index_statuses(self) -> list[IndexStatus]:
        """One entry per index of ``schema.INDEXES``, status ``MISSING`` when absent."""

    async def create_index(self, name: str) -> None:
        """Start creating one missing index (one UpdateTable on DynamoDB)."""

    async def describe(self) -> TableDescription:
        """One DescribeTable (locally, a catalogue look-up); ``ResourceMissing`` when no table."""
