"""What both table backends share: item encoding, key rules and request checks.

Both backends encode items to DynamoDB's attribute-value form with boto3's ``TypeSerializer``
(the local store keeps that form as JSON), decode with one function, and check requests with
the same code before doing anything. That is how they agree on the edges: a float, a ``None``
index key or a duplicate key in a batch fails the same way on both, before any write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

from integrations.errors import NotFound
from integrations.table import schema
from integrations.table.contract import Check, Condition, Delete, Item, Put, SortKey, TransactOp, Update

AttributeValue = dict[str, Any]

MAX_BATCH_CHUNK = 25  # BatchWriteItem's limit per call
MAX_BATCH_GET_CHUNK = 100  # BatchGetItem's limit of keys per call
MAX_TRANSACTION_OPS = 100  # TransactWriteItems' limit per call
MAX_IN_VALUES = 100  # the IN comparator's limit in a condition expression
VERSION_ATTRIBUTE = "version"

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()
_INDEX_KEY_ATTRIBUTES = frozenset(schema.KEY_ATTRIBUTES) - {schema.PK, schema.SK}


# --- items ------------------------------------------------------------------------------


def _check_value(value: Any, path: str) -> None:
    """Refuse what the contract refuses, naming where it is in the item."""
    if value is None or isinstance(value, str | bool | int | Decimal):
        return
    if isinstance(value, float):
        raise TypeError(
            f"{path}: float values are refused (DynamoDB cannot store them exactly); pass Decimal or str"
        )
    if isinstance(value, dict):
        for key, inner in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{path}: map keys must be str, got {type(key).__name__}")
            _check_value(inner, f"{path}[{key!r}]")
        return
    if isinstance(value, list | tuple):
        for position, inner in enumerate(value):
            _check_value(inner, f"{path}[{position}]")
        return
    # Sets and bytes are valid DynamoDB types but not part of our contract; refusing them
    # keeps both backends (and the local JSON encoding) on the same small set of types.
    raise TypeError(f"{path}: unsupported type {type(value).__name__}")


def check_key(pk: Any, sk: Any) -> None:
    for name, value in ((schema.PK, pk), (schema.SK, sk)):
        if not isinstance(value, str):
            raise TypeError(f"key attribute {name!r} must be a str, got {type(value).__name__}")
        if not value:
            raise ValueError(f"key attribute {name!r} must not be empty")


def check_item(item: Item) -> None:
    """Validate an item for writing: table keys present, index keys well-typed, no floats.

    DynamoDB refuses an item whose index key attribute is not a non-empty string
    ("Type mismatch for Index Key"). Both backends refuse it up front, whichever indexes
    exist yet, so local mode fails where production would. Leave the attribute out to keep
    the item out of the index (sparse index).
    """
    if not isinstance(item, dict):
        raise TypeError(f"an item is a dict, got {type(item).__name__}")
    check_key(item.get(schema.PK), item.get(schema.SK))
    for name in _INDEX_KEY_ATTRIBUTES.intersection(item):
        value = item[name]
        if not isinstance(value, str):
            raise TypeError(
                f"index key attribute {name!r} must be a str, got {type(value).__name__}; "
                "omit it to keep the item out of the index"
            )
        if not value:
            raise ValueError(f"index key attribute {name!r} must not be empty; omit it instead")
    for name, value in item.items():
        _check_value(value, f"item[{name!r}]")


def to_attribute_values(item: Item) -> dict[str, AttributeValue]:
    """Check ``item`` and encode it as DynamoDB attribute values."""
    check_item(item)
    return {name: _serializer.serialize(value) for name, value in item.items()}


def to_attribute_value(value: Any) -> AttributeValue:
    """One value (already checked) as a DynamoDB attribute value."""
    return _serializer.serialize(value)


def number(text: str) -> int | Decimal:
    """A DynamoDB number: ``int`` when integral, else ``Decimal`` (the contract's rule)."""
    if "." not in text and "e" not in text and "E" not in text:
        return int(text)
    value = Decimal(text)
    if value == value.to_integral_value():
        return int(value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return number(str(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, set):
        return {_plain(v) for v in value}
    return value


def from_attribute_value(av: AttributeValue) -> Any:
    # A fast path for the types our serializer produces; TypeDeserializer for the rest
    # (an item written by another tool may hold sets or binary).
    if "S" in av:
        return av["S"]
    if "N" in av:
        return number(av["N"])
    if "M" in av:
        return {k: from_attribute_value(v) for k, v in av["M"].items()}
    if "L" in av:
        return [from_attribute_value(v) for v in av["L"]]
    if "BOOL" in av:
        return av["BOOL"]
    if "NULL" in av:
        return None
    return _plain(_deserializer.deserialize(av))


def from_attribute_values(attributes: dict[str, AttributeValue]) -> Item:
    return {name: from_attribute_value(av) for name, av in attributes.items()}


def key_attribute_values(pk: str, sk: str) -> dict[str, AttributeValue]:
    return {schema.PK: {"S": pk}, schema.SK: {"S": sk}}


# --- conditions ---------------------------------------------------------------------------


def condition_holds(condition: Condition | None, current: Item | None) -> bool:
    """Evaluate a write condition against the item as it is now (None: no item)."""
    if condition is None:
        return True
    if condition.kind == "absent":
        return current is None
    if condition.kind == "present":
        return current is not None
    if condition.kind == "all":
        return all(condition_holds(part, current) for part in condition.parts)
    if current is None:
        return False
    if condition.kind == "one_of":
        stored = current.get(condition.attribute or "")
        return isinstance(stored, str) and stored in condition.values
    if condition.kind in ("version", "counter"):
        name = VERSION_ATTRIBUTE if condition.kind == "version" else condition.attribute or ""
        if condition.kind == "counter" and name not in current:
            return condition.expected_version == 0  # ADD counts a missing attribute as 0
        stored = current.get(name)
        # DynamoDB compares typed values: a BOOL or S "1" never equals N 1.
        if isinstance(stored, bool) or not isinstance(stored, int | Decimal):
            return False
        return stored == condition.expected_version
    raise ValueError(f"unknown condition kind {condition.kind!r}")


def check_condition(condition: Condition | None) -> None:
    if condition is None:
        return
    if condition.kind in ("version", "counter"):
        expected = condition.expected_version
        if isinstance(expected, bool) or not isinstance(expected, int):
            raise TypeError(f"{condition.kind} condition takes an int, got {type(expected).__name__}")
    if condition.kind in ("one_of", "counter"):
        _check_attribute_name(condition.attribute, condition.kind)
    if condition.kind == "one_of":
        if not condition.values or not all(isinstance(v, str) for v in condition.values):
            raise ValueError("one_of() needs at least one str value")
        if len(condition.values) > MAX_IN_VALUES:
            raise ValueError(f"one_of() takes at most {MAX_IN_VALUES} values")
    elif condition.kind == "all":
        if not condition.parts:
            raise ValueError("all_of() needs at least one condition")
        for part in condition.parts:
            if not isinstance(part, Condition):
                raise TypeError(f"all_of() takes conditions, got {type(part).__name__}")
            check_condition(part)
    elif condition.kind not in ("absent", "present", "version", "counter"):
        raise ValueError(f"unknown condition kind {condition.kind!r}")


def _check_attribute_name(name: Any, where: str) -> None:
    if not isinstance(name, str) or not name:
        raise ValueError(f"{where}: an attribute name must be a non-empty str")
    if name in (schema.PK, schema.SK):
        raise ValueError(f"{where}: the key attribute {name!r} cannot be changed or compared here")


# --- updates ------------------------------------------------------------------------------


def check_update(op: Update) -> None:
    """Refuse an update DynamoDB would refuse, before anything is written."""
    check_key(op.pk, op.sk)
    if not op.set and not op.add:
        raise ValueError("an Update needs something to set or add")
    both = set(op.set) & set(op.add)
    if both:
        raise ValueError(f"Update: {sorted(both)} both set and added")
    for name, value in op.set.items():
        _check_attribute_name(name, "Update.set")
        if name in _INDEX_KEY_ATTRIBUTES and (not isinstance(value, str) or not value):
            raise TypeError(f"index key attribute {name!r} must be a non-empty str")
        _check_value(value, f"set[{name!r}]")
    for name, amount in op.add.items():
        _check_attribute_name(name, "Update.add")
        if name in _INDEX_KEY_ATTRIBUTES:
            raise ValueError(f"Update.add: index key attribute {name!r} is a string, not a number")
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError(f"Update.add[{name!r}] takes an int, got {type(amount).__name__}")


def apply_update(op: Update, current: Item | None) -> Item:
    """The item after ``op`` (the local store's UpdateItem; DynamoDB does this itself)."""
    item: Item = dict(current) if current is not None else {schema.PK: op.pk, schema.SK: op.sk}
    item.update(op.set)
    for name, amount in op.add.items():
        stored = item.get(name, 0)
        if isinstance(stored, bool) or not isinstance(stored, int | Decimal):
            # DynamoDB: "An operand in the update expression has an incorrect data type".
            raise TypeError(f"Update.add: attribute {name!r} holds {type(stored).__name__}, not a number")
        item[name] = stored + amount
    return item


# --- queries ------------------------------------------------------------------------------


def index_def(index: str | None) -> schema.IndexDef | None:
    """The schema's definition of ``index``; ``NotFound`` is the backend's job for unknown names."""
    if index is None:
        return None
    return schema.INDEXES_BY_NAME.get(index)


def key_names(index: str | None) -> tuple[str, str]:
    """(hash, range) attribute names of the table or of a schema index."""
    definition = index_def(index)
    if definition is None:
        return schema.PK, schema.SK
    return definition.hash_key, definition.range_key


def page_key_names(index: str | None) -> tuple[str, ...]:
    """The attributes of a LastEvaluatedKey: the table keys, plus the index keys for an index."""
    definition = index_def(index)
    if definition is None:
        return (schema.PK, schema.SK)
    return (schema.PK, schema.SK, definition.hash_key, definition.range_key)


def page_key(item: Item, index: str | None) -> Item:
    return {name: item[name] for name in page_key_names(index)}


def check_query(
    *,
    table_name: str,
    partition: str,
    sort: SortKey | None,
    index: str | None,
    limit: int | None,
    start_key: Item | None,
) -> None:
    """Refuse what DynamoDB would refuse with a ValidationException, the same way on both backends.

    An unknown index comes first and is ``NotFound``, as DynamoDB reports a missing index.
    """
    if index is not None and index not in schema.INDEXES_BY_NAME:
        raise NotFound(f"Query: table {table_name} has no index {index!r}")
    if not isinstance(partition, str) or not partition:
        raise ValueError("partition must be a non-empty str")
    if sort is not None:
        values = [sort.value] + ([sort.upper] if sort.op == "between" else [])
        if any(not isinstance(v, str) or not v for v in values):
            raise ValueError(f"sort key condition {sort.op!r} needs non-empty str values")
        if sort.op == "between" and sort.upper is not None and sort.upper.encode() < sort.value.encode():
            raise ValueError("between: the upper bound must not be below the lower bound")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError("limit must be a positive int")
    if start_key is not None:
        hash_name, _range_name = key_names(index)
        missing = [n for n in page_key_names(index) if not isinstance(start_key.get(n), str)]
        if missing:
            raise ValueError(f"start_key lacks {', '.join(missing)}; pass the previous page's last_key")
        if start_key[hash_name] != partition:
            raise ValueError("start_key belongs to another partition")


def prefix_upper_bound(prefix: str) -> str | None:
    """The smallest string greater than every string that starts with ``prefix``.

    Strings compare by UTF-8 bytes, which is code-point order, so bumping the last code point
    that can be bumped gives the exclusive upper bound. None when there is none.
    """
    chars = list(prefix)
    while chars:
        last = ord(chars.pop())
        if last < 0x10FFFF:
            bumped = last + 1
            if 0xD800 <= bumped <= 0xDFFF:  # surrogates cannot be encoded in UTF-8
                bumped = 0xE000
            return "".join(chars) + chr(bumped)
    return None


# --- batches and transactions ---------------------------------------------------------------


def check_batch(puts: Sequence[Item], deletes: Sequence[tuple[str, str]]) -> None:
    """DynamoDB refuses a batch that names one key twice; refuse it for the whole request."""
    seen: set[tuple[str, str]] = set()
    for item in puts:
        check_item(item)
        _claim(seen, (item[schema.PK], item[schema.SK]), "batch_write")
    for pk, sk in deletes:
        check_key(pk, sk)
        _claim(seen, (pk, sk), "batch_write")


def batch_get_keys(keys: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The keys of a batch_get checked, and each once in first-seen order.

    DynamoDB refuses a BatchGetItem that names one key twice, but a caller reading a page may
    well name one twice: unlike batch_write (where a repeat is ambiguous), a repeated read is
    harmless, so it is dropped here rather than refused.
    """
    unique: dict[tuple[str, str], None] = {}
    for pk, sk in keys:
        check_key(pk, sk)
        unique.setdefault((pk, sk), None)
    return list(unique)


def check_transaction(ops: Sequence[TransactOp]) -> None:
    if not ops:
        raise ValueError("a transaction needs at least one operation")
    if len(ops) > MAX_TRANSACTION_OPS:
        raise ValueError(f"a transaction holds at most {MAX_TRANSACTION_OPS} operations, got {len(ops)}")
    seen: set[tuple[str, str]] = set()
    for op in ops:
        if isinstance(op, Put):
            check_item(op.item)
            key = (op.item[schema.PK], op.item[schema.SK])
        elif isinstance(op, Update):
            check_update(op)
            key = (op.pk, op.sk)
        elif isinstance(op, Delete | Check):
            check_key(op.pk, op.sk)
            key = (op.pk, op.sk)
        else:
            raise TypeError(f"unknown transaction operation {type(op).__name__}")
        if isinstance(op, Check) and op.condition is None:
            raise ValueError("Check needs a condition")
        check_condition(op.condition)
        # DynamoDB: "Transaction request cannot include multiple operations on one item".
        _claim(seen, key, "transact")


def op_key(op: TransactOp) -> tuple[str, str]:
    if isinstance(op, Put):
        return op.item[schema.PK], op.item[schema.SK]
    return op.pk, op.sk


def _claim(seen: set[tuple[str, str]], key: tuple[str, str], operation: str) -> None:
    if key in seen:
        raise ValueError(f"{operation}: key {key} appears more than once in one request")
    seen.add(key)


def chunks(values: Sequence[Any], size: int = MAX_BATCH_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


TRANSACTION_CANCELED_MESSAGE = (
    "Transaction cancelled, please refer cancellation reasons for specific reasons [{}]"
)


def cancellation_message(reasons: Sequence[str | None]) -> str:
    return TRANSACTION_CANCELED_MESSAGE.format(", ".join(str(r) if r else "None" for r in reasons))
