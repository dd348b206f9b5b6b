"""The local suggestion engine: answers only what a passage says, quoting it; no generative model.

For a question it finds the sentence (or table line) among the retrieved passages that best
covers the question's key terms, weighted by how specific each term is. Below a coverage
threshold the answer is "not stated", never a guess. Above it, a Yes/No answer is read from the
negation cues of the clause that carries the match, a choice from the options the supporting
sentences name, a date or number from the sentence itself, and free text is the sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assessments.documents.chunking import sentence_spans
from assessments.suggestions import lexicon
from assessments.suggestions.values import extract_date, extract_number
from assessments.suggestions.types import (
    NOT_STATED_TEXT,
    Citation,
    ConfidenceLabel,
    QuestionForSuggestion,
    Suggestion,
)
from integrations.kb.contract import Passage

ANSWER_THRESHOLD = 0.5  # weighted share of the question's terms a sentence must cover
HIGH_CONFIDENCE = 0.75
MEDIUM_CONFIDENCE = 0.6
MAX_CITATIONS = 2
_EXAMPLE_CREDIT = 0.8  # a match on an example ("such as health") for what it illustrates
_CLAUSE_BREAK = re.compile(r";|:|,\s+(?:and|but|while|whereas|although|so|as)\s+|\s+but\s+|\s+whereas\s+")
_SHORT_LINE = 60  # a table cell or label on its own line, read together with the next line


@dataclass(frozen=True)
class _Alternative:
    terms: tuple[str, ...]
    example: bool = False  # named in "(...)" or after "such as": an instance of the thing asked


@dataclass(frozen=True)
class _Group:
    """One thing the question asks about; matched when any alternative is in the sentence."""

    alternatives: tuple[_Alternative, ...]


@dataclass(frozen=True)
class _Candidate:
    text: str
    passage: Passage
    rank: int
    terms: frozenset[str]


@dataclass(frozen=True)
class _Scored:
    candidate: _Candidate
    coverage: float
    matched: frozenset[str]


def retrieval_query(question: QuestionForSuggestion) -> str:
    """The words to search the knowledge base with: the question's terms and its options."""
    words = [w for w in re.findall(r"[\w/'-]+", question.text) if not lexicon.is_filler(w.lower())]
    if question.response_type in ("single-choice", "multi-choice"):
        words.extend(question.options)
    return " ".join(words)


def suggest_extractive(question: QuestionForSuggestion, passages: Sequence[Passage]) -> Suggestion:
    """Suggest an answer to ``question`` from ``passages`` only, or say it is not stated."""
    groups = _question_groups(question.text)
    candidates = _candidates(passages)
    if not groups or not candidates:
        return _not_stated(question, 0.0)
    idf = _idf(candidates)
    scored = sorted((_score(c, groups, idf) for c in candidates), key=lambda s: (-s.coverage, s.candidate.rank))
    best = scored[0]
    if best.coverage < ANSWER_THRESHOLD:
        return _not_stated(question, best.coverage)
    support = [s for s in scored if s.coverage >= max(ANSWER_THRESHOLD, best.coverage - 0.15)]
    kind = question.response_type.lower()
    if kind in ("yes/no", "yes-no", "boolean"):
        return _yes_no(question, best, groups)
    if kind in ("single-choice", "multi-choice"):
        return _choice(question, support, multi=kind == "multi-choice")
    if kind in ("date", "number"):
        return _value(question, support, kind)
    chosen = [s for s in support if s.coverage >= best.coverage - 0.05][:MAX_CITATIONS]
    answer = " ".join(s.candidate.text for s in chosen)
    where = _where(best.candidate.passage)
    return _suggested(question, answer, best.coverage, chosen, f"Quoted from {where}, the closest match to the question.")


# --- reading the question -------------------------------------------------------------------

_EXAMPLE_MARKER = re.compile(r"\(?\s*\b(?:such as|including|for example|for instance|e\.g\.?|like)\b")


def _question_groups(text: str) -> list[_Group]:
    """What the question asks about: "A, B or C" lists become one group of alternatives, and
    examples ("personal data (such as health ...)") become alternatives of what they illustrate."""
    tokens = re.findall(r"[a-z0-9]+|[,;:?/()]", _EXAMPLE_MARKER.sub(" ( ", lexicon.normalise(text)))
    main: list[str] = []
    examples: list[tuple[int, list[str]]] = []  # (main tokens before it, example tokens)
    depth = 0
    for token in tokens:
        if token == "(":
            if depth == 0:
                examples.append((len(main), []))
            depth += 1
        elif depth and (token == ")" or token in (";", "?", ":")):
            depth = 0 if token != ")" else depth - 1
        elif depth:
            examples[-1][1].append(token)
        elif token != ")":
            main.append(token)
    groups, owners = _list_groups(main)
    for position, example_tokens in examples:
        alternatives = tuple(
            _Alternative(alt.terms, example=True)
            for group in _list_groups(example_tokens)[0]
            for alt in group.alternatives
        )
        # An example illustrates the words just before it: "special category data (such as health)".
        owner = next((owners[p] for p in range(position - 1, -1, -1) if p in owners), None)
        if owner is None:
            groups.append(_Group(alternatives))
        else:
            groups[owner] = _Group(groups[owner].alternatives + alternatives)
    return [group for group in groups if group.alternatives]


