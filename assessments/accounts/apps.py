from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "assessments.accounts"
    label = "accounts"
    verbose_name = "Sign-in"
    default_auto_field = "django.db.models.BigAutoField"
