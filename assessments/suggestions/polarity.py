"""Whether a clause affirms or denies what a question asks, read from the scope of its negations.

A negation denies only what its clause says. "No health or biometric data is collected" denies
collecting *those* data, not personal data in general; "No customer number is sent as a field,
but free text can contain personal data" denies sending one field, and its other clause affirms.
So a negation counts only when its clause holds the question's predicate and subject
(approximated by two matched terms) and names neither only through a narrower word; otherwise
the denial is *narrower* than the question and the engine abstains rather than answer No.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assessments.suggestions import lexicon
from assessments.suggestions.question_terms import question_groups

Reading = Literal["affirmed", "denied", "narrower"]

_NEGATION = re.compile(
    r"\b(?:no|none|neither|without|nothing|nobody|nor|\w+n't|cannot|can\s+not|never"
    r"|(?:(?:does|do|did|will|is|are|was|were|has|have|can|could|would|should|must|shall)\s+)?not)\b",
    re.I,
)
_NOT_NEGATIONS = re.compile(
    r"\bno (?:later|more|less|fewer|longer than|sooner)\b|\bnot only\b|\bnot just\b|\bnone other\b"
    # Idioms that deny nothing: "notify without undue delay", "all users without exception".
    r"|\bwithout (?:undue |unreasonable |further )?delay\b|\bwithout exception\b|\bwithout limitation\b"
    r"|\bwithout prejudice\b|\bwithout (?:additional |extra )?charge\b|\bno (?:additional |extra )?(?:cost|charge)\b"
    r"|\bnot (?:less|more|fewer) than\b|\bif not\b|\bor not\b|\bwhether or not\b",
    re.I,
)


@dataclass(frozen=True)
class Polarity:
    reading: Reading
    cue: str | None = None  # the negation that decided a denial


def has_negation(text: str) -> bool:
    cleaned = _NOT_NEGATIONS.sub(" ", text.replace("’", "'"))
    return bool(_NEGATION.search(cleaned))


def read_polarity(clause: str, matched: frozenset[str], narrow: frozenset[str] = frozenset()) -> Polarity:
    """How ``clause`` answers a question whose terms it matched as ``matched``.

    ``narrow`` holds the matched terms the clause only implies through a narrower word ("health"
    for personal data): a denial of those is a denial of the narrower thing.
    """
    cleaned = _NOT_NEGATIONS.sub(lambda m: " " * len(m.group(0)), clause.replace("’", "'"))
    cues = [m.group(0) for m in _NEGATION.finditer(cleaned)]
    # "neither A nor B", "not X nor Y" deny once.
    if len(cues) > 1 and any(cue.lower() == "nor" for cue in cues):
        cues = [cue for cue in cues if cue.lower() != "nor"]
    if len(cues) % 2 == 0:
        return Polarity("affirmed")  # none, or a double negation ("cannot work without")
    governed = set(lexicon.terms(cleaned, broader=True)) & matched
    # A denial bears on the question when it governs its predicate and its subject, approximated
    # by two of the matched terms ("payment card data: not collected" denies only collecting).
    if len(governed) < min(2, len(matched)) or governed & narrow:
        return Polarity("narrower", cues[0])
    return Polarity("denied", cues[0])


# Words a denial may add without narrowing it: "not shared with anyone", "never at any point",
# "not directly", "of any kind"; whose data it is ("customer prompts" for "our prompts").
_NEUTRAL_TEXT = """any anyone anybody anything ever point event circumstanc otherwis whatsoev either yet longer
    directli itself themselv instead therefor howev result default normal present curr kind sort form
    custom client"""
# Saying the thing does not exist ("Rollback plan not written") adds no qualifier to it.
_EXISTENCE_TEXT = """exist exists written drafted documented produced created defined established prepared
    available place still"""
_NEUTRAL = frozenset(_NEUTRAL_TEXT.split()) | frozenset(lexicon.term(w) for w in _EXISTENCE_TEXT.split())
# What a question asks about when it asks about data in general: a denial about one kind of it
# ("Support tickets are not shared") is narrower.
# The same holds for a system in general: "The admin console is not reachable" is about a part.
_DATA = frozenset({"data", "personaldata", "system", "servic", "solut", "platform", "applic", "user"})
# A denial of how often or how fully ("not routinely", "not all") allows the rest.
_PARTIAL_DENIAL = re.compile(
    r"\b(?:not|never|no longer)\s+(?:routinely|normally|usually|generally|typically|always|regularly|all|every"
    r"|fully|entirely|completely|necessarily|systematically|by default|in all cases)\b",
    re.I,
)
_NAME = re.compile(
    r"(?<=\w )[A-Z][\w&-]*|^\W*[A-Z][\w&-]*(?=\s+(?:is|are|was|were|does|do|did|has|have|will|can)\b|\s*$)"
)
# Where a qualifier that limits what is denied begins: a place, a scope, a purpose, a content
# ("outside the EEA", "for service accounts", "to make decisions", "containing personal data").
# "About" and "of" say what it is about, not which part of it.
_QUALIFIER = re.compile(
    r"\b(?:outside|inside|within|for|in|on|from|at|to|into|by|via|through|over|under|during|beyond|except"
    r"|after|before|once|until|following|upon|past|longer than|more than"
    r"|other than|apart from|contain(?:s|ing)?|including|unless|when|where|while|without|with)\b",
    re.I,
)
_JOINS = frozenset({",", "or", "nor", "and", "/"})
_WORD = re.compile(r"[a-z0-9]+|[,/]")


def _unasked(words: str, asked: set[str]) -> set[str]:
    """Content terms of ``words`` the question does not ask about, neither in them nor in what
    they imply ("customers" implies users). A word listed next to an asked one ("sold or
    shared", "customer data nor logs") is one of the things denied together with it."""
    vague = lexicon.GENERIC | lexicon.COMMON_TERMS | _NEUTRAL | lexicon.NEGATION_WORDS
    tokens = [
        w for w in _WORD.findall(lexicon.normalise(words)) if w in _JOINS or w not in lexicon.STOP_WORDS
    ]

    def known(word: str) -> bool:
        return lexicon.term(word) in asked or bool(set(lexicon.terms(word, broader=True)) & asked)

    found: set[str] = set()
    for index, word in enumerate(tokens):
        if word in _JOINS or known(word) or lexicon.term(word) in vague:
            continue
        before = tokens[index - 2] if index >= 2 and tokens[index - 1] in _JOINS else None
        after = tokens[index + 2] if index + 2 < len(tokens) and tokens[index + 1] in _JOINS else None
        if any(n is not None and n not in _JOINS and known(n) for n in (before, after)):
            continue  # listed with an asked word
        found.add(lexicon.term(word))
    return found


def narrower_denial(question: str, clause: str) -> bool:
    """Whether a denying ``clause`` denies something narrower than ``question`` asks by what it
    adds: a qualifier after the negation the question does not have ("does not use
    sub-processors outside the EEA", "MFA is not enforced for service accounts", "will not have
    access to backups containing personal data"), or, when the data the question asks about goes
    unnamed, a kind of data of its own ("Support tickets are not shared" for "Is data shared?")."""
    cleaned = _NOT_NEGATIONS.sub(lambda m: " " * len(m.group(0)), clause.replace("’", "'"))
    cue = _NEGATION.search(cleaned)
    if cue is None:
        return False
    if _PARTIAL_DENIAL.search(cleaned):
        return True  # "will not routinely leave the UK": sometimes it will
    groups = question_groups(question, "yes/no")
    asked = {t for g in groups for a in g.alternatives for t in a.terms} | set(lexicon.terms(question))
    # Read on the folded text, so a phrase ("accessible from the internet") stays one concept.
    denied = lexicon.normalise(cleaned[cue.end() :])
    qualifier = _QUALIFIER.search(denied)
    if qualifier and _unasked(denied[qualifier.start() :], asked):
        return True
    said = set(lexicon.terms(clause, broader=True))
    data_unsaid = any(
        not any(set(a.terms) <= said for a in g.alternatives)
        and any(_DATA & set(a.terms) for a in g.alternatives)
        for g in groups
    )
    # A name standing as the subject ("Acme does not ...") is the system itself, not a part of it.
    subject = _NAME.sub(" ", cleaned[: cue.start()])
    return data_unsaid and bool(_unasked(subject, asked))
