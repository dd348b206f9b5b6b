"""Each stored suggestion judged against gold, and the figures issue 7 asks for.

Rules (stated once, here, so a figure means the same thing in every run):
- *answered*: status "suggested" with a non-empty answer; anything else is an abstention.
- Yes/No: correct when gold is settled and the answer is the same word. Precision is
  correct ÷ answered over every Yes/No question, so an answer where gold is unsettled counts
  against it (the documents do not support any answer there).
- values (every settled non-Yes/No question): numbers equal within 1 % after converting
  durations to the gold unit (a bare number is read in the unit of time the question asks
  for: "For how many days ...?" answered "395.7" is 13 months); dates equal as ISO dates; a single choice equal to the gold option;
  a multi choice equal as a set; free text correct when every gold key fact appears in it
  (case- and space-insensitive).
- abstention: unsettled questions left unanswered ÷ unsettled questions.
- a citation is *verbatim* when its passage, whitespace collapsed, occurs in the extracted text of
  the document it names (one of the case's documents); it is *supporting* when it shares a run
  of at least 6 consecutive words (or the whole of a shorter quote) with a gold quote for that
  question from the same document, or at least 2 content-word stems with the question
  (function words and questionnaire boilerplate left out).
- high-confidence wrong: answered with confidence "high" and not correct (an answer where gold
  is unsettled is wrong).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assessments.domain.documents import CitationRecord, SuggestionRecord
from assessments.questionnaire.model import Question
from eval.gold import GoldAnswer, GoldCase
from eval.normalise import (
    asked_duration_unit,
    content_stems,
    folded,
    iso_date,
    longest_shared_run,
    numbers_agree,
    squash,
    words,
)

QUOTE_RUN_WORDS = 6
QUESTION_STEMS = 2
LEVELS = ("high", "medium", "low")


@dataclass(frozen=True)
class CitationVerdict:
    document: str
    verbatim: bool
    supporting: bool


@dataclass(frozen=True)
class Verdict:
    question_id: str
    response_type: str
    gold: GoldAnswer
    answered: bool
    correct: bool
    confidence: str
    score: float
    answer: object
    citations: tuple[CitationVerdict, ...]

    @property
    def yes_no(self) -> bool:
        return self.response_type == "Yes/No"

    @property
    def document(self) -> str | None:
        """The document this suggestion is attributed to: its first citation's."""
        return self.citations[0].document if self.citations else None


def is_answered(suggestion: SuggestionRecord) -> bool:
    return suggestion.status == "suggested" and suggestion.answer not in (None, "", [])


def answer_correct(response_type: str, answer: object, gold: GoldAnswer, question: str = "") -> bool:
    if not gold.settled or answer in (None, "", []):
        return False
    expected = gold.answer
    if response_type == "number":
        return numbers_agree(answer, expected, gold.unit, asked_duration_unit(question))
    if response_type == "date":
        return iso_date(answer) is not None and iso_date(answer) == iso_date(expected)
    if response_type == "multi-choice":
        given = answer if isinstance(answer, list) else [answer]
        wanted = expected if isinstance(expected, list) else [expected]
        return {folded(a) for a in given} == {folded(w) for w in wanted}
    if response_type == "free-text":
        text = folded(", ".join(answer) if isinstance(answer, list) else str(answer))
        facts = gold.key_facts or (str(expected),)
        return all(folded(fact) in text for fact in facts)
    # Yes/No and single choice: the same word or option.
    return not isinstance(answer, list) and folded(str(answer)) == folded(str(expected))


def supports(passage: str, document: str, question_text: str, gold: GoldAnswer) -> bool:
    for quote in gold.quotes:
        if quote.document != document:
            continue
        needed = min(QUOTE_RUN_WORDS, len(words(quote.text)))
        if needed and longest_shared_run(passage, quote.text) >= needed:
            return True
    return len(content_stems(passage) & content_stems(question_text)) >= QUESTION_STEMS


def _citation(
    citation: CitationRecord, question: Question, gold: GoldAnswer, texts: dict[str, str]
) -> CitationVerdict:
    source = texts.get(citation.document_name)
    verbatim = source is not None and squash(citation.passage) in squash(source)
    return CitationVerdict(
        citation.document_name,
        verbatim,
        supports(citation.passage, citation.document_name, question.text, gold),
    )


