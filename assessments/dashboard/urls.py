"""Mounted at /admin/dashboard/ (tra_site/urls.py), before the admin's own URLs."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

from assessments.dashboard import views

app_name = "dashboard"

# The admin site's wrapper: staff only (others go to the admin's sign-in), never cached.
urlpatterns = [path("", admin.site.async_admin_view(views.dashboard), name="index")]  # type: ignore[attr-defined]
