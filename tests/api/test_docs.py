"""/api/docs works with no internet, under a strict CSP, and only for signed-in users."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from tests.api.helpers import error_keys


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.inline: list[str] = []  # bodies of <script> elements without src
        self.settings_json = ""
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href", "action") and v]
        self.urls += [v for k, v in attrs if k.startswith("on")]  # inline handlers would show here
        if tag == "script":
            self.scripts.append(a)
            self._in_script = a

    def handle_data(self, data: str) -> None:
        if self._in_script is not None and not self._in_script.get("src"):
            if self._in_script.get("id") == "swagger-settings":
                self.settings_json += data
            self.inline.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def _docs(cast: Any) -> tuple[Any, _Page]:
    response = cast.client("requestor").get("/api/docs")
    assert response.status_code == 200
    page = _Page()
    page.feed(response.content.decode())
    return response, page


def test_it_serves_the_docs_from_local_static_files_only(cast: Any) -> None:
    response, page = _docs(cast)
    assert page.urls, "the page references its scripts and styles"
    for url in page.urls:
        assert url.startswith(f"/{settings.STATIC_URL.strip('/')}/"), url
        assert finders.find(url.split("/", 2)[2]), f"{url} is not shipped with the app"
    assert not re.search(rb"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", response.content, re.I)


def test_it_runs_no_inline_script_so_a_strict_csp_holds(cast: Any) -> None:
    _response, page = _docs(cast)
    executable = [s for s in page.scripts if (s.get("type") or "text/javascript") != "application/json"]
    assert executable and all(s.get("src") for s in executable)
    assert [s.get("src") for s in executable][-1].endswith("ninja/swagger-ui-init.js")


def test_it_points_swagger_at_our_schema_without_the_online_validator(cast: Any) -> None:
    _response, page = _docs(cast)
    config = json.loads(page.settings_json)
    assert config["url"] == reverse("api:openapi-json")
    assert config["validatorUrl"] is None


def test_it_sends_an_anonymous_visitor_of_the_docs_to_log_in(cast: Any) -> None:
    response = Client().get("/api/docs")
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next=/api/docs"


def test_it_tells_an_anonymous_client_of_the_schema_to_sign_in(cast: Any) -> None:
    response = Client().get("/api/openapi.json")
    assert response.status_code == 401
    assert error_keys(response) == {"message", "extra"}


def test_it_gives_the_schema_to_a_signed_in_user(cast: Any) -> None:
    response = cast.client("assessor").get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "TRA API"
