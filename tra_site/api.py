"""The one NinjaAPI object; routers live with their app (``assessments/api/``).

Every operation is async and authenticated by the session (CSRF on unsafe methods) through
``SessionActorAuth``; the docs page and schema need a signed-in user (see
``assessments/api/docs.py``).
"""

from __future__ import annotations

import inspect
from typing import Any

from django.urls import URLPattern, re_path
from ninja import NinjaAPI

from assessments.api.auth import session_auth
from assessments.api.docs import signed_in_only, swagger
from assessments.api.errors import not_found_view, with_json_405


class TRANinjaAPI(NinjaAPI):
    """Ninja, with its last two non-JSON answers (405, an unknown /api/ path) in our error shape."""

    def _get_urls(self) -> list[Any]:
        patterns = super()._get_urls()
        for pattern in patterns:
            if not isinstance(pattern, URLPattern):
                continue
            if pattern.name == "api-root":
                # Kept by name (the schema's paths are reversed from it), answered as any unknown path.
                pattern.callback = not_found_view
            elif inspect.iscoroutinefunction(pattern.callback):
                pattern.callback = with_json_405(pattern.callback)
        return [*patterns, re_path(r"^.*$", not_found_view)]


api = TRANinjaAPI(
    title="TRA API",
    version="1",
    auth=session_auth,
    urls_namespace="api",
    docs=swagger,
    docs_decorator=signed_in_only,
)


def _register() -> None:
    from assessments.api import register

    register(api)


_register()
