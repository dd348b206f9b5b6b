"""Settings for ``python -m eval``: the real local-mode settings in a throw-away var directory.

Tasks go to the dummy backend so the harness runs each enqueued job itself, in order, as the
worker would (and runs the suggestion pre-computation once, after every document is ready).
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("TRA_VAR_DIR", tempfile.mkdtemp(prefix="tra-eval-"))
os.environ["TRA_MODE"] = "local"
os.environ["TRA_LLM_PROVIDER"] = "local"
os.environ["TRA_KB_PROVIDER"] = "local"

from tra_site.settings import *  # noqa: E402,F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
TRA_DOCUMENT_STORE = "local"
TRA_TABLE_BACKEND = "local"
