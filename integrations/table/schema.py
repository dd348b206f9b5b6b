"""The TRA table's keys and global secondary indexes: the one source both backends use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndexDef:
    name: str
    hash_key: str
    range_key: str


PK = "pk"
SK = "sk"

# gsi1 is created with the table; the others are added by `manage.py create_gsis`.
GSI1 = IndexDef("gsi1", "gsi1_pk", "gsi1_sk")
GSI2 = IndexDef("gsi2-session-entity", "session_id", "entity_type")
GSI3 = IndexDef("gsi3-assessment-events", "assessment_id", "event_type")
GSI4 = IndexDef("gsi4-state-updated", "current_state", "updated_at")
GSI5 = IndexDef("gsi5-title-search", "title_lowercase", "created_at")
GSI6 = IndexDef("gsi6-entity-type", "entity_type", "updated_at")

INDEXES: tuple[IndexDef, ...] = (GSI1, GSI2, GSI3, GSI4, GSI5, GSI6)
INDEXES_BY_NAME = {index.name: index for index in INDEXES}
TABLE_INDEXES = (GSI1,)  # created together with the table
ADDED_INDEXES = tuple(i for i in INDEXES if i not in TABLE_INDEXES)

# Every key attribute (table and index) is a string.
KEY_ATTRIBUTES = sorted({PK, SK} | {a for i in INDEXES for a in (i.hash_key, i.range_key)})
