"""Failed sign-ins, in the Django database so every web worker process counts the same ones."""

from __future__ import annotations

from django.db import models


class FailedLogin(models.Model):
    """One refused sign-in, counted against an account and against a client address."""

    class Scope(models.TextChoices):
        ACCOUNT = "account"
        ADDRESS = "address"

    scope = models.CharField(max_length=8, choices=Scope.choices)
    # The normalised username, or the client address.
    key = models.CharField(max_length=255)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"], name="failed_login_scope_key_at")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key} at {self.at:%Y-%m-%d %H:%M:%S}"
