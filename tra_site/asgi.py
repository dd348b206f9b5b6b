"""ASGI entry point: HTTP (Django), websockets (Channels) and lifespan (AWS clients)."""

from __future__ import annotations

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tra_site.settings")
django_asgi_app = get_asgi_application()

from django.conf import settings  # noqa: E402

if settings.TRA_SERVE_STATIC:
    # Local mode serves its own static files; in AWS mode a CDN or the load balancer does.
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    django_asgi_app = ASGIStaticFilesHandler(django_asgi_app)

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from assessments.routing import websocket_urlpatterns  # noqa: E402
from integrations import clients  # noqa: E402
from integrations.runtime import close_loop_resources  # noqa: E402


async def lifespan(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    """Keep the server loop's AWS clients for its whole life; close them at shutdown."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            clients.mark_long_lived()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await close_loop_resources()
            await send({"type": "lifespan.shutdown.complete"})
            return


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
        "lifespan": lifespan,
    }
)
