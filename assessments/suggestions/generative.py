"""The AWS-mode suggestion engine: retrieved passages + an LLM, answered as strict JSON.

The model must answer with one JSON object naming the passages it relied on and quoting them
verbatim, and saying what its evidence is (how the cited subject relates to the question's,
the modality, a typed value as written). Nothing it says is trusted: the answer must fit the
question's response type, every quote must really occur in the cited passage and a number's
or date's written value in a cited passage. A reply that fails gets one corrective retry; a
second failure yields an "unavailable" suggestion, never an unsupported answer. A reply whose
own evidence does not settle the question (a conflict, a related or too narrow subject) is
"not stated"; "high" confidence is kept only for direct evidence about the exact subject.
LLM errors (Throttled, Unavailable, IntegrationError) propagate to the caller.
Streaming regeneration lives in ``streaming`` and reuses the prompts and checks from here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assessments.suggestions.generative_prompt import PROMPT_VERSION, SYSTEM_PROMPT
from assessments.suggestions.types import (
    NOT_STATED_TEXT,
    Citation,
    ConfidenceLabel,
    QuestionForSuggestion,
    Suggestion,
)
from integrations.kb.contract import Passage
from integrations.llm.contract import LLM, Message

UNVALIDATED_RATIONALE = "The model's answer could not be validated."
CONFLICT_RATIONALE = "The passages disagree on this, so it is left for you to answer."
OFF_SUBJECT_RATIONALE = (
    "The passages are about a related or narrower subject, which does not settle this question."
)

_PROMPTS = {PROMPT_VERSION: SYSTEM_PROMPT}


# --- prompt -------------------------------------------------------------------------------------


def system_prompt(prompt_version: str) -> str:
    try:
        return _PROMPTS[prompt_version]
    except KeyError:
        raise ValueError(f"unknown prompt version {prompt_version!r}") from None


def user_prompt(question: QuestionForSuggestion, passages: list[Passage]) -> str:
    lines = [f"Question: {question.text}", f"Response type: {question.response_type}"]
    if question.options:
        lines.append("Options: " + "; ".join(f'"{option}"' for option in question.options))
    lines.append("")
    lines.append("Passages:")
    for number, passage in enumerate(passages, start=1):
        where = [f'document "{passage.document_name}"']
        if passage.page is not None:
            where.append(f"page {passage.page}")
        if passage.section:
            where.append(f'section "{passage.section}"')
        lines.append(f"[{number}] ({', '.join(where)})")
        lines.append(f'"""\n{passage.text}\n"""')
    return "\n".join(lines)


def _corrective_prompt(problems: list[str]) -> str:
    listed = "\n".join(f"- {problem}" for problem in problems)
    return (
        "Your reply could not be accepted:\n"
        f"{listed}\n"
        "Reply again with only the corrected JSON object, following every rule."
    )


# --- the model's reply, parsed and checked ----------------------------------------------------


class _CitationOut(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    passage: int
    quote: str = Field(min_length=1)


class _Evidence(BaseModel):
    """What the model says its evidence is; the checks below hold it to its own words."""

    model_config = ConfigDict(extra="forbid", strict=True)
    subject_match: Literal["exact", "broader", "narrower", "related"]
    modality: Literal["done", "in_progress", "planned", "conditional"]
    value_quote: str | None = None


class _ModelAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    status: Literal["suggested", "not_stated"]
    answer: str | list[str] | int | float | None = None
    evidence: _Evidence | None = None
    conflict: bool = False
    confidence: Literal["high", "medium", "low"]
    score: float = Field(ge=0.0, le=1.0)
    citations: list[_CitationOut] = Field(default_factory=list)
    rationale: str


_FENCE = re.compile(r"^```(?:json)?\s*\n?(.*?)\n?```$", re.DOTALL)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _strip_fence(text: str) -> str:
    # Claude sometimes wraps JSON in a code fence despite being told not to; the fence is
    # packaging, not content, so it costs a retry for nothing.
    text = text.strip()
    match = _FENCE.match(text)
    return match.group(1).strip() if match else text


def _normalise_answer(
    answer: Any, question: QuestionForSuggestion
) -> tuple[str | list[str] | None, str | None]:
    """(answer as stored, problem) for the question's response type."""
    kind = question.response_type
    if kind == "multi-choice":
        if not isinstance(answer, list) or not answer:
            return None, "a multi-choice answer must be a non-empty JSON list of options"
        unknown = [item for item in answer if item not in question.options]
        if unknown:
            return None, f"not among the options: {unknown}"
        if len(set(answer)) != len(answer):
            return None, "a multi-choice answer lists an option twice"
        return list(answer), None
    if kind == "number":
        if isinstance(answer, float):
            return (str(int(answer)) if answer.is_integer() else repr(answer)), None
        if isinstance(answer, int):
            return str(answer), None
        if isinstance(answer, str) and _NUMBER.fullmatch(answer.strip()):
            return answer.strip(), None
        return None, "a number answer must be a number such as 12 or 3.5"
    if not isinstance(answer, str) or not answer.strip():
        return None, "the answer must be a non-empty string"
    if kind == "Yes/No" and answer not in ("Yes", "No"):
        return None, 'a Yes/No answer must be exactly "Yes" or "No"'
    if kind == "single-choice" and answer not in question.options:
        return None, f"{answer!r} is not one of the options"
    if kind == "date":
        try:
            if not _ISO_DATE.fullmatch(answer):
                raise ValueError(answer)
            dt.date.fromisoformat(answer)
        except ValueError:
            return None, "a date answer must be a real date written YYYY-MM-DD"
    return answer.strip(), None


