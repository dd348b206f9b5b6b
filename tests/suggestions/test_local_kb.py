"""The local knowledge base: BM25 over an on-disk index, one assessment's documents at a time."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from integrations.errors import Unavailable
from integrations.instrumentation import recording
from integrations.kb import get_knowledge_base
from integrations.kb.contract import Chunk
from integrations.kb.local import LocalKnowledgeBase


def _chunks(
    document_id: str, *texts: str, page: int | None = None, section: str | None = None
) -> list[Chunk]:
    return [
        Chunk(
            document_id=document_id,
            document_name=f"{document_id}.pdf",
            ordinal=i,
            text=t,
            page=page,
            section=section,
        )
        for i, t in enumerate(texts)
    ]


@pytest.fixture
def kb(tmp_path: Path) -> LocalKnowledgeBase:
    return LocalKnowledgeBase(tmp_path / "index" / "kb.sqlite3")


async def test_it_returns_the_best_passage_verbatim_with_where_it_came_from(kb: LocalKnowledgeBase) -> None:
    await kb.ingest(
        assessment_id="TRA-2025-AAAAAA",
        document_id="brief",
        document_name="Project brief.pdf",
        chunks=_chunks(
            "brief",
            "Telephony stays on the existing contact-centre platform.",
            "Data is encrypted in transit with TLS 1.2 and at rest with AES-256.",
            page=3,
            section="Security",
        ),
    )
    [best, *_] = await kb.retrieve(assessment_id="TRA-2025-AAAAAA", query="Is data encrypted at rest?")
    assert best.text == "Data is encrypted in transit with TLS 1.2 and at rest with AES-256."
    assert (best.document_id, best.document_name, best.page, best.section) == (
        "brief",
        "Project brief.pdf",
        3,
        "Security",
    )
    assert best.score > 0


async def test_it_never_returns_another_assessments_documents(kb: LocalKnowledgeBase) -> None:
    await kb.ingest(
        assessment_id="TRA-2025-AAAAAA",
        document_id="doc",
        document_name="a.pdf",
        chunks=_chunks("doc", "The vendor hosts our data in Frankfurt."),
    )
    await kb.ingest(
        assessment_id="TRA-2025-BBBBBB",
        document_id="doc",
        document_name="b.pdf",
        chunks=_chunks("doc", "The vendor hosts our data in Sydney.", "Payroll data is processed by Acme."),
    )
    for_a = await kb.retrieve(
        assessment_id="TRA-2025-AAAAAA", query="vendor hosts data Sydney payroll Acme", limit=10
    )
    assert [p.text for p in for_a] == ["The vendor hosts our data in Frankfurt."]
    assert await kb.retrieve(assessment_id="TRA-2025-AAAAAA", query="payroll Acme") == []
    # An id that is a prefix or a tokenised part of another id is still a different assessment.
    assert await kb.retrieve(assessment_id="TRA-2025", query="vendor") == []
    assert await kb.retrieve(assessment_id="TRA-2025-BBBBB", query="vendor") == []


async def test_it_keeps_the_index_on_disk_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite3"
    await LocalKnowledgeBase(path).ingest(
        assessment_id="A",
        document_id="d",
        document_name="d.docx",
        chunks=_chunks("d", "Backups run every night."),
    )
    reopened = LocalKnowledgeBase(path)
    assert [p.text for p in await reopened.retrieve(assessment_id="A", query="nightly backups")] == [
        "Backups run every night."
    ]


async def test_it_replaces_an_earlier_version_of_a_document(kb: LocalKnowledgeBase) -> None:
    await kb.ingest(
        assessment_id="A",
        document_id="d",
        document_name="v1.pdf",
        chunks=_chunks("d", "Retention is one year."),
    )
    await kb.ingest(
        assessment_id="A",
        document_id="other",
        document_name="o.pdf",
        chunks=_chunks("other", "Retention of logs."),
    )
    await kb.ingest(
        assessment_id="A",
        document_id="d",
        document_name="v2.pdf",
        chunks=_chunks("d", "Retention is seven years."),
    )
    passages = await kb.retrieve(assessment_id="A", query="retention", limit=10)
    assert sorted(p.text for p in passages) == ["Retention is seven years.", "Retention of logs."]


async def test_it_forgets_a_removed_document_only(kb: LocalKnowledgeBase) -> None:
    await kb.ingest(
        assessment_id="A", document_id="d1", document_name="1.pdf", chunks=_chunks("d1", "SSO is used.")
    )
    await kb.ingest(
        assessment_id="A", document_id="d2", document_name="2.pdf", chunks=_chunks("d2", "SSO with MFA.")
    )
    await kb.ingest(
        assessment_id="B", document_id="d1", document_name="1.pdf", chunks=_chunks("d1", "SSO for B.")
    )
    await kb.remove(assessment_id="A", document_id="d1")
    assert [p.text for p in await kb.retrieve(assessment_id="A", query="SSO")] == ["SSO with MFA."]
    assert [p.text for p in await kb.retrieve(assessment_id="B", query="SSO")] == ["SSO for B."]
    await kb.remove(assessment_id="A", document_id="never-ingested")


async def test_it_matches_word_forms_and_ignores_stop_words(kb: LocalKnowledgeBase) -> None:
    await kb.ingest(
        assessment_id="A",
        document_id="d",
        document_name="d.pdf",
        chunks=_chunks(
            "d",
            "The the the of of and and is is it it to to the and of.",
            "All laptops use full-disk encryption.",
        ),
    )
    assert await kb.retrieve(assessment_id="A", query="is it the and of") == []
    [best, *_] = await kb.retrieve(assessment_id="A", query="Are the laptops encrypted?")
    assert best.text == "All laptops use full-disk encryption."


async def test_it_ranks_the_passage_that_matches_more_of_the_query_first(kb: LocalKnowledgeBase) -> None:
    await kb.ingest(
        assessment_id="A",
        document_id="d",
        document_name="d.pdf",
        chunks=_chunks(
            "d",
            "The vendor provides support from Dublin.",
            "The vendor will not use customer data to train its models.",
            "Customer data is stored in the EU.",
        ),
    )
    passages = await kb.retrieve(
        assessment_id="A", query="Will the vendor use customer data to train models?", limit=2
    )
    assert passages[0].text == "The vendor will not use customer data to train its models."
    assert passages[0].score > passages[1].score


@pytest.mark.parametrize(
    "query", ['"unbalanced', "NEAR(vendor data)", "vendor AND OR NOT", "data*", "col:vendor", "()"]
)
async def test_it_treats_query_syntax_as_plain_words(kb: LocalKnowledgeBase, query: str) -> None:
    await kb.ingest(
        assessment_id="A", document_id="d", document_name="d.pdf", chunks=_chunks("d", "vendor data")
    )
    await kb.retrieve(assessment_id="A", query=query)


async def test_it_counts_each_operation(kb: LocalKnowledgeBase) -> None:
    with recording() as calls:
        await kb.ingest(
            assessment_id="A", document_id="d", document_name="d.pdf", chunks=_chunks("d", "text")
        )
        await kb.retrieve(assessment_id="A", query="text")
        await kb.remove(assessment_id="A", document_id="d")
    assert calls.by_operation() == {
        ("kb-local", "Ingest"): 1,
        ("kb-local", "Retrieve"): 1,
        ("kb-local", "Remove"): 1,
    }


async def test_it_refuses_an_index_written_by_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(RuntimeError, match="newer"):
        await LocalKnowledgeBase(path).retrieve(assessment_id="A", query="anything")


def test_it_builds_the_local_index_from_settings(settings, tmp_path: Path) -> None:  # noqa: ANN001
    settings.TRA_KB_PROVIDER = "local"
    settings.TRA_LOCAL_INDEX_DIR = tmp_path / "kb-index"
    kb = get_knowledge_base()
    assert isinstance(kb, LocalKnowledgeBase)
    assert kb.path == tmp_path / "kb-index" / "kb.sqlite3"


def test_it_builds_the_bedrock_knowledge_base_from_settings(
    settings, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    from integrations.kb import bedrock

    sentinel = object()
    monkeypatch.setattr(bedrock.BedrockKnowledgeBase, "from_settings", classmethod(lambda cls: sentinel))
    settings.TRA_KB_PROVIDER = "bedrock"
    assert get_knowledge_base() is sentinel


# --- a busy or broken index: our errors, never raw sqlite3 ones ------------------------------


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another process's writer, mid-transaction: the index is locked until it ends."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


async def test_it_reports_an_index_locked_for_longer_than_its_retries_as_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite3"
    kb = LocalKnowledgeBase(path, busy_timeout=0.05, retries=2, backoff=0.01)
    await kb.ingest(
        assessment_id="A", document_id="d", document_name="d.pdf", chunks=_chunks("d", "Old text.")
    )
    holder = _hold_write_lock(path)
    try:
        with pytest.raises(Unavailable, match="database is locked"):
            await kb.ingest(
                assessment_id="A", document_id="d", document_name="d.pdf", chunks=_chunks("d", "New text.")
            )
    finally:
        holder.close()
    # Nothing half-written: the old version is still what is found.
    [passage] = await kb.retrieve(assessment_id="A", query="text")
    assert passage.text == "Old text."


async def test_it_waits_out_a_short_lock(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite3"
    kb = LocalKnowledgeBase(path, busy_timeout=0.05, retries=5, backoff=0.05)
    await kb.ingest(
        assessment_id="A", document_id="d", document_name="d.pdf", chunks=_chunks("d", "Old text.")
    )
    holder = _hold_write_lock(path)
    release = asyncio.get_running_loop().call_later(0.15, holder.close)
    try:
        await kb.ingest(
            assessment_id="A", document_id="d", document_name="d.pdf", chunks=_chunks("d", "New text.")
        )
    finally:
        release.cancel()
        holder.close()
    [passage] = await kb.retrieve(assessment_id="A", query="text")
    assert passage.text == "New text."


async def test_it_reports_a_damaged_index_as_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(Unavailable, match="local knowledge base failed"):
        await LocalKnowledgeBase(path).retrieve(assessment_id="A", query="anything")
