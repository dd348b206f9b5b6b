"""The operations through Django's ASGI handler, as uvicorn serves them: session and CSRF hold."""

from __future__ import annotations

import json
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient

from tests.web.helpers import create_assessment

BODY = json.dumps({"title": "T", "project": "P", "data_classification": "Internal", "business_unit": "B"})


@pytest.fixture
async def browser(cast: Any) -> AsyncClient:
    client = AsyncClient(enforce_csrf_checks=True)
    await client.aforce_login(cast.requestor)
    return client


@pytest.mark.django_db(transaction=True)
async def test_it_reads_an_assessment_over_asgi(cast: Any, browser: AsyncClient) -> None:
    assessment_id = await sync_to_async(create_assessment)(cast)
    response = await browser.get(f"/api/assessments/{assessment_id}")
    assert response.status_code == 200
    assert response.json()["assessment"]["id"] == assessment_id


@pytest.mark.django_db(transaction=True)
async def test_it_refuses_an_asgi_write_without_the_csrf_token(cast: Any, browser: AsyncClient) -> None:
    response = await browser.post("/api/assessments", BODY, content_type="application/json")
    assert response.status_code == 403
    assert set(response.json()) == {"message", "extra"}


@pytest.mark.django_db(transaction=True)
async def test_it_accepts_an_asgi_write_with_the_csrf_token(cast: Any, browser: AsyncClient) -> None:
    await browser.get("/api/docs")  # sets the csrftoken cookie, as a browser gets it
    token = browser.cookies["csrftoken"].value
    response = await browser.post(
        "/api/assessments", BODY, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert response.status_code == 201


@pytest.mark.django_db(transaction=True)
async def test_it_tells_an_anonymous_asgi_caller_to_sign_in(cast: Any) -> None:
    response = await AsyncClient().get("/api/assessments")
    assert response.status_code == 401
    assert set(response.json()) == {"message", "extra"}
