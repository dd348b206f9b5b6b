"""Whether a Yes/No reading of one sentence may stand, or must become an abstention.

``evidence.read_yes_no`` reads a sentence's polarity and state; this module asks whether that
reading answers *this* question or something next to it: a limit on something else, a denial of
a narrower thing or of a quality nobody asked about, the status of follow-up work. Each rule
abstains; none invents an answer.
"""

from __future__ import annotations

from assessments.suggestions import lexicon
from assessments.suggestions.evidence import (
    YesNoReading,
    denies_existence,
    denies_unasked_quality,
    read_reply,
    read_yes_no,
    reply_to_own_question,
)
from assessments.suggestions.modality import (
    DONE_VERBS,
    STATUS_TERM,
    asked_state,
    follow_up_work,
    row_in_progress,
)
from assessments.suggestions.restriction import restricted_subject, restricts_to

PARTIAL_COVERAGE = 0.7  # below it, a sentence missing two parts of the question does not answer No


def _deed_unstated(question: str, matched: frozenset[str]) -> bool:
    """Whether a question about what has been done ("Has X been tested?") names a deed the
    sentence does not match."""
    if asked_state(question) != "done":
        return False
    deeds = set(lexicon.terms(question)) & DONE_VERBS
    return bool(deeds) and not deeds & matched


def vetted_reading(
    question: str,
    sentence: str,
    matched: frozenset[str],
    narrow: frozenset[str],
    *,
    missing: int,
    coverage: float,
) -> YesNoReading:
    """The reading of ``sentence`` for ``question``, or an abstention saying why not.

    ``matched``/``narrow``: the question terms the sentence matches (``narrow``: only through a
    narrower word); ``missing``: question groups it leaves unmatched; ``coverage``: its score.
    """
    subject = restricted_subject(question)
    if subject and not restricts_to(sentence, subject):
        return YesNoReading(None, sentence, why="it limits something other than what is asked")
    reading = read_reply(question, sentence)
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
    if reading.answer == "Yes" and _deed_unstated(question, matched):
        # "Has the continuity plan been tested?" / "Continuity plan | Completed": the right
        # topic, but nothing says the deed asked about was done.
        return YesNoReading(None, reading.clause, why="it does not say the thing asked was done")
    if reading.answer != "No":
        return reading
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
