"""Free-text answers: verbatim sentences from the passages, chosen for the kind of answer asked.

A free-text answer is quoted, so it is only as good as the sentences it is made of. One sentence
rarely holds every fact a question asks for ("Name the provider, the model and its version"),
and the sentence that covers most of the question's words is often not the one holding the
answer ("legal confirmed it" beats "X is a product supplied by Y Ltd" on the word "legal").

So the question's wording says what kind of thing it wants: an organisation (vendor, provider,
sub-processor), a named product or model with its version, a place (country, region, where), a
way of signing in (SSO, SAML, MFA, a password vault), a duration (retention, how long). A sentence that both addresses the question and holds a thing
of that kind may answer at a lower coverage than a bare sentence; up to ``MAX_SENTENCES`` such
sentences, each adding a thing the others do not hold, make the answer, each one cited. A
question asking no recognised kind is answered as before: one sentence (or two equally close)
covering most of the question. The recognisers are general patterns (company-name suffixes,
"supplied by", version numbers, "hosted in", "18 months"), never names from one project.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessments.suggestions import lexicon
from assessments.suggestions.evidence import label
from assessments.suggestions.list_rows import column_answer
from assessments.suggestions.modality import unsettled_sentence
from assessments.suggestions.row_cells import answering_cells
from assessments.suggestions.types import (
    NOT_STATED_TEXT,
    Citation,
    ConfidenceLabel,
    QuestionForSuggestion,
    Suggestion,
)

if TYPE_CHECKING:
    from assessments.suggestions.extractive import _Scored
    from integrations.kb.contract import Passage

    # Scores a sentence again as if it also stated the given question terms.
    Rescore = Callable[[_Scored, frozenset[str]], _Scored]

# A bare sentence must cover most of the question: it is the whole answer.
FREE_TEXT_THRESHOLD = 0.7
# A sentence holding the kind of thing asked for may answer when it addresses the question
# this well (the Yes/No threshold is 0.5; the kind of answer found stands for part of it).
KIND_THRESHOLD = 0.4
# ... but each such sentence must also address the question in its own words this well, or
# the thing it holds must answer most of the question by itself ("which countries": a
# sentence naming where data is hosted): a country named near a few question words is not
# an answer to "list each country outside the EEA and its transfer mechanism".
_OWN_WORDS = 0.25
_KIND_ALONE = 0.6
# Matched question terms a sentence needs to be about the question, not just near a name.
_MIN_MATCHED = 2
MAX_SENTENCES = 3  # for a question asking for a list ("list each", "every")
_MAX_OTHERWISE = 2  # a description: a third sentence is more often noise than a missing fact
# "List each ...", and "which/what" asking for a plural ("in which countries", "what
# controls"): several things, often stated in different sentences. Not "process" or "access"
# ("ss" is no plural), nor "what does" (a verb), nor "which region" (one thing).
_ASKS_LIST = re.compile(
    r"\b(?:list|each|every|all)\b|\b(?:which|what)\s+"
    r"(?!(?:does|goes|has|was|is|happens|means|applies|occurs)\b)[a-z-]+(?:[^s\W]s|ies)\b",
    re.I,
)
_CLOSE = 0.05  # a bare sentence this close to the best one is quoted with it
# A further sentence must address the question nearly as well as the first: a name or a
# duration in a sentence about something else ("90 days' notice of a change") is no answer.
_EXTRA_MARGIN = 0.15
_SAME_WORDS = 0.6  # share of a sentence's words already quoted: a near-repeat, not a new fact
_ASKS = re.compile(r"\?\s*[\"'”’)]?\s*$")

# --- what the question asks for --------------------------------------------------------------

_ASKS_ORGANISATION = re.compile(
    r"\b(?:vendors?|suppliers?|providers?|sub-?processors?|sub-?contractors?|compan(?:y|ies)"
    r"|organi[sz]ations?|legal name|manufacturer|developer)\b",
    re.I,
)
_ASKS_NAMED_VERSION = re.compile(r"\b(?:models?|versions?|products?|releases?)\b", re.I)
_ASKS_PLACE = re.compile(
    r"\b(?:countr(?:y|ies)|where|locations?|located|based|regions?|jurisdictions?|"
    r"data cent(?:re|er)s?)\b",
    re.I,
)
_ASKS_DURATION = re.compile(r"\b(?:how long|retention|retain(?:ed)?|kept|keep|period|duration)\b", re.I)

# --- things of each kind, by general patterns ------------------------------------------------

_NAME = r"[A-Z][\w&'’.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’.-]*)*"  # on one line: not a table's next cell
_ORGANISATION = re.compile(
    _NAME + r"[ \t]+(?:Ltd|Limited|Inc|Incorporated|plc|PLC|GmbH|LLP|LLC|AG|S\.A\.|B\.V\.|BV|N\.V\.|NV"
    r"|Corp|Corporation|Pty|Oy|SAS|S\.r\.l\.|sp\. z o\.o\.)(?![\w])\.?"
)
# A company's registration ("company number 01234567", "registered under no. SC123456").
_REGISTRATION = re.compile(
    r"\b(?:company|registration|registered)\b[^.;|\n]{0,40}?\b(?:no\.?|number)\s*:?\s*[A-Z]{0,2}\d{5,9}\b",
    re.I,
)
# "a service supplied by Acme", "licensed from Acme": the third party is named after the verb.
_MADE_BY = re.compile(
    r"\b(?:supplied|provided|licensed|hosted|operated|developed|built|made|sold)"
    r"\s+(?:by|from)\s+(?:the\s+)?" + _NAME
)
# A capitalised name with a version number ("Widget Pro 4.2"), a version label ("v2.3",
# "version 7"), an identifier joining a name and a version ("engine-3.1-2025-01-31").
_NAMED_VERSION = re.compile(
    r"\b[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)*[ \t]+v?\d+(?:\.\d+)+\b"
    r"|\b(?:[Vv]|[Vv]ersion\s+)\d+(?:\.\d+)*\b"
    r"|\b[A-Za-z]+[-_]\d+\.\d+(?:[-_][\w.]+)*\b"
    # "Pilot-4o": a name, a hyphen, a number and a letter suffix (not an id such as "RSK-05"),
    # and a name versioned by its release date ("Pilot-4o 2025-06-01").
    r"|\b[A-Z][A-Za-z]+-\d+[a-z]{1,4}\b(?:[ \t]+\(?\d{4}-\d\d-\d\d\)?)?"
)
# "Section 4.2", "Table 3.1": a document's own numbering, not a product's version.
_NOT_A_VERSION = re.compile(
    r"\b(?:section|table|figure|clause|appendix|annex|schedule|part|chapter|step|phase|page|item)"
    r"\s+v?\d",
    re.I,
)
_COUNTRIES = (
    "United Kingdom|UK|Great Britain|England|Scotland|Wales|Northern Ireland|Ireland|"
    "European Union|EU|EEA|European Economic Area|United States|USA|US|Canada|Mexico|Brazil|"
    "France|Germany|Netherlands|Belgium|Luxembourg|Spain|Portugal|Italy|Switzerland|Austria|"
    "Sweden|Norway|Denmark|Finland|Iceland|Poland|Czech Republic|Czechia|Slovakia|Hungary|"
    "Romania|Bulgaria|Greece|Estonia|Latvia|Lithuania|Croatia|Slovenia|Ukraine|Turkey|Israel|"
    "India|Pakistan|Sri Lanka|Bangladesh|Philippines|Malaysia|Singapore|Indonesia|Vietnam|"
    "Thailand|China|Hong Kong|Taiwan|Japan|South Korea|Korea|Australia|New Zealand|"
    "South Africa|Egypt|Nigeria|Kenya|Morocco|United Arab Emirates|UAE|Saudi Arabia|Qatar"
)
_PLACE = re.compile(
    r"\b(?:" + _COUNTRIES + r")\b"
    r"|\b(?:hosted|based|located|headquartered|incorporated)\s+in"
    r"\s+(?:the\s+)?" + _NAME
)
_COUNT = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|ninety)"
_DURATION = re.compile(rf"\b{_COUNT}(?:\s*-\s*|\s+)(?:hours?|days?|weeks?|months?|years?)\b", re.I)

_ASKS_SIGN_IN = re.compile(
    r"\b(?:authenticat\w*|sign(?:s|ed)?[- ]in|log(?:s|ged)?[- ]?in|credentials?|passwords?)\b", re.I
)
# How people sign in and where secrets are kept: general identity-and-access vocabulary.
_SIGN_IN = re.compile(
    r"\b(?:SSO|single sign-on|SAML(?: \d(?:\.\d)?)?|OAuth ?2?(?:\.0)?|OpenID Connect|OIDC|MFA|2FA"
    r"|multi-factor(?: authentication)?|two-factor(?: authentication)?|passwordless|passkeys?|FIDO2"
    r"|LDAP|Kerberos|Active Directory|SCIM(?: \d\.\d)?|conditional access|password (?:vault|manager)"
    r"|(?:credential|secrets?) vault|(?<!key )vault|hardware tokens?|smart ?cards?|client certificates?)\b",
    re.I,
)


@dataclass(frozen=True)
class _Kind:
    asks: re.Pattern[str]
    holds: tuple[re.Pattern[str], ...]
    # The question's words a thing of this kind answers by itself: a sentence naming "Acme
    # Ltd" answers "which vendor" without the word "vendor"; "hosted in Germany" answers
    # "which countries". Not "model" or "product": a version number does not say what it is.
    stands_for: re.Pattern[str]


_KINDS = (
    _Kind(
        _ASKS_ORGANISATION,
        (_ORGANISATION, _MADE_BY, _REGISTRATION),
        re.compile(r"\b(?:vendor|supplier|provider|sub-?processor|sub-?contractor|company|name)s?\b", re.I),
    ),
    _Kind(_ASKS_NAMED_VERSION, (_NAMED_VERSION,), re.compile(r"\b(?:versions?|releases?)\b", re.I)),
    _Kind(
        _ASKS_PLACE,
        (_PLACE,),
        re.compile(r"\b(?:countr(?:y|ies)|locations?|located|based|regions?|jurisdictions?)\b", re.I),
    ),
    _Kind(
        _ASKS_SIGN_IN,
        (_SIGN_IN,),
        re.compile(r"\b(?:authenticat\w*|sign(?:s|ed)?[- ]in|log(?:s|ged)?[- ]?in)\b", re.I),
    ),
    _Kind(
        _ASKS_DURATION,
        (_DURATION,),
        re.compile(r"\b(?:how long|retention|retain(?:ed)?|kept|keep|period|duration)\b", re.I),
    ),
)


def asked_kinds(question_text: str) -> tuple[_Kind, ...]:
    """The kinds of thing the question's wording asks for (none for a plain description)."""
    return tuple(kind for kind in _KINDS if kind.asks.search(question_text))


