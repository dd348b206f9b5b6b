"""What every HTTP entry point (pages, API, admin, template tags) needs: who is acting, upload limits.

Kept out of the views so the API, the admin and the template tags do not import from web views.
"""

from __future__ import annotations

import asyncio
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from assessments.documents.sniff import human_size
from assessments.domain.records import Actor
from assessments.domain.roles import aroles_of
from assessments.services.documents import UploadFile, uploads_from

# Multipart framing around the files; anything beyond the limits plus this is refused unread.
UPLOAD_FRAMING_ALLOWANCE = 1024 * 1024


async def aactor_of(request: HttpRequest) -> Actor | None:
    """The acting user for async views, or None when nobody is signed in."""
    user: Any = await request.auser()
    roles = await aroles_of(user)
    if not roles:
        return None
    return Actor(user_id=user.pk, username=user.get_username(), roles=roles)


async def signed_in_actor(request: HttpRequest) -> Actor:
    """The actor behind a ``login_required`` page (so never anonymous; 403 if the account was switched off)."""
    actor = await aactor_of(request)
    if actor is None:  # an account switched off since it signed in
        raise PermissionDenied("Your account cannot act here; sign in again.")
    return actor


def upload_limits() -> dict[str, int]:
    return {
        "max_files": settings.TRA_UPLOAD_MAX_FILES,
        "max_bytes": settings.TRA_UPLOAD_MAX_BYTES,
        "max_mb": settings.TRA_UPLOAD_MAX_BYTES // (1024 * 1024),
    }


def upload_too_large(request: HttpRequest) -> str | None:
    """Why a request is refused before its body is read, or None: more than the limits allow."""
    files = settings.TRA_UPLOAD_MAX_FILES
    limit = files * settings.TRA_UPLOAD_MAX_BYTES + UPLOAD_FRAMING_ALLOWANCE
    if int(request.META.get("CONTENT_LENGTH") or 0) <= limit:
        return None
    return (
        f"That upload is too large: at most {files} file{'s' if files != 1 else ''} "
        f"of {human_size(settings.TRA_UPLOAD_MAX_BYTES)} each."
    )


async def posted_uploads(request: HttpRequest) -> list[UploadFile]:
    """The request's files (field ``files``) as the upload use case takes them.

    Parsing a multipart body (up to max_files x max_bytes, spooled to temporary files) is
    blocking work: a worker thread does it, so the event loop keeps serving everyone else.
    """
    return await asyncio.to_thread(lambda: uploads_from(request.FILES.getlist("files")))
