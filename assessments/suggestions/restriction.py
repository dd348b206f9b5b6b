"""Questions that ask whether something is limited to a named subject ("Will access be limited to
our own staff?", "Is the key held only by us?").

The subject after "limited to" is what such a question is about: a sentence about access that
limits something else ("time-limited to 8 hours", "access only via single sign-on") does not
answer it, however well it matches the rest. Such a sentence must put a restricting word next
to the subject ("limited to employees", "staff only") before it can answer either way.
"""

from __future__ import annotations

import re

from assessments.suggestions import lexicon

_RESTRICTING = frozenset({"limit", "restrict", "confin", "only", "sole", "exclus", "reserv"})
_ASKED = re.compile(
    r"\b(?:limited|restricted|confined|reserved|only|solely|exclusively)\s+"
    r"(?:(?:to|by|in|within|from|for|at|on|our|its|their|the|own|a|an)\s+)*([a-z0-9]+)",
    re.I,
)
_TOKEN = re.compile(r"[a-z0-9]+")
_NEAR = 3  # content words between the restricting word and the subject it governs
# Verbs that carry the restriction, not the thing restricted ("access is strictly limited").
_AUXILIARY = frozenset({"strictli", "tightli", "further", "current", "alway", "technic", "role", "base"})


def restricted_subject(question: str) -> frozenset[str]:
    """The terms a question asks something to be limited to; empty for other questions."""
    return frozenset(
        lexicon.term(m.group(1))
        for m in _ASKED.finditer(lexicon.normalise(question))
        if m.group(1) not in lexicon.STOP_WORDS
    )


def _words(text: str) -> list[str]:
    # Stop words dropped as for matching, but "only" kept: it is the restriction itself.
    return [
        lexicon.term(w) if w != "only" else w
        for w in _TOKEN.findall(lexicon.normalise(text))
        if w == "only" or w not in lexicon.STOP_WORDS
    ]


def restricts_to(text: str, subject: frozenset[str]) -> bool:
    """Whether ``text`` puts a restricting word next to one of ``subject``'s terms ("limited to
    employees", "employees only")."""
    words = _words(text)
    for index, word in enumerate(words):
        if word not in _RESTRICTING:
            continue
        if subject & set(words[index + 1 : index + 1 + _NEAR]) or (index and words[index - 1] in subject):
            return True
    return False


_RESTRICTING_WORD = re.compile(r"\b(?:limited|restricted|confined|reserved|only|solely|exclusively)\b", re.I)


def restricted_thing(text: str) -> str:
    """The words before the first restricting word of ``text`` (what it limits: "Administrator
    access" in "Administrator access is restricted to staff"), from the clause's start."""
    match = _RESTRICTING_WORD.search(text)
    head = text[: match.start()] if match else ""
    return re.split(r"[;:|.]\s", head)[-1]


def limits_narrower(question: str, text: str) -> bool:
    """Whether ``text`` limits a narrower thing than ``question`` asks about: the thing it limits
    carries a word the question does not have ("Administrator access is limited to staff" for
    "Is access limited to staff?"; "Admin access" for "Is access to personal data limited?")."""
    asked = set(lexicon.terms(question))
    thing = set(lexicon.terms(restricted_thing(text))) - _AUXILIARY
    vague = lexicon.GENERIC | lexicon.COMMON_TERMS
    return bool(thing - asked - vague)
