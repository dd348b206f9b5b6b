"""Said of one group, asked of all: "Is MFA enforced for all users?" is not answered Yes by a
sentence about some of them.

Three ways a document narrows the group: its own question names another group ("Is MFA
enforced for supplier staff with administrative access? | Yes"), the sentence opens with the
group it speaks of ("For our own staff, MFA is enforced"), or it names the group with a
qualifier of its own ("office users sign in ... with MFA"). A count ("Two high findings were
remediated") answers "have all ... been fixed?" for some only.
"""

from __future__ import annotations

import re

from assessments.suggestions import lexicon
from assessments.suggestions.evidence import own_question, reply_to_own_question

# The group a question asks about with "for all ..." ("for all users", "for all supplier staff").
_FOR_GROUP = re.compile(
    r"\bfor\s+(?:all|every|each|any)\s+((?:[\w-]+\s*){1,3}?)(?=\s+(?:with|who|that|in|on|to|of)\b|[?,.;]|$)",
    re.I,
)
# The document's own question may name its group with no "all": "Is MFA enforced for supplier
# staff with administrative access?" asks of those staff only.
_FOR_SOME_GROUP = re.compile(
    r"\bfor\s+(?:(?:all|every|each|any|the|our|your)\s+)?((?:[\w-]+\s*){1,3}?)"
    r"(?=\s+(?:with|who|that|in|on|to|of)\b|[?,.;]|$)",
    re.I,
)


def _narrower_group_asked(question: str, sentence: str) -> bool:
    """Whether ``sentence`` is a document's own question about "all" of another group than the
    one ``question`` asks about for all."""
    ours = _FOR_GROUP.search(question)
    own = reply_to_own_question(sentence) is not None and _FOR_SOME_GROUP.search(own_question(sentence))
    if not ours or not own:
        return False
    return set(lexicon.terms(own.group(1))) != set(lexicon.terms(ours.group(1)))


# A question about everyone or everything of a kind, and a sentence scoped to one group first.
_ASKS_ALL = re.compile(r"\b(?:all|every|each|any)\s+(?:of\s+(?:our|the)\s+)?\w+", re.I)
# "Two high findings were remediated": a count of them, not all of them.
_COUNTED = re.compile(
    r"^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|most|many)\s+(?:of\s+)?"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+s\b(?:\s+[\w-]+){0,5}?\s+(?:were|was|have|has|are|had)\b",
    re.I,
)
_ASKS_EVERY = re.compile(r"\b(?:all|every|each)\s+(?:of\s+(?:our|the)\s+)?\w+", re.I)
_ALL_OF = re.compile(r"\b(?:all|every|each)\s+(?:of\s+(?:our|the)\s+)?([a-z]+)\b", re.I)
_QUANTIFIERS = frozenset(
    {"all", "every", "each", "any", "our", "the", "its", "their", "your", "of", "for", "to"}
)


def _qualified_group(question: str, clause: str) -> bool:
    """Whether ``clause`` names the group ``question`` asks about "all" of with a qualifier of
    its own ("office users" for "all users") and no "all" of its own."""
    asked = _ALL_OF.search(question)
    if not asked:
        return False
    noun = asked.group(1).lower()
    if not noun.endswith("s") or noun.endswith("ss"):
        return False  # a group is a plural noun ("all users"), not "all critical and high findings"
    words = re.findall(r"[a-z0-9-]+", clause.lower())
    for i, word in enumerate(words):
        if word != noun or i == 0:
            continue
        before = words[max(0, i - 2) : i]
        if before[-1].isalpha() and not _QUANTIFIERS & set(before):
            return True
    return False


_SCOPED = re.compile(r"^\W*(?:for|among|within|in the case of)\s+[^,;]{1,60},", re.I)


def said_of_one_group(question: str, sentence: str, clause: str) -> bool:
    """Whether ``sentence`` (read through ``clause``) says of one group what ``question`` asks
    of all (see the module docstring)."""
    return (
        _narrower_group_asked(question, sentence)
        or bool(_ASKS_ALL.search(question) and _SCOPED.match(sentence))
        or _qualified_group(question, clause)
    )


def counts_some(question: str, clause: str) -> bool:
    """Whether ``clause`` counts some of what ``question`` asks about every one of."""
    return bool(_ASKS_EVERY.search(question) and _COUNTED.match(clause))
