"""Content-Security-Policy on every response Django serves.

The policy is ``TRA_CSP_DIRECTIVES`` (settings): scripts, styles and everything else only from
our own origin, no inline script or style, no framing. A path that genuinely needs more gets it
through ``TRA_CSP_PATH_OVERRIDES``, a map from a path prefix to the directives it replaces
(the longest matching prefix wins), e.g. ``{"/api/docs": {"style-src": "'self' 'unsafe-inline'"}}``.
A response that already carries the header (a view that set its own) keeps it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from functools import cache
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponseBase

HEADER = "Content-Security-Policy"


def render(directives: Mapping[str, str]) -> str:
    return "; ".join(f"{name} {value}".strip() for name, value in directives.items())


@cache
def _policies() -> tuple[str, tuple[tuple[str, str], ...]]:
    """The default header and (prefix, header) per override, longest prefix first."""
    base: dict[str, str] = dict(settings.TRA_CSP_DIRECTIVES)
    overrides: Mapping[str, Mapping[str, str]] = settings.TRA_CSP_PATH_OVERRIDES
    by_prefix = tuple(
        (prefix, render({**base, **changes}))
        for prefix, changes in sorted(overrides.items(), key=lambda item: -len(item[0]))
    )
    return render(base), by_prefix


def _clear(*, setting: str, **_: Any) -> None:
    if setting in ("TRA_CSP_DIRECTIVES", "TRA_CSP_PATH_OVERRIDES"):
        _policies.cache_clear()


setting_changed.connect(_clear)


def policy_for(path: str) -> str:
    default, by_prefix = _policies()
    return next((header for prefix, header in by_prefix if path.startswith(prefix)), default)


class ContentSecurityPolicyMiddleware:
    """Adds the policy for the request's path; works in sync and async stacks alike."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponseBase | Awaitable[HttpResponseBase]:
        if self.is_async:
            return self.__acall__(request)
        return self._add(request, self.get_response(request))

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        return self._add(request, await self.get_response(request))

    @staticmethod
    def _add(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if HEADER not in response:
            response[HEADER] = policy_for(request.path)
        return response
