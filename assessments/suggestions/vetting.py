"""Whether a Yes/No reading of one sentence may stand, or must become an abstention.

``evidence.read_yes_no`` reads a sentence's polarity and state; this module asks whether that
reading answers *this* question or something next to it: a limit on something else, a denial of
a narrower thing or of a quality nobody asked about, the status of follow-up work. Each rule
abstains; none invents an answer.
"""

from __future__ import annotations

import re

from assessments.documents.tables import CELL_SEPARATOR
from assessments.suggestions import lexicon
from assessments.suggestions.deeds import deed_of_another, deed_unstated, plan_row
from assessments.suggestions.evidence import (
    YesNoReading,
    denies_existence,
    denies_unasked_quality,
    own_question,
    read_reply,
    read_yes_no,
    reply_to_own_question,
)
from assessments.suggestions.group_scope import counts_some, said_of_one_group
from assessments.suggestions.modality import (
    STATUS_TERM,
    asked_state,
    follow_up_work,
    row_in_progress,
)
from assessments.suggestions.places import names_place_outside
from assessments.suggestions.restriction import limits_narrower, restricted_subject, restricts_to
from assessments.suggestions.table_rows import cell_value

PARTIAL_COVERAGE = 0.7
_PARTIALLY = re.compile(r"^\W*(?:partially|partly|in part|some)\b", re.I)
_ANY = re.compile(r"\bany\b", re.I)
_ALL = re.compile(r"\b(?:all|every|each)\b", re.I)


def _partial_reply(question: str, sentence: str) -> YesNoReading | None:
    """A document's "Partially" to a question about any or all: "Will any data leave the UK? |
    Partially" says some does (Yes to "any"); "Is MFA enforced for all users? | Partially" says
    not all (No to "all"). None for other replies, or when the question asks neither."""
    reply = reply_to_own_question(sentence)
    if reply is None or not _PARTIALLY.match(reply) or lexicon.negation_count(question) % 2:
        return None
    asked = own_question(sentence)
    if _ANY.search(question) and _ANY.search(asked) and not _ALL.search(question):
        return YesNoReading("Yes", sentence, sure=False)
    # "Partially" to the document's question of the same things says not all of them, whether or
    # not its question says "all" ("What is the status of high and critical findings? | Partially").
    if _ALL.search(question) and not _ANY.search(question) and not _ANY.search(asked):
        return YesNoReading("No", sentence, cue="Partially", sure=False)
    return None


# A denial of listed items: exclusions, "neither of which", "none of them".
_LISTED_DENIAL = re.compile(
    r"\b(?:neither|none) of (?:which|them|these|those)\b|\b(?:are|is) (?:expressly |specifically )?excluded\b"
    r"|\bexcluded from\b",
    re.I,
)
# A sentence opening with a time-bound: until / pending / unless / before something happens.
_FOR_NOW = re.compile(
    r"^\W*(?:until|pending|unless|before|prior to|for now|for the time being)\b", re.I
)  # below it, a sentence missing two parts of the question does not answer No


# Parties that stand next to the one a question asks about: "the vendor's hosting provider is
# certified" says nothing of the vendor.
_PARTY = (
    r"(?:(?:hosting|cloud|service|model|infrastructure|payment|identity|support)\s+)?"
    r"(?:providers?|hosts?|sub-?processors?|sub-?contractors?|suppliers?|partners?|parent(?: company)?|affiliates?"
    r"|data cent(?:re|er)s?|resellers?|contractors?|vendors?|subsidiar(?:y|ies)|group companies)"
)
_OTHER_PARTY = re.compile(
    r"\b\w+(?:'s|’s|s'|s’)\s+(?:own\s+)?(?P<a>" + _PARTY + r")\b"
    r"|\b(?P<b>"
    + _PARTY
    + r")\s+(?:of|used by|engaged by|contracted by|chosen by|for)\s+(?:the|our|its|their)\b",
    re.I,
)


_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|holds?|does|do|did|will|shall|can|may|must|provides?|uses?|covers?"
    r"|maintains?|operates?|runs?|hosts?|stores?|processes|includes?)\b",
    re.I,
)


