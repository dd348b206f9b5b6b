"""Where an answer came from, as the review page and the requestor's pages show it.

An answer is the requestor's own ("Manual"), a suggestion taken as it was ("Accepted
suggestion"), or one the requestor changed before saving ("Edited suggestion"). The last two
show the passages the suggestion cited: frozen on the answer when it was saved, so they stay
what the requestor saw even after the documents changed and the suggestion was replaced. An
answer saved before citations were kept falls back to the current suggestion's, and says so.

Each citation links to its document's download while the assessment still lists the
document; a removed document keeps its name and passage, without a link.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from assessments.domain.documents import CitationRecord, DocumentRecord, SuggestionRecord
from assessments.domain.records import AnswerRecord

MANUAL = "manual"
ACCEPTED = "suggestion_accepted"
EDITED = "suggestion_edited"

LABELS = {MANUAL: "Manual", ACCEPTED: "Accepted suggestion", EDITED: "Edited suggestion"}
CSS_CLASSES = {MANUAL: "provenance-manual", ACCEPTED: "provenance-accepted", EDITED: "provenance-edited"}
# Reassessment and the answer library (assessments/services/reassessment.py, library_use.py): a
# carried answer the requestor has not confirmed is marked for the assessor.
LABELS |= {"carried_over": "Carried over, not confirmed", "library": "From the answer library"}
CSS_CLASSES |= {"carried_over": "provenance-carried", "library": "provenance-library"}


@dataclass(frozen=True)
class CitationView:
    document_id: str
    document_name: str
    page: int | None
    section: str | None
    passage: str  # verbatim, as the suggestion quoted it
    download_url: str | None  # None once the document was removed (or with no assessment given)

    @property
    def where(self) -> str:
        """ "brief.docx, page 3, Security" — the document and the place in it."""
        parts = [self.document_name or "A document"]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.section:
            parts.append(self.section)
        return ", ".join(parts)

    @property
    def document_available(self) -> bool:
        return self.download_url is not None


@dataclass(frozen=True)
class Provenance:
    source: str  # manual | suggestion_accepted | suggestion_edited ("" when unanswered)
    label: str
    css_class: str
    citations: tuple[CitationView, ...]
    # "answer": frozen on the answer when it was saved; "suggestion": the current suggestion's
    # (an answer saved before citations were kept); "": none.
    citations_from: str = ""
    suggested_value: str | list[str] | None = None  # what the suggestion said (an edit differs)

    @property
    def from_suggestion(self) -> bool:
        return self.source in (ACCEPTED, EDITED)

    @property
    def edited(self) -> bool:
        return self.source == EDITED

    @property
    def suggested_text(self) -> str:
        value = self.suggested_value
        return ", ".join(value) if isinstance(value, list) else (value or "")


UNANSWERED = Provenance(source="", label="", css_class="provenance-none", citations=())


def provenance_of(
    answer: AnswerRecord | None,
    suggestion: SuggestionRecord | None,
    *,
    assessment_id: str | None = None,
    documents: Iterable[DocumentRecord] | None = None,
) -> Provenance:
    """The provenance of ``answer`` (pure but for reversing the download URL).

    ``suggestion``: the question's current suggestion, used only for an answer taken from a
    suggestion before citations were frozen on answers. ``assessment_id`` and ``documents``
    (the assessment's current documents) give the download links; without ``documents``
    every cited document is assumed to be there.
    """
    if answer is None:
        return UNANSWERED
    source = answer.source if answer.source in LABELS else MANUAL
    label, css_class = LABELS[source], CSS_CLASSES[source]
    if source == MANUAL:
        return Provenance(source=source, label=label, css_class=css_class, citations=())
    citations: tuple[CitationRecord, ...] = answer.citations
    citations_from = "answer" if citations else ""
    suggested_value = answer.suggested_value
    if not citations and suggestion is not None and suggestion.citations:
        citations, citations_from = suggestion.citations, "suggestion"
        suggested_value = suggested_value if suggested_value is not None else suggestion.answer
    present = None if documents is None else {d.id for d in documents}
    return Provenance(
        source=source,
        label=label,
        css_class=css_class,
        citations=tuple(_view(c, assessment_id, present) for c in citations),
        citations_from=citations_from,
        suggested_value=suggested_value,
    )


def _view(citation: CitationRecord, assessment_id: str | None, present: set[str] | None) -> CitationView:
    available = assessment_id is not None and (present is None or citation.document_id in present)
    return CitationView(
        document_id=citation.document_id,
        document_name=citation.document_name,
        page=citation.page,
        section=citation.section,
        passage=citation.passage,
        download_url=document_download_url(assessment_id, citation.document_id) if available else None,
    )


def document_download_url(assessment_id: str | None, document_id: str) -> str | None:
    """The download link of a document (None without an assessment)."""
    if assessment_id is None:
        return None
    return reverse("assessments:document_download", args=[assessment_id, document_id])
