"""Django-database models of the assessments app.

Only what lives in the Django DB belongs here (architecture.md): questionnaire definitions.
Assessments, answers and everything about them live in the TRA table.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone


class QuestionnaireVersion(models.Model):
    """One imported questionnaire file. Versions are immutable: assessments pin (key, version)."""

    key = models.SlugField(max_length=64, default="default")
    version = models.PositiveIntegerField(help_text="Numbered 1, 2, 3… per key, on import.")
    name = models.CharField(max_length=200)
    source_version = models.CharField(max_length=64, blank=True, help_text="The file's own version string.")
    definition = models.JSONField(help_text="The questionnaire in the file format, enough to rebuild it.")
    is_active = models.BooleanField(default=False, help_text="New assessments use the active version.")
    imported_at = models.DateTimeField(default=timezone.now)
    sha256 = models.CharField(max_length=64, help_text="Of the imported source text.")

    class Meta:
        ordering = ["key", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="questionnaire_version_unique"),
            models.UniqueConstraint(
                fields=["key"], condition=Q(is_active=True), name="questionnaire_one_active_per_key"
            ),
        ]
        indexes = [models.Index(fields=["key", "sha256"], name="questionnaire_key_sha256")]

    def __str__(self) -> str:
        active = " (active)" if self.is_active else ""
        return f"{self.key} v{self.version}: {self.name}{active}"
