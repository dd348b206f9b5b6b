from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from tra_site.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("assessments.urls")),
]