def find_verbatim(quote: str, text: str) -> str | None:
    """The exact substring of ``text`` that ``quote`` reproduces, allowing only whitespace
    differences (line breaks from PDF extraction); ``None`` when it is not there."""
    quote = quote.strip()
    if not quote:
        return None
    if quote in text:
        return quote
    words = quote.split()
    match = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return match.group(0) if match else None


def validate_reply(
    text: str, question: QuestionForSuggestion, passages: list[Passage]
) -> tuple[Suggestion | None, list[str]]:
    """(suggestion, []) when the reply passes every check, else (None, problems).

    A reply that abstains is accepted as it is. So is one that, by its own evidence, should
    have abstained (passages in conflict; a related or too narrow subject): it is turned into
    "not stated" here rather than argued with in a retry.
    """
    try:
        parsed = _ModelAnswer.model_validate_json(_strip_fence(text))
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in err['loc']) or 'reply'}: {err['msg']}" for err in exc.errors()[:5]
        ]
        return None, ["the reply is not the required JSON object", *problems]

    if parsed.status == "not_stated":
        return abstained(question, parsed.rationale.strip() or NOT_STATED_TEXT, parsed), []
    if parsed.conflict:
        return abstained(question, CONFLICT_RATIONALE), []

    problems: list[str] = []
    answer, problem = _normalise_answer(parsed.answer, question)
    if problem:
        problems.append(problem)
    evidence = parsed.evidence
    if evidence is None:
        problems.append('a suggested answer needs its "evidence" object')
    citations, cited_texts = _citations(parsed, passages, problems)
    if evidence is not None and not problems:
        problems.extend(_value_problems(question, answer, evidence, cited_texts))
    if problems or evidence is None:
        return None, problems
    if _off_subject(question, answer, evidence):
        return abstained(question, OFF_SUBJECT_RATIONALE), []
    return (
        Suggestion(
            question_id=question.id,
            status="suggested",
            answer=answer,
            confidence=_confidence(parsed.confidence, question, evidence),
            score=parsed.score,
            rationale=parsed.rationale.strip(),
            citations=tuple(dict.fromkeys(citations)),  # same quote twice is one citation
            removes_areas=question.areas_removed_by(answer),
        ),
        [],
    )


def _citations(
    parsed: _ModelAnswer, passages: list[Passage], problems: list[str]
) -> tuple[list[Citation], list[str]]:
    """The cited passages' exact text as citations (and the passages' texts); problems added."""
    if not parsed.citations:
        problems.append("a suggested answer needs at least one citation")
    citations: list[Citation] = []
    texts: list[str] = []
    for cited in parsed.citations:
        if not 1 <= cited.passage <= len(passages):
            problems.append(f"passage {cited.passage} does not exist (1 to {len(passages)})")
            continue
        source = passages[cited.passage - 1]
        exact = find_verbatim(cited.quote, source.text)
        if exact is None:
            problems.append(
                f"the quote {cited.quote[:80]!r} is not copied exactly from passage {cited.passage}"
            )
            continue
        texts.append(source.text)
        citations.append(
            Citation(
                document_id=source.document_id,
                document_name=source.document_name,
                passage=exact,
                page=source.page,
                section=source.section,
            )
        )
    return citations, texts