def other_party(question: str, sentence: str) -> bool:
    """Whether ``sentence`` speaks of a party belonging to another ("the vendor's hosting
    provider", "the data centre used by the vendor") that ``question`` does not name."""
    asked = set(lexicon.terms(question))
    for match in _OTHER_PARTY.finditer(sentence):
        if _VERB.search(sentence, 0, match.start()):
            continue  # not the subject: "The plan covers the vendor's suppliers"
        party = set(lexicon.terms(match.group("a") or match.group("b"))) - lexicon.GENERIC
        if party and not party & asked:
            return True
    return False


_PREPOSITIONS = frozenset({"for", "to", "by", "of", "from", "with", "in", "on", "at"})
_WORD = re.compile(r"[A-Za-z0-9]+|[,;:()]")
# Where a phrase ends: a word across "and" or a comma is no neighbour ("certification and has
# given" does not put "given" where "certification covering" has "covering").
_BREAKS = frozenset({",", ";", ":", "(", ")", "and", "but", "or", "while", "whereas"})


def _sequence(text: str) -> list[tuple[str, bool]]:
    """``text`` as its content terms and prepositions in order, each with whether it was written
    in lower case as a word (not a name, not a number)."""
    return [(word, plain) for word, plain, _ in _spaced_sequence(text)]


def _spaced_sequence(text: str) -> list[tuple[str, bool, bool]]:
    """``_sequence`` with, for each term, whether a left-out word stood just before it
    ("provide its SOC 2": "soc" follows "provid" across "its")."""
    out = []
    gap = False
    for raw in _WORD.findall(lexicon.normalise(text) if text.islower() else text):
        word = raw.lower()
        if word in _BREAKS:
            out.append(("|", False, gap))
            gap = False
        elif word in _PREPOSITIONS:
            out.append((word, True, gap))
            gap = False
        elif word not in lexicon.STOP_WORDS:
            out.append((lexicon.term(lexicon.normalise(word).strip()), raw.islower() and raw.isalpha(), gap))
            gap = False
        else:
            gap = True
    return out


# Kinds of data that are not personal data: "trained on public data" says nothing of personal data.
_OTHER_DATA = re.compile(
    r"\b(?:public(?:ly available)?|synthetic|anonymi[sz]ed|aggregated?|test|dummy|sample|open|licensed|non-personal"
    r"|pseudonymi[sz]ed|de-identified|statistical|reference|technical|operational|telemetry|usage|metadata)\s+"
    r"(?:data(?:sets?)?|information|records)\b",
    re.I,
)


# Words of one sense in a question about what is in force: "its most recent SOC 2 report" is the
# "current" one asked about, and a supplier that "maintains" a certification "holds" it.
_SAME_SENSE = tuple(
    frozenset(lexicon.term(w) for w in words)
    for words in (
        ("current", "recent", "latest", "valid", "newest", "last"),
        ("hold", "maintain", "have", "possess", "keep up"),
    )
)


def _same_word(one: str, other: str) -> bool:
    """Whether two terms are one word stemmed two ways ("certif" and "certifi"), or one sense."""
    short, long = sorted((one, other), key=len)
    if short == long or (len(short) >= 4 and long.startswith(short)):
        return True
    return any(one in sense and other in sense for sense in _SAME_SENSE)


