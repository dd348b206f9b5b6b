"""Assessment ids: ``TRA-<year>-<6 upper-case hex>``."""

from __future__ import annotations

import re
import secrets
from datetime import datetime

ASSESSMENT_ID_RE = re.compile(r"^TRA-\d{4}-[0-9A-F]{6}$")


def new_assessment_id(now: datetime) -> str:
    return f"TRA-{now.year}-{secrets.token_hex(3).upper()}"


def is_assessment_id(value: str) -> bool:
    return bool(ASSESSMENT_ID_RE.match(value))
