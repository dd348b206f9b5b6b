"""Rate limits for guest links: uses per link and requests per client address, per window.

The login throttle (accounts/throttle.py) counts *failures* in the Django database; a guest link
must count every use, good or bad, and the counts must hold across web workers. So each counter
is one item of the TRA table per fixed window (``GUESTRATE#<scope>#<key>`` / ``<window>``),
raised with an atomic add (two workers never lose each other's hits) and read back. An old
window's item is never read again; it carries a ``ttl`` (epoch seconds) so that DynamoDB's
Time to Live, once enabled on that attribute (the table does not enable it yet), deletes it.
The per-address counter also catches someone trying many guessed tokens from one client.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings

from assessments.services.boundary import table_errors_as_domain
from integrations.table import get_table
from integrations.table.contract import Update

RATE_PREFIX = "GUESTRATE#"


def _window() -> int:
    return settings.TRA_GUEST_RATE_WINDOW_SECONDS


async def _hit(scope: str, key: str, limit: int, now: float) -> bool:
    """Count one use; True while the count is within the limit."""
    window = _window()
    bucket = int(now) // window
    pk, sk = f"{RATE_PREFIX}{scope}#{key}", str(bucket)
    table = get_table()
    with table_errors_as_domain():
        await table.transact([Update(pk, sk, add={"hits": 1}, set={"ttl": (bucket + 2) * window})])
        item = await table.get(pk, sk)
    return int((item or {}).get("hits", 0)) <= limit


def address_key(address: str) -> str:
    # Stored as a digest: the table need not keep the guests' addresses.
    return hashlib.sha256(address.encode("utf-8")).hexdigest()[:32]


async def guest_address_allowed(*, address: str, now: float | None = None) -> bool:
    return await _hit(
        "address", address_key(address), settings.TRA_GUEST_REQUESTS_PER_ADDRESS, now or time.time()
    )


async def guest_link_allowed(*, invite_id: str, now: float | None = None) -> bool:
    # Per invite, not per token: the counter's key must not be the token (nor its hash).
    return await _hit("link", invite_id, settings.TRA_GUEST_USES_PER_LINK, now or time.time())