def things_of_kind(text: str, kinds: Sequence[_Kind], question_text: str = "") -> frozenset[str]:
    """The things of the asked kinds ``text`` holds, normalised, so repeats can be told apart;
    not those the question names itself ("each country outside the UK": "UK" answers nothing)."""
    return frozenset(thing for kind in kinds for thing in _things(text, kind, question_text))


def _things(text: str, kind: _Kind, question_text: str) -> set[str]:
    asked = _folded(question_text)
    found = {_folded(m.group(0)) for p in kind.holds for m in p.finditer(text)}
    return {
        thing
        for thing in found
        if not _NOT_A_VERSION.search(thing) and not re.search(rf"\b{re.escape(thing)}\b", asked)
    }


def _folded(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".,;:")


def answered_terms(question_text: str, text: str, kinds: Sequence[_Kind]) -> frozenset[str]:
    """The question's terms ``text`` answers by holding a thing of the kind they ask for."""
    return frozenset(
        term
        for kind in kinds
        if _things(text, kind, question_text)
        for match in kind.stands_for.finditer(question_text)
        for term in lexicon.terms(match.group(0))
    )


# --- the answer ------------------------------------------------------------------------------


def suggest_free_text(
    question: QuestionForSuggestion, scored: Sequence[_Scored], rescore: Rescore
) -> Suggestion:
    """A free-text answer quoted from ``scored`` (best coverage first), or "not stated".

    ``rescore`` scores a sentence again as if it also stated the given question terms: those
    a thing of the asked kind answers by itself.
    """
    if not scored:
        return _not_stated(question, 0.0)
    # A minuted action or an open decision ("LB asked JvL to confirm that ...") states nothing.
    statements = [
        s for s in scored if not _ASKS.search(s.candidate.text) and not unsettled_sentence(s.candidate.text)
    ]
    kinds = asked_kinds(question.text)
    things: dict[str, frozenset[str]] = {}
    own: dict[str, float] = {}  # coverage by the sentence's own words
    holding: list[_Scored] = []
    for s in statements if kinds else ():
        found = things_of_kind(s.candidate.text, kinds, question.text)
        if not found or not s.matched:
            continue
        answered = answered_terms(question.text, s.candidate.text, kinds) - s.candidate.terms
        again = rescore(s, answered) if answered else s
        if again.coverage >= KIND_THRESHOLD and len(again.matched) >= _MIN_MATCHED:
            things[again.candidate.text] = found
            holding.append(again)
            own[again.candidate.text] = s.coverage
    # Each quoted sentence must be about the question (see _OWN_WORDS), best first.
    holding = [s for s in holding if own[s.candidate.text] >= _OWN_WORDS or s.coverage >= _KIND_ALONE]
    # Of sentences equally close, the one holding more of the asked things first: it is the
    # fuller answer, and a part of it quoted first would make it a near-repeat (_compose).
    holding.sort(key=lambda s: (-s.coverage, -len(things[s.candidate.text]), s.candidate.rank))
    listing = _ASKS_LIST.search(question.text)
    # A list question's table rows, read once (used below either way).
    column = column_answer(question.text, statements) if listing else []
    if len(column) > MAX_SENTENCES:
        # A table's rows list more of the things asked than any few sentences hold.
        return _column_suggestion(question, column)
    if holding:
        most = MAX_SENTENCES if listing else _MAX_OTHERWISE
        chosen = _compose(holding, things, own, most)
        how = "hold what the question asks for"
        complete = all(s.missing == 0 for s in chosen)
    else:
        # A question asking for a name, a place or a period is not answered by a sentence
        # holding none, however close its words ("the vendor's name will follow").
        bare = [s for s in statements if s.coverage >= FREE_TEXT_THRESHOLD] if not kinds else []
        if not bare:
            if column:
                return _column_suggestion(question, column)
            return _not_stated(question, scored[0].coverage)
        chosen = [s for s in bare if s.coverage >= bare[0].coverage - _CLOSE][:2]
        how = "are the closest to the question"
        complete = chosen[0].missing == 0
    score = max(s.coverage for s in chosen)
    quotes = [_quote(s, kinds, question.text) for s in chosen]
    answer = " ".join(quotes)
    places = "; ".join(dict.fromkeys(_where(s) for s in chosen))
    rationale = f"Quoted from {places}: the sentences that {how}."
    # Quoted sentences rarely hold every fact a free-text answer needs: never "high".
    confidence: ConfidenceLabel = label(score, sure=False, complete=complete, ceiling="low")
    return _suggested(question, answer, score, chosen, quotes, rationale, confidence)


