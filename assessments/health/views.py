"""``GET /healthz``: readiness for a load balancer. No login, no session, nothing sensitive."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from assessments.services.health import readiness_check


@require_GET
async def healthz(request: HttpRequest) -> JsonResponse:
    """200 ``{"status": "ready", "checks": {...}}`` when every check passes, else 503 naming them."""
    readiness = await readiness_check()
    response = JsonResponse(readiness.as_dict(), status=200 if readiness.ready else 503)
    # A probe must see the state now, never a cached answer.
    response["Cache-Control"] = "no-store"
    return response
