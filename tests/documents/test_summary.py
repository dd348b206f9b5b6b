"""Document summaries: verbatim sentences in document order within limits, or a model's words."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from assessments.documents.chunking import sentence_spans
from assessments.documents.extract import Block, ExtractedText, extract
from assessments.documents.sniff import DocumentKind
from assessments.documents.summary import ELLIPSIS, summarise_extractive, summarise_with_llm
from integrations.errors import Throttled
from integrations.llm.contract import Completion, Message
from tests.documents.builders import docx_bytes, pdf_bytes, xlsx_bytes

BOILERPLATE_FIRST = "Please read every page of this paper carefully before you turn to the next one."
TOPICAL = [
    "Brightdesk will replace the legacy email tool used by Customer Operations agents.",
    "Customer Operations agents will answer customer emails in Brightdesk from June.",
    "Brightdesk stores customer emails and attachments in its EU data centre.",
]
BOILERPLATE_LAST = "This document is confidential and printed copies are uncontrolled."
CRAFTED = " ".join([BOILERPLATE_FIRST, *TOPICAL, BOILERPLATE_LAST])


def _plain(text: str) -> ExtractedText:
    return ExtractedText(kind=DocumentKind.TXT, blocks=(Block(text=text),))


def _doc_sentences(extracted: ExtractedText) -> list[str]:
    return [block.text[s:e] for block in extracted.blocks for s, e in sentence_spans(block.text)]


def _source_positions(summary: str, sentences: list[str], start: int = 0) -> list[int] | None:
    """Positions of the document sentences that, joined by spaces, make ``summary``, each after
    the previous one; ``None`` when the summary is not made that way."""
    if not summary:
        return []
    for position in range(start, len(sentences)):
        sentence = sentences[position]
        if summary == sentence:
            return [position]
        if summary.startswith(sentence + " "):
            rest = _source_positions(summary[len(sentence) + 1 :], sentences, position + 1)
            if rest is not None:
                return [position, *rest]
    return None


def _assert_verbatim_in_order(summary: str, extracted: ExtractedText, max_sentences: int) -> list[int]:
    positions = _source_positions(summary, _doc_sentences(extracted))
    assert positions, f"{summary!r} is not made of the document's sentences in order"
    assert len(positions) <= max_sentences
    return positions


def _project_brief_docx() -> ExtractedText:
    return extract(
        docx_bytes(
            [
                ("p", "Prepared by Customer Operations. Version 3."),
                ("h1", "Purpose"),
                (
                    "p",
                    "Customer Operations will move email support from Outlook shared mailboxes to Brightdesk.",
                ),
                ("p", "Brightdesk is a SaaS helpdesk that routes customer emails to support agents."),
                ("h1", "Scope"),
                ("p", "The change covers email support for retail customers. Telephony is out of scope."),
                ("table", [["System", "Owner"], ["Brightdesk", "Customer Operations"]]),
                ("h1", "Hosting"),
                ("p", "The vendor hosts Brightdesk in Frankfurt. Customer emails are kept for two years."),
                ("p", "Support agents sign in to Brightdesk with single sign-on."),
            ]
        ),
        DocumentKind.DOCX,
    )


def test_it_summarises_a_docx_with_verbatim_sentences_in_document_order() -> None:
    extracted = _project_brief_docx()

    summary = summarise_extractive(extracted)

    positions = _assert_verbatim_in_order(summary, extracted, max_sentences=3)
    assert len(summary) <= 600
    assert "Brightdesk" in summary
    assert "Prepared by" not in summary  # about the document, not what it is about
    assert " | " not in summary  # table rows are not prose
    assert positions == sorted(positions)


def test_it_summarises_a_pdf_within_its_limits() -> None:
    extracted = extract(
        pdf_bytes(
            [
                "Project brief: Brightdesk helpdesk\nBrightdesk will replace the shared mailboxes used by\n"
                "Customer Operations for customer email support.",
                "Brightdesk stores customer emails in its Frankfurt data centre.\n"
                "Customer email is retained for two years and then deleted.",
                "Support agents sign in to Brightdesk with single sign-on and MFA.",
            ],
            footer="Confidential - page {page}",
        ),
        DocumentKind.PDF,
    )

    for max_sentences, max_chars in [(3, 600), (2, 200), (1, 120)]:
        summary = summarise_extractive(extracted, max_sentences=max_sentences, max_chars=max_chars)
        _assert_verbatim_in_order(summary, extracted, max_sentences)
        assert len(summary) <= max_chars
        assert "Confidential" not in summary


def test_it_summarises_plain_text_and_markdown() -> None:
    markdown = (
        "# Brightdesk rollout\n\n"
        "Brightdesk is a helpdesk for customer email. Customer Operations will roll out Brightdesk in June.\n\n"
        "## Data\n\n"
        "Brightdesk keeps customer emails for two years. Attachments are scanned for malware.\n"
    )
    for extracted in (extract(markdown.encode(), DocumentKind.MD), _plain(CRAFTED)):
        summary = summarise_extractive(extracted, max_sentences=2)
        _assert_verbatim_in_order(summary, extracted, max_sentences=2)
        assert "Brightdesk" in summary


def test_it_picks_the_topical_sentences_over_boilerplate() -> None:
    extracted = _plain(CRAFTED)

    one = summarise_extractive(extracted, max_sentences=1)
    two = summarise_extractive(extracted, max_sentences=2)

    assert one in TOPICAL
    assert _source_positions(two, _doc_sentences(extracted)) is not None
    assert BOILERPLATE_FIRST not in two and BOILERPLATE_LAST not in two
    assert all(sentence in TOPICAL for sentence in _sentences_of(two, extracted))


def _sentences_of(summary: str, extracted: ExtractedText) -> list[str]:
    sentences = _doc_sentences(extracted)
    positions = _source_positions(summary, sentences) or []
    return [sentences[p] for p in positions]


def test_it_keeps_document_order_even_when_a_later_sentence_scores_higher() -> None:
    extracted = _plain(
        "Customer Operations will move email support to a new helpdesk in June. "
        "Outlook mailboxes go away next year once the move is complete. "
        "Brightdesk routes customer email to support agents, and Brightdesk agents answer customer email in Brightdesk. "
        "Brightdesk keeps customer email for two years."
    )
    best = summarise_extractive(extracted, max_sentences=1)
    summary = summarise_extractive(extracted, max_sentences=2)

    assert best == "Brightdesk keeps customer email for two years."  # the last sentence
    positions = _assert_verbatim_in_order(summary, extracted, max_sentences=2)
    assert len(positions) == 2
    assert summary.endswith(" " + best)  # chosen first, shown last


def test_it_cuts_a_sentence_too_long_for_the_limit_on_a_word_boundary() -> None:
    sentence = (
        "Brightdesk will replace the shared Outlook mailboxes that Customer Operations uses for "
        "customer email support across every retail brand."
    )
    extracted = _plain(sentence)

    summary = summarise_extractive(extracted, max_chars=50)

    assert len(summary) <= 50
    assert summary.endswith(ELLIPSIS)
    head = summary.removesuffix(ELLIPSIS)
    assert sentence.startswith(head)
    assert sentence[len(head)] == " "  # cut between words
    assert summarise_extractive(_plain("Supercalifragilistic"), max_chars=8) == "Superca" + ELLIPSIS


def test_it_prefers_whole_sentences_that_fit_over_cutting_one() -> None:
    extracted = _plain(CRAFTED)
    limit = max(len(s) for s in TOPICAL) + 1

    summary = summarise_extractive(extracted, max_chars=limit)

    assert summary in TOPICAL


def test_it_still_summarises_a_spreadsheet() -> None:
    extracted = extract(
        xlsx_bytes({"Systems": [["System", "Owner"], ["Brightdesk", "Customer Operations"]]}),
        DocumentKind.XLSX,
    )
    summary = summarise_extractive(extracted)
    _assert_verbatim_in_order(summary, extracted, max_sentences=3)
    assert summary


def test_an_empty_document_has_an_empty_summary() -> None:
    assert summarise_extractive(ExtractedText(kind=DocumentKind.TXT, blocks=())) == ""
    assert summarise_extractive(_plain("   \n  ")) == ""


def test_it_refuses_limits_that_allow_nothing() -> None:
    with pytest.raises(ValueError):
        summarise_extractive(_plain(CRAFTED), max_sentences=0)
    with pytest.raises(ValueError):
        summarise_extractive(_plain(CRAFTED), max_chars=0)


# --- with an LLM --------------------------------------------------------------------------------


class RecordingLLM:
    """Replies with ``reply`` (or raises ``error``) and remembers what it was given."""

    model = "recording"

    def __init__(self, reply: str = "", *, error: Exception | None = None) -> None:
        self.reply = reply
        self.error = error
        self.systems: list[str] = []
        self.calls: list[list[Message]] = []

    async def complete(self, *, system: str, messages: list[Message]) -> Completion:
        self.systems.append(system)
        self.calls.append(list(messages))
        if self.error is not None:
            raise self.error
        return Completion(text=self.reply, model=self.model)

    async def stream(self, *, system: str, messages: list[Message]) -> AsyncIterator[str]:
        self.systems.append(system)
        self.calls.append(list(messages))
        yield self.reply


async def test_it_gives_the_model_the_document_as_data_and_returns_its_stripped_reply() -> None:
    extracted = _project_brief_docx()
    llm = RecordingLLM("  Customer Operations is moving email support to Brightdesk.\n")

    summary = await summarise_with_llm(llm, extracted)

    assert summary == "Customer Operations is moving email support to Brightdesk."
    [messages] = llm.calls
    [message] = messages
    assert message.role == "user"
    assert extracted.text in message.text
    assert "not instructions" in llm.systems[0]
    assert "plain text" in llm.systems[0]


async def test_it_truncates_a_long_document() -> None:
    extracted = _plain(" ".join(f"Sentence number {n} is about Brightdesk." for n in range(400)))
    llm = RecordingLLM("A summary.")

    await summarise_with_llm(llm, extracted, max_input_chars=1000)

    text = llm.calls[0][0].text
    assert extracted.text[:1000] in text
    assert extracted.text[:1001] not in text
    assert "first 1000 characters" in text


async def test_it_falls_back_to_the_extractive_summary_on_an_empty_reply() -> None:
    extracted = _plain(CRAFTED)

    summary = await summarise_with_llm(RecordingLLM(" \n "), extracted)

    assert summary == summarise_extractive(extracted)
    assert summary


async def test_it_does_not_call_the_model_for_an_empty_document() -> None:
    llm = RecordingLLM("Made up.")

    assert await summarise_with_llm(llm, ExtractedText(kind=DocumentKind.TXT, blocks=())) == ""
    assert llm.calls == []


async def test_llm_errors_propagate() -> None:
    with pytest.raises(Throttled):
        await summarise_with_llm(
            RecordingLLM(error=Throttled("Converse: ThrottlingException")), _plain(CRAFTED)
        )
