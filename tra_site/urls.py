from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from assessments.urls import auth_urlpatterns
from tra_site.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    *auth_urlpatterns,
    path("", include("assessments.urls")),
]
