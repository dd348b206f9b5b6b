"""The review queue's index: the entries every workflow move rewrites in its own transaction.

An assessment that has been submitted at least once has one entry per sort order
(``QueueOrder``) beside its META, indexed by gsi1 under ``QUEUE#<phase>#<order>``; the queue and
the archive are pages of one Query each (assessments/selectors/review_queue.py). Writing them
in the move's transaction means the queue can never show a state the assessment is not in.
"""

from __future__ import annotations

from assessments.domain.queue import QueueOrder, queue_phase
from assessments.domain.records import AssessmentRecord
from integrations.table.contract import Put, TransactOp


def queue_entry_ops(record: AssessmentRecord) -> list[TransactOp]:
    """Puts of ``record``'s entries as it now stands (none for a draft never submitted)."""
    phase = queue_phase(record.state, record.round)
    if phase is None:
        return []
    entry = record.queue_entry()
    return [Put(entry.to_item(phase, order)) for order in QueueOrder]
