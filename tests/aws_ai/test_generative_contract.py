"""The generative engine's reply contract against issue 7's failure classes, with a fake LLM.

Each test scripts the model's replies and checks what reaches the requestor: a subject that
is narrower or only related abstains, passages in conflict abstain, in-progress evidence is
never "high", a number or date must be written in a cited passage, and a qualifying answer
says which risk area accepting it removes. Malformed replies and invented quotes are covered
in test_generative.
"""

from __future__ import annotations

import json
from typing import Any

from assessments.suggestions.generative import (
    CONFLICT_RATIONALE,
    OFF_SUBJECT_RATIONALE,
    PROMPT_VERSION,
    UNVALIDATED_RATIONALE,
    suggest_with_llm,
    system_prompt,
)
from assessments.suggestions.types import QuestionForSuggestion
from integrations.kb.contract import Passage

from .test_generative import ScriptedLLM

PRIVACY = Passage(
    document_id="d1",
    document_name="DPIA draft.docx",
    text=(
        "No health, biometric or criminal offence data is collected. The DPIA is in progress. "
        "The display boards process no personal data at all."
    ),
    score=0.7,
)
RECOVERY = Passage(
    document_id="d2",
    document_name="Service schedule.pdf",
    text="The RTO is 4 hours and the RPO is 1 hour. The contract starts on 1 April 2025 and renews on 1 April 2027.",
    score=0.6,
    page=7,
)
PASSAGES = [PRIVACY, RECOVERY]

PERSONAL_DATA = QuestionForSuggestion(
    id="Q-06",
    text="Will the change process personal data?",
    response_type="Yes/No",
    gates=(("Yes", "Data Privacy"),),
)
DPIA_DONE = QuestionForSuggestion(id="DP-09", text="Has a DPIA been completed?", response_type="Yes/No")
RPO = QuestionForSuggestion(
    id="BC-02", text="What is the recovery point objective, in hours?", response_type="number"
)
RENEWAL = QuestionForSuggestion(id="CT-04", text="When does the contract renew?", response_type="date")


def reply(
    answer: Any,
    quote: str,
    *,
    passage: int = 1,
    subject_match: str = "exact",
    modality: str = "done",
    value_quote: str | None = None,
    conflict: bool = False,
    confidence: str = "high",
) -> str:
    return json.dumps(
        {
            "status": "suggested",
            "answer": answer,
            "evidence": {"subject_match": subject_match, "modality": modality, "value_quote": value_quote},
            "conflict": conflict,
            "confidence": confidence,
            "score": 0.9,
            "citations": [{"passage": passage, "quote": quote}],
            "rationale": "As the passage says.",
        }
    )


NARROW_NO = reply(
    "No", "No health, biometric or criminal offence data is collected.", subject_match="narrower"
)


async def suggest(question: QuestionForSuggestion, *replies: str) -> tuple[Any, ScriptedLLM]:
    llm = ScriptedLLM(*replies)
    return await suggest_with_llm(llm, question, PASSAGES, prompt_version=PROMPT_VERSION), llm


def test_the_prompt_walks_through_each_failure_class_and_has_a_new_version() -> None:
    prompt = system_prompt(PROMPT_VERSION)

    assert PROMPT_VERSION != "generative-2025-01"  # caches made under the old prompt refresh
    for rule in ("Subject.", "Predicate.", "Negation.", "Modality.", "Values.", '"conflict": true'):
        assert rule in prompt
    assert "the renewal date, not the start date" in prompt and "value_quote" in prompt


async def test_a_negative_about_a_narrower_subject_is_not_a_no_to_the_broader_question() -> None:
    suggestion, llm = await suggest(PERSONAL_DATA, NARROW_NO)

    assert (suggestion.status, suggestion.answer) == ("not_stated", None)
    assert suggestion.rationale == OFF_SUBJECT_RATIONALE
    assert len(llm.calls) == 1  # decided from the model's own account, no retry


async def test_a_sentence_on_a_related_subject_abstains_whatever_the_answer() -> None:
    related = reply("Yes", "The DPIA is in progress.", subject_match="related")

    suggestion, _ = await suggest(PERSONAL_DATA, related)

    assert suggestion.status == "not_stated"


