"""The one NinjaAPI object; routers live with their app.

Session auth (`django_auth`) enforces CSRF on unsafe methods in django-ninja 1.x.
"""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.security import django_auth

api = NinjaAPI(title="TRA API", version="1", auth=django_auth, urls_namespace="api")


def _register() -> None:
    from assessments.api import register

    register(api)


_register()
