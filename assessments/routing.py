"""Websocket routes (served by tra_site/asgi.py)."""

from __future__ import annotations

from django.urls import path

from assessments.consumers import AssessmentConsumer

websocket_urlpatterns = [
    path("ws/assessments/<str:assessment_id>/", AssessmentConsumer.as_asgi()),
]