def contrasted(question: str, sentence: str, unmatched: set[str], *, after_only: bool = False) -> bool:
    """Whether ``sentence`` puts another word where the question has one it does not match, next
    to a word both share: "Audit logs are reviewed" for "Are audit logs retained?", "System
    performance" for "staff performance", "required for administrators" for "required for all
    users". The right topic, the wrong predicate or subject."""
    if "personaldata" in unmatched and _OTHER_DATA.search(sentence):
        return True  # another kind of data than the personal data asked about
    if lexicon.term("outside") in unmatched and re.search(
        r"\b(?:in|within|inside|only in)\b", sentence, re.I
    ):
        return True  # "stored in the UK" for "stored outside the UK?": the opposite place
    if CELL_SEPARATOR in sentence:
        # Words in two cells are no phrase ("Status | Open"); a cell's own words are, but only a
        # word after the one both share ("right to object" for "a right to audit") is read there:
        # a cell's first word modifies nothing before it.
        return any(
            contrasted(question, cell_value(cell), unmatched, after_only=True)
            for cell in sentence.split(CELL_SEPARATOR)
        )
    vague = lexicon.GENERIC | lexicon.COMMON_TERMS | _PREPOSITIONS
    asked = [w for w, _ in _sequence(question)]
    # A word the question itself uses is no other word in its place ("the written contract will
    # be signed" for "a contract with the vendor be signed"): only a word from outside it is.
    vague = vague | set(asked)
    spaced = _spaced_sequence(sentence)
    said = [(word, plain) for word, plain, _ in spaced]
    words = [w for w, _ in said]
    for i, word in enumerate(asked):
        if word not in unmatched:
            continue
        # The word before it in the question, read with the one before that when it is a preposition.
        left = (
            asked[max(0, i - 2) : i] if i >= 1 and asked[i - 1] in _PREPOSITIONS else asked[max(0, i - 1) : i]
        )
        # A phrase break is no word to share ("logged and sent": nothing stands before "sent").
        if left and "|" not in left:
            for j in range(len(words) - len(left)):
                if words[j : j + len(left)] == left:
                    other, plain = said[j + len(left)]
                    if plain and not _same_word(other, word) and other not in vague:
                        return True
        # A phrase break is no word either ("backups taken, and": nothing follows "taken").
        if not after_only and i + 1 < len(asked) and asked[i + 1] not in _PREPOSITIONS | {"|"}:
            for j in range(1, len(words)):
                # A word in another's place before it modifies it, so stands right next to it:
                # "system performance", not "provide its SOC 2 report".
                if words[j] == asked[i + 1] and not spaced[j][2]:
                    other, plain = said[j - 1]
                    # "System performance" for "staff performance": a generic word is another kind
                    # too, and may open the sentence.
                    plain = plain or (j - 1 == 0 and other in lexicon.GENERIC)
                    if plain and not _same_word(other, word) and other not in vague - lexicon.GENERIC:
                        return True
    return False


# "Are individuals monitored?": what is said to be monitored is the question's subject. A
# sentence that says it of something else ("Token usage is monitored per user") is about that.
_PASSIVE_QUESTION = re.compile(
    r"^\s*(?:are|is|were|was|will|shall|can)\s+(?P<subject>[\w\s'’-]+?)\s+(?:be\s+|being\s+)?(?P<verb>[a-z]+ed)\b",
    re.I,
)
_PASSIVE = r"(?P<subject>[\w'’ -]+?)\s+(?:is|are|was|were|will be|can be|may be|being|be)\s+(?:\w+ly\s+)?"


def other_subject(question: str, sentence: str) -> bool:
    """Whether ``sentence`` says what a passive question asks ("Are individuals monitored?") of
    another subject ("Token usage is monitored per user"). Only for a specific subject: "Is data
    encrypted?" is answered by "Backups are encrypted"."""
    asked = _PASSIVE_QUESTION.match(question)
    if not asked:
        return False
    subject = set(lexicon.terms(asked.group("subject"))) - lexicon.GENERIC - lexicon.COMMON_TERMS
    if not subject:
        return False
    verb = lexicon.term(asked.group("verb").lower())
    for match in re.finditer(_PASSIVE + r"(?P<verb>[a-z]+)\b", sentence, re.I):
        if lexicon.term(match.group("verb").lower()) != verb:
            continue
        if subject & set(lexicon.terms(sentence[match.end() :])):
            continue  # "Users are required to sign in with MFA": the subject asked is named after it
        theirs = re.split(r"[,;:(]|\b(?:and|but|which|that)\b", match.group("subject"))[-1]
        said = set(lexicon.terms(theirs, broader=True))
        if said and not said & subject and said - lexicon.GENERIC - lexicon.COMMON_TERMS:
            return True
    return False


