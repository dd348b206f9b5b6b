"""The admin shows each questionnaire, its versions, and which assessments use each version."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from assessments.domain import keys
from assessments.services.assessments import AssessmentDetails, assessment_create
from assessments.services.questionnaires import questionnaire_import
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table
from tests.questionnaire.choice import EXAMPLE_KEY, EXAMPLE_TEXT, import_example
from tests.web.helpers import DETAILS, create_assessment

CATALOG = "admin:questionnaire_catalog"


def _usage_url(key: str, version: int) -> str:
    return reverse("admin:questionnaire_usage", args=[key, version])


def _open_on(cast: Any, key: str, title: str) -> str:
    details = AssessmentDetails(**{**DETAILS.__dict__, "title": title})
    return run_sync(assessment_create, actor=cast.actor("requestor"), details=details, questionnaire=key).id


@pytest.mark.parametrize(("role", "status"), [("requestor", 302), ("assessor", 200), ("admin", 200)])
def test_it_lets_assessors_and_admins_in_and_keeps_requestors_out(cast: Any, role: str, status: int) -> None:
    client = cast.client(role)

    for url in (reverse(CATALOG), _usage_url("default", 1)):
        response = client.get(url)
        assert response.status_code == status, url
        if status == 302:
            assert reverse("admin:login") in response.url


def test_it_lists_every_questionnaire_with_its_versions_and_how_many_assessments_use_each(cast: Any) -> None:
    import_example()
    questionnaire_import(text=EXAMPLE_TEXT.replace("Small sample", "Revised"), key=EXAMPLE_KEY, activate=True)
    create_assessment(cast, title="On default")
    _open_on(cast, EXAMPLE_KEY, "On example v2, first")
    _open_on(cast, EXAMPLE_KEY, "On example v2, second")

    page = cast.client("assessor").get(reverse(CATALOG)).content.decode()

    assert (
        'data-testid="questionnaire-default"' in page and f'data-testid="questionnaire-{EXAMPLE_KEY}"' in page
    )
    assert 'data-testid="version-default-1"' in page
    assert (
        f'data-testid="version-{EXAMPLE_KEY}-1"' in page and f'data-testid="version-{EXAMPLE_KEY}-2"' in page
    )
    assert f'<a href="{_usage_url("default", 1)}">1 assessment</a>' in page
    assert f'<a href="{_usage_url(EXAMPLE_KEY, 2)}">2 assessments</a>' in page
    assert f'<a href="{_usage_url(EXAMPLE_KEY, 1)}">0 assessments</a>' in page


def test_it_lists_a_versions_assessments_newest_first_in_pages(cast: Any, monkeypatch: Any) -> None:
    import_example()
    monkeypatch.setattr("assessments.admin.questionnaires.USAGE_PAGE_SIZE", 2)
    ids = [_open_on(cast, EXAMPLE_KEY, f"Example change {n}") for n in range(3)]
    on_default = create_assessment(cast, title="On default")
    client = cast.client("assessor")

    first = client.get(_usage_url(EXAMPLE_KEY, 1))
    second = client.get(_usage_url(EXAMPLE_KEY, 1), {"cursor": first.context["page"].next_cursor})

    assert [a.id for a in first.context["page"].items] == [ids[2], ids[1]]
    assert [a.id for a in second.context["page"].items] == [ids[0]]
    assert second.context["page"].next_cursor is None
    page = first.content.decode()
    assert reverse("admin:review_detail", args=[ids[2]]) in page and "Example change 2" in page
    assert "Next page" in page
    assert on_default not in page + second.content.decode()


@pytest.mark.parametrize("opened", [1, 3, 8])
def test_it_reads_a_usage_page_with_one_query_and_one_batch_get(cast: Any, opened: int) -> None:
    import_example()
    for n in range(opened):
        _open_on(cast, EXAMPLE_KEY, f"Example change {n}")
    client = cast.client("assessor")

    with instrumentation.recording() as calls:
        response = client.get(_usage_url(EXAMPLE_KEY, 1))

    assert response.status_code == 200
    assert len(response.context["page"].items) == opened
    # One Query for the page's entries and one BatchGetItem for their assessments, whatever
    # the page's size: never a GetItem per row, never a Scan.
    assert calls.count("dynamodb", "Query") == 1
    assert calls.count("dynamodb", "BatchGetItem") == 1
    assert calls.count("dynamodb", "GetItem") == 0
    assert calls.count("dynamodb", "Scan") == 0


def test_it_counts_an_entry_whose_assessment_cannot_be_read_and_keeps_the_page_order(cast: Any) -> None:
    import_example()
    ids = [_open_on(cast, EXAMPLE_KEY, f"Example change {n}") for n in range(3)]
    run_sync(get_table().delete, keys.assessment_pk(ids[1]), keys.META)

    response = cast.client("assessor").get(_usage_url(EXAMPLE_KEY, 1))

    page = response.context["page"]
    assert [a.id for a in page.items] == [ids[2], ids[0]]
    assert page.missing == 1
    assert "1 listed assessment could not be read." in response.content.decode()


def test_it_refuses_a_tampered_page_link(cast: Any) -> None:
    response = cast.client("assessor").get(_usage_url("default", 1), {"cursor": "forged"})

    assert response.status_code == 422
    assert "page link is not valid" in response.content.decode()


def test_it_answers_404_for_a_version_that_does_not_exist(cast: Any) -> None:
    assert cast.client("assessor").get(_usage_url("default", 9)).status_code == 404


def test_it_links_the_usage_pages_from_the_questionnaire_versions_list(cast: Any) -> None:
    page = cast.client("assessor").get(reverse("admin:assessments_questionnaireversion_changelist"))

    assert page.status_code == 200
    content = page.content.decode()
    assert reverse(CATALOG) in content and _usage_url("default", 1) in content
