"""The local suggestion engine: answers only what a passage says, quoting it; no generative model.

For a question it finds the sentence (or table line) among the retrieved passages that best
covers the question's terms, each weighted by how specific it is among those sentences. Below a
coverage threshold the answer is "not stated", never a guess. Above it, a Yes/No answer is read
from the negation cues of the clause that carries the match, a choice from the options the
supporting sentences name, a date or number from the sentence itself, and free text is quoted
from the sentences holding the kind of thing it asks for (free_text.py). The score is that
coverage: the weighted share of the question the evidence covers.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assessments.suggestions import lexicon
from assessments.suggestions.candidates import Candidate, stating
from assessments.suggestions.candidates import candidates as read_candidates
from assessments.suggestions.comparison_terms import asks_recent, recurs_within_window
from assessments.suggestions.definitions import defined_yes
from assessments.suggestions.disjuncts import question_disjuncts
from assessments.suggestions.evidence import CONFIDENCE_ORDER, YesNoReading, label
from assessments.suggestions.free_text import suggest_free_text
from assessments.suggestions.modality import reversed_after
from assessments.suggestions.open_parts import inclusion_denied, left_open, open_at_top
from assessments.suggestions.opt_out import opt_out_granted
from assessments.suggestions.outsiders import outsiders_use, subprocessor_named
from assessments.suggestions.places import handled_outside
from assessments.suggestions.question_scope import denies_one_alternative, implied_only, main_clause_unread
from assessments.suggestions.question_terms import Group, question_groups
from assessments.suggestions.responses import contract_signed, questionnaire_answered
from assessments.suggestions.retrieval import retrieval_query  # noqa: F401  (re-exported for callers)
from assessments.suggestions.types import (
    NOT_STATED_TEXT,
    Citation,
    ConfidenceLabel,
    QuestionForSuggestion,
    Suggestion,
)
from assessments.suggestions.vetting import vetted_reading
from integrations.kb.contract import Passage

# How many passages callers should retrieve for one question. On the dev split 8 answers more
# settled Yes/No questions than 6 at the same precision; 10 loses precision.
PASSAGES_PER_QUESTION = 8
ANSWER_THRESHOLD = 0.5  # weighted share of the question a sentence must cover to answer it
# Each group of a Yes/No question past six lowers that share a little: on the tuning splits 0.02
# answered four more long questions at the same precision; 0.03 from five groups on answered
# three more and four wrong.
_LONG_QUESTION_GROUPS = 6
_LONG_QUESTION_EASING = 0.02
_CONFLICT_MARGIN = 0.1  # passages this close to the best one are heard before answering
MAX_CITATIONS = 2
_EXAMPLE_CREDIT = 0.8  # a match on an example ("such as health") for what it illustrates
_CONTEXT_CREDIT = 0.5  # a match on the heading of the section a sentence sits under
# Questionnaires ask about the change; a sentence about how things are done today is weaker evidence.
_CURRENT_STATE = re.compile(r"\b(?:today|currently|at present|presently|legacy|at the moment)\b", re.I)
_CURRENT_STATE_FACTOR = 0.8
# A statement that says it is newer than others: "Update: ...", "now", "as of", "since".
_UPDATE = re.compile(
    r"^\W*(?:update|updated|revised|revision|change|correction|addendum|latest)\b|\b(?:now|as of|since|no longer"
    r"|with effect from|has changed|have changed)\b",
    re.I,
)
_EXCEPTED = re.compile(
    r"\b(?:no|not|never|none)\b[^.;]*\b(?:other than|except(?: for| that)?|save for|apart from|with the exception of)\b",
    re.I,
)
_STATE_CUES = ("planned", "in progress")  # the cues of a No read from unfinished work (evidence)
_ASKS = re.compile(r"\?\s*[\"'”’)]?\s*$")
_YES_NO = ("yes/no", "yes-no", "boolean")


@dataclass(frozen=True)
class _Scored:
    candidate: Candidate
    coverage: float
    matched: frozenset[str]
    missing: int = 0  # question groups the candidate does not match at all
    # Those groups, each as its main alternatives' terms.
    unmatched: tuple[tuple[tuple[str, ...], ...], ...] = ()
    # Terms of groups matched only through an example ("such as health", "AI features").
    example_terms: frozenset[str] = frozenset()

    @property
    def by_example(self) -> bool:
        return bool(self.example_terms)

    def denies_only_an_example(self) -> bool:
        """Whether a denial here would be of an example alone: every specific term it matches
        came through one ("The change does not use the export feature" for "Does the change use
        AI, including AI features in a vendor's product?")."""
        own = self.matched - self.example_terms - lexicon.GENERIC - lexicon.COMMON_TERMS
        return self.by_example and not own

    @property
    def narrow(self) -> frozenset[str]:
        """Matched terms the candidate only implies through a narrower word."""
        return self.matched - self.candidate.direct


def suggest_extractive(question: QuestionForSuggestion, passages: Sequence[Passage]) -> Suggestion:
    """Suggest an answer to ``question`` from ``passages`` only, or say it is not stated.

    An answer that would switch a risk area off is never "high" unless its evidence is direct
    (the whole question matched, no narrower word standing in for its subject), and says which
    areas accepting it removes.
    """
    suggestion = _suggest_parts(question, passages)
    removed = question.areas_removed_by(suggestion.answer) if suggestion.status == "suggested" else ()
    if not removed:
        return suggestion
    confidence = suggestion.confidence
    if confidence == "high" and question.response_type.lower() not in _YES_NO:
        confidence = "medium"  # only a Yes/No reading is checked for direct evidence (_yes_no)
    return dataclasses.replace(suggestion, confidence=confidence, removes_areas=removed)


def _suggest_parts(question: QuestionForSuggestion, passages: Sequence[Passage]) -> Suggestion:
    """A question joining two questions with ", or" is Yes when either part is, No only when
    both are; anything else is read as one question."""
    parts = question_disjuncts(question.text) if question.response_type.lower() in _YES_NO else []
    whole = _suggest(question, passages)
    if len(parts) < 2:
        return whole
    answers = [_suggest(dataclasses.replace(question, text=part), passages) for part in parts]
    if yes := [a for a in answers if a.answer == "Yes"]:
        return max(yes, key=lambda a: a.score)
    if all(a.answer == "No" for a in answers):
        # Each part denied: the whole is No, as sure as its least sure part.
        weakest = min(answers, key=lambda a: CONFIDENCE_ORDER.index(a.confidence))
        citations = tuple(dict.fromkeys(c for a in answers for c in a.citations))[:MAX_CITATIONS]
        return dataclasses.replace(weakest, citations=citations)
    if whole.answer == "No":
        # A No to the whole read as one question is a No to one part; the other is unread.
        return _not_stated(question, whole.score)
    return whole


def _suggest(question: QuestionForSuggestion, passages: Sequence[Passage]) -> Suggestion:
    kind = question.response_type.lower()
    groups = question_groups(question.text, kind)
    candidates = read_candidates(passages)
    if not groups or not candidates:
        return _not_stated(question, 0.0)
    idf = _idf(candidates)
    # A Yes/No reading may take what a sentence is about from its section's heading; a typed
    # value may not (the heading "Term" makes no date in its section the renewal date).
    headings = kind in _YES_NO
    scored = sorted(
        (_score(c, groups, idf, headings=headings) for c in candidates),
        key=lambda s: (-s.coverage, s.candidate.rank, len(s.candidate.text)),
    )
    if kind not in (*_YES_NO, "single-choice", "multi-choice", "date", "number"):
        # Free text has its own thresholds and composes its answer from several sentences.
        return suggest_free_text(
            question, scored, lambda s, answered: _score(stating(s.candidate, answered), groups, idf)
        )
    if kind in ("date", "number", "single-choice", "multi-choice"):
        # Typed answers read partial evidence too (a labelled value, an option listed in another
        # row), so they take every scored sentence, not only those above the threshold.
        from assessments.suggestions import typed_answers  # it builds on this module's scoring

        if kind in ("date", "number"):
            return typed_answers.value(question, scored, groups, idf, kind)
        return typed_answers.choice(question, scored, groups, idf, multi=kind == "multi-choice")
    answered = _yes_no_question(question, scored, groups, idf)
    if answered.answer == "No":
        return answered
    if answered.answer is None and open_at_top(scored, _threshold(groups), _CONFLICT_MARGIN):
        # "No data leaves the UK (but see section 9)" covers the question best and says it is
        # open: a place or a definition read elsewhere does not settle it either.
        return answered
    for read, says in (
        (outsiders_use, "says people outside the organisation use it"),
        (subprocessor_named, "names a sub-processor"),
    ):
        if (other := read(question.text, scored)) is None:
            continue
        if answered.answer == "Yes":
            return _not_stated(question, answered.score)  # the limit stated, and others involved
        # "Web chat users are anonymous": others are involved, so the question's "only ours" is
        # No; a reading, not a statement of the limit, so "low".
        rationale = f"{_where(other.candidate.passage)} {says}."
        return _suggested(question, "No", other.coverage, [other], rationale, "low")
    if answered.answer is not None:
        return answered
    # Yes read from what a sentence implies, not states: a place outside the regions asked about
    # ("Processing location: Canada (Toronto)"), a questionnaire's response among the documents,
    # a contract's promise, its signature block, a definition of the system naming every part of
    # the question ("Sable is a software-as-a-service product supplied by ..." for "Will software
    # be licensed from a third party?"). Readings, not statements, so "low".
    implied: tuple[tuple[Callable[[], _Scored | None], str], ...] = (
        (lambda: handled_outside(question.text, scored), "names a place outside the regions asked about"),
        (
            lambda: questionnaire_answered(question.text, scored),
            "is the vendor's response to a questionnaire",
        ),
        (lambda: opt_out_granted(question.text, scored), "promises it does not happen at all"),
        (lambda: contract_signed(question.text, scored), "says the contract was signed"),
        (lambda: defined_yes(groups, scored), "says what the system is"),
    )
    for implies, says in implied:
        if (by := implies()) is not None:
            rationale = f"{_where(by.candidate.passage)} {says}."
            return _suggested(question, "Yes", by.coverage, [by], rationale, "low")
    return answered


def _yes_no_question(
    question: QuestionForSuggestion, scored: list[_Scored], groups: list[Group], idf: dict[str, float]
) -> Suggestion:
    best = scored[0]
    # A comparison ("above GBP 250,000", "in the last 12 months") is settled by a stated value,
    # whose sentence may cover little of the question's words: read before the threshold.
    from assessments.suggestions import comparisons  # it builds on this module's scoring

    if compared := comparisons.answer(question, scored, idf):
        return compared
    threshold = _threshold(groups)
    if best.coverage < threshold:
        # A long question's qualifiers water its coverage down; a sentence may still deny its
        # core ("Exit plan not written.").
        from assessments.suggestions.question_core import core_denial  # it builds on this module

        return core_denial(question, scored) or _not_stated(question, best.coverage)
    support = [s for s in scored if s.coverage >= max(threshold, best.coverage - 0.15)]
    # A sentence that asks ("4. Is any of our data used for training?") states nothing.
    support = [s for s in support if not _ASKS.search(s.candidate.text)]
    if not support:
        return _not_stated(question, best.coverage)
    answered = _yes_no(question, support, groups)
    if answered.answer == "Yes" and inclusion_denied(
        question.text, scored, groups, answered.citations[0].passage, lambda s: _read(question, s)
    ):
        return _not_stated(question, answered.score)
    if answered.answer == "No" and left_open(
        question.text, scored, threshold, _CONFLICT_MARGIN, answered.citations[0].passage, answered.score
    ):
        # "No special category data" and "whether fatigue alerts are health data is under
        # review": a No needs every part denied, and the documents say one is still open.
        return _not_stated(question, answered.score)
    if answered.answer == "Yes" and asks_recent(question.text):
        if recurs_within_window(question.text, answered.citations[0].passage):
            # "Restore tested quarterly": a standing practice at least that frequent was done
            # within the window, by the document's word only, so "low".
            return dataclasses.replace(answered, confidence="low")
        # "... in the last 12 months?" and no dated evidence settled it (comparisons): an undated
        # sentence saying it was done is no Yes, and "last" or "12" match dates and columns.
        return _not_stated(question, answered.score)
    return answered


def _implied_by_example(group: Group, candidate: Candidate) -> bool:
    """Whether ``candidate`` matches ``group``'s main words only by implication while stating one
    of its examples."""
    main = [t for a in group.alternatives if not a.example for t in a.terms if t in candidate.terms]
    named = any(a.example and all(t in candidate.direct for t in a.terms) for a in group.alternatives)
    return bool(main) and named and not any(t in candidate.direct for t in main)


def _threshold(groups: list[Group]) -> float:
    # A long question's qualifiers ("documented", "in-scope", "with automatic failover") are
    # seldom all repeated by the sentence that answers it.
    return ANSWER_THRESHOLD - _LONG_QUESTION_EASING * max(0, len(groups) - _LONG_QUESTION_GROUPS)


def _idf(candidates: list[Candidate]) -> dict[str, float]:
    """How specific each term is among the candidate sentences; absent terms are the most."""
    count = len(candidates)
    df: dict[str, int] = {}
    for candidate in candidates:
        for term in candidate.terms:
            df[term] = df.get(term, 0) + 1
    idf = {term: 1.0 + math.log((count + 1) / (n + 1)) for term, n in df.items()}
    idf[""] = 1.0 + math.log(count + 1)
    return idf


def _weight(terms: tuple[str, ...], idf: dict[str, float]) -> float:
    return sum(idf.get(t, idf[""]) * lexicon.weight_factor(t) for t in terms) / len(terms)


def _score(
    candidate: Candidate, groups: list[Group], idf: dict[str, float], *, headings: bool = False
) -> _Scored:
    """Weighted share of the question's groups the candidate covers.

    A matched group weighs what its matching alternative weighs, so a match on a word found
    everywhere counts for little; an unmatched group weighs the mean of its own alternatives.
    An example only stands in for what it illustrates, so it earns part of the credit.
    """
    total = got = 0.0
    missing = 0
    unmatched: list[tuple[tuple[str, ...], ...]] = []
    matched: set[str] = set()
    example_terms: set[str] = set()
    for group in groups:
        best_weight = best_credit = 0.0
        example: tuple[str, ...] = ()
        for alternative in group.alternatives:
            share = sum(t in candidate.terms for t in alternative.terms) / len(alternative.terms)
            weight = _weight(alternative.terms, idf)
            credit = weight * share * (_EXAMPLE_CREDIT if alternative.example else 1.0)
            if share and credit > best_credit:
                best_weight, best_credit = weight, credit
                example = (
                    tuple(t for t in alternative.terms if t in candidate.terms) if alternative.example else ()
                )
                matched.update(t for t in alternative.terms if t in candidate.terms)
        if not best_credit and headings:
            # The section heading names it ("DPIA" over "DRAFT v0.3 - for discussion"): part credit.
            for alternative in group.alternatives:
                if not alternative.example and all(t in candidate.context for t in alternative.terms):
                    weight = _weight(alternative.terms, idf)
                    if weight * _CONTEXT_CREDIT > best_credit:
                        best_weight, best_credit = weight, weight * _CONTEXT_CREDIT
        if best_credit and not example and _implied_by_example(group, candidate):
            # "No biometric data is processed" names "special category data" only through
            # "biometric", which the question gives as an example of it: an example match.
            example = tuple(
                t for a in group.alternatives if not a.example for t in a.terms if t in candidate.terms
            )
        if best_credit:
            total += best_weight
            got += best_credit
            example_terms.update(example)
        else:
            missing += 1
            mains = [a for a in group.alternatives if not a.example] or list(group.alternatives)
            unmatched.append(tuple(a.terms for a in mains))
            total += sum(_weight(a.terms, idf) for a in mains) / len(mains)
    coverage = got / total if total else 0.0
    if _CURRENT_STATE.search(candidate.text):
        coverage *= _CURRENT_STATE_FACTOR
    return _Scored(
        candidate, coverage, frozenset(matched), missing, tuple(unmatched), frozenset(example_terms)
    )


# --- answering ------------------------------------------------------------------------------


def _read(question: QuestionForSuggestion, scored: _Scored) -> YesNoReading:
    return vetted_reading(
        question.text,
        scored.candidate.text,
        scored.matched,
        scored.narrow,
        missing=scored.missing,
        coverage=scored.coverage,
        unmatched=scored.unmatched,
    )


def _yes_no(question: QuestionForSuggestion, support: list[_Scored], groups: list[Group]) -> Suggestion:
    """The first supporting sentence that reads as Yes or No, unless another one reads the other way."""
    readings = [(scored, _read(question, scored)) for scored in support]
    asked = frozenset(lexicon.terms(question.text))
    # A statement a later sentence undoes ("This was reversed at the next meeting") answers nothing.
    answered = [
        (scored, reading)
        for scored, reading in readings
        if reading.answer
        and not reversed_after(scored.candidate.text, scored.candidate.passage.text)
        # An example stands for its kind only to affirm it; so does a narrower word ("no
        # biometric data is collected" says nothing of personal data as a whole).
        and not (
            reading.answer == "No"
            and (
                scored.denies_only_an_example()
                or implied_only(scored.candidate, scored.narrow, groups, asked)
                # A state read from a row ("Status: Planned") is of the row's own subject:
                # "audit log ... Planned" for "reviewed the vendor's financial stability (for
                # example audited accounts)" matches the subject by an example, and not wholly.
                or (reading.cue in _STATE_CUES and scored.by_example and scored.missing > 0)
            )
        )
    ]
    if not answered:
        return _not_stated(question, support[0].coverage)
    best, reading = answered[0]
    if main_clause_unread(question.text, best.candidate, groups):
        # "If the model becomes unavailable, does the service degrade gracefully?" asked of a
        # sentence about the model and its provider: the condition's words, not the question's.
        return _not_stated(question, best.coverage)
    if reading.answer == "No" and any(
        s is not best
        and _EXCEPTED.search(s.candidate.text)
        and s.coverage >= best.coverage - _CONFLICT_MARGIN
        for s, _ in readings
    ):
        # "No customer data is accessed from outside the UK/EEA, other than chat inference by
        # Halcyon": a denial with an exception beside a plain No; the exception may be a Yes.
        return _not_stated(question, best.coverage)
    for other, theirs in answered[1:]:
        if theirs.answer == "No" and other.by_example:
            # An example stands for its kind only to affirm it: "no export feature is used" does
            # not deny that the change uses AI (features built into a product named as an example).
            continue
        if theirs.answer != reading.answer and (
            other.coverage >= best.coverage - _CONFLICT_MARGIN or _UPDATE.search(other.candidate.text)
        ):
            # The documents disagree; an update or a later change is heard however it scores.
            return _not_stated(question, best.coverage)
    how = f'says "{reading.cue}"' if reading.answer == "No" and reading.cue else "states it"
    rationale = f"{_where(best.candidate.passage)} addresses the question and {how}."
    # "High" needs the question's terms named, not implied by a narrower word ("SAML" for
    # single sign-on): an implication is a reading, right often but not always.
    direct = not best.narrow
    # "Does not make decisions about pricing" for decisions "such as hiring, credit, pricing":
    # a denial of one example of what is asked, the rest unread.
    ceiling = "low" if reading.answer == "No" and best.by_example else "high"
    if reading.answer == "No" and ceiling == "high" and denies_one_alternative(best.candidate, groups):
        # "Does the service make automated decisions? No" for "make or materially influence
        # decisions": only a No to every alternative is a No, and the others are unread.
        ceiling = "medium"
    confidence = label(
        best.coverage, sure=reading.sure, complete=best.missing == 0, direct=direct, ceiling=ceiling
    )
    return _suggested(question, reading.answer, best.coverage, [best], rationale, confidence)


def _suggested(
    question: QuestionForSuggestion,
    answer: str | list[str],
    score: float,
    support: list[_Scored],
    rationale: str,
    confidence: ConfidenceLabel,
) -> Suggestion:
    citations = tuple(
        Citation(
            document_id=s.candidate.passage.document_id,
            document_name=s.candidate.passage.document_name,
            passage=s.candidate.text,
            page=s.candidate.passage.page,
            section=s.candidate.passage.section,
        )
        for s in support
    )
    score = round(min(1.0, max(0.0, score)), 3)
    return Suggestion(question.id, "suggested", answer, confidence, score, rationale, citations)


def _not_stated(question: QuestionForSuggestion, score: float) -> Suggestion:
    """Nothing to suggest; ``score`` is how much of the question the best sentence covered
    (0 when sentences matched but none held an answer of the kind asked)."""
    score = round(min(1.0, max(0.0, score)), 3)
    return Suggestion(question.id, "not_stated", None, "low", score, NOT_STATED_TEXT)


def _where(passage: Passage) -> str:
    place = [passage.document_name]
    if passage.page is not None:
        place.append(f"p. {passage.page}")
    if passage.section:
        place.append(f"“{passage.section}”")
    return ", ".join(place)