def _value_problems(
    question: QuestionForSuggestion, answer: object, evidence: _Evidence, cited_texts: list[str]
) -> list[str]:
    """A typed value must be written in a cited passage (and a date's year must agree)."""
    if question.response_type not in ("number", "date"):
        return []
    written = (evidence.value_quote or "").strip()
    if not written:
        return ["a number or date answer needs evidence.value_quote: the value as the passage writes it"]
    if not any(find_verbatim(written, text) for text in cited_texts):
        return [f"evidence.value_quote {written[:60]!r} is not written in the cited passages"]
    if question.response_type == "date" and isinstance(answer, str):
        years = set(_YEAR.findall(written))
        if years and answer[:4] not in years:
            return [f"the date {answer} does not match the cited value {written[:60]!r}"]
    return []


def _off_subject(question: QuestionForSuggestion, answer: object, evidence: _Evidence) -> bool:
    """True when the model's own account of its evidence does not settle the question."""
    if evidence.subject_match == "related":
        return True
    if question.response_type == "Yes/No":
        # "No health data is collected" does not mean no personal data; "data is collected"
        # does not mean personal data is.
        if answer == "No" and evidence.subject_match == "narrower":
            return True
        if answer == "Yes" and evidence.subject_match == "broader":
            return True
    return False


def _confidence(stated: str, question: QuestionForSuggestion, evidence: _Evidence) -> ConfidenceLabel:
    """ "high" only for direct evidence about the exact subject, in the modality asked about."""
    if stated != "high":
        return "medium" if stated == "medium" else "low"
    asks_about_plans = question.text.strip().lower().startswith(("will ", "is it planned", "are there plans"))
    modality_fits = evidence.modality == "done" or (evidence.modality == "planned" and asks_about_plans)
    return "high" if evidence.subject_match == "exact" and modality_fits else "medium"


def abstained(
    question: QuestionForSuggestion, rationale: str, parsed: _ModelAnswer | None = None
) -> Suggestion:
    return Suggestion(
        question_id=question.id,
        status="not_stated",
        answer=None,
        confidence=parsed.confidence if parsed else "low",
        score=parsed.score if parsed else 0.0,
        rationale=rationale,
    )


def _unavailable(question: QuestionForSuggestion) -> Suggestion:
    return Suggestion(
        question_id=question.id,
        status="unavailable",
        answer=None,
        confidence="low",
        score=0.0,
        rationale=UNVALIDATED_RATIONALE,
    )


def no_passages(question: QuestionForSuggestion) -> Suggestion:
    # Nothing to cite means nothing can be grounded: no need to ask the model.
    return Suggestion(
        question_id=question.id,
        status="not_stated",
        answer=None,
        confidence="low",
        score=0.0,
        rationale=NOT_STATED_TEXT,
    )


async def settle(
    llm: LLM,
    system: str,
    messages: list[Message],
    first_reply: str,
    question: QuestionForSuggestion,
    passages: list[Passage],
) -> Suggestion:
    """Validate the first reply; on failure ask once more with the problems listed."""
    suggestion, problems = validate_reply(first_reply, question, passages)
    if suggestion is not None:
        return suggestion
    retry = [
        *messages,
        # Bedrock refuses an empty content block, so an empty reply is shown as such.
        Message(role="assistant", text=first_reply.strip() or "(empty reply)"),
        Message(role="user", text=_corrective_prompt(problems)),
    ]
    second = await llm.complete(system=system, messages=retry)
    suggestion, _ = validate_reply(second.text, question, passages)
    return suggestion or _unavailable(question)


async def suggest_with_llm(
    llm: LLM,
    question: QuestionForSuggestion,
    passages: list[Passage],
    *,
    prompt_version: str = PROMPT_VERSION,
) -> Suggestion:
    system = system_prompt(prompt_version)
    if not passages:
        return no_passages(question)
    messages = [Message(role="user", text=user_prompt(question, passages))]
    first = await llm.complete(system=system, messages=messages)
    return await settle(llm, system, messages, first.text, question, passages)
