"""The one NinjaAPI object; routers live with their app (``assessments/api/``).

Every operation is async and authenticated by the session (CSRF on unsafe methods) through
``SessionActorAuth``; the docs page and schema need a signed-in user (see
``assessments/api/docs.py``).
"""

from __future__ import annotations

from ninja import NinjaAPI

from assessments.api.auth import session_auth
from assessments.api.docs import signed_in_only, swagger

api = NinjaAPI(
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
