"""manage.py index_questionnaire_usage: assessments opened before the usage index get counted once."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command

from assessments.domain import keys
from assessments.selectors.questionnaire_catalog import questionnaire_catalog, questionnaire_usage
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.web.helpers import create_assessment


def _forget_usage(key: str, version: int) -> None:
    """Remove a version's usage items, as for assessments created before the index existed."""
    table = get_table()
    page = run_sync(table.query, partition=keys.questionnaire_usage_pk(key, version))
    for item in page.items:
        run_sync(table.delete, item["pk"], item["sk"])


def _count(key: str, version: int) -> int:
    catalog = run_sync(questionnaire_catalog)
    [summary] = [q for q in catalog if q.key == key]
    [usage] = [v for v in summary.versions if v.version == version]
    return usage.assessments


def _backfill() -> str:
    out = StringIO()
    call_command("index_questionnaire_usage", stdout=out)
    return out.getvalue()


def test_it_indexes_existing_assessments_once_however_often_it_runs(cast: Any) -> None:
    ids = [create_assessment(cast, title=f"Old {n}") for n in range(3)]
    _forget_usage("default", 1)
    assert _count("default", 1) == 0

    first = _backfill()
    second = _backfill()

    assert "Assessments seen: 3; newly indexed: 3." in first
    assert "Assessments seen: 3; newly indexed: 0." in second
    assert _count("default", 1) == 3
    listed = run_sync(questionnaire_usage, key="default", version=1).items
    assert sorted(a.id for a in listed) == sorted(ids)


def test_it_leaves_assessments_indexed_at_creation_as_they_are(cast: Any) -> None:
    create_assessment(cast)

    assert "newly indexed: 0." in _backfill()
    assert _count("default", 1) == 1
