"""Reassessment and reuse (pure): the review date, the "due for reassessment" index entries and
the answer library's items (see docs/architecture.md, "Reassessment and reuse").

Items (none carries ``entity_type``, ``current_state``, ``title_lowercase`` or ``event_type``,
so none lands in gsi3-gsi6):

- ``ASSESSMENT#<id>`` / ``REASSESS#all`` and ``REASSESS#owner``: the review date of a finalized
  assessment, in its own collection, indexed by gsi1 under ``REASSESS#due`` (every one, for
  reviewers) and ``REASSESS#user#<owner>`` (the owner's), both sorted ``<review_due_on>#<id>``:
  "due by D" is one Query of either partition with ``sort < D+1``. Written in the finalize
  transaction; the clone that reassesses it deletes both (it is no longer due).
- ``LIBRARY#q#<questionnaire key>#<question id>`` and ``LIBRARY#t#<sha256 of normalised text>``
  / ``<decided_at>#<assessment id>``: one answer of a finalized assessment, in partitions of
  their own, newest last; an offer is one Query of each, newest first, with a small limit.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from assessments.domain import keys

REASSESS_SK_ALL = "REASSESS#all"
REASSESS_SK_OWNER = "REASSESS#owner"
REASSESS_ALL_PARTITION = "REASSESS#due"
LIBRARY_PREFIX = "LIBRARY#"
HIGH_RESIDUALS = frozenset({"high", "very_high"})


def reassess_user_partition(owner_id: int | str) -> str:
    return f"REASSESS#user#{owner_id}"


def reassess_sort(review_due_on: str, assessment_id: str) -> str:
    return f"{review_due_on}#{assessment_id}"


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, on the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due_on(
    *, decided_at: str, residual_overall: str | None, months_default: int, months_high: int
) -> str:
    """The reassessment date (ISO): the decision date plus 12 months, 6 for a High or Very high
    residual rating overall (the months come from the settings)."""
    decided = datetime.fromisoformat(decided_at.replace("Z", "+00:00")).date()
    months = months_high if (residual_overall or "") in HIGH_RESIDUALS else months_default
    return add_months(decided, months).isoformat()


@dataclass(frozen=True)
class ReassessmentEntry:
    assessment_id: str
    title: str
    business_unit: str
    owner_id: int
    owner_name: str
    decided_at: str
    review_due_on: str
    residual_overall: str | None

    def is_due(self, today: date) -> bool:
        return self.review_due_on <= today.isoformat()

    def to_items(self) -> list[dict[str, Any]]:
        """The two entries: every reviewer's partition and the owner's."""
        base = {
            "pk": keys.assessment_pk(self.assessment_id),
            "reassess_id": self.assessment_id,
            "title": self.title,
            "business_unit": self.business_unit,
            "owner_id": self.owner_id,
            "owner_name": self.owner_name,
            "decided_at": self.decided_at,
            "review_due_on": self.review_due_on,
            "residual_overall": self.residual_overall,
            "gsi1_sk": reassess_sort(self.review_due_on, self.assessment_id),
        }
        return [
            {**base, "sk": REASSESS_SK_ALL, "gsi1_pk": REASSESS_ALL_PARTITION},
            {**base, "sk": REASSESS_SK_OWNER, "gsi1_pk": reassess_user_partition(self.owner_id)},
        ]

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> ReassessmentEntry:
        return cls(
            assessment_id=item["reassess_id"],
            title=item.get("title", ""),
            business_unit=item.get("business_unit", ""),
            owner_id=int(item["owner_id"]),
            owner_name=item.get("owner_name", ""),
            decided_at=item.get("decided_at", ""),
            review_due_on=item["review_due_on"],
            residual_overall=item.get("residual_overall"),
        )


_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


def normalise_question(text: str) -> str:
    """Case, accents' width forms, punctuation and spacing do not make another question."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", folded)).strip()


def library_question_partition(questionnaire_key: str, question_id: str) -> str:
    return f"{LIBRARY_PREFIX}q#{questionnaire_key}#{question_id}"


def library_text_partition(question_text: str) -> str:
    digest = hashlib.sha256(normalise_question(question_text).encode()).hexdigest()
    return f"{LIBRARY_PREFIX}t#{digest}"


@dataclass(frozen=True)
class LibraryAnswer:
    """One approved answer, as the library keeps it: what it said, where and when it was approved,
    and where the requestor had taken it from (the provenance and the frozen citations' names)."""

    assessment_id: str
    decided_at: str
    questionnaire_key: str
    question_id: str
    question_text: str
    value: str | list[str]
    source: str
    data_classification: str
    owner_id: int
    citations: tuple[dict[str, Any], ...] = ()

    @property
    def sort(self) -> str:
        return f"{self.decided_at}#{self.assessment_id}"

    def decided_on(self) -> str:
        return self.decided_at[:10]

    def is_stale(self, today: date, stale_days: int) -> bool:
        return self.decided_on() < (today - timedelta(days=stale_days)).isoformat()

    def to_items(self) -> list[dict[str, Any]]:
        base: dict[str, Any] = {
            "sk": self.sort,
            "library_of": self.assessment_id,
            "decided_at": self.decided_at,
            "questionnaire_key": self.questionnaire_key,
            "question_id": self.question_id,
            "question_text": self.question_text,
            "value": self.value,
            "source": self.source,
            "data_classification": self.data_classification,
            "owner_id": self.owner_id,
        }
        if self.citations:
            base["citations"] = list(self.citations)
        return [
            {**base, "pk": library_question_partition(self.questionnaire_key, self.question_id)},
            {**base, "pk": library_text_partition(self.question_text)},
        ]

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> LibraryAnswer:
        return cls(
            assessment_id=item["library_of"],
            decided_at=item["decided_at"],
            questionnaire_key=item.get("questionnaire_key", ""),
            question_id=item["question_id"],
            question_text=item.get("question_text", ""),
            value=item["value"],
            source=item.get("source", "manual"),
            data_classification=item.get("data_classification", ""),
            owner_id=int(item.get("owner_id", 0)),
            citations=tuple(item.get("citations", ())),
        )


# What a requestor may be offered from someone else's assessment: not what its owner marked
# Confidential or Restricted (the answer text could describe that system). Reviewers read every
# finalized assessment anyway, so they are offered every answer.
SHAREABLE_CLASSIFICATIONS = frozenset({"Public", "Internal"})


def library_visible(answer: LibraryAnswer, *, user_id: int, is_reviewer: bool) -> bool:
    return (
        is_reviewer or answer.owner_id == user_id or answer.data_classification in SHAREABLE_CLASSIFICATIONS
    )
