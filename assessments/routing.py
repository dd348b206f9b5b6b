"""Websocket routes (served by tra_site/asgi.py)."""

from __future__ import annotations

from django.urls import path, re_path

from assessments.consumers import AssessmentConsumer, NoSuchSocket
from assessments.notifications.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/assessments/<str:assessment_id>/", AssessmentConsumer.as_asgi()),
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    # Last: any other path is closed with 4404 instead of URLRouter's "No route found" (a 500).
    re_path(r"", NoSuchSocket.as_asgi()),
]
