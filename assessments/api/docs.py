"""The API's docs page and schema: signed-in users only, served with no request off the host.

Sign-in is required in every mode: the schema maps the whole attack surface, every
operation needs a session anyway (so anonymous docs could not try anything), and one rule
in every mode is one rule to test. The docs page sends a browser to log in; the schema
answers a client 401 in the API's error shape.

Swagger UI comes from django-ninja's own static files (``"ninja"`` is in INSTALLED_APPS),
its start-up is ninja's ``swagger-ui-init.js`` (no inline script, so a strict
``script-src 'self'`` holds), and the online validator badge is off: it would fetch an
image from the validator's host on every load.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja.openapi.docs import Swagger
from ninja.openapi.views import openapi_json

from assessments.api.errors import SIGN_IN, error_body

swagger = Swagger(settings={"validatorUrl": None})


def signed_in_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """``docs_decorator`` for the NinjaAPI: wraps both the docs page and the schema view."""
    is_schema = getattr(view, "func", view) is openapi_json

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if is_schema:
            return JsonResponse(error_body(SIGN_IN), status=401)
        return redirect_to_login(request.get_full_path())

    return wrapper
