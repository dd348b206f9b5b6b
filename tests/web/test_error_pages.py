"""Product pages for 403/404/500 in every mode, DEBUG only on request, no traceback for a 4xx."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path, reverse

from tests.web.helpers import create_assessment

ROOT = Path(__file__).resolve().parents[2]


def _explode(request: Any) -> Any:
    raise RuntimeError("a bug in a view")


def _forbidden(request: Any) -> Any:
    raise PermissionDenied("Only the owner may do that.")


urlpatterns = [
    path("boom/", _explode),
    path("forbidden/", _forbidden),
]


@pytest.fixture
def broken_views(settings: Any) -> None:
    """The site's URLs plus two views that fail, with the site's own error handlers."""
    import tra_site.urls

    module = type(sys)("tests.web.error_urls")
    module.urlpatterns = [*urlpatterns, *tra_site.urls.urlpatterns]  # type: ignore[attr-defined]
    for name in ("handler403", "handler404", "handler500"):
        setattr(module, name, getattr(tra_site.urls, name))
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    yield
    del sys.modules[module.__name__]


def _debug_of(env: dict[str, str], tmp_path: Path) -> str:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TRA_", "DJANGO_"))}
    full.update({"TRA_VAR_DIR": str(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "tra_site.settings", **env})
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=full, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.slow  # a settings import in a subprocess per case
@pytest.mark.parametrize(
    ("env", "debug"),
    [
        ({"TRA_MODE": "local"}, "False"),
        ({"TRA_MODE": "local", "TRA_DEBUG": "1"}, "True"),
        ({"TRA_MODE": "local", "DJANGO_DEBUG": "1"}, "True"),
        ({"TRA_MODE": "local", "TRA_DEBUG": "0", "DJANGO_DEBUG": "1"}, "False"),
    ],
)
def test_it_turns_debug_on_only_when_a_developer_asks(
    env: dict[str, str], debug: str, tmp_path: Path
) -> None:
    assert _debug_of(env, tmp_path) == debug


def test_it_shows_our_404_page_for_another_users_assessment(cast: Any) -> None:
    assessment_id = create_assessment(cast)

    response = cast.client("requestor2").get(reverse("assessments:detail", args=[assessment_id]))

    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "404.html"
    page = response.content.decode()
    assert 'data-testid="error-page"' in page and "Page not found" in page
    assert "My assessments" in page and "requestor2" in page  # our layout, signed in
    assert "URLconf" not in page and "Using the URLconf" not in page and "Traceback" not in page


def test_it_shows_our_404_page_for_an_unknown_address(cast: Any) -> None:
    response = cast.client("requestor").get("/no/such/page/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page and "There is nothing at this address." in page
    assert "Resolver404" not in page and "tried" not in page  # no URL list, no resolver internals


def test_it_shows_our_403_page_with_the_reason(cast: Any, broken_views: None) -> None:
    response = cast.client("requestor").get("/forbidden/")

    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "403.html"
    assert b"Only the owner may do that." in response.content


def test_it_shows_our_500_page_when_a_view_fails(cast: Any, broken_views: None) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(cast.requestor)

    response = client.get("/boom/")

    assert response.status_code == 500
    page = response.content.decode()
    assert 'data-testid="error-page"' in page and "Something went wrong" in page
    assert "a bug in a view" not in page and "Traceback" not in page


def test_it_answers_an_htmx_request_that_fails_with_a_flash_partial(cast: Any, broken_views: None) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(cast.requestor)

    response = client.get("/boom/", headers={"HX-Request": "true"})

    assert response.status_code == 500
    assert response["HX-Retarget"] == "#flash"
    assert b"<html" not in response.content and b"Something went wrong" in response.content


def test_it_logs_a_404_and_a_403_without_a_traceback(
    cast: Any, broken_views: None, caplog: pytest.LogCaptureFixture
) -> None:
    assessment_id = create_assessment(cast)
    client = cast.client("requestor2")

    with caplog.at_level(logging.INFO, logger="django.request"):
        client.get(reverse("assessments:detail", args=[assessment_id]))
        client.get("/forbidden/")

    records = [r for r in caplog.records if r.name == "django.request"]
    assert [r.status_code for r in records] == [404, 403]  # type: ignore[attr-defined]
    assert all(r.exc_info is None for r in records)
    assert "Traceback" not in caplog.text


def test_it_keeps_the_traceback_of_a_500_in_the_log(
    cast: Any, broken_views: None, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(raise_request_exception=False)

    with caplog.at_level(logging.ERROR, logger="django.request"):
        client.get("/boom/")

    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info is not None and "a bug in a view" in caplog.text


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (
            b"--x\r\nContent-Disposition: form-data; name=files; filename=a.txt\r\n\r\nhi\r\n--x--\r\n",
            "multipart/form-data",
        ),
        (
            b"--x\r\nContent-Disposition: form-data; name=files; filename=a.txt\r\nX-Long: "
            + b"a" * 2000
            + b"\r\n\r\nhi\r\n--x--\r\n",
            "multipart/form-data; boundary=x",
        ),
    ],
    ids=["no-boundary", "part-header-over-1024-bytes"],
)
def test_it_answers_a_malformed_upload_with_our_400_page(
    cast: Any, body: bytes, content_type: str, caplog: pytest.LogCaptureFixture
) -> None:
    assessment_id = create_assessment(cast)
    client = Client(raise_request_exception=False)
    client.force_login(cast.requestor)

    response = client.generic(
        "POST", reverse("assessments:upload", args=[assessment_id]), body, content_type=content_type
    )

    assert response.status_code == 400
    assert b'data-testid="error-page"' in response.content and b"choose them again" in response.content
    assert "Traceback" not in caplog.text


def test_it_explains_a_refused_form_post_on_our_403_page(cast: Any) -> None:
    assessment_id = create_assessment(cast)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)

    response = client.post(reverse("assessments:submit", args=[assessment_id]))

    assert response.status_code == 403
    assert b'data-testid="error-page"' in response.content and b"Reload the page" in response.content
