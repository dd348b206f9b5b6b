"""A real browser: Debian's chromium, driven by Playwright (no browser download)."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = os.environ.get("TRA_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture
def browser(cast, live_server):
    """Function-scoped and after the cast: Playwright's sync API keeps an event loop running in
    this thread, and the set-up before it must still be able to run async work synchronously."""
    if not shutil.which(CHROMIUM):
        pytest.skip(f"end-to-end tests need Debian's chromium at {CHROMIUM} (make test installs it)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def login(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def off_loop(fn, *args, **kwargs):
    """Run a synchronous helper in another thread (this one has Playwright's loop running)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args, **kwargs).result()
