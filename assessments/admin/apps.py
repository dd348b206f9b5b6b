from __future__ import annotations

from django.contrib.admin.apps import AdminConfig


class TRAAdminConfig(AdminConfig):
    """The Django admin, with the assessors' review screens added to it."""

    default_site = "assessments.admin.site.TRAAdminSite"

    def ready(self) -> None:
        super().ready()
        # Registrations import models, which this package may not do at import time.
        from assessments.admin import registrations  # noqa: F401
