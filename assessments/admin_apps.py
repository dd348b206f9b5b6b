from django.contrib.admin.apps import AdminConfig


class TRAAdminConfig(AdminConfig):
    """The Django admin, with the assessors' review screens added to it."""

    default_site = "assessments.admin_site.TRAAdminSite"
