"""The core of a long Yes/No question: what it asks exists or is done, without its qualifiers.

"Is there a documented and tested exit plan that allows the return of all our data in a usable
format?" asks, at its core, whether there is an exit plan; "documented", "tested" and the
relative clause qualify it. Scored on the whole question, a sentence that settles the core
("Exit plan not written.") covers too little of it to answer. Read on the core:

- a sentence that *denies the core itself* answers No: when the exit plan does not exist, no
  documented, tested plan that allows anything exists either. "Itself": the denying clause names
  every alternative of the core and says nothing else but that it was never made ("not written",
  "none in place"); "The plan has not been audited" denies something about the plan, not the plan;
- a sentence that states the core is no Yes (a plan that exists is not yet a tested one that
  allows ...), but it is heard: if any passage states the core, its denial elsewhere is no answer.

A Yes read on the core alone (its restricting qualifiers "tested", "at least quarterly", "in the
last 12 months" matched too) was measured on the dev split and left out: no sentence qualified
that would have been right. Core-only readings are never "high": part of the question went
unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assessments.suggestions import lexicon
from assessments.suggestions.evidence import (
    asked_thing,
    clauses,
    denies_existence,
    denies_unasked_quality,
    label,
)
from assessments.suggestions.extractive import _ASKS, _Scored, _suggested, _where
from assessments.suggestions.modality import modality
from assessments.suggestions.polarity import read_polarity
from assessments.suggestions.question_terms import Group, question_groups
from assessments.suggestions.types import QuestionForSuggestion, Suggestion

# Where the main clause's subject and predicate end and the qualifiers begin: a relative clause,
# an example, a scope ("covering", "with"), a time limit or a frequency.
_QUALIFIERS_START = re.compile(
    r"[(;:]|\b(?:that|which|who|whose|where|including|such as|for example|e\.g|covering|covers|"
    r"with|without|before|after|within|during|in the (?:last|past)|at least|at most|every|per|"
    r"so that|in order to|to allow|allowing)\b",
    re.I,
)
# How a Yes/No question opens: "Is there a", "Does the vendor", "Will the change"... The words are
# kept in the core (the subject is part of it); only the search for qualifiers starts after them.
_OPENING = re.compile(r"^\s*(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could|shall)\b", re.I)
# Words that restrict what counts as a Yes: a quality of the thing, how often, how recent, how
# much. Before the thing they qualify, they are left out of the core.
_RESTRICTING_TEXT = """documented tested formal written current agreed approved independent defined regular
    annual annually quarterly monthly weekly daily yearly named all every least last past recent latest
    full complete entire"""
RESTRICTING = frozenset(lexicon.term(word) for word in _RESTRICTING_TEXT.split())
_MIN_CORE_GROUPS = 2  # a one-word core ("plan") is matched by too much to stand for the question


@dataclass(frozen=True)
class QuestionCore:
    groups: list[Group]  # the question's groups that hold a word of its head
    terms: frozenset[str]  # every term of the core's groups
    restricting: frozenset[str]  # the qualities, frequencies and limits asked of the core


def question_core(question: str, response_type: str = "yes/no") -> QuestionCore | None:
    """The core of ``question``, or None when it has no qualifiers to leave out (the whole
    question is its core) or the core is too small to stand for it."""
    opening = _OPENING.match(question)
    start = opening.end() if opening else 0
    cut = _QUALIFIERS_START.search(question, start)
    head = question[: cut.start()] if cut else question.rstrip(" ?")
    # A restricting word before the thing it qualifies ("a documented plan", "named people") is
    # a qualifier; as the last word of the head it is the predicate ("Is data encrypted?").
    words = lexicon.terms(head)
    qualifiers = {
        w
        for i, w in enumerate(words)
        if w in RESTRICTING and any(v not in RESTRICTING for v in words[i + 1 :])
    }
    core_words = set(words) - qualifiers
    # The core's groups are the question's own, so a list cut short ("collect, store or
    # process") keeps all its alternatives.
    whole = question_groups(question, response_type)
    groups = [
        g
        for g in whole
        if any(core_words & set(a.terms) for a in g.alternatives)
        and not all(set(a.terms) <= qualifiers for a in g.alternatives)
    ]
    if len(groups) < _MIN_CORE_GROUPS or len(groups) >= len(whole):
        return None
    terms = frozenset(t for g in groups for a in g.alternatives for t in a.terms)
    asked = {t for g in whole for a in g.alternatives for t in a.terms}
    return QuestionCore(groups, terms, frozenset((asked & RESTRICTING) - terms))


# A clause may hold more than one sentence (a register cell: "Plan not written. No owner."):
# each negation is read in its own sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _parts(sentence: str) -> list[str]:
    return [part for clause in clauses(sentence) for part in _SENTENCE_END.split(clause) if part.strip()]


# What a sentence may say besides the core when it denies the core itself: that it was never
# made or does not exist ("Exit plan not written.", "No continuity plan is in place yet").
_EXISTENCE_TEXT = """no not none never exist exists written drafted documented produced created defined agreed
    established prepared available place yet current currently today still formal"""
_EXISTENCE = frozenset(lexicon.term(word) for word in _EXISTENCE_TEXT.split())
# A capitalised word inside the sentence, or opening it as the subject of an auxiliary ("Acme
# has not ..."): perhaps a name. An opening word alone is only capitalised ("Reviewed plan: none").
_NAME = re.compile(
    r"(?<=[\w,] )([A-Z][\w&-]*)|^\W*([A-Z][\w&-]*)(?=\s+(?:has|have|had|is|are|was|were|does|do|did|will|says))"
)


def _denies_itself(core: QuestionCore, part: str) -> bool:
    """Whether ``part`` says nothing but that the core is not there: a denial of anything else
    about it ("The plan has not been audited") leaves the core standing. Names (the vendor as
    subject) and the qualities the question asks for ("No tested plan") may be said too."""
    found = {lexicon.term((m.group(1) or m.group(2)).lower()) for m in _NAME.finditer(part)} - core.terms
    # One name may be the subject ("Acme has no exit plan"); in a title ("Continuity Plan Not
    # Audited") every word is capitalised, and none is taken for a name.
    names = found if len(found) == 1 else set()
    extra = set(lexicon.terms(part)) - core.terms - core.restricting - _EXISTENCE - names
    return not extra


def _names_whole(core: QuestionCore, words: set[str]) -> bool:
    """Whether ``words`` name every alternative of every core group: a denial of one item of
    "collect, store or process" denies less than the core."""
    for group in core.groups:
        mains = [a for a in group.alternatives if not a.example] or list(group.alternatives)
        if not all(set(a.terms) <= words for a in mains):
            return False
    return True


def _names_some(core: QuestionCore, words: set[str]) -> bool:
    """Whether ``words`` name one alternative of every core group (enough to affirm it)."""
    return all(any(set(a.terms) <= words for a in g.alternatives) for g in core.groups)


def core_reading(question: str, core: QuestionCore, sentence: str) -> CoreReading | None:
    """How ``sentence`` reads on the core of ``question``: "No" with its cue when one of its
    clauses names the whole core and plainly denies it, "Yes" when a clause names it without a
    denial (another passage's claim that it exists), None when it does not name the core."""
    denied: str | None = None
    affirmed = False
    for part in _parts(sentence):
        if not _names_some(core, set(lexicon.terms(part))):
            continue
        polarity = read_polarity(part, core.terms & set(lexicon.terms(part)))
        if polarity.reading == "affirmed":
            affirmed = True
            continue
        cue = (polarity.cue or "").lower()
        if (
            polarity.reading == "denied"
            and cue != "without"  # "without an exit plan we would..." supposes, it does not state
            and modality(part) != "conditional"
            and _names_whole(core, set(lexicon.terms(part)))
            and _denies_itself(core, part)
            and not denies_unasked_quality(question, part)
            and (not asked_thing(question) or denies_existence(question, part))
        ):
            denied = denied or polarity.cue
    if affirmed:
        return CoreReading("Yes", None)
    if denied:
        return CoreReading("No", denied)
    return None


@dataclass(frozen=True)
class CoreReading:
    answer: str  # "Yes": the core is stated; "No": the core itself is denied
    cue: str | None


def core_denial(question: QuestionForSuggestion, scored: list[_Scored]) -> Suggestion | None:
    """A No from a sentence that denies the core of a long question that no sentence covers
    well enough as a whole ("Exit plan not written." for "Is there a documented and tested exit
    plan that ...?"); None when no sentence does, or another one states the core.

    Only a No: a sentence stating the core leaves the qualifiers a Yes needs unread.
    """
    if lexicon.negation_count(question.text) % 2:
        return None  # "Can it run without ...?": a denial of the core reads the other way round
    core = question_core(question.text, question.response_type)
    if core is None or _specific_groups(core) < _MIN_CORE_GROUPS:
        return None
    denials: list[tuple[_Scored, str | None]] = []
    for candidate in scored:
        if _ASKS.search(candidate.candidate.text) or not _names_some(core, set(candidate.candidate.direct)):
            continue
        reading = core_reading(question.text, core, candidate.candidate.text)
        if reading is None:
            continue
        if reading.answer == "Yes":
            return None  # another passage states what this one denies: the documents disagree
        denials.append((candidate, reading.cue))
    if not denials:
        return None
    best, cue = denials[0]
    rationale = (
        f'{_where(best.candidate.passage)} says "{cue}" of what the question asks about itself, '
        "so none of the kind asked exists either."
    )
    # Part of the question went unread: never "high", and "medium" only on a strong score.
    confidence = label(best.coverage, sure=False, complete=False, ceiling="medium")
    return _suggested(question, "No", best.coverage, [best], rationale, confidence)


def _specific_groups(core: QuestionCore) -> int:
    """Core groups with a specific term: "data" and "system" alone say too little to deny."""
    return sum(
        any(set(a.terms) - lexicon.GENERIC for a in g.alternatives if not a.example) for g in core.groups
    )
