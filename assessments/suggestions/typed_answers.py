"""Typed answers (single and multiple choice, dates, numbers) from the extractive engine's scored
sentences: the options named by their words or meaning (``typed_choices``), the value labelled as
what is asked, read with its table row (``typed_values``, ``table_rows``). Kept apart from
``extractive`` (whose scoring they reuse) so each stays small.
"""

from __future__ import annotations

import dataclasses
import re

from assessments.suggestions import (
    data_subjects,
    definitions,
    lexicon,
    option_meaning,
    places,
    quantity_options,
    typed_choices,
    typed_values,
    value_pick,
)
from assessments.suggestions.candidates import Candidate
from assessments.suggestions.choices import named_verbatim
from assessments.suggestions.evidence import label
from assessments.suggestions.extractive import (
    _ASKS,
    ANSWER_THRESHOLD,
    MAX_CITATIONS,
    _not_stated,
    _score,
    _Scored,
    _suggested,
    _where,
)
from assessments.suggestions.modality import modality, reversed_after, unsettled_sentence
from assessments.suggestions.question_terms import Group, question_groups
from assessments.suggestions.reply_cells import not_applicable_reply
from assessments.suggestions.table_rows import row_of
from assessments.suggestions.types import ConfidenceLabel, QuestionForSuggestion, Suggestion

_ROW_CEILING = 0.45  # the most a table row scored whole counts for a date or number (below the threshold)


def _content(terms: set[str]) -> set[str]:
    """A question's own words, without those any question about a system has ("system", "change")."""
    return {t for t in terms if t not in lexicon.GENERIC and t not in lexicon.COMMON_TERMS}


