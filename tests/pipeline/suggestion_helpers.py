"""Shared set-up of the suggestion service tests: a short brief, an LLM engine, quick reads."""

from __future__ import annotations

from typing import Any

from assessments.domain import keys
from assessments.domain.documents import DocumentStatus
from assessments.questionnaire import engine
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import questionnaire_get_active
from assessments.services.documents import UploadFile, documents_upload
from assessments.services.processing import document_process
from assessments.services.suggestion_engine import SuggestionEngine
from assessments.services.suggestions_precompute import PrecomputeReport, suggestions_precompute
from assessments.suggestions.generative import PROMPT_VERSION
from integrations.kb import get_knowledge_base
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.contract import SortKey
from tests.pipeline.fakes import FakeLLM

BRIEF_TXT = """\
Project Beacon: customer support platform

Project Beacon replaces the TrackIt ticketing system with Brightdesk Service Cloud, a \
software-as-a-service customer support platform from Brightdesk Ltd. Brightdesk is a \
third-party vendor and hosts the platform on Amazon Web Services in Frankfurt.

The platform will process personal information about our customers, such as names, email \
addresses and telephone numbers. Customer data is encrypted at rest and in transit.

Brightdesk Assist is an artificial intelligence feature that drafts replies to customer emails.

The software is licensed to us as a subscription. Brightdesk will connect to our policy \
administration system over the internet. Brightdesk support engineers will have access to \
our data when we raise a support case.

Agents sign in through our single sign-on service with multi-factor authentication. \
Backups are taken every day and kept for 35 days. Go-live is planned for 2 March 2026.
"""
SECOND_TXT = """\
Security addendum

Brightdesk holds ISO/IEC 27001 certification and has given us its most recent SOC 2 Type II report.
Penetration testing of the platform was completed in October 2025 and no high findings remain open.
"""


# --- helpers ----------------------------------------------------------------------------------


def upload_ready(cast: Any, assessment_id: str, name: str = "brief.txt", text: str = BRIEF_TXT) -> str:
    """Upload one document and process it to ready here (without the task queue)."""
    outcomes = run_sync(
        documents_upload,
        actor=cast.actor("requestor"),
        assessment_id=assessment_id,
        files=[UploadFile(name, text.encode())],
    )
    assert outcomes[0].stored, outcomes[0].error
    document_id = outcomes[0].document.id
    status = run_sync(document_process, assessment_id=assessment_id, document_id=document_id)
    assert status is DocumentStatus.READY
    return document_id


def fake_engine(fake: FakeLLM) -> SuggestionEngine:
    return SuggestionEngine(
        llm=fake, kb=get_knowledge_base(), model=fake.model, prompt_version=PROMPT_VERSION
    )


def precompute(
    assessment_id: str, suggestion_engine: SuggestionEngine | None = None, **kwargs: Any
) -> PrecomputeReport:
    return run_sync(
        suggestions_precompute, assessment_id=assessment_id, suggestion_engine=suggestion_engine, **kwargs
    )


def collection(assessment_id: str) -> Any:
    return run_sync(assessment_collection, assessment_id=assessment_id)


def applicable_ids(assessment_id: str) -> set[str]:
    _version, questionnaire = questionnaire_get_active(key="default")
    answers = collection(assessment_id).answer_values()
    return {q.id for q in engine.applicable_questions(questionnaire, answers)}


async def _events(assessment_id: str) -> list[dict[str, Any]]:
    page = await get_table().query(
        partition=keys.events_pk(assessment_id), sort=SortKey.begins_with("EVENT#")
    )
    return page.items


def events_of(assessment_id: str, event_type: str) -> list[dict[str, Any]]:
    return [e for e in run_sync(_events, assessment_id) if e["event_type"] == event_type]


def squash(text: str) -> str:
    return " ".join(text.split())
