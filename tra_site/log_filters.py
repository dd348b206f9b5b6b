"""Logging filters for the site's logging configuration."""

from __future__ import annotations

import logging


class NoTracebackBelow500(logging.Filter):
    """Keep the one-line record of a 4xx, drop its traceback.

    Django logs a 404 or 403 raised in a view with the exception attached; an ordinary refusal
    is not a fault, and a traceback for it on the console hides the real ones.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
