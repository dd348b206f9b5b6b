"""Stable DOM ids for questions (ids may hold spaces and dots, e.g. "Q 2.10")."""

from __future__ import annotations

import hashlib
from functools import lru_cache


@lru_cache(maxsize=4096)  # a page asks for each question's id several times; the ids are few
def dom_id(question_id: str) -> str:
    return "q-" + hashlib.sha1(question_id.encode()).hexdigest()[:10]
