"""The review's use cases: submit (rounds), withdraw, assign, send back, per-area decisions
(finalize / reject with a frozen decision record) and comment threads.

Every META write in a review state carries the queue entries (services/queue_index.py) and its
audit event in the same transaction, conditioned on META's version, retried on a fresh read.
"""

from __future__ import annotations

from assessments.services.review.assign import assessment_assign
from assessments.services.review.comments import comment_add, thread_reopen, thread_resolve
from assessments.services.review.decisions import AreaDecided, ConditionInput, area_decide
from assessments.services.review.rating import rating_of
from assessments.services.review.send_back import assessment_send_back
from assessments.services.review.submit import assessment_submit
from assessments.services.review.withdraw import assessment_withdraw

__all__ = [
    "AreaDecided",
    "ConditionInput",
    "area_decide",
    "assessment_assign",
    "assessment_send_back",
    "assessment_submit",
    "assessment_withdraw",
    "comment_add",
    "rating_of",
    "thread_reopen",
    "thread_resolve",
]
