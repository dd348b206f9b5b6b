"""Which questionnaires there are and which assessments use them.

The catalogue (keys, versions, which one is active) lives in the Django database; usage lives
in the TRA table, one partition per questionnaire version (``keys.questionnaire_usage_pk``):
an entry per assessment, sorted by creation, and a counter, both written by
``assessment_create``. So the counts are GetItems and a version's assessments one Query and
one BatchGetItem a page, never a Scan.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from assessments.domain import keys
from assessments.domain.records import AssessmentRecord
from assessments.models import QuestionnaireVersion
from assessments.selectors.assessments import decode_cursor, encode_cursor
from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.contract import SortKey


@dataclass(frozen=True)
class ActiveQuestionnaire:
    key: str
    name: str
    version: int


@dataclass(frozen=True)
class VersionUsage:
    key: str
    version: int
    name: str
    source_version: str
    is_active: bool
    imported_at: str
    assessments: int


@dataclass(frozen=True)
class QuestionnaireSummary:
    key: str
    versions: list[VersionUsage]

    @property
    def active(self) -> VersionUsage | None:
        return next((v for v in self.versions if v.is_active), None)

    @property
    def name(self) -> str:
        chosen = self.active or self.versions[0]
        return chosen.name


@dataclass(frozen=True)
class UsagePage:
    """One page of the assessments on a questionnaire version, newest first.

    ``missing`` counts entries whose assessment could not be read (it should not happen: the
    entry and the assessment are written in one transaction; counted rather than hidden).
    """

    items: list[AssessmentRecord]
    next_cursor: str | None
    missing: int = 0


async def questionnaires_active() -> list[ActiveQuestionnaire]:
    """The questionnaires new assessments may be opened on: the active version of each key."""
    rows = (
        QuestionnaireVersion.objects.filter(is_active=True)
        .order_by("key")
        .values_list("key", "name", "version")
    )
    return [ActiveQuestionnaire(key=k, name=n, version=v) async for k, n, v in rows]


async def questionnaire_catalog() -> list[QuestionnaireSummary]:
    """Every questionnaire key with all its versions (newest first) and how many assessments use each."""
    versions = [
        v
        async for v in QuestionnaireVersion.objects.order_by("key", "-version").values(
            "key", "version", "name", "source_version", "is_active", "imported_at"
        )
    ]
    counts = await asyncio.gather(*(_usage_count(v["key"], v["version"]) for v in versions))
    summaries: dict[str, list[VersionUsage]] = {}
    for v, count in zip(versions, counts, strict=True):
        summaries.setdefault(v["key"], []).append(
            VersionUsage(
                key=v["key"],
                version=v["version"],
                name=v["name"],
                source_version=v["source_version"],
                is_active=v["is_active"],
                imported_at=v["imported_at"].isoformat(),
                assessments=count,
            )
        )
    return [QuestionnaireSummary(key=k, versions=vs) for k, vs in summaries.items()]


async def _usage_count(key: str, version: int) -> int:
    with table_errors_as_domain():
        item = await get_table().get(
            keys.questionnaire_usage_pk(key, version), keys.QUESTIONNAIRE_USAGE_COUNT
        )
    return int(item.get("assessments", 0)) if item else 0


async def questionnaire_usage(
    *, key: str, version: int, cursor: str | None = None, limit: int = 25
) -> UsagePage:
    """The assessments opened on ``key`` version ``version``, newest first: one Query for the
    page's entries, then one BatchGetItem (per 100 entries) for their META items."""
    scope = f"questionnaire:{key}#{version}"
    table = get_table()
    with table_errors_as_domain():
        page = await table.query(
            partition=keys.questionnaire_usage_pk(key, version),
            sort=SortKey.begins_with(keys.QUESTIONNAIRE_USAGE_ENTRY_PREFIX),
            forward=False,
            limit=limit,
            start_key=decode_cursor(cursor, scope=scope),
        )
        meta_keys = [(keys.assessment_pk(entry["assessment_id"]), keys.META) for entry in page.items]
        found = await table.batch_get(meta_keys)
    # In the page's order, one per entry; an entry whose META is not there counts as missing.
    metas = [found.get(meta_key) for meta_key in meta_keys]
    items = [AssessmentRecord.from_item(m) for m in metas if m is not None]
    return UsagePage(
        items=items,
        next_cursor=encode_cursor(page.last_key, scope=scope),
        missing=len(metas) - len(items),
    )
