from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from assessments.urls import auth_urlpatterns
from tra_site.api import api

urlpatterns = [
    path("", include("assessments.health.urls")),
    path("admin/dashboard/", include("assessments.dashboard.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("notifications/", include("assessments.notifications.urls")),
    path("guest/", include("assessments.guests.urls")),
    *auth_urlpatterns,
    path("", include("assessments.urls")),
]

# Product pages in every mode (DEBUG shows Django's own only when a developer asks for it).
handler400 = "assessments.views.errors.bad_request"
handler403 = "assessments.views.errors.permission_denied"
handler404 = "assessments.views.errors.page_not_found"
handler500 = "assessments.views.errors.server_error"
