"""Admin for imported questionnaire versions: read-only, because versions are immutable.

The lead wires this ModelAdmin into the admin site; new versions come from
``manage.py import_questionnaire``.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from assessments.models import QuestionnaireVersion


class QuestionnaireVersionAdmin(admin.ModelAdmin):
    list_display = ("key", "version", "name", "source_version", "is_active", "imported_at")
    list_filter = ("key", "is_active")
    search_fields = ("name", "key")
    ordering = ("key", "-version")
    readonly_fields = (
        "key",
        "version",
        "name",
        "source_version",
        "definition",
        "is_active",
        "imported_at",
        "sha256",
    )

    # Editing a version in place would change answers' meaning under existing assessments;
    # importing a new version is the only way to change a questionnaire.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: QuestionnaireVersion | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: QuestionnaireVersion | None = None) -> bool:
        return False
