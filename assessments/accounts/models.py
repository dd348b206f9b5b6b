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


class EmailOptOut(models.Model):
    """A user turned one kind of notification e-mail off (no row: the kind is on, the default).

    Only the e-mail: the in-app note is always written. Kinds are NotificationKind values.
    """

    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="email_opt_outs")
    kind = models.CharField(max_length=32)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="email_opt_out_user_kind")]

    def __str__(self) -> str:
        return f"{self.user_id} opted out of {self.kind} e-mails"