def _list_groups(tokens: list[str]) -> tuple[list[_Group], dict[int, int]]:
    """Groups from ``tokens`` and, for each content token's position, the group it is in."""
    items: list[list[tuple[int, str]]] = [[]]
    links: list[str] = []  # how each item joins the next: "or", "," or "|" (a break)
    pending_break = False  # a stop word ends an item unless "or" or "," comes next
    for position, token in enumerate(tokens):
        if token in ("or", ",", "/"):
            items.append([])
            links.append("," if token == "," else "or")
            pending_break = False
        elif token in (";", ":", "?", ")"):
            items.append([])
            links.append("|")
            pending_break = False
        elif token in lexicon.STOP_WORDS:
            pending_break = pending_break or bool(items[-1])
        elif not lexicon.is_filler(token):
            if pending_break:
                items.append([])
                links.append("|")
                pending_break = False
            items[-1].append((position, lexicon.term(token)))
    groups: list[_Group] = []
    owners: dict[int, int] = {}

    def add(members: list[list[tuple[int, str]]]) -> None:
        groups.append(_Group(tuple(_Alternative(tuple(t for _, t in m)) for m in members)))
        for member in members:
            for position, _ in member:
                owners[position] = len(groups) - 1

    index = 0
    while index < len(items):
        end = index
        # Extend over "X, Y or Z": commas count only when an "or" closes the list.
        while end < len(links) and links[end] != "|":
            if links[end] == "," and "or" not in links[end : end + 4]:
                break
            end += 1
        run = [item for item in items[index : end + 1] if item]
        index = end + 1
        if len(run) < 2:
            for word in run[0] if run else []:
                add([[word]])
            continue
        # Only the last word of the first item and the first word of the last one are listed:
        # "transmit personal data" lists "transmit"; "personal data" is asked about as well.
        for word in run[0][:-1]:
            add([[word]])
        add([run[0][-1:], *run[1:-1], run[-1][:1]])
        for word in run[-1][1:]:
            add([[word]])
    return groups, owners


# --- reading the passages -------------------------------------------------------------------


def _candidates(passages: Sequence[Passage]) -> list[_Candidate]:
    aliases = _vendor_aliases(passages)
    candidates: dict[str, _Candidate] = {}
    for rank, passage in enumerate(passages):
        spans = sentence_spans(passage.text)
        for index, (start, end) in enumerate(spans):
            texts = [passage.text[start:end]]
            # A label alone on its line (a flattened table cell) reads with the next line.
            if index + 1 < len(spans) and end - start < _SHORT_LINE and "\n" in passage.text[end : spans[index + 1][0]]:
                texts.append(passage.text[start : spans[index + 1][1]])
            for text in texts:
                if text in candidates:
                    continue  # overlapping chunks repeat sentences; cite the best-ranked copy
                found = set(lexicon.terms(text, broader=True))
                if aliases and aliases.search(text):
                    found.add("vendor")
                candidates[text] = _Candidate(text, passage, rank, frozenset(found))
    return list(candidates.values())


_VENDOR_NAMED = re.compile(
    r"\b(?P<name>[A-Z][\w&]+(?: [A-Z][\w&]+){0,2})(?: (?:Ltd|Limited|Inc|plc|LLC|GmbH)\b\.?)?"
    r"(?: is|,) (?:a|an|the|our) (?:[\w-]+ ){0,3}?(?:vendor|supplier|third[- ]party)\b"
    r"|\b(?:from|by) (?P<company>[A-Z][\w&]+(?: [A-Z][\w&]+){0,2}) (?:Ltd|Limited|Inc|plc|LLC|GmbH)\b"
    r"|\b(?:vendor|supplier)(?: [\w-]+){0,3} (?:on|of|with) (?P<object>[A-Z][\w&]+(?: [A-Z][\w&]+){0,2})"
)


def _vendor_aliases(passages: Sequence[Passage]) -> re.Pattern[str] | None:
    """Names the passages give the vendor ("Brightdesk is a third-party vendor"), so sentences
    that name it answer questions about "the vendor"."""
    names: set[str] = set()
    for passage in passages:
        for match in _VENDOR_NAMED.finditer(passage.text):
            name = match.group("name") or match.group("company") or match.group("object")
            if name.split()[0].lower() in lexicon.STOP_WORDS:
                continue
            names.add(name)
            if len(name.split()[0]) >= 4:
                names.add(name.split()[0])
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


def _idf(candidates: list[_Candidate]) -> dict[str, float]:
    """How specific each term is among the candidate sentences; absent terms are the most."""
    count = len(candidates)
    df: dict[str, int] = {}
    for candidate in candidates:
        for term in candidate.terms:
            df[term] = df.get(term, 0) + 1
    idf = {term: 1.0 + math.log((count + 1) / (n + 1)) for term, n in df.items()}
    idf[""] = 1.0 + math.log(count + 1)
    return idf


