"""An oversized body is refused from its declared length before anything reads it, CSRF included."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import HttpRequest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def body_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every parse of a request's form or files (what CSRF's check of a POST does first)."""
    reads: list[str] = []
    original = HttpRequest._load_post_and_files

    def counting(self: HttpRequest) -> None:
        reads.append(self.path)
        original(self)

    monkeypatch.setattr(HttpRequest, "_load_post_and_files", counting)
    return reads


def _oversized(settings: Any) -> str:
    return str(settings.TRA_UPLOAD_MAX_FILES * settings.TRA_UPLOAD_MAX_BYTES + 2 * 1024 * 1024)


@pytest.mark.parametrize(
    "path", ["/api/assessments/TRA-2026-000000/documents", "/assessments/TRA-2026-000000/documents/upload/"]
)
def test_it_refuses_an_oversized_upload_before_the_csrf_check_reads_it(
    cast: Any, settings: Any, body_reads: list[str], path: str
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)

    response = client.post(path, {"files": "x"}, CONTENT_LENGTH=_oversized(settings))

    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert body_reads == []


def test_it_answers_the_api_in_the_error_shape(cast: Any, settings: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.requestor)

    response = client.post("/api/assessments", {"x": "y"}, CONTENT_LENGTH=_oversized(settings))

    assert response.status_code == 413
    assert set(response.json()) == {"message", "extra"}