def _column_suggestion(question: QuestionForSuggestion, column: list[tuple[_Scored, str]]) -> Suggestion:
    """A list answered by the table rows of the column it names (list_rows.py), each cited;
    always "low"."""
    chosen = [s for s, _ in column]
    quotes = [row for _, row in column]
    places = "; ".join(dict.fromkeys(_where(s) for s in chosen))
    rationale = f"Quoted from {places}: the table rows of the column the question names."
    score = max(s.coverage for s in chosen)
    return _suggested(question, "\n".join(quotes), score, chosen, quotes, rationale, "low")


def _quote(scored: _Scored, kinds: Sequence[_Kind], question_text: str) -> str:
    """What is quoted of a chosen sentence: a table row only from its first to its last cell
    holding an asked thing or a question term, so ids, owners and dates around it drop out."""

    def answers(cell: str) -> bool:
        if kinds and things_of_kind(cell, kinds, question_text):
            return True
        return bool(scored.matched & set(lexicon.terms(cell, broader=True)))

    return answering_cells(scored.candidate.text, answers)


def _compose(
    holding: list[_Scored], things: dict[str, frozenset[str]], own: dict[str, float], most: int
) -> list[_Scored]:
    """Up to ``most`` sentences, best first, each adding more things than it repeats; after an
    item of an enumerated list ("(b) Compass Chat, which uses ..."), its sibling items first
    ("(a) the Risk Model, version 2.3"): the list is the document's own answer."""
    if holding and _ENUMERATED.match(holding[0].candidate.text):
        first = holding[0].candidate.passage
        holding = [holding[0]] + sorted(holding[1:], key=lambda s: not _sibling_item(s, first))
    chosen: list[_Scored] = []
    quoted: set[str] = set()
    seen: set[str] = set()
    for s in holding:
        # Compared by their own words: the kind of thing each holds lifts all of them alike.
        if chosen and own[s.candidate.text] < own[chosen[0].candidate.text] - _EXTRA_MARGIN:
            continue
        # "acme 3.1" adds nothing to a quoted "acme pro 3.1", nor the other way round.
        held = things[s.candidate.text]
        new = [n for n in held if not any(n in q or q in n for q in quoted)]
        if not new or len(new) < len(held) - len(new):
            continue  # nothing new, or mostly a restatement of what is already quoted
        words = set(re.findall(r"\w+", s.candidate.text.casefold()))
        if chosen and words and len(words & seen) / len(words) >= _SAME_WORDS:
            continue  # a near-repeat of a quoted sentence (overlapping chunks, a table line)
        chosen.append(s)
        quoted |= things[s.candidate.text]
        seen |= words
        if len(chosen) == most:
            break
    if chosen and _ENUMERATED.match(chosen[0].candidate.text):
        # Quoted in the list's order: "(a) ... (b) ...", not best first.
        first = chosen[0].candidate.passage
        items = [c for c in chosen if c is chosen[0] or _sibling_item(c, first)]
        items.sort(key=lambda c: first.text.find(c.candidate.text))
        chosen = items + [c for c in chosen if c not in items]
    return chosen


