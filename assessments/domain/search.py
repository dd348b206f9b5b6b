"""Search over assessments: the tokenizer and the index's items (pure).

The index (written by assessments/services/search_index.py in the create transaction, read by
assessments/selectors/search.py):

- one entry per (token, audience): ``SEARCH#ALL#<token>`` for the reviewers, who see every
  assessment, and ``SEARCH#USER#<owner id>#<token>`` for the owner, so a requestor's Query never
  reads anyone else's entries (nothing to filter out, nothing to leak);
- sorted by ``<created_at>#<id>``, so a page is the newest matches first;
- each entry carries what a result row shows (id, title, project, business unit, system id,
  owner, created) and the assessment's whole token list, so a query of several words reads ONE
  token's partition and checks the others against each entry, never a second partition.
  Those fields never change after creation (there is no edit of an assessment's details), so the
  entries cannot go stale; the state is not copied (it moves), the result links to the page.

Tokens: text is NFKD-folded (accents dropped), case-folded and split on every run of
non-alphanumerics; a handful of stop words are dropped. An assessment id (TRA-2026-ABC123) is
kept whole, and its hex part (abc123) is a token too, so either finds it; its pieces (tra,
2026) are not indexed, they would match every assessment of a year. The business unit is also
one whole token, ``bu:<folded name>``, which the business-unit filter uses.

Prefixes: words match whole, never as a prefix ("clou" does not find "cloud"). Prefix search
would mean an entry per prefix of every word (the create transaction would not hold them: it
is capped at 100 items) or a sort key on the token, which loses the newest-first order. A
search box that says "whole words" is honest and cheap; the id's hex part covers the one case
where people type a fragment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

SEARCH_PREFIX = "SEARCH#"
BU_PREFIX = "bu:"
# At most this many tokens per assessment: each is written twice (ALL and USER) in the create
# transaction, beside META, its audit event and the usage entries; DynamoDB takes 100 items a
# transaction, so 2 x 40 leaves room for the rest.
MAX_TOKENS = 40
MAX_TOKEN_LENGTH = 64
# Between the tokens of an entry's stored list: tokens are [a-z0-9], an id's "-", "bu:" and spaces.
TOKEN_SEPARATOR = "|"
# Few on purpose: only words that say nothing about an assessment in any title.
STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "for", "to", "in", "on", "or", "with", "by", "at"})

_ID_RE = re.compile(r"\btra-(\d{4})-([0-9a-f]{6})\b")
_WORD_RE = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without accents: "Équipe Sécurité" -> "equipe securite"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _words(text: str) -> list[str]:
    folded = fold(text)
    tokens: list[str] = []
    for match in _ID_RE.finditer(folded):
        tokens.extend((match.group(0)[:MAX_TOKEN_LENGTH], match.group(2)))
    rest = _ID_RE.sub(" ", folded)
    tokens.extend(w[:MAX_TOKEN_LENGTH] for w in _WORD_RE.findall(rest) if w not in STOP_WORDS)
    return tokens


def _unique(tokens: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t for t in tokens if t))


def business_unit_token(business_unit: str) -> str:
    name = " ".join(_WORD_RE.findall(fold(business_unit)))
    return f"{BU_PREFIX}{name}"[:MAX_TOKEN_LENGTH] if name else ""


def tokenize(text: str) -> list[str]:
    """The tokens of a search query or of one field, in order, each once."""
    return _unique(_words(text))


def assessment_tokens(
    *, assessment_id: str, title: str, project: str, system_id: str, business_unit: str
) -> list[str]:
    """What an assessment is found by, most distinctive first, at most ``MAX_TOKENS``.

    The order decides what is kept when a very long title passes the cap: the id, the business
    unit and the system id always fit; the title and project words after.
    """
    tokens = [
        *_words(assessment_id),
        business_unit_token(business_unit),
        *_words(system_id),
        *_words(business_unit),
        *_words(title),
        *_words(project),
    ]
    return _unique(tokens)[:MAX_TOKENS]


def rarity(token: str) -> tuple[int, int]:
    """How rare a query token is likely to be, higher first: the partition a query reads.

    Without a count per token (a hot counter item every create would contend on), the guess
    is: an id, then a token with digits (system ids, the id's hex part), then longer words;
    the business unit last (a handful of them cover every assessment).
    """
    if token.startswith(BU_PREFIX):
        return (0, len(token))
    if _ID_RE.fullmatch(token):
        return (3, len(token))
    if any(c.isdigit() for c in token):
        return (2, len(token))
    return (1, len(token))


def everyone_partition(token: str) -> str:
    return f"{SEARCH_PREFIX}ALL#{token}"


def owner_partition(owner_id: int | str, token: str) -> str:
    return f"{SEARCH_PREFIX}USER#{owner_id}#{token}"


def entry_sk(created_at: str, assessment_id: str) -> str:
    return f"{created_at}#{assessment_id}"


@dataclass(frozen=True)
class SearchHit:
    """One result row, as the index entry stores it."""

    assessment_id: str
    title: str
    project: str
    business_unit: str
    system_id: str
    owner_id: int
    owner_name: str
    created_at: str
    tokens: tuple[str, ...]

    def to_item(self, partition: str) -> dict[str, Any]:
        return {
            "pk": partition,
            "sk": entry_sk(self.created_at, self.assessment_id),
            "assessment_id": self.assessment_id,
            "title": self.title,
            "project": self.project,
            "business_unit": self.business_unit,
            "system_id": self.system_id,
            "owner_id": self.owner_id,
            "owner_name": self.owner_name,
            "created_at": self.created_at,
            # One string, not a list: a smaller item (DynamoDB bills a list per element) and
            # cheaper to encode; no token holds the separator.
            "tokens": TOKEN_SEPARATOR.join(self.tokens),
        }

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> SearchHit:
        return cls(
            assessment_id=item["assessment_id"],
            title=item.get("title", ""),
            project=item.get("project", ""),
            business_unit=item.get("business_unit", ""),
            system_id=item.get("system_id", ""),
            owner_id=int(item.get("owner_id", 0)),
            owner_name=item.get("owner_name", ""),
            created_at=item.get("created_at", ""),
            tokens=tuple(t for t in item.get("tokens", "").split(TOKEN_SEPARATOR) if t),
        )

    def matches(self, required: Iterable[str]) -> bool:
        have = set(self.tokens)
        return all(token in have for token in required)


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: its tokens (the business unit's as one more) and the one to read by."""

    tokens: tuple[str, ...]

    @classmethod
    def parse(cls, q: str, *, business_unit: str = "") -> SearchQuery:
        tokens = tokenize(q)
        bu = business_unit_token(business_unit)
        if bu:
            tokens.append(bu)
        return cls(tokens=tuple(_unique(tokens)))

    @property
    def empty(self) -> bool:
        return not self.tokens

    @property
    def driver(self) -> str:
        """The token whose partition is read: the rarest-looking one (ties: the first typed)."""
        return max(self.tokens, key=rarity)

    @property
    def others(self) -> tuple[str, ...]:
        driver = self.driver
        return tuple(t for t in self.tokens if t != driver)