def vetted_reading(
    question: str,
    sentence: str,
    matched: frozenset[str],
    narrow: frozenset[str],
    *,
    missing: int,
    coverage: float,
    unmatched: tuple[tuple[tuple[str, ...], ...], ...] = (),
) -> YesNoReading:
    """The reading of ``sentence`` for ``question``, or an abstention saying why not.

    ``matched``/``narrow``: the question terms the sentence matches (``narrow``: only through a
    narrower word); ``missing``: question groups it leaves unmatched; ``coverage``: its score.
    """
    subject = restricted_subject(question)
    if subject and not restricts_to(sentence, subject):
        return YesNoReading(None, sentence, why="it limits something other than what is asked")
    if subject and limits_narrower(question, sentence):
        # "Is access limited to staff?" / "Administrator access is restricted to staff": a limit
        # on one kind of access says nothing of the rest.
        return YesNoReading(None, sentence, why="it limits a narrower thing than is asked")
    if other_party(question, sentence):
        return YesNoReading(None, sentence, why="it is about another party")
    reading = read_reply(question, sentence)
    if reading is None and (partial := _partial_reply(question, sentence)) is not None:
        return partial
    if reading is None and (reply := reply_to_own_question(sentence)) is not None:
        # A document's own question with a reply that is no plain Yes or No ("Is data encrypted
        # at rest? | Partially", "... | Available on request"): the question's words state
        # nothing; only a reply that itself speaks of what is asked is read.
        own = frozenset(set(lexicon.terms(reply, broader=True)) & matched)
        if len(own) < min(2, len(matched)):
            return YesNoReading(None, sentence, why="the document's own question has a qualified reply")
        reading = read_yes_no(question, reply, own, narrow & own)
    if reading is None:
        reading = read_yes_no(question, sentence, matched, narrow)
    if reading.answer == "Yes" and other_subject(question, sentence):
        return YesNoReading(None, reading.clause, why="it says it of another subject")
    if reading.answer == "Yes" and not reading.conjunct and unmatched:
        specific = {t for group in unmatched if len(group) == 1 for t in group[0]} - lexicon.GENERIC
        if specific and contrasted(question, sentence, specific):
            return YesNoReading(None, reading.clause, why="it says something else of what is asked")
    if reading.answer == "Yes" and said_of_one_group(question, sentence, reading.clause):
        return YesNoReading(None, reading.clause, why="it says it of one group, the question of all")
    if reading.answer == "Yes" and counts_some(question, reading.clause):
        # "Have all high findings been fixed?" / "Two high findings were remediated": some are.
        return YesNoReading(None, reading.clause, why="it counts some, the question asks about all")
    if reading.answer == "Yes" and asked_state(question) == "done" and plan_row(sentence):
        return YesNoReading(None, reading.clause, why="it is a milestone still due, not a deed done")
    if reading.answer == "Yes" and deed_of_another(question, sentence, matched):
        return YesNoReading(None, reading.clause, why="the deed it states is of something else")
    if reading.answer == "Yes" and deed_unstated(question, matched):
        # "Has the continuity plan been tested?" / "Continuity plan | Completed": the right
        # topic, but nothing says the deed asked about was done.
        return YesNoReading(None, reading.clause, why="it does not say the thing asked was done")
    if reading.answer != "No":
        return reading
    if names_place_outside(question, sentence):
        # "Accessed from outside the UK or EEA? | No | Third-line engineering ... in Canada":
        # the reply's own comment names a place outside; the No is the vendor's gloss.
        return YesNoReading(None, reading.clause, why="it names a place outside the regions asked about")
    if _LISTED_DENIAL.search(sentence) and not re.search(r"\bexclu", question, re.I):
        # "The following are excluded: ... the X module and the Y rule set, neither of which is
        # licensed": a denial of the items listed, not of the kind of thing asked about.
        return YesNoReading(None, reading.clause, why="it denies the items it lists, not the whole")
    if _FOR_NOW.match(sentence) or _FOR_NOW.match(reading.clause):
        # "Until the transfer assessment is accepted, no data shall go to India": a denial for
        # the time being says nothing of what the change will do once it holds.
        return YesNoReading(None, reading.clause, why="its denial holds only until something happens")
    if denies_unasked_quality(question, reading.clause):
        return YesNoReading(None, reading.clause, why="it denies a quality the question does not ask about")
    if STATUS_TERM in matched and follow_up_work(sentence, question):
        return YesNoReading(None, reading.clause, why="its status is of follow-up work, not of what is asked")
    # A register row whose status says the work asked about is unfinished ("| Not started |")
    # states its state, not a narrower denial: it may leave one more part unmatched.
    allowed = 2 if STATUS_TERM in matched and row_in_progress(sentence) else 1
    if (
        not reading.conjunct
        and not denies_existence(question, reading.clause)
        and missing > allowed
        and coverage < PARTIAL_COVERAGE
    ):
        # A denial that leaves two parts of the question unmatched is about something else or
        # narrower ("payment card data is not collected" is no answer about personal data).
        return YesNoReading(None, reading.clause, why="its denial leaves parts of the question unmatched")
    return reading
