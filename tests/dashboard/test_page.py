"""The dashboard page: who may see it, what it reads (one Query), its tables and its SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from integrations import instrumentation
from tests.dashboard.helpers import refresh
from tests.dashboard.test_fold import _portfolio

SVG_NS = "{http://www.w3.org/2000/svg}"
URL = "/admin/dashboard/"


def _tables(html: str) -> dict[str, list[list[str]]]:
    """data-testid -> rows of cell texts, for each table on the page."""
    found: dict[str, list[list[str]]] = {}
    for testid, body in re.findall(r'<table[^>]*data-testid="([^"]+)"[^>]*>(.*?)</table>', html, re.S):
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
        found[testid] = [
            [
                re.sub(r"<[^>]+>", "", cell).strip()
                for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            ]
            for row in rows
        ]
    return found


def test_the_url_is_the_dashboards():
    assert reverse("dashboard:index") == URL


def test_an_assessor_sees_the_figures_in_tables_from_exactly_one_query(cast):
    _portfolio()
    refresh()
    client = cast.client("assessor")

    with instrumentation.recording() as calls:
        response = client.get(URL)

    assert response.status_code == 200
    assert (calls.count("dynamodb", "Query"), calls.count("dynamodb")) == (1, 1)
    tables = _tables(response.content.decode())
    states = dict((row[0], row[1]) for row in tables["table-states"] if len(row) == 2)
    assert states["Finalized"] == "4"
    assert states["Rejected"] == "1"
    assert states["Under review"] == "1"
    headline = {row[0]: row[1] for row in tables["dashboard-headline"]}
    assert headline["Lead time submit → decision, median"] == "5.0 days"
    assert headline["Lead time submit → decision, 90th percentile"] == "20.0 days"
    assert headline["Overdue reviews"] == "1"
    assert headline["Answers that came from suggestions (decided assessments)"] == "50% (10 of 20)"
    ratings = {row[0]: row[1:] for row in tables["table-ratings"][1:]}
    assert ratings["Retail"] == ["0", "2", "1", "0", "0", "0", "3"]
    suggestions = {row[0]: row[1] for row in tables["table-suggestions"][1:]}
    assert suggestions == {"Accepted": "1", "Edited": "1", "Dismissed": "2"}
    assert len(tables["table-weeks"]) == 13  # the header and 12 weeks


def test_every_chart_is_well_formed_svg_with_a_title_and_a_description(cast):
    _portfolio()
    refresh()

    html = cast.client("admin").get(URL).content.decode()

    charts = re.findall(r'<svg[^>]*class="tra-chart".*?</svg>', html, re.S)
    assert len(charts) == 4
    for markup in charts:
        root = ET.fromstring(markup)
        assert root.tag == f"{SVG_NS}svg"
        title, desc = root.find(f"{SVG_NS}title"), root.find(f"{SVG_NS}desc")
        assert title is not None and title.text
        assert desc is not None and desc.text
        assert root.get("role") == "img"
        assert root.findall(f".//{SVG_NS}rect"), "a chart with data draws bars"
        assert not root.findall(f".//{SVG_NS}script")


def test_an_empty_dashboard_says_so_and_its_svg_still_parses(cast):
    html = cast.client("assessor").get(URL).content.decode()

    assert "Not counted yet" in html
    charts = re.findall(r'<svg[^>]*class="tra-chart".*?</svg>', html, re.S)
    assert len(charts) == 4
    for markup in charts:
        assert ET.fromstring(markup).find(f"{SVG_NS}title") is not None


def test_a_business_unit_name_is_escaped_in_the_svg(cast):
    from datetime import timedelta

    from tests.dashboard.helpers import Script, days_ago

    script = Script("TRA-X", business_unit='R&D <"labs">').created(days_ago(5))
    script.submit(days_ago(4), due_on=days_ago(0).date() + timedelta(days=3)).assign(days_ago(3))
    script.decide(days_ago(2), "low", ["manual"])
    refresh()

    html = cast.client("assessor").get(URL).content.decode()

    svg = next(
        m for m in re.findall(r'<svg[^>]*class="tra-chart".*?</svg>', html, re.S) if "chart-ratings" in m
    )
    labels = [t.text for t in ET.fromstring(svg).iter(f"{SVG_NS}text")]
    assert 'R&D <"labs">' in labels


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", "admin-login"),
        ("requestor", "admin-login"),
        ("staff", 403),
        ("assessor", 200),
        ("admin", 200),
    ],
)
def test_only_assessors_and_admins_see_the_dashboard(cast, who, expected):
    if who == "staff":
        client = Client()
        client.force_login(
            User.objects.create_user("clerk", "clerk@example.com", password="pw", is_staff=True)
        )
    else:
        client = cast.client(None if who == "anonymous" else who)

    response = client.get(URL)

    if expected == "admin-login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == expected
    if expected == 403:
        assert 'class="tra-chart"' not in response.content.decode()


def test_the_assessors_index_links_to_the_dashboard(cast):
    html = cast.client("assessor").get(reverse("admin:index")).content.decode()

    assert f'href="{URL}"' in html


def test_a_store_outage_is_a_page_with_its_status_not_a_500(cast, monkeypatch):
    from integrations.errors import Unavailable
    from integrations.table import get_table

    table = get_table()

    async def down(**_kwargs):
        raise Unavailable("down")

    monkeypatch.setattr(table, "query", down)
    response = cast.client("assessor").get(URL)

    assert response.status_code == 503
    assert "not answering" in response.content.decode()