async def test_passages_in_conflict_abstain() -> None:
    suggestion, _ = await suggest(DPIA_DONE, reply("Yes", "The DPIA is in progress.", conflict=True))

    assert (suggestion.status, suggestion.rationale) == ("not_stated", CONFLICT_RATIONALE)


async def test_a_direct_no_that_switches_an_area_off_says_so() -> None:
    broad = reply("No", "The display boards process no personal data at all.", confidence="high")

    suggestion, _ = await suggest(PERSONAL_DATA, broad)

    assert (suggestion.status, suggestion.answer, suggestion.confidence) == ("suggested", "No", "high")
    assert suggestion.removes_areas == ("Data Privacy",)


async def test_in_progress_evidence_is_never_high() -> None:
    in_progress = reply("No", "The DPIA is in progress.", modality="in_progress", confidence="high")

    suggestion, _ = await suggest(DPIA_DONE, in_progress)

    assert (suggestion.status, suggestion.confidence) == ("suggested", "medium")


async def test_evidence_about_a_broader_or_narrower_subject_is_never_high() -> None:
    narrower_yes = reply("Yes", "The DPIA is in progress.", subject_match="narrower", confidence="high")

    suggestion, _ = await suggest(DPIA_DONE, narrower_yes)

    assert suggestion.confidence == "medium"


async def test_a_suggestion_without_its_evidence_is_retried_then_unavailable() -> None:
    bare = json.loads(reply("Yes", "The DPIA is in progress."))
    del bare["evidence"]

    suggestion, llm = await suggest(DPIA_DONE, json.dumps(bare), json.dumps(bare))

    assert (suggestion.status, suggestion.rationale) == ("unavailable", UNVALIDATED_RATIONALE)
    assert 'needs its "evidence" object' in llm.calls[1][2].text


async def test_a_number_must_be_written_in_a_cited_passage_with_its_unit() -> None:
    invented = reply(4, "The RTO is 4 hours and the RPO is 1 hour.", passage=2, value_quote="four hours")
    right = reply(1, "The RTO is 4 hours and the RPO is 1 hour.", passage=2, value_quote="1 hour")

    suggestion, llm = await suggest(RPO, invented, right)

    assert "'four hours' is not written in the cited passages" in llm.calls[1][2].text
    assert (suggestion.status, suggestion.answer) == ("suggested", "1")
    assert suggestion.citations[0].page == 7


async def test_a_number_without_the_value_as_written_is_rejected() -> None:
    unquoted = reply(1, "the RPO is 1 hour", passage=2)

    suggestion, llm = await suggest(RPO, unquoted, unquoted)

    assert suggestion.status == "unavailable"
    assert "needs evidence.value_quote" in llm.calls[1][2].text


async def test_a_value_of_the_wrong_type_is_rejected() -> None:
    worded = reply("one hour", "the RPO is 1 hour", passage=2, value_quote="1 hour")

    suggestion, llm = await suggest(RPO, worded, worded)

    assert suggestion.status == "unavailable"
    assert "a number answer must be a number" in llm.calls[1][2].text


async def test_a_date_that_disagrees_with_the_date_it_cites_is_rejected() -> None:
    start_date = reply(
        "2025-04-01", "renews on 1 April 2027", passage=2, value_quote="1 April 2027", modality="planned"
    )
    renewal = reply(
        "2027-04-01", "renews on 1 April 2027", passage=2, value_quote="1 April 2027", modality="planned"
    )

    suggestion, llm = await suggest(RENEWAL, start_date, renewal)

    assert "does not match the cited value '1 April 2027'" in llm.calls[1][2].text
    assert (suggestion.status, suggestion.answer) == ("suggested", "2027-04-01")


async def test_an_abstention_is_accepted_as_it_is() -> None:
    abstain = json.dumps(
        {
            "status": "not_stated",
            "answer": None,
            "evidence": None,
            "conflict": False,
            "confidence": "low",
            "score": 0.0,
            "citations": [],
            "rationale": "The passages do not say whether the DPIA is complete.",
        }
    )

    suggestion, llm = await suggest(DPIA_DONE, abstain)

    assert (suggestion.status, suggestion.answer, suggestion.citations) == ("not_stated", None, ())
    assert suggestion.rationale == "The passages do not say whether the DPIA is complete."
    assert len(llm.calls) == 1
