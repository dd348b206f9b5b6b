"""The dashboard in a real browser (Debian's chromium): its charts render, their tables open,
and a picture for the docs (``TRA_SCREENSHOTS=docs/screenshots`` writes docs/screenshots/dashboard.png;
a plain run writes under VAR_DIR and leaves the tracked file alone)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.dashboard.helpers import Script, refresh
from tests.e2e.conftest import browser, off_loop, page  # noqa: F401 (the fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
UNITS = ("Retail", "Finance", "Customer Operations", "Group IT")
RESIDUALS = ("low", "medium", "low", "high", "very_low", "medium", None, "very_high")
SOURCES = ["suggestion_accepted", "suggestion_edited", "manual", "suggestion_accepted", "manual"]


def _portfolio() -> None:
    """40 assessments over twelve weeks: most decided, some open (two overdue), a few drafts."""
    now = datetime.now(UTC)
    today = now.date()
    for n in range(40):
        start = now - timedelta(days=80 - 2 * n, hours=n)
        script = Script(f"TRA-2026-{n:04d}", business_unit=UNITS[n % len(UNITS)]).created(start)
        for k in range(n % 4):
            script.suggestion(start + timedelta(minutes=5 + k), ("accepted", "edited", "dismissed")[k % 3])
        if n % 9 == 8:
            continue  # still a draft
        submitted = start + timedelta(hours=3)
        due = (submitted + timedelta(days=14)).date()
        script.submit(submitted, due_on=due)
        if submitted > now - timedelta(days=6):
            continue  # waiting in the queue
        script.assign(submitted + timedelta(hours=5))
        if n % 7 == 3:
            script.send_back(submitted + timedelta(days=2))
            if n % 2:
                continue
            script.submit(submitted + timedelta(days=4), due_on=today + timedelta(days=6))
            script.assign(submitted + timedelta(days=4, hours=2))
        if n in (30, 32):
            continue  # under review past the due date
        lead = timedelta(days=2 + (n * 5) % 17, hours=n % 5)
        if submitted + lead > now - timedelta(minutes=1):
            continue  # its decision is still to come
        script.decide(submitted + lead, RESIDUALS[n % len(RESIDUALS)], SOURCES, reject=n % 11 == 5)


def _shot(tab: Page, name: str) -> Path:
    from django.conf import settings
    from PIL import Image

    folder = Path(os.environ.get("TRA_SCREENSHOTS") or Path(settings.VAR_DIR) / "screenshots")
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    tab.screenshot(path=str(path), full_page=True)
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256).save(path, optimize=True)
    return path


def test_an_assessor_sees_the_portfolio_as_charts_with_their_numbers(cast: Any, live_server: Any, page: Page):  # noqa: F811
    off_loop(_portfolio)
    off_loop(refresh)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/dashboard/")
    page.fill("input[name=username]", "assessor")
    page.fill("input[name=password]", "pw-assessor")
    page.locator("form [type=submit]").click()

    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    for key in ("states", "weeks", "ratings", "suggestions"):
        chart = page.get_by_test_id(f"chart-{key}")
        expect(chart.locator("svg")).to_be_visible()
        assert chart.locator("svg").bounding_box()["height"] > 40
    expect(page.get_by_test_id("figure-overdue")).to_contain_text("2")
    ratings = page.get_by_test_id("chart-ratings")
    ratings.get_by_text("The numbers").click()
    expect(ratings.get_by_test_id("table-ratings")).to_contain_text("Customer Operations")
    expect(page.get_by_test_id("folded-at")).to_contain_text(" UTC")
    _shot(page, "dashboard.png")
