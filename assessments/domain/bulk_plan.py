"""Planning "accept all high-confidence suggestions in this section" (pure).

Which suggestions: those of the section's applicable questions that are *unanswered* and whose
suggestion is offerable with ``high`` confidence. An answered question keeps its answer even
when a suggestion says something else: a bulk action must not overwrite what the requestor
wrote or chose; they can still accept that suggestion on its own, seeing both.

Questions some rule reads (``Questionnaire.is_rule_input``: qualifying questions, parents of
skip/show rules) are skipped and the outcome says so. Their answer can switch risk areas and
questions on or off, so accepting many at once would make the requestor answer questions they
never saw appear or lose ones they were reading; and their saves serialise on ``areas_rev``
(see ``answer_plan``), which would turn one batch into N rounds anyway. Without them, no answer
of a batch changes which questions apply, so every plan can be made from one read.

Each answer is planned by ``answer_plan.plan_answer_save``, exactly as accepting it one by one
(its version condition, its frozen citations, its ``suggestion_accepted`` event); a batch then
shares one META ``Update`` instead of one each.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from assessments.domain.answer_plan import META_OP, AnswerPlan, plan_answer_save
from assessments.domain.documents import SuggestionRecord
from assessments.domain.records import Actor, AssessmentCollection
from assessments.errors import ValidationFailed
from assessments.questionnaire import engine
from assessments.questionnaire.model import Questionnaire
from integrations.table.contract import TransactOp, Update

QUALIFYING = "qualifying"  # the section of the questions outside every risk area

# DynamoDB's TransactWriteItems takes at most 100 operations per call (integrations/table/
# codec.MAX_TRANSACTION_OPS; tests/bulk checks the two agree). A batch is one META Update
# (version ADD, on the condition that the assessment is still editable) plus two operations per
# answer (the answer's Put and its audit event's Put): 1 + 2k <= 100, so k = 49 answers a call,
# and N answers take ceil(N / 49) write calls. (No areas_rev condition: rule-read answers are
# skipped, see above.)
DYNAMODB_TRANSACTION_LIMIT = 100
ANSWERS_PER_CALL = (DYNAMODB_TRANSACTION_LIMIT - 1) // 2

ANSWERED = "Already answered: your answer stays. Accept this suggestion on its own to replace it."
RULE_INPUT = (
    "Other questions or risk areas depend on this answer, so it is not accepted in bulk: "
    "accept it on its own to see what changes."
)
CONFLICT = "Someone else answered this question meanwhile: their answer stays. Review it."


@dataclass(frozen=True)
class BulkSelection:
    take: tuple[SuggestionRecord, ...]  # in questionnaire order
    skipped: dict[str, str]  # question id -> why a high-confidence suggestion is not taken


def section_question_ids(
    questionnaire: Questionnaire,
    section: str,
    answers: dict,
    *,
    evaluation: engine.Evaluation | None = None,
) -> list[str] | None:
    """The applicable questions of ``section`` in file order; None when there is no such section.

    ``evaluation``: the rules already resolved for ``answers`` (a page has them at hand).
    """
    if section != QUALIFYING and section not in {area.key for area in questionnaire.areas}:
        return None
    area_key = None if section == QUALIFYING else section
    applicable = (evaluation or engine.evaluate(questionnaire, answers)).applicable_questions()
    return [q.id for q in applicable if q.area_key == area_key]


def bulk_selection(
    questionnaire: Questionnaire, collection: AssessmentCollection, question_ids: Sequence[str]
) -> BulkSelection:
    take: list[SuggestionRecord] = []
    skipped: dict[str, str] = {}
    for question_id in question_ids:
        suggestion = collection.suggestions.get(question_id)
        if suggestion is None or not suggestion.offerable or suggestion.confidence != "high":
            continue
        if question_id in collection.answers:
            skipped[question_id] = ANSWERED
        elif questionnaire.is_rule_input(question_id):
            skipped[question_id] = RULE_INPUT
        else:
            take.append(suggestion)
    return BulkSelection(tuple(take), skipped)


def plan_bulk_accept(
    *,
    actor: Actor,
    collection: AssessmentCollection,
    questionnaire: Questionnaire,
    suggestions: Sequence[SuggestionRecord],
    now: str,
    new_event_id: Callable[[], str],
) -> tuple[list[AnswerPlan], dict[str, str]]:
    """One plan per suggestion, each as accepting it alone would make it; and the refused ones.

    A suggested value the question no longer accepts (the questionnaire's options moved) is
    refused for that question only, with the validation's message. Anything else (not the
    owner, not editable) refuses the whole action, as it does one by one.
    """
    plans: list[AnswerPlan] = []
    refused: dict[str, str] = {}
    for suggestion in suggestions:
        assert suggestion.answer is not None  # offerable
        try:
            plan = plan_answer_save(
                actor=actor,
                collection=collection,
                questionnaire=questionnaire,
                question_id=suggestion.question_id,
                raw_value=suggestion.answer,
                expected_version=0,  # unanswered: the answer's Put is conditioned on absence
                source="suggestion_accepted",
                now=now,
                event_id=new_event_id(),
                citations=suggestion.citations,
                suggested_value=suggestion.answer,
            )
        except ValidationFailed as exc:
            refused[suggestion.question_id] = exc.message
            continue
        if not plan.changes_nothing:
            plans.append(plan)
    return plans, refused


def batches(plans: Sequence[AnswerPlan], size: int = ANSWERS_PER_CALL) -> Iterator[list[AnswerPlan]]:
    for start in range(0, len(plans), size):
        yield list(plans[start : start + size])


@dataclass(frozen=True)
class BatchOps:
    ops: tuple[TransactOp, ...]
    question_at: dict[int, str]  # operation index -> the question whose write it is


def batch_ops(plans: Sequence[AnswerPlan]) -> BatchOps:
    """One transaction for ``plans``: the shared META Update first, then each answer's writes.

    The META Update is the plans' own (same ``updated_at``, same editable condition), adding
    one to ``version`` per answer, as the same answers saved one by one would.
    """
    if not plans or len(plans) > ANSWERS_PER_CALL:
        raise ValueError(f"a batch holds 1 to {ANSWERS_PER_CALL} answers, got {len(plans)}")
    meta = plans[0].ops[META_OP]
    assert isinstance(meta, Update)
    if set(meta.add) != {"version"}:
        raise ValueError("a rule-read answer (areas_rev) cannot be saved in a batch")
    ops: list[TransactOp] = [dataclasses.replace(meta, add={"version": len(plans)})]
    question_at: dict[int, str] = {}
    for plan in plans:
        for index, op in enumerate(plan.ops):
            if index != META_OP:
                question_at[len(ops)] = plan.question_id
                ops.append(op)
    return BatchOps(tuple(ops), question_at)
