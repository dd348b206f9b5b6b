"""A guest downloads one of the assessment's documents: audited as ``guest_downloaded``.

A guest invited to the whole assessment may download any document it lists; one invited to a
risk area only those cited by that area's answers or suggestions (the evidence they are asked
to judge). The bytes are opened and streamed as for a reviewer (services/document_download.py),
and the event (with the invite id, never the token) is written before the first byte.
"""

from __future__ import annotations

import logging

from assessments.domain.documents import DocumentRecord
from assessments.domain.records import AssessmentCollection
from assessments.errors import NotFoundError
from assessments.guests.domain import GuestSession
from assessments.guests.service import guest_actor
from assessments.selectors.assessments import assessment_collection
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.document_download import NO_SUCH_DOCUMENT, DocumentDownload, audited_download

log = logging.getLogger(__name__)


async def guest_documents(session: GuestSession, collection: AssessmentCollection) -> list[DocumentRecord]:
    """The documents this guest may download, in the assessment's order."""
    if session.invite.area is None:
        return list(collection.documents)
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    in_area = {q.id for q in questionnaire.all_questions() if q.area_key == session.invite.area}
    cited: set[str] = set()
    for question_id in in_area:
        for record in (collection.answers.get(question_id), collection.suggestions.get(question_id)):
            cited.update(c.document_id for c in (record.citations if record else ()))
    return [d for d in collection.documents if d.id in cited]


async def guest_document_download(*, session: GuestSession, document_id: str) -> DocumentDownload:
    collection = await assessment_collection(assessment_id=session.assessment_id)
    document = next((d for d in await guest_documents(session, collection) if d.id == document_id), None)
    if document is None:
        raise NotFoundError(NO_SUCH_DOCUMENT)
    invite = session.invite
    return await audited_download(
        document,
        actor=guest_actor(invite),
        event_type="guest_downloaded",
        after={"invite_id": invite.invite_id, "document_id": document.id, "name": document.name},
    )
