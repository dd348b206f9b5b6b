from __future__ import annotations

from django.urls import path

from assessments.health.views import healthz

urlpatterns = [path("healthz", healthz, name="healthz")]
