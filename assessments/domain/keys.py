"""Key builders for the TRA table's items (pure; see the data model in architecture.md)."""

from __future__ import annotations

ASSESSMENT_PREFIX = "ASSESSMENT#"
META = "META"
ANSWER_PREFIX = "ANSWER#"
DOC_PREFIX = "DOC#"
SUGGESTION_PREFIX = "SUGGESTION#"
COMMENT_PREFIX = "COMMENT#"
# One per question with comments: the thread's open/resolved state (its comments are COMMENT#).
THREAD_PREFIX = "THREAD#"
REVIEW_PREFIX = "REVIEW#"
# One per risk area per round: DECISION#<round>#<area>; the current round's are the live ones.
DECISION_PREFIX = "DECISION#"
# The frozen decision record of a finalized or rejected assessment: RECORD#<round>.
RECORD_PREFIX = "RECORD#"
# The review queue's entries (see queue_pk): one per sort order, in the assessment's collection
# so every workflow move rewrites them in its own transaction.
QUEUE_PREFIX = "QUEUE#"
EVENT_PREFIX = "EVENT#"
# Audit events live in their own item collection (see events_pk) so the assessment page,
# one Query of ASSESSMENT#<id>, never drags the ever-growing audit trail along.
AUDIT_PREFIX = "AUDIT#"

ENTITY_ASSESSMENT = "ASSESSMENT"
ENTITY_DOCUMENT = "DOCUMENT"
ENTITY_EVENT = "EVENT"


def assessment_pk(assessment_id: str) -> str:
    return f"{ASSESSMENT_PREFIX}{assessment_id}"


def events_pk(assessment_id: str) -> str:
    return f"{AUDIT_PREFIX}{assessment_id}"


def answer_sk(question_id: str) -> str:
    return f"{ANSWER_PREFIX}{question_id}"


def suggestion_sk(question_id: str) -> str:
    return f"{SUGGESTION_PREFIX}{question_id}"


def document_sk(document_id: str) -> str:
    return f"{DOC_PREFIX}{document_id}"


def comment_sk(question_id: str, ts: str) -> str:
    return f"{COMMENT_PREFIX}{question_id}#{ts}"


def thread_sk(question_id: str) -> str:
    return f"{THREAD_PREFIX}{question_id}"


def round_label(round_number: int) -> str:
    """Zero-padded so rounds sort as strings."""
    return f"{round_number:04d}"


def decision_sk(round_number: int, area_key: str) -> str:
    return f"{DECISION_PREFIX}{round_label(round_number)}#{area_key}"


def decision_record_sk(round_number: int) -> str:
    return f"{RECORD_PREFIX}{round_label(round_number)}"


def review_sk(ts: str) -> str:
    return f"{REVIEW_PREFIX}{ts}"


def event_sk(ts: str, event_uuid: str) -> str:
    return f"{EVENT_PREFIX}{ts}#{event_uuid}"


# Submission snapshots live in their own collection, read only for rounds and diffs, so the
# assessment page's one Query never drags every earlier round along.
ROUNDS_PREFIX = "ROUNDS#"
ROUND_PREFIX = "ROUND#"


# The workflow and comment events of an assessment are also indexed by gsi1 under
# TIMELINE#<id>, so its timeline is one Query of ``limit`` events however many answer saves
# the audit trail holds (see records.TIMELINE_EVENT_TYPES).
TIMELINE_PREFIX = "TIMELINE#"


def timeline_partition(assessment_id: str) -> str:
    return f"{TIMELINE_PREFIX}{assessment_id}"


def rounds_pk(assessment_id: str) -> str:
    return f"{ROUNDS_PREFIX}{assessment_id}"


def round_sk(round_number: int) -> str:
    return f"{ROUND_PREFIX}{round_label(round_number)}"


def queue_entry_sk(order: str) -> str:
    return f"{QUEUE_PREFIX}{order}"


def queue_partition(phase: str, order: str) -> str:
    """gsi1 partition of the review queue (phase "open") or the archive ("archive"), in one order."""
    return f"{QUEUE_PREFIX}{phase}#{order}"


def user_partition(user_id: int | str) -> str:
    """gsi1 partition of one user's assessments."""
    return f"USER#{user_id}"


# One per removed document whose removal the knowledge base has not finished indexing (a
# Bedrock ingestion job still running): part of the suggestions' fingerprint while it lasts,
# so nothing computed from a half-updated index is kept once the removal completes.
KB_REMOVAL_PREFIX = "KBREMOVAL#"


def kb_removal_sk(document_id: str) -> str:
    return f"{KB_REMOVAL_PREFIX}{document_id}"


# One per distinct file content in an assessment: written with ``Condition.absent`` in the same
# transaction as the document, so two simultaneous uploads of one file cannot both land.
CONTENT_PREFIX = "DOCHASH#"


def content_sk(sha256: str) -> str:
    return f"{CONTENT_PREFIX}{sha256}"


# Task workers' heartbeats: one item per worker (sk = its id), all in one partition so one
# Query reads them (``manage.py run_worker`` writes them, ``/healthz`` reads them).
WORKER_HEARTBEAT_PK = "WORKER#heartbeat"


# Which assessments use a questionnaire version (the admin's usage pages): one partition per
# version, an entry per assessment sorted by creation, and one counter item, so listing and
# counting are a Query and a GetItem. Written by assessment_create in its transaction.
QUESTIONNAIRE_USAGE_PREFIX = "QUESTIONNAIRE#"
QUESTIONNAIRE_USAGE_ENTRY_PREFIX = "ASSESSMENT#"
QUESTIONNAIRE_USAGE_COUNT = "USAGE"


def questionnaire_usage_pk(key: str, version: int) -> str:
    return f"{QUESTIONNAIRE_USAGE_PREFIX}{key}#{version}"


def questionnaire_usage_sk(created_at: str, assessment_id: str) -> str:
    return f"{QUESTIONNAIRE_USAGE_ENTRY_PREFIX}{created_at}#{assessment_id}"