def choice(
    question: QuestionForSuggestion,
    scored: list[_Scored],
    groups: list[Group],
    idf: dict[str, float],
    *,
    multi: bool,
) -> Suggestion:
    """The options the supporting sentences name, by their words or meaning (``typed_choices``);
    one best option for a single choice. A multiple choice adds options written out elsewhere in
    a section about the question; "Who manages ...?" reads the agent of "managed by". A single
    choice of amounts ("24 hours", "48 hours") is read as a number (``quantity_options``)."""
    amounts = None if multi else quantity_options.amount_options(question.options)
    if amounts is not None:
        return _amount_choice(question, scored, groups, idf, *amounts)
    # A proposal, a condition, an open action or a reversed decision names no option as chosen;
    # nor does a row whose reply is "N/A" or "No" ("Physical security of data centres? | N/A").
    scored = [s for s in scored if _settled(s) and not not_applicable_reply(s.candidate.text)]
    if not scored:
        return _not_stated(question, 0.0)
    if (
        multi
        and data_subjects.people_options(question.options)
        and (people := data_subjects.kinds_named(question.options, scored))
    ):
        # "Whose personal data ...?" of kinds of people: read from the documents' data-subjects
        # lists, whose words are the business's ("policyholders", "agency drivers").
        chosen, cited = people
        rationale = f"{_where(cited[0].candidate.passage)} lists the data subjects: {', '.join(chosen)}."
        score = max(s.coverage for s in cited)
        return _suggested(question, chosen, score, cited[:MAX_CITATIONS], rationale, "low")
    best = scored[0]
    support = [s for s in scored if s.coverage >= max(ANSWER_THRESHOLD, best.coverage - 0.15)]
    # A sentence that asks ("4. Is any of our data used for training?") states nothing.
    support = [s for s in support if not _ASKS.search(s.candidate.text) and _settled(s)]
    if not multi and (agent := typed_choices.agent_option(question.text, question.options, support, scored)):
        option, by = agent
        rationale = f"{_where(by.candidate.passage)} says who: {option}."
        return _suggested(question, option, by.coverage, [by], rationale, "low")
    found: list[tuple[float, float, str, _Scored]] = []
    for option in question.options if support else ():
        # "New SaaS or cloud product" is named by either; generic words name nothing.
        groups = typed_choices.option_groups(option)
        if not groups:
            continue
        share, named_by = max(
            ((typed_choices.option_named_share(option, groups, s.candidate.text), s) for s in support),
            key=lambda pair: (pair[0], pair[1].coverage),
        )
        # A long option may be paraphrased; a short one must be named in full.
        if share == 1.0 or (len(groups) >= 3 and share >= 2 / 3):
            found.append((share, named_by.coverage, option, named_by))
    if not multi and not found:
        question_terms = {
            t
            for g in question_groups(question.text, "single-choice")
            for a in g.alternatives
            for t in a.terms
        }
        if where := typed_choices.named_where_asked(question_terms, question.options, scored):
            option, by = where
            rationale = f"{_where(by.candidate.passage)} names {option} where it speaks of the question."
            return _suggested(question, option, by.coverage, [by], rationale, "low")
        if implied := option_meaning.implied_option(question_terms, question.options, scored):
            option, by = implied
            rationale = f"{_where(by.candidate.passage)} names what {option} means."
            return _suggested(question, option, by.coverage, [by], rationale, "low")
        if defined := definitions.defined_option(_content(question_terms), question.options, scored):
            option, by = defined
            rationale = f"{_where(by.candidate.passage)} says what the system is: {option}."
            return _suggested(question, option, by.coverage, [by], rationale, "low")
    if multi:
        elsewhere = typed_choices.listed_elsewhere(question.options, scored, {o for *_, o, _ in found})
        found.extend((1.0, s.coverage, option, s) for option, s in elsewhere)
    # A choice of regions is named by its places ("Kraków" is in the EEA), in sentences that
    # cover only part of the question: added to a multiple choice, or the one region of a single.
    regions = places.regions_named(question.options, scored) or []
    if multi:
        have = {o for *_, o, _ in found}
        found.extend((1.0, s.coverage, option, s) for option, s in regions if option not in have)
    elif not found and len(regions) == 1:
        found.append((1.0, regions[0][1].coverage, regions[0][0], regions[0][1]))
    found.sort(key=lambda item: (-item[0], -item[1]))
    if not found or (not multi and len(found) > 1 and found[0][:2] == found[1][:2]):
        return _not_stated(question, best.coverage if support else 0.0)
    chosen = found if multi else found[:1]
    options = [option for option in question.options if option in {o for *_, o, _ in chosen}]
    cited: list[_Scored] = []
    for _, _, _, named_by in chosen:
        if named_by not in cited:
            cited.append(named_by)
    answer: str | list[str] = options if multi else options[0]
    rationale = f"{_where(cited[0].candidate.passage)} names {', '.join(options)}."
    score = min(share * coverage for share, coverage, _, _ in chosen)
    # Sure only when each option is written as it is in the list, not pieced together from words,
    # and named by sentences that cover the question.
    sure = all(
        named_verbatim(option, s.candidate.text) and s.coverage >= ANSWER_THRESHOLD
        for _, _, option, s in chosen
    )
    # Pieced together from words, an option is a weak reading (calibrated on the dev split);
    # a multiple choice may also miss options named elsewhere, so it is never "high".
    ceiling: ConfidenceLabel = "low" if not sure else ("medium" if multi else "high")
    confidence = label(score, sure=sure, complete=all(s.missing == 0 for s in cited), ceiling=ceiling)
    return _suggested(question, answer, score, cited[:MAX_CITATIONS], rationale, confidence)


def _amount_choice(
    question: QuestionForSuggestion,
    scored: list[_Scored],
    groups: list[Group],
    idf: dict[str, float],
    asked_in: str,
    options: list[quantity_options.AmountOption],
) -> Suggestion:
    """The option the number the documents give for the question falls in (read as ``value``
    reads a number, in the options' unit)."""
    as_number = dataclasses.replace(question, text=f"{question.text.rstrip(' ?')} ({asked_in})?")
    picked = _picked_value(as_number, scored, groups, idf, "number")
    option = quantity_options.option_for(float(picked[0].value), options) if picked else None
    if picked is None or option is None:
        return _not_stated(question, scored[0].coverage if scored else 0.0)
    reading, unambiguous, best = picked
    rationale = f"{_where(best.candidate.passage)} gives the amount: {option}."
    # Placed among options by its amount, not named: never more than "medium".
    confidence = _value_confidence(reading, unambiguous, best, "medium")
    return _suggested(question, option, reading.coverage, [best], rationale, confidence)


def _settled(scored: _Scored) -> bool:
    """Whether the sentence states a settled fact: not a proposal, a condition, an action still
    to be done or a decision a later sentence undoes ("It was proposed that data be hosted in the US")."""
    text = scored.candidate.text
    return not (
        modality(text) == "conditional"
        or unsettled_sentence(text)
        or reversed_after(text, scored.candidate.passage.text)
    )


