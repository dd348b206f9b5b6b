"""Text a person typed: the characters we refuse wherever text is stored (pure)."""

from __future__ import annotations

import re

# NUL and the other C0 control characters, except tab, line feed and carriage return: they
# are invisible, break exports and terminals, and no one types them on purpose.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def control_character_problem(text: str) -> str | None:
    """A message naming the first control character in ``text``, or None when it has none."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    return (
        f"Remove the control character U+{ord(found.group()):04X} (at position {found.start() + 1}): "
        "only printable characters, tabs and line breaks are accepted."
    )
