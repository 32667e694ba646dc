"""Which saves of documents change which public pages (see cwg/pagecache.py).

Only changes the public can see invalidate: a draft, submitted or registered document that was
never published is on no anonymous page, so delegates' uploads leave the cached pages alone.
"""

from cwg.pagecache import OPEN_DATA_SCOPE, invalidate_when_saved
from documents.models import (
    CoSponsor,
    Document,
    DocumentFile,
    DocumentRevision,
    TranslationRequest,
)
from meetings.pagecache import meeting_scope

DOCUMENTS_SCOPE = "documents"  # every public document: the API's list


def document_scope(pk: int) -> str:
    return f"document:{pk}"


def scopes_of_document(document: Document) -> list[str]:
    if document.status != Document.Status.PUBLISHED and document.published_at is None:
        return []
    return [
        DOCUMENTS_SCOPE,
        OPEN_DATA_SCOPE,  # each meeting's documents are an open dataset
        document_scope(document.pk),
        meeting_scope(document.meeting.number),
    ]


def connect() -> None:
    invalidate_when_saved(
        Document,
        scopes=scopes_of_document,
        uid="documents.document",
        m2m_fields=["agenda_items", "source_states", "source_organizations", "restricted_to"],
    )
    # language versions, Rev.N, sources, the languages coming
    for model in (DocumentFile, DocumentRevision, CoSponsor, TranslationRequest):
        invalidate_when_saved(
            model,
            scopes=lambda row: scopes_of_document(row.document),
            uid=f"documents.{model.__name__.lower()}",
        )
