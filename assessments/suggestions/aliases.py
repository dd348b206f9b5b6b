"""The names documents give the vendor, so sentences that name it answer questions about "the vendor"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assessments.suggestions import lexicon
from integrations.kb.contract import Passage

_VENDOR_NAMED = re.compile(
    r"\b(?P<name>[A-Z][\w&]+(?: [A-Z][\w&]+){0,2})(?: (?:Ltd|Limited|Inc|plc|LLC|GmbH)\b\.?)?"
    r"(?: is|,) (?:a|an|the|our) (?:[\w-]+ ){0,3}?(?:vendor|supplier|third[- ]party)\b"
    r"|\b(?:from|by) (?P<company>[A-Z][\w&]+(?: [A-Z][\w&]+){0,2}) (?:Ltd|Limited|Inc|plc|LLC|GmbH)\b"
    r"|\b(?:vendor|supplier)(?: [\w-]+){0,3} (?:on|of|with) (?P<object>[A-Z][\w&]+(?: [A-Z][\w&]+){0,2})"
)


def vendor_aliases(passages: Sequence[Passage]) -> re.Pattern[str] | None:
    """Names the passages give the vendor ("Brightdesk is a third-party vendor"), so sentences
    that name it answer questions about "the vendor"."""
    names: set[str] = set()
    for passage in passages:
        for match in _VENDOR_NAMED.finditer(passage.text):
            name = match.group("name") or match.group("company") or match.group("object")
            if name.split()[0].lower() in lexicon.STOP_WORDS:
                continue
            names.add(name)
            if len(name.split()[0]) >= 4:
                names.add(name.split()[0])
    if not names:
        return None
    return re.compile(
        r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b"
    )