_ENUMERATED = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+\S")


def _sibling_item(scored: _Scored, passage: Passage) -> bool:
    """Whether ``scored`` is an enumerated item from the same passage section as ``passage``."""
    own = scored.candidate.passage
    same = (own.document_id, own.section) == (passage.document_id, passage.section)
    return same and bool(_ENUMERATED.match(scored.candidate.text))


def _suggested(
    question: QuestionForSuggestion,
    answer: str,
    score: float,
    chosen: list[_Scored],
    quotes: list[str],
    rationale: str,
    confidence: ConfidenceLabel,
) -> Suggestion:
    citations = tuple(
        Citation(
            document_id=s.candidate.passage.document_id,
            document_name=s.candidate.passage.document_name,
            passage=quote,  # a substring of the sentence: still verbatim passage text
            page=s.candidate.passage.page,
            section=s.candidate.passage.section,
        )
        for s, quote in zip(chosen, quotes, strict=True)
    )
    score = round(min(1.0, max(0.0, score)), 3)
    return Suggestion(question.id, "suggested", answer, confidence, score, rationale, citations)


def _not_stated(question: QuestionForSuggestion, score: float) -> Suggestion:
    score = round(min(1.0, max(0.0, score)), 3)
    return Suggestion(question.id, "not_stated", None, "low", score, NOT_STATED_TEXT)


def _where(scored: _Scored) -> str:
    passage = scored.candidate.passage
    place = [passage.document_name]
    if passage.page is not None:
        place.append(f"p. {passage.page}")
    if passage.section:
        place.append(f"“{passage.section}”")
    return ", ".join(place)