def judge(
    case: GoldCase,
    questions: Sequence[Question],
    suggestions: dict[str, SuggestionRecord],
    texts: dict[str, str],
) -> list[Verdict]:
    """One verdict per question that has both a gold answer and a stored suggestion."""
    verdicts = []
    for question in questions:
        gold = case.answers.get(question.id)
        suggestion = suggestions.get(question.id)
        if gold is None or suggestion is None:
            continue
        answered = is_answered(suggestion)
        kind = question.response_type.spelling
        verdicts.append(
            Verdict(
                question_id=question.id,
                response_type=kind,
                gold=gold,
                answered=answered,
                correct=answered and answer_correct(kind, suggestion.answer, gold, question.text),
                confidence=suggestion.confidence,
                score=float(suggestion.score),
                answer=suggestion.answer,
                citations=tuple(_citation(c, question, gold, texts) for c in suggestion.citations)
                if answered
                else (),
            )
        )
    return verdicts


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass(frozen=True)
class Figures:
    questions: int
    yes_no_settled: int
    yes_no_settled_correct: int
    yes_no_answered: int
    yes_no_answered_correct: int
    values_settled: int
    values_correct: int
    unsettled: int
    abstained: int
    citations: int
    verbatim: int
    supporting: int
    verbatim_and_supporting: int
    high_wrong: int
    confidence: dict[str, tuple[int, int]]  # level -> (answered, correct)

    @property
    def yes_no_correct(self) -> float:
        return _ratio(self.yes_no_settled_correct, self.yes_no_settled)

    @property
    def yes_no_precision(self) -> float:
        return _ratio(self.yes_no_answered_correct, self.yes_no_answered)

    @property
    def values(self) -> float:
        return _ratio(self.values_correct, self.values_settled)

    @property
    def abstention(self) -> float:
        return _ratio(self.abstained, self.unsettled)

    @property
    def citations_verbatim(self) -> float:
        return _ratio(self.verbatim, self.citations)

    @property
    def citations_supporting(self) -> float:
        return _ratio(self.verbatim_and_supporting, self.citations)

    def ratchet(self) -> dict[str, float]:
        """The figures a regression must not lower (high_wrong must not rise)."""
        return {
            "yes_no_correct": round(self.yes_no_correct, 4),
            "yes_no_precision": round(self.yes_no_precision, 4),
            "values": round(self.values, 4),
            "abstention": round(self.abstention, 4),
            "citations_verbatim": round(self.citations_verbatim, 4),
            "citations_supporting": round(self.citations_supporting, 4),
            "high_wrong": self.high_wrong,
        }


def figures(verdicts: Iterable[Verdict]) -> Figures:
    vs = list(verdicts)
    yes_no = [v for v in vs if v.yes_no]
    settled_yes_no = [v for v in yes_no if v.gold.settled]
    answered_yes_no = [v for v in yes_no if v.answered]
    values = [v for v in vs if not v.yes_no and v.gold.settled]
    unsettled = [v for v in vs if not v.gold.settled]
    cited = [c for v in vs for c in v.citations]
    return Figures(
        questions=len(vs),
        yes_no_settled=len(settled_yes_no),
        yes_no_settled_correct=sum(v.correct for v in settled_yes_no),
        yes_no_answered=len(answered_yes_no),
        yes_no_answered_correct=sum(v.correct for v in answered_yes_no),
        values_settled=len(values),
        values_correct=sum(v.correct for v in values),
        unsettled=len(unsettled),
        abstained=sum(not v.answered for v in unsettled),
        citations=len(cited),
        verbatim=sum(c.verbatim for c in cited),
        supporting=sum(c.supporting for c in cited),
        verbatim_and_supporting=sum(c.verbatim and c.supporting for c in cited),
        high_wrong=sum(v.answered and v.confidence == "high" and not v.correct for v in vs),
        confidence={
            level: (
                sum(v.answered and v.confidence == level for v in vs),
                sum(v.correct and v.confidence == level for v in vs),
            )
            for level in LEVELS
        },
    )


def coverage_curve(verdicts: Iterable[Verdict]) -> list[tuple[str, float, float, int]]:
    """(threshold, coverage, accuracy, answered) keeping answers at or above each confidence level.

    Coverage is the share of all scored questions answered; accuracy is correct ÷ answered.
    """
    vs = list(verdicts)
    points = []
    for depth, name in enumerate(("high", "high+medium", "all")):
        kept = [v for v in vs if v.answered and v.confidence in LEVELS[: depth + 1]]
        correct = sum(v.correct for v in kept)
        points.append((name, _ratio(len(kept), len(vs)), _ratio(correct, len(kept)), len(kept)))
    return points
