"""Demo users for local mode: generated passwords kept under var/, never in the repo."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from assessments.domain.roles import ASSESSORS_GROUP


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    password: str


_CAST = (
    ("requestor", "requestor"),
    ("requestor2", "second requestor"),
    ("assessor", "assessor"),
    # A second reviewer, so two assessors can decide different risk areas of one assessment.
    ("privacy", "assessor"),
    ("admin", "admin"),
)


@transaction.atomic
def demo_users_ensure(*, credentials_path: Path) -> list[DemoUser]:
    """Create the demo cast once; later runs reuse the stored passwords (and repair the users)."""
    stored: dict[str, str] = json.loads(credentials_path.read_text()) if credentials_path.exists() else {}
    User = get_user_model()
    assessors, _ = Group.objects.get_or_create(name=ASSESSORS_GROUP)
    users = []
    for username, role in _CAST:
        password = stored.get(username) or secrets.token_urlsafe(12)
        stored[username] = password
        user, created = User.objects.get_or_create(username=username)
        # Local mail goes to a file (or the console), so an address per demo user shows who gets what.
        user.email = user.email or f"{username}@example.test"
        if created or not user.check_password(password):
            user.set_password(password)
        user.is_staff = role in ("assessor", "admin")
        user.is_superuser = role == "admin"
        user.save()
        if role == "assessor":
            user.groups.add(assessors)
        users.append(DemoUser(username, role, password))
    credentials_path.parent.mkdir(parents=True, exist_ok=True)
    credentials_path.write_text(json.dumps(stored, indent=2))
    credentials_path.chmod(0o600)
    return users
