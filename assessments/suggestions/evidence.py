"""Reading a Yes/No answer from one sentence, and how sure the evidence lets us be.

A sentence answers a Yes/No question only when the clause that carries the match affirms or
denies the question's own terms (see ``polarity``) in a state that fits what is asked (see
``modality``). Everything else is an abstention with a reason, never a guess.

Confidence is not the match score alone. "High" needs every part of the question matched in a
clause with nothing else denied in it, a state that fits exactly, and no other passage saying
otherwise; anything less is at most "medium". These rules were calibrated on the dev split of
the blind evaluation, where "high" answers were wrong half the time when read from the score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assessments.suggestions import lexicon
from assessments.suggestions.modality import (
    asked_state,
    asks_future,
    deferred,
    fits,
    hedged,
    modality,
    open_matter,
    row_in_progress,
    unsettled_sentence,
)
from assessments.suggestions.obligations import ended, obligation_only, settles_state_by_obligation
from assessments.suggestions.polarity import Polarity, has_negation, narrower_denial, read_polarity
from assessments.suggestions.reply_cells import denying_cell, qualified_cell
from assessments.suggestions.restriction import restricted_subject
from assessments.suggestions.table_rows import CELL
from assessments.suggestions.types import ConfidenceLabel

HIGH_CONFIDENCE = 0.8
MEDIUM_CONFIDENCE = 0.65
_CLAUSE_BREAK = re.compile(
    r";|:|\s[|]\s|,\s+(?:and|but|while|whereas|although|so|as)\s+|\s+but\s+|\s+whereas\s+|\s[-–—]\s"
    # An aside in brackets is its own clause: "(per vendor, not yet evidenced)" denies nothing asked.
    r"|\s\((?=[^)]*\))|\)"
)


@dataclass(frozen=True)
class YesNoReading:
    answer: str | None  # "Yes", "No", or None to abstain
    clause: str
    cue: str | None = None  # the negation that made it "No"
    sure: bool = False  # nothing in the clause weakens the reading
    why: str = ""  # why it abstained
    conjunct: bool = False  # a No because one of the parts the question joins with "and" is denied


_AND = re.compile(r"([a-z0-9]+)\s+and\s+(?:(?:the|our|its|their|in|at|on|to|for|by|of|with)\s+)*([a-z0-9]+)")


def conjuncts(question: str) -> frozenset[str]:
    """The terms a question joins with "and" ("RTO and RPO", "reviewed and approved")."""
    found: set[str] = set()
    for first, second in _AND.findall(lexicon.normalise(question)):
        pair = [lexicon.term(w) for w in (first, second) if w not in lexicon.STOP_WORDS]
        if len(pair) == 2 and pair[0] != pair[1]:
            found.update(pair)
    return frozenset(found)


_EXISTS = re.compile(
    r"^\s*(?:is|are) there (?:a |an |any )?(?P<thing>.+?)"
    r"(?=\s+(?:for|that|which|to|covering|including|in place|with|of|from|on|in)\b|\s*[,?(]|$)",
    re.I,
)


# Qualities a question asks of the thing ("a documented and tested plan"), not the thing itself.
_QUALITIES_TEXT = """documented tested formal written current agreed approved independent defined regular
    annual named clear effective adequate appropriate"""
_QUALITIES = frozenset(lexicon.term(word) for word in _QUALITIES_TEXT.split())
_EXISTENCE = frozenset(lexicon.term(word) for word in ("written", "documented"))


def asked_thing(question: str) -> frozenset[str]:
    """What an "Is there a ...?" question asks exists, without the qualities it asks of it ("a
    documented and tested exit plan for ..." -> exit, plan)."""
    match = _EXISTS.match(question)
    words = lexicon.terms(match.group("thing")) if match else []
    return frozenset(w for w in words if w not in _QUALITIES)


def _unasked_qualities(question: str, clause: str) -> set[str]:
    words = set(lexicon.terms(clause))
    return (words & _QUALITIES) - _EXISTENCE - set(lexicon.terms(question))


def denies_unasked_quality(question: str, clause: str) -> bool:
    """Whether ``clause`` answers an "Is there ...?" question by denying a quality the question
    does not ask for ("The plan has not been tested" says there is a plan)."""
    return bool(asked_thing(question)) and has_negation(clause) and bool(_unasked_qualities(question, clause))


def denies_existence(question: str, clause: str) -> bool:
    """Whether ``clause`` denies that the thing an "Is there ...?" question asks about exists at
    all ("Exit plan not written."): then no kind of it exists either, whatever else is asked."""
    thing = asked_thing(question)
    # "The plan has not been tested" denies a quality, not the plan: unless the question asks
    # for that quality, it is no denial of existence ("not written" is).
    return (
        bool(thing)
        and thing <= set(lexicon.terms(clause))
        and not _unasked_qualities(question, clause)
        and has_negation(clause)
    )


def clauses(sentence: str) -> list[str]:
    return _CLAUSE_BREAK.split(sentence)


def cells_or_clauses(sentence: str) -> list[str]:
    """A table row's cells whole ("Processing location: Canada (Toronto)", a label with its
    value), or a sentence's clauses."""
    return sentence.split(" | ") if " | " in sentence else clauses(sentence)


def answering_clause(sentence: str, matched: frozenset[str]) -> str:
    """The clause of ``sentence`` that carries most of the match (the shortest on a tie)."""
    return max(
        clauses(sentence),
        key=lambda part: (len(set(lexicon.terms(part, broader=True)) & matched), -len(part)),
    )


# A question about a right or permission: "a right to audit", "Can we opt out ...?".
_ASKS_RIGHT = re.compile(
    r"\b(?:rights?|entitled|permitted|allowed) to\b|^\W*can (?:we|the customer|our|us)\b", re.I
)
_MAY = re.compile(r"(?-i:\bmay\b)")


def read_yes_no(
    question: str, sentence: str, matched: frozenset[str], narrow: frozenset[str]
) -> YesNoReading:
    clause = answering_clause(sentence, matched)
    polarity = read_polarity(clause, matched, narrow)
    if polarity.reading == "denied" and narrower_denial(question, clause):
        polarity = Polarity("narrower", polarity.cue)
    if polarity.reading == "narrower":
        broader = _broader_affirmed(question, sentence, clause)
        return broader or YesNoReading(
            None, clause, why="it denies something narrower than the question asks"
        )
    # "RTO achieved; would not meet the RPO": a Yes needs no other clause denying a part of the
    # question. A question asks for all of its parts, so a clause that denies a part the
    # affirming clause does not cover answers No (never "sure": the parts are matched by words).
    own = set(lexicon.terms(clause, broader=True)) & matched
    for other in clauses(sentence) if polarity.reading == "affirmed" else ():
        theirs = frozenset(set(lexicon.terms(other, broader=True)) & matched)
        if other == clause or not theirs or (theirs <= own and len(theirs) < 2):
            continue
        denial = read_polarity(other, theirs, narrow)
        if denial.reading == "denied":
            # "Were the RTO and RPO achieved?" / "RTO achieved; would not meet the RPO": the
            # question joins the two with "and", one clause affirms one and another denies the
            # other, so the whole is No. Anything looser stays an abstention.
            joined = conjuncts(question)
            if (
                own & joined
                and (theirs - own) & joined
                and not theirs & narrow
                and not lexicon.negation_count(question) % 2
            ):
                return YesNoReading("No", other, cue=denial.cue, sure=False, conjunct=True)
            return YesNoReading(None, clause, why="another clause denies part of it")
    # In a list, each item carries its own state ("2 high (fixed), 5 medium (2 open)"): read it
    # from the items about the question.
    items = [item for item in clause.split(",") if set(lexicon.terms(item, broader=True)) & matched]
    stated = _weakest(
        modality(",".join(items) if items else clause), modality(_label_value(sentence, clause))
    )
    if stated in ("plain", "done") and CELL in sentence and len(own) < 2:
        # A row's cell that names little of the question ("Inherent: High") carries no state of
        # its own: the row's other cells about the question do ("penetration test ... planned").
        about = [c for c in sentence.split(CELL) if len(set(lexicon.terms(c, broader=True)) & matched) >= 2]
        stated = _weakest(stated, *(modality(c) for c in about))
    if stated in ("plain", "done") and row_in_progress(sentence):
        # A register row's status cell ("| In progress |") is the state of the whole row.
        stated = "in_progress"
    if (
        stated == "conditional"
        and _ASKS_RIGHT.search(question)
        and modality(_MAY.sub(" ", clause)) != "conditional"
    ):
        # "Does the contract give us a right to audit?" / "The Customer may audit once a year":
        # "may" grants the right asked about; it is no condition.
        stated = "plain"
    asked = asked_state(question)
    affirmed = polarity.reading == "affirmed"
    # "Under review" leaves a matter open, which answers "has it been done?" with No.
    unfinished = asked == "done" and open_matter(sentence)
    if stated == "conditional" or (unsettled_sentence(sentence) and not unfinished):
        return YesNoReading(None, clause, why="it is conditional")
    if unfinished:
        stated = _weakest(stated, "in_progress")
    if _MIXED_REPLY.search(sentence):
        return YesNoReading(None, clause, why="it answers Yes for one part and No for another")
    if polarity.reading == "affirmed" and settles_state_by_obligation(question, clause):
        return YesNoReading(None, clause, why="it states a requirement, not a fact")
    if polarity.reading == "affirmed" and ended(clause) and asked_state(question) != "done":
        return YesNoReading(None, clause, why="it held once and no longer")
    if affirmed and not fits(asked, stated):
        # Still in progress or only planned: not done yet, so "has it been done?" is No.
        if lexicon.negation_count(question) % 2:
            return YesNoReading(None, clause, why=f"it is {stated.replace('_', ' ')}, not done")
        return YesNoReading("No", clause, cue=stated.replace("_", " "), sure=False)
    if affirmed and has_negation(_label_value(sentence, clause)):
        # "Personal data processed: No special category data": the label's value denies something.
        return YesNoReading(None, clause, why="its label's value is a denial")
    if affirmed and _NOT_WITHOUT.search(clause) and not re.search(r"\bwithout\b", question, re.I):
        # "never used to train models without opt-in": a condition put as two negations.
        return YesNoReading(None, clause, why="it is conditional")
    if affirmed and denying_cell(sentence):
        # "Data encrypted at rest | No": the first cell names the thing, the reply denies it.
        return YesNoReading(None, clause, why="its reply cell denies it")
    future = asks_future(question)
    if affirmed and qualified_cell(sentence, plans_answer=future):
        # "Data encrypted at rest | Partially", "| N/A", "| Available on request": no plain Yes.
        return YesNoReading(None, clause, why="its reply is qualified")
    if affirmed and not future and (stated == "in_progress" or (stated == "planned" and deferred(sentence))):
        # "Is MFA enforced?" / "MFA enforcement is being rolled out": not yet so, and not a No
        # either (the question may be about the change once made).
        return YesNoReading(None, clause, why="it is in progress, not yet so")
    # A negated question ("Can it run without a network?") is answered in its own terms.
    flipped = lexicon.negation_count(question) % 2 == 1
    answer = "Yes" if affirmed != flipped else "No"
    # A plan answers a question about the future directly; a question about what is so only
    # through the change being made, so not surely.
    sure = (
        (stated in ("done", "plain") or (future and stated == "planned"))
        and not hedged(sentence)
        and not obligation_only(question, clause)
        # "Only the database is encrypted": a part, unless the question asks for a limit.
        and not (_ONLY.search(sentence) and not restricted_subject(question))
        # "will not access production data without a ticket": a condition, put as two negations.
        and not _NOT_WITHOUT.search(clause)
        # "in place for the pilot; production is pending": another clause leaves part unfinished.
        and not any(
            modality(other) not in ("plain", "done")
            for other in _SENTENCE_CLAUSES.split(sentence)
            if clause not in other
        )
    )
    return YesNoReading(answer, clause, polarity.cue if not affirmed else None, sure)


_MIXED_REPLY = re.compile(
    r"\b(?i:yes)\s*[,(:–-].*\b(?i:no)\s*[,(:–-]|\b(?i:no)\s*[,(:–-].*\b(?i:yes)\s*[,(:–-]"
)
_ONLY = re.compile(r"\bonly\b", re.I)
# Clauses of a sentence in the full sense (not a bracketed aside, nor a list item's state).
_SENTENCE_CLAUSES = re.compile(r";|\s+(?:but|whereas|while|although)\s+", re.I)
_NOT_WITHOUT = re.compile(r"\b(?:not|never|no|cannot|can't|won't)\b.*\bwithout\b", re.I)
_STRENGTH = ("conditional", "in_progress", "planned", "done", "plain")


def _weakest(*states: str) -> str:
    return min(states, key=_STRENGTH.index)


def _label_value(sentence: str, clause: str) -> str:
    """What a label is given after its colon ("DPIA approval: to be confirmed by the DPO"): the
    state of the labelled thing; empty when ``clause`` is not followed by a colon."""
    at = sentence.find(clause)
    rest = sentence[at + len(clause) :] if at >= 0 else ""
    if not rest.lstrip().startswith(":"):
        return ""
    return re.split(r"\s[|]\s|;", rest.lstrip()[1:], maxsplit=1)[0]


def _broader_affirmed(question: str, sentence: str, denied: str) -> YesNoReading | None:
    """A Yes from another clause of ``sentence`` when ``denied`` denies something other than the
    question's subject.

    "No account number is sent as a field, but free text can still contain personal data": the
    denial is of one field, and the other clause names the question's own subject outright. A
    denial that names every asked concept (or a narrower kind of it) is left to stand.
    The other clause must name directly every domain concept the question asks about (personal
    data, AI, a vendor...): "the service processes logs" affirms a verb of the question, not its
    subject, and a narrower word ("health" for special category data) never stands in for one.
    Never "sure": the sentence also denies something.
    """
    if lexicon.negation_count(question) % 2:
        return None  # a negated question read against a mixed sentence is too easy to flip
    asked = set(lexicon.terms(question)) & lexicon.CONCEPTS
    if not asked or asked <= set(lexicon.terms(denied, broader=True)):
        return None  # the denial names the asked concepts (or narrower kinds): it stands
    for other in clauses(sentence):
        if other == denied or has_negation(other) or not asked <= set(lexicon.terms(other)):
            continue
        state = modality(other)
        if state == "conditional" or not fits(asked_state(question), state):
            continue
        return YesNoReading("Yes", other, sure=False)
    return None


# The reply may be the next cell of a table row ("... backups? | Response: Yes"), under any
# short column label.
_REPLY = re.compile(
    r"^\s*(?:\|\s*(?:[^|:?]{1,30}:\s*)?)?(?:A\s*[:.]|Answer\s*[:.]|Response\s*[:.])?\s*"
    r"(Yes|No)\b(?!\s*(?:later|more|longer|-\w))",
    re.I,
)
# The cell after a reply in a table row, its label skipped: its first words may hedge the reply.
_NEXT_CELL = re.compile(r"^\s*\|\s*(?:[^|:]{1,40}:\s*)?")
# A reply that hedges ("Yes, but ...", "No, except ...") is read as prose, not as a plain answer.
_HEDGE = re.compile(
    r"^\W*(?:but|except|although|however|partially|partly|not yet|only|unless|subject)\b", re.I
)


def replied(line: str) -> bool:
    """Whether ``line`` opens with a plain Yes or No (a reply to the question before it). A Yes
    that goes on to say it is planned, in progress or conditional ("Yes (planned Q2 2027)",
    "Yes, on request") is no plain Yes."""
    match = _REPLY.match(line)
    if not match:
        return False
    rest = line[match.end() :]
    if (cell := _NEXT_CELL.match(rest)) is not None:
        rest = rest[cell.end() :]  # the comment cell of a reply row, its label skipped
    if _HEDGE.match(rest):
        return False
    return match.group(1).lower() == "no" or (
        modality(rest) in ("plain", "done")
        and not qualified_cell(f"{match.group(1)} | {rest.strip(' -–—,.;:()')}")
    )


_OWN_QUESTION = re.compile(r"\?\s*(?:[|]\s*)?(?:(?:A|Answer|Response|Reply)\s*[:.]\s*)?(?=\S)", re.I)


def reply_to_own_question(text: str) -> str | None:
    """The reply after a document's own question in ``text`` ("Do you hold ISO 27001? | Planned
    Q2 2027" -> "Planned Q2 2027"); None when ``text`` holds no question followed by a reply."""
    found = list(_OWN_QUESTION.finditer(text))
    if not found:
        return None
    reply = text[found[-1].end() :].strip()
    return reply or None


def own_question(text: str) -> str:
    """The question a document asks in ``text``, up to its "?": in a row, only the question cell,
    not the cells before it ("No.: 3")."""
    return text.partition("?")[0].rsplit(" | ", 1)[-1]


def read_reply(question: str, text: str) -> YesNoReading | None:
    """The Yes or No a document gives to its own question ("Is data encrypted?" / "Yes."),
    in the terms of ``question``; None when ``text`` is not such a pair."""
    _, mark, reply = text.partition("?")
    if not mark or not replied(reply):
        return None
    asked = own_question(text)
    word = _REPLY.match(reply)
    assert word is not None  # replied() matched it
    says_yes = word.group(1).lower() == "yes"
    # A negated question in the document, or in ours, answers the other way round.
    flips = lexicon.negation_count(asked) + lexicon.negation_count(question)
    answer = "Yes" if says_yes != bool(flips % 2) else "No"
    rest = reply[word.end() :]
    return YesNoReading(answer, text.strip(), None if says_yes else word.group(1), sure=not hedged(rest))


CONFIDENCE_ORDER: tuple[ConfidenceLabel, ...] = ("low", "medium", "high")


def label(
    score: float,
    *,
    sure: bool,
    complete: bool,
    direct: bool = True,
    ceiling: ConfidenceLabel = "high",
) -> ConfidenceLabel:
    """The confidence a suggestion earns from its evidence.

    ``complete``: every part of the question is matched; ``sure``: nothing in the clause weakens
    the reading; ``direct``: the evidence names
    the exact subject (needed before a qualifying answer may switch an area off with "high");
    ``ceiling``: the most the kind of reading can earn (a quoted sentence as free text, an
    option pieced together from words, one of several values: "low", from the dev split's
    calibration, where those were right less often than plain Yes/No readings).
    """
    earned: ConfidenceLabel = "medium"
    if score < MEDIUM_CONFIDENCE:
        earned = "low"
    elif score >= HIGH_CONFIDENCE and sure and complete and direct:
        earned = "high"
    return min(earned, ceiling, key=CONFIDENCE_ORDER.index)