def value(
    question: QuestionForSuggestion,
    scored: list[_Scored],
    groups: list[Group],
    idf: dict[str, float],
    kind: str,
) -> Suggestion:
    """The date or number that answers the question (see ``typed_values``): read with its table
    row and column, preferring a value labelled as what is asked and not marked as superseded.
    Several different values, or evidence covering only part of the question, cap it at "low"."""
    picked = _picked_value(question, scored, groups, idf, kind)
    if picked is None:
        return _not_stated(question, scored[0].coverage if scored else 0.0)
    reading, unambiguous, best = picked
    rationale = f"{_where(best.candidate.passage)} gives the {kind}."
    confidence = _value_confidence(reading, unambiguous, best, "high")
    return _suggested(question, reading.value, reading.coverage, [best], rationale, confidence)


def _picked_value(
    question: QuestionForSuggestion,
    scored: list[_Scored],
    groups: list[Group],
    idf: dict[str, float],
    kind: str,
) -> tuple[typed_values.Reading, bool, _Scored] | None:
    """The value ``typed_values`` picks, whether it is unambiguous, and the sentence giving it."""
    question_terms = {t for g in groups for a in g.alternatives for t in a.terms}
    evidence = [
        (s, s.candidate.text, s.candidate.passage.text, s.coverage) for s in _rows(scored, groups, idf)
    ]
    picked = value_pick.pick(
        typed_values.readings(question.text, kind, evidence, question_terms),
        ANSWER_THRESHOLD,
        source=lambda r: r.evidence.candidate.passage.document_id,  # type: ignore[attr-defined]
        # The clause naming the question's rarer words ("convenience") over one naming its common ones.
        weight=lambda own: round(sum(idf.get(t, 0.0) for t in own), 1),
        strictest=_lowest if kind == "number" and _TIME_TARGET.search(question.text) else None,
    )
    if picked is None:
        return None
    reading, unambiguous = picked
    assert isinstance(reading.evidence, _Scored)
    return reading, unambiguous, reading.evidence


# A time a service commits to meet at most: recovery, response and resolution objectives.
_TIME_TARGET = re.compile(
    r"\b(?:recovery (?:time|point) objective|rto|rpo|response time|resolution time|time to (?:respond|resolve|restore|recover))\b",
    re.I,
)


def _lowest(rows: list[typed_values.Reading]) -> typed_values.Reading:
    return min(rows, key=lambda r: (float(r.value), -r.coverage))


def _value_confidence(
    reading: typed_values.Reading, unambiguous: bool, best: _Scored, ceiling: ConfidenceLabel
) -> ConfidenceLabel:
    """Several different values, or evidence covering only part of the question: "low"."""
    return label(
        reading.coverage,
        sure=unambiguous,
        complete=best.missing == 0,
        ceiling=ceiling if unambiguous else "low",
    )


def _rows(scored: list[_Scored], groups: list[Group], idf: dict[str, float]) -> list[_Scored]:
    """The scored sentences, and for each table-row fragment among them its whole row too (once),
    so a value in another cell of the row is read with what the row is about; sentences that ask
    are dropped."""
    seen: set[tuple[str, str]] = set()
    out: list[_Scored] = []
    for s in scored:
        text = s.candidate.text
        if _ASKS.search(text) or ("\n" in text and " | " in text):
            continue  # a row joined to the line before it is read as the row itself
        out.append(s)
        row = row_of(text, s.candidate.passage.text)
        if row is None or row == text or (row, s.candidate.passage.document_id) in seen:
            continue
        seen.add((row, s.candidate.passage.document_id))
        c = s.candidate
        terms = c.terms | frozenset(lexicon.terms(row, broader=True))
        whole = _score(
            Candidate(row, c.passage, c.rank, terms, c.direct | frozenset(lexicon.terms(row))), groups, idf
        )
        # A row's other cells may echo the question by chance: scored whole, it is only ever
        # partial evidence (its value must then be labelled, or agree with the rest).
        coverage = min(max(whole.coverage, s.coverage), _ROW_CEILING)
        out.append(dataclasses.replace(whole, coverage=coverage))
    return out