def _term_weight(term: str, idf: dict[str, float]) -> float:
    return idf.get(term, idf[""]) * lexicon.weight_factor(term)


def _score(candidate: _Candidate, groups: list[_Group], idf: dict[str, float]) -> _Scored:
    """Weighted share of the question's groups the candidate covers.

    A matched group weighs what its matching alternative weighs, so a match on a word found
    everywhere counts for little; an unmatched group weighs the mean of its own alternatives.
    An example only stands in for what it illustrates, so it earns part of the credit.
    """
    present = candidate.terms
    total = got = 0.0
    matched: set[str] = set()
    for group in groups:
        best_weight = best_credit = 0.0
        for alternative in group.alternatives:
            weight = sum(_term_weight(t, idf) for t in alternative.terms) / len(alternative.terms)
            share = sum(t in present for t in alternative.terms) / len(alternative.terms)
            credit = weight * share * (_EXAMPLE_CREDIT if alternative.example else 1.0)
            if share and credit > best_credit:
                best_weight, best_credit = weight, credit
                matched.update(t for t in alternative.terms if t in present)
        if best_credit:
            total += best_weight
            got += best_credit
        else:
            mains = [a for a in group.alternatives if not a.example] or list(group.alternatives)
            total += sum(
                sum(_term_weight(t, idf) for t in a.terms) / len(a.terms) for a in mains
            ) / len(mains)
    return _Scored(candidate, got / total if total else 0.0, frozenset(matched))


# --- answering ------------------------------------------------------------------------------


def _yes_no(question: QuestionForSuggestion, best: _Scored, groups: list[_Group]) -> Suggestion:
    clause = max(
        _CLAUSE_BREAK.split(best.candidate.text),
        key=lambda part: (len(set(lexicon.terms(part)) & best.matched), -len(part)),
    )
    # Each negation flips the answer, so "cannot run without a network" answers "Can it run
    # without a network?" with No, and a negated question is answered in its own terms.
    flips = lexicon.negation_count(clause) + lexicon.negation_count(question.text)
    answer = "No" if flips % 2 else "Yes"
    cue = _negation_cue(clause)
    how = f'it says "{cue}"' if answer == "No" and cue else "it states this"
    rationale = f"{_where(best.candidate.passage)} addresses the question and {how}."
    return _suggested(question, answer, best.coverage, [best], rationale)


def _choice(question: QuestionForSuggestion, support: list[_Scored], *, multi: bool) -> Suggestion:
    chosen: list[str] = []
    cited: list[_Scored] = []
    for option in question.options:
        option_terms = [t for t in lexicon.terms(option) if t not in lexicon.GENERIC] or lexicon.terms(option)
        if not option_terms:
            continue
        for scored in support:
            if all(t in scored.candidate.terms for t in option_terms):
                chosen.append(option)
                if scored not in cited:
                    cited.append(scored)
                break
    if not chosen or (not multi and len(chosen) > 1):
        return _not_stated(question, support[0].coverage)
    answer: str | list[str] = chosen if multi else chosen[0]
    rationale = f"{_where(cited[0].candidate.passage)} names {', '.join(chosen)}."
    return _suggested(question, answer, min(s.coverage for s in cited), cited[:MAX_CITATIONS], rationale)


def _value(question: QuestionForSuggestion, support: list[_Scored], kind: str) -> Suggestion:
    for scored in support:
        question_terms = set(lexicon.terms(question.text))
        if kind == "date":
            value = extract_date(scored.candidate.text)
        else:
            value = extract_number(scored.candidate.text, question_terms)
        if value is not None:
            rationale = f"{_where(scored.candidate.passage)} gives the {kind}."
            return _suggested(question, value, scored.coverage, [scored], rationale)
    return _not_stated(question, support[0].coverage)


def _suggested(
    question: QuestionForSuggestion, answer: str | list[str], score: float, support: list[_Scored], rationale: str
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
    return Suggestion(question.id, "suggested", answer, _label(score), score, rationale, citations)


def _not_stated(question: QuestionForSuggestion, score: float) -> Suggestion:
    score = round(min(1.0, max(0.0, score)), 3)
    return Suggestion(question.id, "not_stated", None, "low", score, NOT_STATED_TEXT)


def _label(score: float) -> ConfidenceLabel:
    if score >= HIGH_CONFIDENCE:
        return "high"
    return "medium" if score >= MEDIUM_CONFIDENCE else "low"


def _where(passage: Passage) -> str:
    place = [passage.document_name]
    if passage.page is not None:
        place.append(f"p. {passage.page}")
    if passage.section:
        place.append(f"“{passage.section}”")
    return ", ".join(place)


def _negation_cue(clause: str) -> str | None:
    match = re.search(
        r"\b(?:\w+n[’']t|(?:does|do|did|will|is|are|was|were|has|have|can|could|would|should|must)\s+not"
        r"|not|no|never|neither|nor|without|none|cannot)\b",
        clause,
        re.IGNORECASE,
    )
    return match.group(0) if match else None
