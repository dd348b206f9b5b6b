"""Where integration errors become domain errors, once."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from assessments.errors import NotFoundError, ServiceUnavailable
from integrations.errors import Conflict, IntegrationError, NotFound, ResourceMissing, Throttled, Unavailable

log = logging.getLogger(__name__)

UNAVAILABLE_MESSAGE = "The data store is not answering right now. Nothing was saved; please try again."
STORE_MISSING_MESSAGE = (
    "The assessment store is not available right now. Nothing was saved; please try again later."
)


@contextlib.contextmanager
def table_errors_as_domain() -> Iterator[None]:
    """Conflicts are handled by the caller (they need context); everything else maps here."""
    try:
        yield
    except ResourceMissing as exc:
        # The table or one of its indexes is gone (deleted, renamed, never created): every
        # request fails until an operator acts, so say so loudly, and never "No such item".
        log.error("OUTAGE: the assessment store's table or index is missing: %s", exc)
        raise ServiceUnavailable(STORE_MISSING_MESSAGE) from exc
    except (Throttled, Unavailable) as exc:
        log.warning("table unavailable: %s", exc)
        raise ServiceUnavailable(UNAVAILABLE_MESSAGE) from exc
    except NotFound as exc:
        raise NotFoundError("No such item.") from exc
    except Conflict:
        raise
    except IntegrationError as exc:
        log.error("table error: %s", exc)
        raise ServiceUnavailable(UNAVAILABLE_MESSAGE) from exc
