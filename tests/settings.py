"""Test settings: the real settings, pointed at a throw-away var/ directory."""

import os
import tempfile

os.environ.setdefault("TRA_VAR_DIR", tempfile.mkdtemp(prefix="tra-test-"))
os.environ.setdefault("TRA_MODE", "local")

from tra_site.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
